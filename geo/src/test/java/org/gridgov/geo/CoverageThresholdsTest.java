package org.gridgov.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.geo.analysis.CoverageAnalysis;
import org.gridgov.geo.analysis.CoverageFinding;
import org.gridgov.geo.analysis.CoverageFinding.Kind;
import org.gridgov.geo.analysis.CoverageFinding.Severity;
import org.gridgov.geo.analysis.CoverageReport;
import org.gridgov.geo.internal.LocalMetric;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * CoverageAnalysis at its thresholds, with geometry whose areas are exact: every coordinate is 119°
 * or 25° plus a multiple of U = 2⁻¹² degree, so every difference, product and sum in an area is
 * exact in doubles and a rectangle of w × h steps has an area of exactly w h U² square degrees. The
 * parent is the strips' community, the square [119, 119 + 16 U] × [25, 25 + 16 U] (about 430 m ×
 * 440 m), its children the strip grids. Square metres are square degrees times METRES_PER_DEGREE
 * times metres per degree of longitude at the parent's centre, 25 + 8 U (docs/geo.md); scaling by
 * U² = 2⁻²⁴ is exact, so the area of n U² is exactly n U² times that factor whatever the grouping.
 *
 * <p>The documented rule: an area below the noise floor is not reported; from the floor up it is; a
 * gap or overlap below the sliver threshold is a SLIVER (a warning), from it up a GAP or OVERLAP
 * (an error); a part outside the parent is a warning below the sliver threshold and an error from
 * it up.
 */
class CoverageThresholdsTest {
  private static final double U = Math.scalb(1.0, -12);

  /** Square metres per square degree at the parent's centre. */
  private static double perSquareDegree() {
    return LocalMetric.METRES_PER_DEGREE * LocalMetric.metresPerDegreeLon(25 + 8 * U);
  }

  /** n U² in square metres, exactly as the analysis measures it. */
  private static double steps(int n) {
    return n * U * U * perSquareDegree();
  }

  /** The rectangle [119 + x0 U, 119 + x1 U] × [25 + y0 U, 25 + y1 U]. */
  private static Geometry rect(int x0, int x1, int y0, int y1) {
    return RegionGeometry.FACTORY.toGeometry(
        new Envelope(119 + x0 * U, 119 + x1 * U, 25 + y0 * U, 25 + y1 * U));
  }

  /** The community [0, 16]² and the first grids given, in order (the others have no geometry). */
  private static RegionGeometry parentAndGrids(Geometry... grids) {
    Map<Long, Geometry> byCode = new LinkedHashMap<>();
    byCode.put(GeoFixtures.STRIP_COMMUNITY, rect(0, 16, 0, 16));
    for (int i = 0; i < grids.length; i++) {
      byCode.put(GeoFixtures.stripGrid(i + 1), grids[i]);
    }
    return RegionGeometry.of(
        GeoFixtures.stripTree(false),
        byCode,
        RegionGeometry.LoadOptions.defaults().withParentToleranceMetres(Double.POSITIVE_INFINITY));
  }

  private static List<CoverageFinding> findings(
      RegionGeometry g, double noiseSquareMetres, double sliverSquareMetres) {
    CoverageReport report =
        CoverageAnalysis.analyse(
            g, new CoverageAnalysis.Options(noiseSquareMetres, sliverSquareMetres));
    return report.findings();
  }

  @Test
  void theMetric_isAboutTheExpectedSize() {
    // 1° of latitude is 6,371,008.8 m × π / 180 = 111,195.080 m, of longitude at 25.001953125° N
    // that × cos(25.001953125°) = 100,775.365 m (worked out apart, in Python): U² = 2⁻²⁴ square
    // degrees is 667.913 m². A check that the oracle is the metric of docs/geo.md.
    assertThat(steps(1)).isCloseTo(667.9132, offset(0.001));
    assertThat(steps(16)).isEqualTo(16 * steps(1));
  }

  /** Grid 1 covers all but the top row: a gap of 16 × 1 = 16 U². */
  @Test
  void gapOfExactlyTheNoiseFloorAndSliverThreshold_isAGap() {
    RegionGeometry g = parentAndGrids(rect(0, 16, 0, 15));
    double a = steps(16);
    List<CoverageFinding> atBoth = findings(g, a, a);
    assertThat(atBoth).extracting(CoverageFinding::kind).containsExactly(Kind.GAP);
    assertThat(atBoth.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(atBoth.get(0).areaSquareMetres()).isEqualTo(a);
    assertThat(atBoth.get(0).childCodes()).isEmpty();
    // Just above the area: a sliver; just above it as the floor too: nothing.
    List<CoverageFinding> sliver = findings(g, a, Math.nextUp(a));
    assertThat(sliver).extracting(CoverageFinding::kind).containsExactly(Kind.SLIVER);
    assertThat(sliver.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(findings(g, Math.nextUp(a), Math.nextUp(a))).isEmpty();
  }

  /** Grid 1 is the parent plus a row on top: 16 U² outside. */
  @Test
  void outsidePartOfExactlyTheSliverThreshold_isAnError() {
    RegionGeometry g = parentAndGrids(rect(0, 16, 0, 17));
    double a = steps(16);
    List<CoverageFinding> atSliver = findings(g, 0, a);
    assertThat(atSliver).extracting(CoverageFinding::kind).containsExactly(Kind.OUTSIDE_PARENT);
    assertThat(atSliver.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(atSliver.get(0).areaSquareMetres()).isEqualTo(a);
    assertThat(atSliver.get(0).childCodes()).containsExactly(GeoFixtures.stripGrid(1));
    List<CoverageFinding> below = findings(g, 0, Math.nextUp(a));
    assertThat(below).extracting(CoverageFinding::severity).containsExactly(Severity.WARNING);
    assertThat(findings(g, Math.nextUp(a), Math.nextUp(a))).isEmpty();
  }

  /** As above: an outside part of exactly the noise floor is not below it, so it is reported. */
  @Test
  void outsidePartOfExactlyTheNoiseFloor_isReported() {
    RegionGeometry g = parentAndGrids(rect(0, 16, 0, 17));
    double a = steps(16);
    assertThat(findings(g, a, a))
        .extracting(CoverageFinding::kind, CoverageFinding::severity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.OUTSIDE_PARENT, Severity.ERROR));
  }

  /** Grid 1 is [0, 9] × [0, 16], grid 2 [8, 16] × [0, 16]: they share 1 × 16 = 16 U². */
  @Test
  void overlapOfExactlyTheSliverThreshold_isAnOverlap() {
    RegionGeometry g = parentAndGrids(rect(0, 9, 0, 16), rect(8, 16, 0, 16));
    double a = steps(16);
    List<CoverageFinding> atSliver = findings(g, 0, a);
    assertThat(atSliver).extracting(CoverageFinding::kind).containsExactly(Kind.OVERLAP);
    assertThat(atSliver.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(atSliver.get(0).areaSquareMetres()).isEqualTo(a);
    assertThat(atSliver.get(0).childCodes())
        .containsExactly(GeoFixtures.stripGrid(1), GeoFixtures.stripGrid(2));
    List<CoverageFinding> below = findings(g, 0, Math.nextUp(a));
    assertThat(below).extracting(CoverageFinding::kind).containsExactly(Kind.SLIVER);
    assertThat(below.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(findings(g, Math.nextUp(a), Math.nextUp(a))).isEmpty();
  }

  /** As above: an overlap of exactly the noise floor is not below it, so it is reported. */
  @Test
  void overlapOfExactlyTheNoiseFloor_isReported() {
    RegionGeometry g = parentAndGrids(rect(0, 9, 0, 16), rect(8, 16, 0, 16));
    double a = steps(16);
    assertThat(findings(g, a, a))
        .extracting(CoverageFinding::kind, CoverageFinding::severity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.OVERLAP, Severity.ERROR));
  }

  /**
   * Grid 1 [0, 10] × [0, 15], grid 2 [8, 16] × [1, 16], grid 3 [12, 17] × [0, 4]. Worked out on
   * paper: gaps [0, 8] × [15, 16] (8 U²) and [10, 12] × [0, 1] (2 U²); grids 1 and 2 share [8, 10]
   * × [1, 15] (28 U²), grids 2 and 3 [12, 16] × [1, 4] (12 U²), grids 1 and 3 nothing; grid 3 has
   * [16, 17] × [0, 4] (4 U²) outside. The report lists them by kind (GAP, OVERLAP, SLIVER,
   * OUTSIDE_PARENT), then by the children's codes, then by area — not in the order they are found
   * (gaps, then parts outside, then overlaps).
   */
  @Test
  void findings_areSortedByKindThenChildrenThenArea() {
    RegionGeometry g = parentAndGrids(rect(0, 10, 0, 15), rect(8, 16, 1, 16), rect(12, 17, 0, 4));
    List<CoverageFinding> all = CoverageAnalysis.analyse(g).findings();
    long g1 = GeoFixtures.stripGrid(1);
    long g2 = GeoFixtures.stripGrid(2);
    long g3 = GeoFixtures.stripGrid(3);
    assertThat(all)
        .extracting(CoverageFinding::kind, CoverageFinding::childCodes)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Kind.GAP, List.of()),
            org.assertj.core.groups.Tuple.tuple(Kind.GAP, List.of()),
            org.assertj.core.groups.Tuple.tuple(Kind.OVERLAP, List.of(g1, g2)),
            org.assertj.core.groups.Tuple.tuple(Kind.OVERLAP, List.of(g2, g3)),
            org.assertj.core.groups.Tuple.tuple(Kind.OUTSIDE_PARENT, List.of(g3)));
    double[] expected = {steps(2), steps(8), steps(28), steps(12), steps(4)};
    for (int i = 0; i < expected.length; i++) {
      assertThat(all.get(i).areaSquareMetres())
          .as("finding %d: %s", i, all.get(i))
          .isCloseTo(expected[i], offset(1e-9 * expected[i]));
    }
  }

  /**
   * Areas are written in whole square metres from 100 up: a gap of exactly 100 m² says "100", not
   * "100.00". Near the equator the doubles are fine enough to find a height h for which the metric
   * measures the rectangle [0, 2⁻⁸] × [0, h] as exactly 100 m² (its area in square degrees, 2⁻⁸ h,
   * is exact: a power of two times h); the parent is [0, 2⁻⁸]², its one grid the rest above h.
   */
  @Test
  void aGapOfExactlyAHundredSquareMetres_isWrittenInWholeMetres() {
    double side = Math.scalb(1.0, -8);
    double k = LocalMetric.METRES_PER_DEGREE * LocalMetric.metresPerDegreeLon(side / 2);
    double h = 100 / k / side;
    for (int tries = 0; side * h * k != 100 && tries < 10_000; tries++) {
      h = side * h * k < 100 ? Math.nextUp(h) : Math.nextDown(h);
    }
    assertThat(side * h * k).as("a height measured as exactly 100 m²").isEqualTo(100.0);
    Map<Long, Geometry> byCode = new LinkedHashMap<>();
    byCode.put(
        GeoFixtures.STRIP_COMMUNITY,
        RegionGeometry.FACTORY.toGeometry(new Envelope(0, side, 0, side)));
    byCode.put(
        GeoFixtures.stripGrid(1),
        RegionGeometry.FACTORY.toGeometry(new Envelope(0, side, h, side)));
    RegionGeometry g =
        RegionGeometry.of(
            GeoFixtures.stripTree(false), byCode, RegionGeometry.LoadOptions.defaults());
    List<CoverageFinding> all = CoverageAnalysis.analyse(g).findings();
    assertThat(all).extracting(CoverageFinding::kind).containsExactly(Kind.GAP);
    assertThat(all.get(0).areaSquareMetres()).isEqualTo(100.0);
    assertThat(all.get(0).message()).startsWith("a gap of 100 m² that no grid covers, around ");
  }
}
