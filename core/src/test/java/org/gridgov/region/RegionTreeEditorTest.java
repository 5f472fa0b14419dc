package org.gridgov.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.region.TestTrees.C1;
import static org.gridgov.region.TestTrees.C2;
import static org.gridgov.region.TestTrees.G1;
import static org.gridgov.region.TestTrees.G2;
import static org.gridgov.region.TestTrees.G3;
import static org.gridgov.region.TestTrees.ST1;
import static org.gridgov.region.TestTrees.ST2;
import static org.gridgov.region.TestTrees.U1;
import static org.gridgov.region.TestTrees.U2;
import static org.gridgov.region.TestTrees.U3;
import static org.gridgov.region.TestTrees.U4;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegionTreeEditorTest {
  private static final LocalDate NEXT = LocalDate.of(2025, 1, 1);
  private final RegionTree tree = TestTrees.small();
  private final String before = RegionCsv.toCsv(tree);

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 60).map(i -> i * 104729L);
  }

  private void assertOldTreeUntouched() {
    assertThat(RegionCsv.toCsv(tree)).isEqualTo(before);
  }

  @Test
  void splitGridMovesLaterGroupsToNewGrids() {
    RegionTreeDiff diff = tree.edit(NEXT).splitGrid(G1, List.of(List.of(U2), List.of(U1))).apply();
    RegionTree after = diff.after();
    long newGrid = 350302001001003L; // next free grid number in community C1 (1 and 2 are used)
    assertThat(after.get(G1).children()).extracting(Region::code).containsExactly(U2);
    assertThat(after.get(newGrid).name()).isEqualTo("第1网格-2");
    assertThat(after.get(newGrid).gridType()).contains(GridType.COMPREHENSIVE);
    assertThat(after.get(newGrid).children()).extracting(Region::name).containsExactly("1号楼");
    assertThat(diff.newCode(U1)).hasValue(350302001001003001L);
    assertThat(diff.newCode(U2)).hasValue(U2);
    assertThat(diff.newCode(G1)).hasValue(G1);
    assertThat(diff.changes())
        .contains(
            new RegionTreeDiff.Change(
                U1, OptionalLong.of(350302001001003001L), RegionTreeDiff.Kind.SPLIT));
    assertThat(after.edition()).isEqualTo(NEXT);
    assertThat(after.totalPopulation()).isEqualTo(tree.totalPopulation());
    assertOldTreeUntouched();
  }

  @Test
  void splitGridRejectsBadPartitions() {
    assertThatThrownBy(() -> tree.edit(NEXT).splitGrid(G1, List.of(List.of(U1, U2))).apply())
        .hasMessageContaining("at least two groups");
    assertThatThrownBy(() -> tree.edit(NEXT).splitGrid(G1, List.of(List.of(U1), List.of())).apply())
        .hasMessageContaining("at least one unit");
    assertThatThrownBy(
            () -> tree.edit(NEXT).splitGrid(G1, List.of(List.of(U1), List.of(U3))).apply())
        .hasMessageContaining("unit " + U3 + " is not in grid " + G1);
    assertThatThrownBy(
            () -> tree.edit(NEXT).splitGrid(G1, List.of(List.of(U1), List.of(U1))).apply())
        .hasMessageContaining("twice");
    assertThatThrownBy(
            () -> tree.edit(NEXT).splitGrid(G3, List.of(List.of(U4), List.of(U4))).apply())
        .hasMessageContaining("twice");
    assertThatThrownBy(
            () -> tree.edit(NEXT).splitGrid(C1, List.of(List.of(U1), List.of(U2))).apply())
        .hasMessageContaining("is a COMMUNITY, not a GRID")
        .hasMessageContaining("edit 1 of 1, splitGrid");
  }

  @Test
  void splitGridMustPlaceEveryUnit() {
    RegionTree t =
        TestTrees.small().edit(NEXT).moveUnit(U4, G1).apply().after(); // G1 now has three units
    assertThatThrownBy(() -> t.edit(NEXT).splitGrid(G1, List.of(List.of(U1), List.of(U2))).apply())
        .hasMessageContaining("hold 2 of the 3 units");
  }

  @Test
  void mergeGridsKeepsTheFirstAndMapsTheOthersToIt() {
    RegionTreeDiff diff = tree.edit(NEXT).mergeGrids(List.of(G1, G2)).apply();
    RegionTree after = diff.after();
    assertThat(after.find(G2)).isEmpty();
    assertThat(after.get(G1).children())
        .extracting(Region::code)
        .containsExactly(U1, U2, 350302001001001003L);
    assertThat(diff.newCode(G2)).hasValue(G1);
    assertThat(diff.newCode(U3)).hasValue(350302001001001003L);
    assertThat(after.get(G1).subtreeHouseholds()).isEqualTo(80);
    assertThat(after.totalHouseholds()).isEqualTo(tree.totalHouseholds());
    assertOldTreeUntouched();
  }

  @Test
  void mergeGridsRejectsGridsOfDifferentCommunities() {
    assertThatThrownBy(() -> tree.edit(NEXT).mergeGrids(List.of(G1, G3)).apply())
        .hasMessageContaining("only grids of one community merge");
    assertThatThrownBy(() -> tree.edit(NEXT).mergeGrids(List.of(G1)).apply())
        .hasMessageContaining("at least two");
    assertThatThrownBy(() -> tree.edit(NEXT).mergeGrids(List.of(G1, G1)).apply())
        .hasMessageContaining("distinct");
  }

  @Test
  void moveUnitAppendsToTheTargetGrid() {
    RegionTreeDiff diff = tree.edit(NEXT).moveUnit(U1, G3).apply();
    assertThat(diff.newCode(U1)).hasValue(350302001002001002L);
    assertThat(diff.after().get(G3).unitCount()).isEqualTo(2);
    assertThat(diff.after().get(C2).subtreePopulation()).isEqualTo(165);
    assertThat(diff.changes())
        .singleElement()
        .extracting(RegionTreeDiff.Change::kind)
        .isEqualTo(RegionTreeDiff.Kind.MOVED);
    assertThatThrownBy(() -> tree.edit(NEXT).moveUnit(U1, G1).apply())
        .hasMessageContaining("already in grid");
    assertThatThrownBy(() -> tree.edit(NEXT).moveUnit(G1, G3).apply())
        .hasMessageContaining("not a UNIT");
    assertThatThrownBy(() -> tree.edit(NEXT).moveUnit(U1, 350302001009001L).apply())
        .hasMessageContaining("no region with code 350302001009001");
  }

  @Test
  void regridCutsUnitsIntoContiguousRunsNearTheTarget() {
    // C1 units in order: U1 (40 hh), U2 (30 hh), U3 (10 hh). Target 40: U1 | U2 U3.
    RegionTreeDiff diff = tree.edit(NEXT).regrid(C1, 40).apply();
    RegionTree after = diff.after();
    Region c1 = after.get(C1);
    assertThat(c1.children()).extracting(Region::name).containsExactly("第1网格", "第2网格");
    assertThat(c1.children()).extracting(Region::subtreeHouseholds).containsExactly(40L, 40L);
    assertThat(diff.newCode(U1)).hasValue(350302001001001001L);
    assertThat(diff.newCode(U2)).hasValue(350302001001002001L);
    assertThat(diff.newCode(U3)).hasValue(350302001001002002L);
    assertThat(diff.newCode(G1)).hasValue(350302001001001L);
    assertThat(diff.newCode(G2)).hasValue(350302001001002L);
    // the grid type of a new grid comes from the old grid of its first unit
    assertThat(after.get(350302001001002L).gridType()).contains(GridType.COMPREHENSIVE);
    assertThat(after.totalPopulation()).isEqualTo(tree.totalPopulation());
    // target 1000: everything in one grid
    RegionTreeDiff one = tree.edit(NEXT).regrid(C1, 1000).apply();
    assertThat(one.after().get(C1).children()).hasSize(1);
    assertThat(one.newCode(G2)).hasValue(G1);
    assertThatThrownBy(() -> tree.edit(NEXT).regrid(C1, 0)).hasMessageContaining("at least 1");
  }

  @Test
  void renameAndRetire() {
    RegionTreeDiff diff = tree.edit(NEXT).rename(ST2, "新街道").retire(C2).apply();
    assertThat(diff.after().get(ST2).name()).isEqualTo("新街道");
    assertThat(diff.after().find(C2)).isEmpty();
    assertThat(diff.after().find(U4)).isEmpty();
    assertThat(diff.newCode(C2)).isEmpty();
    assertThat(diff.newCode(U4)).isEmpty();
    assertThat(diff.newRegion(G3)).isEmpty();
    assertThat(diff.after().totalPopulation()).isEqualTo(tree.totalPopulation() - 65);
    assertThatThrownBy(() -> tree.edit(NEXT).rename(ST2, " ").apply())
        .hasMessageContaining("blank");
    assertOldTreeUntouched();
  }

  @Test
  void laterEditsSeeEarlierOnesAndNothingIsHalfApplied() {
    RegionTreeDiff diff = tree.edit(NEXT).moveUnit(U4, G2).mergeGrids(List.of(G1, G2)).apply();
    // U4 moved to G2 (as 350302001001002002) and then merged into G1.
    assertThat(diff.newCode(U4)).hasValue(350302001001001004L);
    assertThat(diff.after().get(C2).unitCount()).isZero();
    RegionTreeEditor bad = tree.edit(NEXT).rename(ST1, "renamed").moveUnit(U1, 123L);
    assertThatThrownBy(bad::apply).hasMessageContaining("edit 2 of 2");
    assertThatThrownBy(bad::apply).isInstanceOf(IllegalStateException.class);
    assertOldTreeUntouched();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomEditsConserveTotalsAndTheDiffMapsEveryOldRegion(long seed) {
    RegionTree t = TestTrees.random(seed);
    SplittableRandom r = new SplittableRandom(seed);
    RegionTreeEditor editor = t.edit(NEXT);
    // Choose edits on the old tree that do not interfere: each on a different community.
    List<Region> communities = new ArrayList<>(t.regionsAt(RegionLevel.COMMUNITY));
    int edits = 0;
    for (Region c : communities) {
      List<Region> grids = c.children();
      List<Region> units = c.descendantsAt(RegionLevel.UNIT);
      int kind = r.nextInt(4);
      if (kind == 0 && grids.size() >= 2) {
        editor.mergeGrids(List.of(grids.get(0).code(), grids.get(1).code()));
        edits++;
      } else if (kind == 1 && !units.isEmpty()) {
        editor.regrid(c.code(), 1 + r.nextInt(150));
        edits++;
      } else if (kind == 2) {
        Region g = grids.get(0);
        List<Region> us = g.children();
        if (us.size() >= 2) {
          int cut = 1 + r.nextInt(us.size() - 1);
          List<Long> a = new ArrayList<>();
          List<Long> b = new ArrayList<>();
          for (int k = 0; k < us.size(); k++) {
            (k < cut ? a : b).add(us.get(k).code());
          }
          editor.splitGrid(g.code(), List.of(b, a));
          edits++;
        }
      } else if (kind == 3 && !units.isEmpty() && grids.size() >= 2) {
        Region u = units.get(units.size() - 1);
        Region target = grids.get(0).equals(u.parent().orElseThrow()) ? grids.get(1) : grids.get(0);
        editor.moveUnit(u.code(), target.code());
        edits++;
      }
    }
    RegionTreeDiff diff = editor.apply();
    RegionTree after = diff.after();
    assertThat(after.totalPopulation())
        .as("seed %d, %d edits", seed, edits)
        .isEqualTo(t.totalPopulation());
    assertThat(after.totalHouseholds()).as("seed %d", seed).isEqualTo(t.totalHouseholds());
    assertThat(after.count(RegionLevel.UNIT))
        .as("seed %d", seed)
        .isEqualTo(t.count(RegionLevel.UNIT));
    for (Region c : communities) {
      assertThat(after.get(c.code()).subtreePopulation())
          .as("seed %d community %d", seed, c.code())
          .isEqualTo(c.subtreePopulation());
    }
    for (int i = 0; i < t.size(); i++) {
      Region old = t.region(i);
      OptionalLong now = diff.newCode(old.code());
      assertThat(now).as("seed %d: %s", seed, old).isPresent();
      Region mapped = after.get(now.getAsLong());
      assertThat(mapped.level()).as("seed %d", seed).isEqualTo(old.level());
      if (old.level() == RegionLevel.UNIT) {
        assertThat(mapped.population()).as("seed %d", seed).isEqualTo(old.population());
        assertThat(mapped.name()).isEqualTo(old.name());
      }
      // The new region stays in the same community.
      if (old.level().depth() >= RegionLevel.COMMUNITY.depth()) {
        assertThat(mapped.ancestorAt(RegionLevel.COMMUNITY).orElseThrow().code())
            .as("seed %d: %s", seed, old)
            .isEqualTo(old.ancestorAt(RegionLevel.COMMUNITY).orElseThrow().code());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void retireRemovesExactlyTheSubtreeAndMapsItToEmpty(long seed) {
    RegionTree t = TestTrees.random(seed);
    Region victim = t.region(new SplittableRandom(seed).nextInt(t.size()));
    RegionTreeDiff diff = t.edit(NEXT).retire(victim.code()).apply();
    assertThat(diff.after().size()).as("seed %d", seed).isEqualTo(t.size() - victim.subtreeSize());
    assertThat(diff.after().totalPopulation())
        .as("seed %d", seed)
        .isEqualTo(t.totalPopulation() - victim.subtreePopulation());
    for (int i = 0; i < t.size(); i++) {
      Region old = t.region(i);
      assertThat(diff.newCode(old.code()).isEmpty())
          .as("seed %d %s", seed, old)
          .isEqualTo(victim.contains(old));
    }
  }

  @Test
  void anEditorTakesNoEditAfterApply() {
    RegionTreeEditor e = tree.edit(NEXT).rename(ST1, "x");
    var unused = e.apply();
    assertThatThrownBy(() -> e.rename(ST2, "y"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("apply()");
    assertThatThrownBy(() -> e.retire(ST2)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void editsNameTheirNumberAndTheWrongLevelOrUnknownCode() {
    assertThatThrownBy(() -> tree.edit(NEXT).rename(ST1, "a").moveUnit(G1, G2).apply())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("edit 2 of 2, moveUnit(")
        .hasMessageContaining(G1 + " is a GRID, not a UNIT");
    assertThatThrownBy(() -> tree.edit(NEXT).mergeGrids(List.of(U1, U2)).apply())
        .hasMessageContaining("edit 1 of 1")
        .hasMessageContaining("is a UNIT, not a GRID");
    assertThatThrownBy(() -> tree.edit(NEXT).regrid(G1, 10).apply())
        .hasMessageContaining("is a GRID, not a COMMUNITY");
    assertThatThrownBy(() -> tree.edit(NEXT).rename(123L, "x").apply())
        .hasMessageContaining("no region with code 123");
    assertThatThrownBy(() -> tree.edit(NEXT).retire(124L).apply())
        .hasMessageContaining("no region with code 124");
    // a retired region is gone for later edits of the same batch
    assertThatThrownBy(() -> tree.edit(NEXT).retire(C2).rename(G3, "x").apply())
        .hasMessageContaining("edit 2 of 2")
        .hasMessageContaining("no region with code " + G3);
    assertOldTreeUntouched();
  }

  @Test
  void moveUnitIntoItsOwnGridAndRegridWithoutUnitsAreRefused() {
    assertThatThrownBy(() -> tree.edit(NEXT).moveUnit(U1, G1).apply())
        .hasMessageContaining("unit " + U1 + " is already in grid " + G1);
    assertThatThrownBy(() -> tree.edit(NEXT).retire(U4).regrid(C2, 10).apply())
        .hasMessageContaining("community " + C2 + " has no units to re-grid");
    assertThatThrownBy(() -> tree.edit(NEXT).regrid(C1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1 but was 0");
    assertOldTreeUntouched();
  }

  @Test
  void renameToANameWithAControlCharacterIsRefusedAsThatEdit() {
    assertThatThrownBy(() -> tree.edit(NEXT).rename(ST2, "新\u0000街道").apply())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("edit 1 of 1, rename(" + ST2 + ")")
        .hasMessageContaining("U+0000");
  }

  @Test
  void regridToOneHouseholdPerGridMakesAGridPerUnitBeyondTheFirstCapacity() {
    // one community, one grid of 40 units with one household each: 40 grids, more new rows than the
    // spare 16
    long d = 350302L;
    long st = 350302001L;
    long c = 350302001001L;
    long g = 350302001001001L;
    RegionTree.Builder b = RegionTree.builder(TestTrees.S, TestTrees.EDITION);
    b.addDistrict(d, "d");
    b.add(RegionLevel.STREET, st, d, "s");
    b.add(RegionLevel.COMMUNITY, c, st, "c");
    b.add(RegionLevel.GRID, g, c, "g").gridType(GridType.DEDICATED);
    for (int u = 1; u <= 40; u++) {
      b.add(RegionLevel.UNIT, g * 1000 + u, g, "u" + u).households(1).population(3);
    }
    RegionTree t = b.build();
    RegionTreeDiff diff = t.edit(NEXT).regrid(c, 1).apply();
    RegionTree after = diff.after();
    assertThat(after.get(c).children()).hasSize(40);
    assertThat(after.get(c).children())
        .allSatisfy(
            grid -> {
              assertThat(grid.children()).hasSize(1);
              assertThat(grid.gridType()).contains(GridType.DEDICATED);
            });
    assertThat(after.totalPopulation()).isEqualTo(120);
    assertThat(diff.newCode(g * 1000 + 40)).hasValue(350302001001040001L);
    assertThat(after.get(350302001001040L).name()).isEqualTo("第40网格");
  }

  @Test
  void splitIsRefusedWhenTheCommunityHasNoFreeGridNumber() {
    // CJ/T 213 grids have two digits: a community holds at most 99 grids
    CodeScheme cjt = CodeScheme.cjt213();
    long d = 350302L;
    long st = cjt.childCode(d, 1);
    long c = cjt.childCode(st, 1);
    RegionTree.Builder b = RegionTree.builder(cjt, TestTrees.EDITION);
    b.addDistrict(d, "d");
    b.add(RegionLevel.STREET, st, d, "s");
    b.add(RegionLevel.COMMUNITY, c, st, "c");
    for (int k = 1; k <= cjt.maxLocalNumber(RegionLevel.GRID); k++) {
      long g = cjt.childCode(c, k);
      b.add(RegionLevel.GRID, g, c, "g" + k);
      b.add(RegionLevel.UNIT, cjt.childCode(g, 1), g, "u");
    }
    long first = cjt.childCode(c, 1);
    b.add(RegionLevel.UNIT, cjt.childCode(first, 2), first, "u2");
    RegionTree t = b.build();
    assertThatThrownBy(
            () ->
                t.edit(NEXT)
                    .splitGrid(
                        first,
                        List.of(List.of(cjt.childCode(first, 1)), List.of(cjt.childCode(first, 2))))
                    .apply())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "COMMUNITY " + c + " has no free GRID number left (the largest is 99)");
  }

  @Test
  void anEditKeepsTheClassTypeAndTagsOfTheRegionsItDoesNotChange() {
    RegionTree after = tree.edit(NEXT).rename(ST2, "新街道").apply().after();
    assertThat(after.get(G1).urbanRural()).contains(UrbanRuralClass.MAIN_URBAN);
    assertThat(after.get(G1).gridType()).contains(GridType.COMPREHENSIVE);
    assertThat(after.get(G2).gridType()).contains(GridType.DEDICATED);
    assertThat(after.get(G2).urbanRural()).isEmpty();
    assertThat(after.get(U2).tags()).containsExactly("old", "school");
    assertThat(after.get(U1).tags()).isEmpty();
  }

  @Test
  void theSplitGridAndBothGridsOfAMergeAreListedAsChanged() {
    RegionTreeDiff split = tree.edit(NEXT).splitGrid(G1, List.of(List.of(U2), List.of(U1))).apply();
    assertThat(split.changes())
        .contains(new RegionTreeDiff.Change(G1, OptionalLong.of(G1), RegionTreeDiff.Kind.SPLIT));
    RegionTreeDiff merge = tree.edit(NEXT).mergeGrids(List.of(G1, G2)).apply();
    assertThat(merge.changes())
        .contains(
            new RegionTreeDiff.Change(G1, OptionalLong.of(G1), RegionTreeDiff.Kind.MERGED),
            new RegionTreeDiff.Change(G2, OptionalLong.of(G1), RegionTreeDiff.Kind.MERGED));
  }

  @Test
  void aLaterEditFindsTheGridAnEarlierEditCreated() {
    long newGrid = 350302001001003L;
    RegionTreeDiff diff =
        tree.edit(NEXT)
            .splitGrid(G1, List.of(List.of(U2), List.of(U1)))
            .rename(newGrid, "新网格")
            .moveUnit(U3, newGrid)
            .apply();
    assertThat(diff.after().get(newGrid).name()).isEqualTo("新网格");
    assertThat(diff.after().get(newGrid).children())
        .extracting(Region::code)
        .containsExactly(350302001001003001L, 350302001001003002L);
    assertThat(diff.newCode(U3)).hasValue(350302001001003002L);
  }

  @Test
  void theFirstRegionOfThePreOrderIsFoundLikeAnyOther() {
    // the district is row 0 of the tree
    assertThat(tree.indexOf(TestTrees.D)).isZero();
    assertThat(tree.edit(NEXT).rename(TestTrees.D, "新区").apply().after().get(TestTrees.D).name())
        .isEqualTo("新区");
    assertThatThrownBy(() -> tree.edit(NEXT).moveUnit(U1, TestTrees.D).apply())
        .hasMessageContaining(TestTrees.D + " is a DISTRICT, not a GRID");
  }
}
