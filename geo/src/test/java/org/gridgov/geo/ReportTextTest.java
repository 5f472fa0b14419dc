package org.gridgov.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.gridgov.geo.RegionGeometryException.Problem;
import org.gridgov.geo.analysis.CoverageFinding;
import org.gridgov.geo.analysis.CoverageFinding.Kind;
import org.gridgov.geo.analysis.CoverageFinding.Severity;
import org.gridgov.geo.analysis.CoverageReport;
import org.gridgov.geo.analysis.RegriddingReport;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.junit.jupiter.api.Test;

/**
 * What geo's reports and its exception say, word for word: counts with their singular and plural,
 * the problem limit's note from exactly the limit, where each problem lies, and the re-gridding
 * report's moves with and without population.
 */
class ReportTextTest {
  private static final LonLat AT = new LonLat(119.0, 25.4);

  private static Problem problem(int feature) {
    return new Problem(feature, OptionalLong.empty(), "no geometry");
  }

  @Test
  void theExceptionCountsItsProblems_andSaysWhereEachLies() {
    var one =
        new RegionGeometryException(
            "grids.geojson", List.of(new Problem(0, OptionalLong.of(350302001001001L), "empty")));
    assertThat(one)
        .hasMessage("1 problem in grids.geojson\n  feature 0 (code 350302001001001): empty");
    var two =
        new RegionGeometryException(
            "grids.geojson",
            List.of(new Problem(-1, OptionalLong.empty(), "not JSON"), problem(7)));
    assertThat(two)
        .hasMessage("2 problems in grids.geojson\n  document: not JSON\n  feature 7: no geometry");
    assertThat(two.problems()).extracting(Problem::feature).containsExactly(-1, 7);
  }

  @Test
  void theLimitNote_appearsFromExactlyTheLimit() {
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < RegionGeometryException.MAX_PROBLEMS - 1; i++) {
      problems.add(problem(i));
    }
    assertThat(new RegionGeometryException("f", problems).getMessage())
        .startsWith("99 problems in f\n")
        .doesNotContain("stopped counting");
    problems.add(problem(99));
    assertThat(new RegionGeometryException("f", problems).getMessage())
        .startsWith("100 problems in f (stopped counting at 100)\n");
  }

  @Test
  void anExceptionWithoutProblems_isRefused() {
    assertThatThrownBy(() -> new RegionGeometryException("f", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a RegionGeometryException needs at least one problem");
  }

  private static CoverageFinding finding(Kind kind, long parent) {
    return new CoverageFinding(
        kind, Severity.ERROR, parent, ImmutableList.of(parent * 10), 12.0, AT, "m" + parent);
  }

  @Test
  void theCoverageReport_countsEachKind() {
    CoverageReport clean = new CoverageReport(ImmutableList.of(), 3, 9, 0);
    assertThat(clean.isClean()).isTrue();
    assertThat(clean.text())
        .isEqualTo(
            "0 findings (0 gaps, 0 overlaps, 0 slivers, 0 outside their parent) in 3 parents, 9"
                + " children\n");

    CoverageReport one = new CoverageReport(ImmutableList.of(finding(Kind.SLIVER, 4)), 1, 2, 0);
    assertThat(one.isClean()).isFalse();
    assertThat(one.text())
        .isEqualTo(
            "ERROR SLIVER at region 4: m4\n"
                + "1 finding (0 gaps, 0 overlaps, 1 slivers, 0 outside their parent) in 1 parents,"
                + " 2 children\n");

    var findings =
        ImmutableList.of(
            finding(Kind.GAP, 1),
            finding(Kind.OVERLAP, 2),
            finding(Kind.OVERLAP, 3),
            finding(Kind.OUTSIDE_PARENT, 5),
            finding(Kind.GAP, 6),
            finding(Kind.GAP, 8));
    CoverageReport many = new CoverageReport(findings, 6, 20, 1);
    assertThat(many.findings(Kind.GAP))
        .extracting(CoverageFinding::parentCode)
        .containsExactly(1L, 6L, 8L);
    assertThat(many.findings(Kind.SLIVER)).isEmpty();
    assertThat(many.text())
        .endsWith(
            "6 findings (3 gaps, 2 overlaps, 0 slivers, 1 outside their parent) in 6 parents, 20"
                + " children\n")
        .startsWith("ERROR GAP at region 1: m1\nERROR OVERLAP at region 2: m2\n");
  }

  @Test
  void theRegriddingReport_listsItsMoves_withPopulationOnlyWhenKnown() {
    RegionGeometry after = GeoFixtures.small();
    var moves =
        ImmutableList.of(
            new RegriddingReport.Transfer(11, 21, 1234.6, 1500),
            new RegriddingReport.Transfer(12, 21, 0.4, 0));
    CoverageReport clean = new CoverageReport(ImmutableList.of(), 1, 2, 0);
    LocalDate edition = LocalDate.of(2025, 1, 1);
    var known =
        new RegriddingReport(
            edition,
            ImmutableList.of(11L, 12L),
            ImmutableList.of(21L),
            ImmutableList.of(),
            clean,
            moves,
            true,
            after);
    assertThat(known.isClean()).isTrue();
    assertThat(known.text())
        .isEqualTo(
            """
            Re-gridding to edition 2025-01-01: 2 grid(s) reshaped into 1; coverage clean
            MOVE 11 -> 21: 1,235 m², 1,500 people
            MOVE 12 -> 21: 0 m², 0 people
            """);

    CoverageReport dirty = new CoverageReport(ImmutableList.of(finding(Kind.GAP, 21)), 1, 1, 0);
    var areaOnly =
        new RegriddingReport(
            edition,
            ImmutableList.of(11L),
            ImmutableList.of(21L, 22L),
            ImmutableList.of(22L),
            dirty,
            moves.subList(0, 1),
            false,
            after);
    assertThat(areaOnly.isClean()).isFalse();
    assertThat(areaOnly.text())
        .isEqualTo(
            """
            Re-gridding to edition 2025-01-01: 1 grid(s) reshaped into 2; 1 coverage finding(s)
            ERROR GAP at region 21: m21
            MOVE 11 -> 21: 1,235 m²
            (the region tree carries no population: area only)
            """);
  }

  @Test
  void aLocation_saysWhetherItIsInsideOrTheNearest() {
    var region = GeoFixtures.smallTree().region(3);
    assertThat(new Location(region, Location.Match.INSIDE, 0)).hasToString("in " + region);
    assertThat(new Location(region, Location.Match.NEAREST, 12.34))
        .hasToString("nearest " + region + " at 12.3 m");
  }

  @Test
  void aLocationsPath_runsFromTheDistrictDownToItsRegion() {
    var tree = GeoFixtures.smallTree();
    var grid = tree.region(0).descendantsAt(RegionLevel.GRID).get(0);
    Location at = new Location(grid, Location.Match.INSIDE, 0);
    var path = at.path();
    assertThat(path)
        .extracting(Region::level)
        .containsExactly(
            RegionLevel.DISTRICT, RegionLevel.STREET, RegionLevel.COMMUNITY, RegionLevel.GRID);
    assertThat(path.get(3)).isEqualTo(grid);
    for (int i = 0; i < 3; i++) {
      assertThat(path.get(i + 1).parent()).contains(path.get(i));
      assertThat(at.at(path.get(i).level())).contains(path.get(i));
    }
    assertThat(at.at(RegionLevel.UNIT)).isEmpty();
  }
}
