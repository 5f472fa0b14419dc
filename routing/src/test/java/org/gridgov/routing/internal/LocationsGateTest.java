package org.gridgov.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.casefile.Priority;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.RoutingFixtures;
import org.gridgov.routing.RoutingRequest;
import org.junit.jupiter.api.Test;

/**
 * {@link Locations} against an oracle of its own: the lowest common region of a case's locations
 * found from each region's ancestor list (nearest first), no common region when they lie in
 * different districts; every location's index in order; an unknown code refused naming the case,
 * the code and the tree's edition (issue 17, the mutation-testing gate).
 */
class LocationsGateTest {

  private static final RegionTree TREE = RoutingFixtures.tree();

  private static RoutingRequest request(long... codes) {
    return RoutingRequest.newCase(
        RoutingFixtures.facts("C-7", "0101", Priority.NORMAL, codes), RoutingFixtures.AT);
  }

  /** The region itself, then its ancestors nearest first. */
  private static List<Region> selfAndAncestors(Region r) {
    List<Region> out = new ArrayList<>();
    out.add(r);
    out.addAll(r.ancestors());
    return out;
  }

  /** The oracle: the first region of a's chain that every other chain contains, else -1. */
  private static int lowestCommonIndex(long... codes) {
    List<Region> candidates = selfAndAncestors(TREE.get(codes[0]));
    for (Region c : candidates) {
      boolean common = true;
      for (int i = 1; i < codes.length; i++) {
        common &= selfAndAncestors(TREE.get(codes[i])).contains(c);
      }
      if (common) {
        return TREE.indexOf(c.code());
      }
    }
    return Locations.NO_COMMON_REGION;
  }

  @Test
  void everyPairOfRegionsAgainstTheAncestorListsOracle() {
    List<Region> all = new ArrayList<>();
    for (RegionLevel level :
        new RegionLevel[] {
          RegionLevel.DISTRICT, RegionLevel.STREET, RegionLevel.COMMUNITY, RegionLevel.GRID
        }) {
      all.addAll(TREE.regionsAt(level));
    }
    int different = 0;
    for (Region a : all) {
      assertThat(Locations.regionIndex(TREE, request(a.code())))
          .as("one location %s", a.code())
          .isEqualTo(TREE.indexOf(a.code()));
      for (Region b : all) {
        if (b.equals(a)) {
          continue; // a case names each location once
        }
        int expected = lowestCommonIndex(a.code(), b.code());
        different += expected == Locations.NO_COMMON_REGION ? 1 : 0;
        assertThat(Locations.regionIndex(TREE, request(a.code(), b.code())))
            .as("%s and %s", a.code(), b.code())
            .isEqualTo(expected);
      }
    }
    assertThat(different).as("pairs across the two districts exist").isPositive();
  }

  @Test
  void theFirstDistrictAndARegionOfTheOtherHaveNoCommonRegion() {
    List<Region> districts = TREE.regionsAt(RegionLevel.DISTRICT);
    Region first = districts.get(0);
    assertThat(TREE.indexOf(first.code())).as("the tree's first row").isZero();
    long otherGrid =
        TREE.regionsAt(RegionLevel.GRID).stream()
            .filter(g -> g.ancestors().contains(districts.get(1)))
            .findFirst()
            .orElseThrow()
            .code();
    assertThat(Locations.regionIndex(TREE, request(first.code(), otherGrid)))
        .isEqualTo(Locations.NO_COMMON_REGION);
    assertThat(Locations.regionIndex(TREE, request(otherGrid, first.code())))
        .isEqualTo(Locations.NO_COMMON_REGION);
    // Once apart, a third location of the first district does not bring them together.
    long firstGrid = TREE.regionsAt(RegionLevel.GRID).get(0).code();
    assertThat(Locations.regionIndex(TREE, request(first.code(), otherGrid, firstGrid)))
        .isEqualTo(Locations.NO_COMMON_REGION);
  }

  @Test
  void threeGridsOfOneStreetMeetAtTheirLowestCommonRegion() {
    List<Region> grids = TREE.regionsAt(RegionLevel.GRID);
    for (int i = 0; i + 2 < grids.size(); i++) {
      long a = grids.get(i).code();
      long b = grids.get(i + 1).code();
      long c = grids.get(i + 2).code();
      assertThat(Locations.regionIndex(TREE, request(a, b, c)))
          .as("%s %s %s", a, b, c)
          .isEqualTo(lowestCommonIndex(a, b, c));
    }
  }

  @Test
  void allIndexesInOrder() {
    List<Region> grids = TREE.regionsAt(RegionLevel.GRID);
    long a = grids.get(5).code();
    long b = grids.get(0).code();
    long c = TREE.regionsAt(RegionLevel.DISTRICT).get(1).code();
    assertThat(Locations.allIndexes(TREE, request(a, b, c)))
        .containsExactly(TREE.indexOf(a), TREE.indexOf(b), TREE.indexOf(c));
    assertThat(Locations.allIndexes(TREE, request(b))).containsExactly(TREE.indexOf(b));
  }

  @Test
  void aCodeOutsideTheTreeIsRefusedNamingCaseCodeAndEdition() {
    long grid = TREE.regionsAt(RegionLevel.GRID).get(0).code();
    long unknown = 350302999999999L;
    assertThat(TREE.indexOf(unknown)).isNegative();
    for (long[] codes : new long[][] {{unknown}, {grid, unknown}}) {
      assertThatThrownBy(() -> Locations.regionIndex(TREE, request(codes)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "case C-7: location "
                  + unknown
                  + " is not a region of the routing tree (edition 2024-01-01)");
      assertThatThrownBy(() -> Locations.allIndexes(TREE, request(codes)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("location " + unknown + " is not a region");
    }
  }
}
