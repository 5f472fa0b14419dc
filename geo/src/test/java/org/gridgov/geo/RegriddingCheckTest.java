package org.gridgov.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Percentage;
import org.gridgov.geo.analysis.CoverageAnalysis;
import org.gridgov.geo.analysis.CoverageFinding;
import org.gridgov.geo.analysis.RegriddingCheck;
import org.gridgov.geo.analysis.RegriddingReport;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.region.RegionTreeDiff;
import org.gridgov.region.RegionTreeEditor;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

class RegriddingCheckTest {
  private static final RegionGeometry GEOMETRY = GeoFixtures.small();
  private static final RegionTree TREE = GEOMETRY.tree();
  private static final LocalDate NEXT = LocalDate.of(2025, 1, 1);
  private static final CoverageAnalysis.Options OPTIONS = CoverageAnalysis.Options.defaults();

  /** m² of a degree-area at a latitude: the mean-sphere equirectangular metric, computed here. */
  private static double squareMetres(Geometry g, double lat) {
    double perDegree = 6_371_008.8 * Math.PI / 180.0;
    return g.getArea() * perDegree * perDegree * Math.cos(Math.toRadians(lat));
  }

  private static Geometry union(List<Region> regions) {
    List<Geometry> parts = new ArrayList<>();
    for (Region r : regions) {
      parts.add(GEOMETRY.geometry(r.code()).orElseThrow());
    }
    return UnaryUnionOp.union(parts);
  }

  private static Region gridWithUnits(int atLeast) {
    return TREE.regionsAt(RegionLevel.GRID).stream()
        .filter(g -> g.children().size() >= atLeast)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aSplitWhoseNewBoundaryLeavesAUnitOut_showsExactlyThatGap_andWhatMoves() {
    Region grid = gridWithUnits(4);
    List<Region> units = grid.children();
    int half = units.size() / 2;
    List<Region> stay = units.subList(0, half);
    List<Region> go = units.subList(half, units.size());
    Region left = go.get(go.size() - 1);
    RegionTreeDiff diff =
        TREE.edit(NEXT)
            .splitGrid(
                grid.code(),
                List.of(
                    stay.stream().map(Region::code).toList(),
                    go.stream().map(Region::code).toList()))
            .apply();
    long newGrid = diff.newRegion(left.code()).orElseThrow().parent().orElseThrow().code();
    assertThat(newGrid).isNotEqualTo(grid.code());
    Geometry drawnNew = union(go.subList(0, go.size() - 1)); // the planner forgot one unit
    RegriddingReport report =
        RegriddingCheck.check(
            GEOMETRY, diff, Map.of(grid.code(), union(stay), newGrid, drawnNew), OPTIONS);

    Region community = grid.parent().orElseThrow();
    double communityLat =
        GEOMETRY.geometry(community.code()).orElseThrow().getEnvelopeInternal().centre().y;
    Geometry leftOut = GEOMETRY.geometry(left.code()).orElseThrow();
    assertThat(report.reshapedOldGrids()).containsExactly(grid.code());
    assertThat(report.reshapedNewGrids()).containsExactlyInAnyOrder(grid.code(), newGrid);
    assertThat(report.coverage().findings()).hasSize(2);
    CoverageFinding gap = report.coverage().findings(CoverageFinding.Kind.GAP).get(0);
    assertThat(gap.parentCode()).isEqualTo(community.code());
    assertThat(gap.areaSquareMetres())
        .isCloseTo(squareMetres(leftOut, communityLat), Percentage.withPercentage(1e-6));
    assertThat(
            leftOut.covers(
                RegionGeometry.FACTORY.createPoint(
                    new org.locationtech.jts.geom.Coordinate(
                        gap.point().lon(), gap.point().lat()))))
        .isTrue();
    CoverageFinding outside =
        report.coverage().findings(CoverageFinding.Kind.OUTSIDE_PARENT).get(0);
    assertThat(outside.parentCode()).isEqualTo(newGrid);
    assertThat(outside.childCodes()).containsExactly(diff.newCode(left.code()).orElseThrow());

    assertThat(report.populationKnown()).isTrue();
    long movedPeople = go.stream().mapToLong(Region::population).sum();
    assertThat(movedPeople).isPositive();
    assertThat(report.transfers()).hasSize(1);
    RegriddingReport.Transfer t = report.transfers().get(0);
    assertThat(t.fromGrid()).isEqualTo(grid.code());
    assertThat(t.toGrid()).isEqualTo(newGrid);
    assertThat(t.population()).isEqualTo(movedPeople);
    double gridLat = GEOMETRY.geometry(grid.code()).orElseThrow().getEnvelopeInternal().centre().y;
    assertThat(t.areaSquareMetres())
        .isCloseTo(squareMetres(drawnNew, gridLat), Percentage.withPercentage(1e-6));
    assertThat(report.isClean()).isFalse();
    assertThat(report.text()).contains("ERROR GAP at region " + community.code());
    assertThat(report.text()).contains("MOVE " + grid.code() + " -> " + newGrid);
  }

  @Test
  void aSplitAlongItsUnits_isClean() {
    Region grid = gridWithUnits(4);
    List<Region> units = grid.children();
    RegionTreeDiff diff =
        TREE.edit(NEXT)
            .splitGrid(
                grid.code(),
                List.of(
                    units.subList(0, 2).stream().map(Region::code).toList(),
                    units.subList(2, units.size()).stream().map(Region::code).toList()))
            .apply();
    // No drawn boundaries: both grids become the union of their units.
    RegriddingReport report = RegriddingCheck.check(GEOMETRY, diff, Map.of(), OPTIONS);
    assertThat(report.coverage().findings()).isEmpty();
    assertThat(report.coverage().parentsChecked()).isEqualTo(3); // community + 2 grids
    assertThat(report.gridsWithoutGeometry()).isEmpty();
  }

  @Test
  void aMergeOfTwoGrids_isClean_andMovesTheWholeSecondGrid() {
    Region community =
        TREE.regionsAt(RegionLevel.COMMUNITY).stream()
            .filter(c -> c.children().size() >= 2)
            .findFirst()
            .orElseThrow();
    Region g1 = community.children().get(0);
    Region g2 = community.children().get(1);
    RegionTreeDiff diff = TREE.edit(NEXT).mergeGrids(List.of(g1.code(), g2.code())).apply();
    Geometry drawn = union(List.of(g1, g2));
    for (Map<Long, Geometry> planned :
        List.of(Map.<Long, Geometry>of(), Map.of(g1.code(), drawn))) {
      RegriddingReport report = RegriddingCheck.check(GEOMETRY, diff, planned, OPTIONS);
      assertThat(report.coverage().findings()).as("%s", planned.keySet()).isEmpty();
      assertThat(report.coverage().parentsChecked()).isEqualTo(2); // community + merged grid
      assertThat(report.reshapedOldGrids()).containsExactly(g1.code(), g2.code());
      assertThat(report.reshapedNewGrids()).containsExactly(g1.code());
      assertThat(report.transfers()).hasSize(1);
      RegriddingReport.Transfer t = report.transfers().get(0);
      assertThat(t.fromGrid()).isEqualTo(g2.code());
      assertThat(t.toGrid()).isEqualTo(g1.code());
      assertThat(t.population()).isEqualTo(g2.subtreePopulation());
      Geometry old2 = GEOMETRY.geometry(g2.code()).orElseThrow();
      assertThat(t.areaSquareMetres())
          .isCloseTo(
              squareMetres(old2, old2.getEnvelopeInternal().centre().y),
              Percentage.withPercentage(1e-6));
      assertThat(report.after().geometry(g1.code()).orElseThrow().getArea())
          .isCloseTo(drawn.getArea(), org.assertj.core.data.Offset.offset(1e-12));
      assertThat(report.after().geometry(g2.code())).isEmpty();
      assertThat(report.text()).contains("coverage clean");
    }
  }

  @Test
  void geometryOfAnotherTree_isRefused() {
    RegionTreeDiff diff =
        GeoFixtures.smallTree().edit(NEXT).rename(gridWithUnits(1).code(), "新").apply();
    assertThatThrownBy(() -> RegriddingCheck.check(GEOMETRY, diff, Map.of(), OPTIONS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not to the diff's old tree");
  }

  @Test
  void aPlannedGeometryWithAnUnknownCode_isRefusedNamingIt() {
    RegionTreeDiff diff = TREE.edit(NEXT).rename(gridWithUnits(1).code(), "新").apply();
    Geometry g = GEOMETRY.geometry(gridWithUnits(1).code()).orElseThrow();
    assertThatThrownBy(() -> RegriddingCheck.check(GEOMETRY, diff, Map.of(999L, g), OPTIONS))
        .isInstanceOf(RegionGeometryException.class)
        .hasMessageContaining("code 999 is not in the region tree");
  }

  private static final double LAT = GeoFixtures.STRIP_LAT;
  private static final long COMMUNITY = GeoFixtures.STRIP_COMMUNITY;

  private static long grid(int i) {
    return GeoFixtures.stripGrid(i);
  }

  private static long unit(int grid, int j) {
    return GeoFixtures.stripUnit(grid, j);
  }

  private static Geometry strip(int k0, int k1) {
    return GeoFixtures.strip(k0, k1);
  }

  @Test
  void aMergedGridsOwnPopulation_movesWithItsUnits() {
    RegionTree tree = GeoFixtures.stripTree(true);
    RegionGeometry before = GeoFixtures.stripGeometry(tree);
    RegionTreeDiff diff = tree.edit(NEXT).mergeGrids(List.of(grid(1), grid(2))).apply();
    RegriddingReport report = RegriddingCheck.check(before, diff, Map.of(), OPTIONS);
    assertThat(report.populationKnown()).isTrue();
    assertThat(report.transfers()).hasSize(1);
    RegriddingReport.Transfer t = report.transfers().get(0);
    assertThat(t.fromGrid()).isEqualTo(grid(2));
    assertThat(t.toGrid()).isEqualTo(grid(1));
    assertThat(t.population()).isEqualTo(7 + 10 + 20 + 30 + 40);
    assertThat(t.areaSquareMetres())
        .isCloseTo(squareMetres(strip(4, 8), LAT), Percentage.withPercentage(1e-6));
    assertThat(report.text()).contains("MOVE " + grid(2) + " -> " + grid(1)).contains("107 people");
  }

  @Test
  void theOldGridsOwnBoundaryIsWhatMoves_notItsUnits() {
    // Unit 2-1 has no footprint: had the old grid 2 been rebuilt from its units, nothing would
    // move; its own boundary moves whole into the drawn grid 1.
    RegionTree tree = GeoFixtures.stripTree(true);
    RegionGeometry before = GeoFixtures.stripGeometry(tree, unit(2, 1));
    RegionTreeDiff diff = tree.edit(NEXT).mergeGrids(List.of(grid(1), grid(2))).apply();
    RegriddingReport report =
        RegriddingCheck.check(before, diff, Map.of(grid(1), strip(0, 8)), OPTIONS);
    assertThat(report.transfers()).hasSize(1);
    assertThat(report.transfers().get(0).areaSquareMetres())
        .isCloseTo(squareMetres(strip(4, 8), LAT), Percentage.withPercentage(1e-6));
    assertThat(report.gridsWithoutGeometry()).isEmpty();
  }

  @Test
  void anOldGridWithoutItsOwnBoundary_isTheUnionOfItsUnits() {
    RegionTree tree = GeoFixtures.stripTree(true);
    RegionGeometry before = GeoFixtures.stripGeometry(tree, grid(2));
    RegionTreeDiff diff = tree.edit(NEXT).mergeGrids(List.of(grid(1), grid(2))).apply();
    RegriddingReport report = RegriddingCheck.check(before, diff, Map.of(), OPTIONS);
    assertThat(report.transfers()).hasSize(1);
    assertThat(report.transfers().get(0).areaSquareMetres())
        .isCloseTo(squareMetres(strip(4, 8), LAT), Percentage.withPercentage(1e-6));
    // The merged grid is the union of its 8 units: [x(0), x(8)].
    assertThat(report.after().geometry(grid(1)).orElseThrow().getArea())
        .isCloseTo(strip(0, 8).getArea(), org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void aReshapedGridWithNothingToBuildItFrom_hasNoGeometry_notItsOldOne() {
    // Unit 1-1 has no footprint and nothing is drawn: the merged grid 1 cannot be put together.
    RegionTree tree = GeoFixtures.stripTree(true);
    RegionGeometry before = GeoFixtures.stripGeometry(tree, unit(1, 1));
    RegionTreeDiff diff = tree.edit(NEXT).mergeGrids(List.of(grid(1), grid(2))).apply();
    RegriddingReport report = RegriddingCheck.check(before, diff, Map.of(), OPTIONS);
    assertThat(report.gridsWithoutGeometry()).containsExactly(grid(1));
    assertThat(report.after().geometry(grid(1))).isEmpty();
    assertThat(report.after().geometry(grid(2))).isEmpty();
    // Its area is a gap of the community: [x(0), x(8)] less nothing.
    List<CoverageFinding> gaps = report.coverage().findings(CoverageFinding.Kind.GAP);
    assertThat(gaps).hasSize(1);
    assertThat(gaps.get(0).parentCode()).isEqualTo(COMMUNITY);
    assertThat(gaps.get(0).areaSquareMetres())
        .isCloseTo(squareMetres(strip(0, 8), LAT), Percentage.withPercentage(1e-6));
  }

  @Test
  void transfers_oneLinePerPairInCodeOrder_andTouchingGridsMoveNothing() {
    // Grid 2 split three ways, grid 3 in two; with a noise floor of 0 a grid that only shares a
    // side with an old one (the new grid 3 with the old grid 2, the new right part of grid 2 with
    // the old grid 3) takes none of its area.
    RegionTree tree = GeoFixtures.stripTree(true);
    RegionGeometry before = GeoFixtures.stripGeometry(tree);
    RegionTreeDiff diff =
        tree.edit(NEXT)
            .splitGrid(
                grid(2),
                List.of(List.of(unit(2, 1)), List.of(unit(2, 2)), List.of(unit(2, 3), unit(2, 4))))
            .splitGrid(
                grid(3), List.of(List.of(unit(3, 1), unit(3, 2)), List.of(unit(3, 3), unit(3, 4))))
            .apply();
    long a = diff.newRegion(unit(2, 2)).orElseThrow().parent().orElseThrow().code();
    long b = diff.newRegion(unit(2, 3)).orElseThrow().parent().orElseThrow().code();
    long c = diff.newRegion(unit(3, 3)).orElseThrow().parent().orElseThrow().code();
    assertThat(List.of(a, b, c)).doesNotHaveDuplicates().doesNotContain(grid(2), grid(3));
    RegriddingReport report =
        RegriddingCheck.check(before, diff, Map.of(), new CoverageAnalysis.Options(0, 1));

    record Expected(long from, long to, Geometry moved, long people) {}
    List<Expected> expected =
        new ArrayList<>(
            List.of(
                new Expected(grid(2), a, strip(5, 6), 20),
                new Expected(grid(2), b, strip(6, 8), 30 + 40),
                new Expected(grid(3), c, strip(10, 12), 30 + 40)));
    expected.sort(
        java.util.Comparator.comparingLong(Expected::from).thenComparingLong(Expected::to));
    assertThat(report.transfers()).hasSize(3);
    for (int k = 0; k < 3; k++) {
      RegriddingReport.Transfer t = report.transfers().get(k);
      Expected e = expected.get(k);
      assertThat(t.fromGrid()).as("transfer %d", k).isEqualTo(e.from());
      assertThat(t.toGrid()).as("transfer %d", k).isEqualTo(e.to());
      assertThat(t.population()).as("transfer %d", k).isEqualTo(e.people());
      assertThat(t.areaSquareMetres())
          .as("transfer %d", k)
          .isCloseTo(squareMetres(e.moved(), LAT), Percentage.withPercentage(1e-6));
    }
  }

  @Test
  void aGridWhoseUnitsLeftBeforeTheMerge_movesOnlyItsOwnPeopleToItsSuccessor() {
    RegionTree tree = GeoFixtures.stripTree(true);
    RegionGeometry before = GeoFixtures.stripGeometry(tree);
    RegionTreeEditor edit = tree.edit(NEXT);
    for (int j = 1; j <= 4; j++) {
      edit.moveUnit(unit(2, j), grid(3));
    }
    RegionTreeDiff diff = edit.mergeGrids(List.of(grid(1), grid(2))).apply();
    RegriddingReport report = RegriddingCheck.check(before, diff, Map.of(), OPTIONS);
    assertThat(report.transfers()).hasSize(2);
    RegriddingReport.Transfer toSuccessor = report.transfers().get(0);
    assertThat(toSuccessor.fromGrid()).isEqualTo(grid(2));
    assertThat(toSuccessor.toGrid()).isEqualTo(grid(1));
    assertThat(toSuccessor.population()).isEqualTo(7);
    assertThat(toSuccessor.areaSquareMetres()).isZero(); // grid 1 only touches the old grid 2
    RegriddingReport.Transfer toUnits = report.transfers().get(1);
    assertThat(toUnits.fromGrid()).isEqualTo(grid(2));
    assertThat(toUnits.toGrid()).isEqualTo(grid(3));
    assertThat(toUnits.population()).isEqualTo(10 + 20 + 30 + 40);
    assertThat(toUnits.areaSquareMetres())
        .isCloseTo(squareMetres(strip(4, 8), LAT), Percentage.withPercentage(1e-6));
  }

  @Test
  void aTreeWithoutPopulation_reportsAreaOnly() {
    RegionTree tree = GeoFixtures.stripTree(false);
    RegionGeometry before = GeoFixtures.stripGeometry(tree);
    RegionTreeDiff diff = tree.edit(NEXT).mergeGrids(List.of(grid(1), grid(2))).apply();
    RegriddingReport report = RegriddingCheck.check(before, diff, Map.of(), OPTIONS);
    assertThat(report.populationKnown()).isFalse();
    assertThat(report.transfers()).hasSize(1);
    assertThat(report.transfers().get(0).population()).isZero();
    assertThat(report.text()).contains("area only").doesNotContain("people");
  }
}
