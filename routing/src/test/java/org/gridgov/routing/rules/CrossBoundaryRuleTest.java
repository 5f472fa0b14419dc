package org.gridgov.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.Priority;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.Handler;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingFixtures;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link CrossBoundaryRule}: a new case with several locations goes to the office of their lowest
 * common region; across districts to the city office, if there is one. The oracle for the common
 * region is the tree's own ancestor lists, not the rule's location arithmetic.
 */
class CrossBoundaryRuleTest {
  private final RegionTree tree = RoutingFixtures.tree();
  private final RoutingGraph withCity = RoutingFixtures.exampleGraph();
  private final RoutingGraph withoutCity = RoutingGraph.builder(tree).build();

  private static CaseFacts facts(long... locations) {
    return RoutingFixtures.facts("C-X", "0101", Priority.NORMAL, locations);
  }

  private static Optional<RoutingDecision> newCase(RoutingGraph graph, CaseFacts facts) {
    return new CrossBoundaryRule(graph)
        .tryDecide(RoutingRequest.newCase(facts, RoutingFixtures.AT));
  }

  /** The deepest region containing both, from the tree's ancestor lists. */
  private static @Nullable Region lowestCommon(Region a, Region b) {
    @Nullable Region found = null;
    for (Region r : a.ancestors()) {
      if (r.contains(b) && (found == null || found.contains(r))) {
        found = r;
      }
    }
    return found;
  }

  @Test
  void twoGridsOfOneDistrictGoToTheOfficeOfTheirLowestCommonRegion() {
    List<Region> grids = tree.regionsAt(RegionLevel.GRID);
    Region a = grids.get(0);
    int checked = 0;
    for (Region b : grids.subList(1, grids.size())) {
      Region common = lowestCommon(a, b);
      if (common == null) {
        continue; // another district: the next test
      }
      Optional<RoutingDecision> d = newCase(withCity, facts(a.code(), b.code()));
      assertThat(d).as("grids %s and %s", a.codeText(), b.codeText()).isPresent();
      RoutingDecision.Assign assign = (RoutingDecision.Assign) d.orElseThrow();
      assertThat(assign.lead()).isEqualTo(withCity.officeIdAt(common.index()));
      assertThat(assign.assists()).isEmpty();
      checked++;
    }
    assertThat(checked).as("grids sharing a district with the first").isPositive();
  }

  @Test
  void gridsOfTwoDistrictsGoToTheCityOfficeOrAreLeftToTheNextRule() {
    Region a = tree.regionsAt(RegionLevel.GRID).get(0);
    Region other =
        tree.regionsAt(RegionLevel.GRID).stream()
            .filter(g -> lowestCommon(a, g) == null)
            .findFirst()
            .orElseThrow();
    CaseFacts twoDistricts = facts(a.code(), other.code());
    RoutingDecision d = newCase(withCity, twoDistricts).orElseThrow();
    assertThat(((RoutingDecision.Assign) d).lead()).isEqualTo(Handler.CITY_OFFICE_ID);
    assertThat(newCase(withoutCity, twoDistricts)).isEmpty();
  }

  @Test
  void oneLocationOrAnotherDecisionPointIsNotItsBusiness() {
    List<Region> grids = tree.regionsAt(RegionLevel.GRID);
    CaseFacts one = facts(grids.get(0).code());
    assertThat(newCase(withCity, one)).isEmpty();
    CaseFacts two = facts(grids.get(0).code(), grids.get(1).code());
    String holder = withCity.officeIdAt(grids.get(0).index());
    for (DecisionPoint p : List.of(DecisionPoint.BREACH, DecisionPoint.RETURN)) {
      RoutingRequest r =
          RoutingRequest.of(two, p, RoutingFixtures.AT, holder, List.of(holder), List.of(), 1);
      assertThat(new CrossBoundaryRule(withCity).tryDecide(r)).as("%s", p).isEmpty();
    }
    assertThat(
            new CrossBoundaryRule(withCity).whyNot(RoutingRequest.newCase(one, RoutingFixtures.AT)))
        .contains("several locations");
  }
}
