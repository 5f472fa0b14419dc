package org.gridgov.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.gridgov.geo.analysis.CoverageAnalysis;
import org.gridgov.geo.analysis.CoverageFinding;
import org.gridgov.geo.analysis.CoverageReport;
import org.gridgov.geo.internal.LocalMetric;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

class CoverageAnalysisTest {

  static Stream<Long> seeds() {
    return Stream.of(5L, 6L, 7L);
  }

  private static double m2(Geometry g) {
    return LocalMetric.areaSquareMetres(g, g.getEnvelopeInternal().centre().y);
  }

  /** A seeded unit of the small geometry, with a neighbour in the same grid. */
  private static Region[] unitAndNeighbour(RegionGeometry g, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    var units = g.regions(RegionLevel.UNIT);
    while (true) {
      Region u = units.get(random.nextInt(units.size()));
      Geometry ug = g.geometry(u.code()).orElseThrow();
      for (Region sibling : u.parent().orElseThrow().children()) {
        if (sibling.code() != u.code() && ug.intersects(g.geometry(sibling.code()).orElseThrow())) {
          return new Region[] {u, sibling};
        }
      }
    }
  }

  @Test
  void cleanSyntheticGeometry_hasNoFinding() {
    CoverageReport report = CoverageAnalysis.analyse(GeoFixtures.small());
    assertThat(report.findings()).isEmpty();
    assertThat(report.parentsChecked()).isEqualTo(2 + 3 + 8 + 24);
    assertThat(report.childrenChecked()).isEqualTo(3 + 8 + 24 + 120);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void plantedGap_isFoundExactly(long seed) {
    RegionGeometry clean = GeoFixtures.small();
    Region u = unitAndNeighbour(clean, seed)[0];
    RegionGeometry broken = SyntheticGeometry.withGap(clean, u.code());
    CoverageReport report = CoverageAnalysis.analyse(broken);
    assertThat(report.findings()).as("seed %d, unit %s:%n%s", seed, u, report.text()).hasSize(1);
    CoverageFinding f = report.findings().get(0);
    assertThat(f.kind()).isEqualTo(CoverageFinding.Kind.GAP);
    assertThat(f.severity()).isEqualTo(CoverageFinding.Severity.ERROR);
    assertThat(f.parentCode()).isEqualTo(u.parent().orElseThrow().code());
    Geometry original = clean.geometry(u.code()).orElseThrow();
    // Oracle: the ring between the original and the shrunk polygon, 1 - 0.8² = 36 % of the unit's
    // area.
    assertThat(f.areaSquareMetres()).isCloseTo(0.36 * m2(original), offset(0.001 * m2(original)));
    var point =
        RegionGeometry.FACTORY.createPoint(new Coordinate(f.point().lon(), f.point().lat()));
    assertThat(original.covers(point)).isTrue();
    assertThat(broken.geometry(u.code()).orElseThrow().covers(point)).isFalse();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void plantedOverlap_isFoundExactly(long seed) {
    RegionGeometry clean = GeoFixtures.small();
    Region[] pair = unitAndNeighbour(clean, seed);
    RegionGeometry broken = SyntheticGeometry.withOverlap(clean, pair[0].code(), pair[1].code());
    CoverageReport report = CoverageAnalysis.analyse(broken);
    assertThat(report.findings()).as("seed %d:%n%s", seed, report.text()).hasSize(1);
    CoverageFinding f = report.findings().get(0);
    assertThat(f.kind()).isEqualTo(CoverageFinding.Kind.OVERLAP);
    assertThat(f.childCodes())
        .containsExactly(
            Math.min(pair[0].code(), pair[1].code()), Math.max(pair[0].code(), pair[1].code()));
    // Oracle: the grown polygon minus the original is exactly the part taken from the neighbour.
    Geometry grown = broken.geometry(pair[0].code()).orElseThrow();
    double taken = m2(grown) - m2(clean.geometry(pair[0].code()).orElseThrow());
    assertThat(f.areaSquareMetres()).isCloseTo(taken, offset(0.001 * taken + 0.01));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void plantedSliver_isAWarningNotAGap(long seed) {
    RegionGeometry clean = GeoFixtures.small();
    Region u = unitAndNeighbour(clean, seed)[0];
    CoverageReport report =
        CoverageAnalysis.analyse(SyntheticGeometry.withSliver(clean, u.code(), 0.4));
    assertThat(report.findings()).as("seed %d:%n%s", seed, report.text()).hasSize(1);
    CoverageFinding f = report.findings().get(0);
    assertThat(f.kind()).isEqualTo(CoverageFinding.Kind.SLIVER);
    assertThat(f.severity()).isEqualTo(CoverageFinding.Severity.WARNING);
    assertThat(f.areaSquareMetres()).isCloseTo(0.4, offset(0.01));
    // With a sliver threshold below its area, the same defect is a gap.
    CoverageReport strict =
        CoverageAnalysis.analyse(
            SyntheticGeometry.withSliver(clean, u.code(), 0.4),
            new CoverageAnalysis.Options(0.01, 0.1));
    assertThat(strict.findings())
        .extracting(CoverageFinding::kind)
        .containsExactly(CoverageFinding.Kind.GAP);
  }

  @Test
  void childOutsideItsParent_isReported() {
    RegionGeometry clean = GeoFixtures.small();
    Region[] pair = unitAndNeighbour(clean, 3L);
    // Move a unit 20 m east: it leaves a gap behind, overlaps its eastern neighbours, and may stick
    // out of its grid.
    Geometry moved =
        org.locationtech.jts.geom.util.AffineTransformation.translationInstance(0.0002, 0)
            .transform(clean.geometry(pair[0].code()).orElseThrow());
    RegionGeometry broken =
        RegionGeometry.of(
            clean.tree(),
            java.util.Map.of(
                pair[0].parent().orElseThrow().code(),
                    clean.geometry(pair[0].parent().orElseThrow().code()).orElseThrow(),
                pair[0].code(), moved.buffer(0.002)),
            RegionGeometry.LoadOptions.defaults()
                .withParentToleranceMetres(Double.POSITIVE_INFINITY));
    CoverageReport report = CoverageAnalysis.analyse(broken);
    assertThat(report.findings(CoverageFinding.Kind.OUTSIDE_PARENT)).hasSize(1);
    assertThat(report.findings(CoverageFinding.Kind.OUTSIDE_PARENT).get(0).childCodes())
        .containsExactly(pair[0].code());
    assertThat(report.childrenWithoutGeometry())
        .isEqualTo(pair[0].parent().orElseThrow().children().size() - 1);
  }

  @Test
  void putianScale_gridsAgainstCommunities_areClean() {
    RegionGeometry putian = GeoFixtures.putian();
    long t0 = System.nanoTime();
    CoverageReport report =
        CoverageAnalysis.analyse(
            putian, RegionLevel.COMMUNITY, CoverageAnalysis.Options.defaults());
    System.out.printf(
        "coverage of 10,440 grids in 1,100 communities: %.1f s%n", (System.nanoTime() - t0) / 1e9);
    assertThat(report.findings()).isEmpty();
    assertThat(report.childrenChecked()).isEqualTo(10_440);
  }

  /** m² of a degree-area at the strips' latitude: the mean-sphere equirectangular metric. */
  private static double stripM2(Geometry g) {
    double perDegree = 6_371_008.8 * Math.PI / 180.0;
    return g.getArea() * perDegree * perDegree * Math.cos(Math.toRadians(GeoFixtures.STRIP_LAT));
  }

  private static final CoverageAnalysis.Options NO_NOISE_FLOOR = new CoverageAnalysis.Options(0, 1);

  private static RegionGeometry strips(java.util.Map<Long, Geometry> shapes) {
    return RegionGeometry.of(
        GeoFixtures.stripTree(true),
        shapes,
        RegionGeometry.LoadOptions.defaults().withParentToleranceMetres(Double.POSITIVE_INFINITY));
  }

  @Test
  void noNoiseFloor_childrenThatTileTheirParentExactly_areClean() {
    // The grids' union has vertices the community lacks (x(4), x(8) on its sides), so it is not the
    // same shape: the difference is computed, and is empty. An empty difference is no gap.
    CoverageReport report =
        CoverageAnalysis.analyse(strips(GeoFixtures.stripShapes()), NO_NOISE_FLOOR);
    assertThat(report.findings()).isEmpty();
    assertThat(report.parentsChecked()).isEqualTo(1 + 3); // the community and the 3 grids
  }

  @Test
  void noNoiseFloor_onlyTheChildThatSticksOutIsOutside() {
    var shapes = GeoFixtures.stripShapes();
    shapes.put(GeoFixtures.stripGrid(3), GeoFixtures.strip(8, 13)); // 0.025° east of the community
    CoverageReport report = CoverageAnalysis.analyse(strips(shapes), NO_NOISE_FLOOR);
    assertThat(report.findings())
        .extracting(CoverageFinding::kind)
        .containsExactlyInAnyOrder(CoverageFinding.Kind.OUTSIDE_PARENT, CoverageFinding.Kind.GAP);
    CoverageFinding outside = report.findings(CoverageFinding.Kind.OUTSIDE_PARENT).get(0);
    assertThat(outside.parentCode()).isEqualTo(GeoFixtures.STRIP_COMMUNITY);
    assertThat(outside.childCodes()).containsExactly(GeoFixtures.stripGrid(3));
    assertThat(outside.areaSquareMetres())
        .isCloseTo(
            stripM2(GeoFixtures.strip(12, 13)),
            org.assertj.core.data.Percentage.withPercentage(1e-6));
    // The widened grid's units leave the same strip uncovered.
    CoverageFinding gap = report.findings(CoverageFinding.Kind.GAP).get(0);
    assertThat(gap.parentCode()).isEqualTo(GeoFixtures.stripGrid(3));
    assertThat(gap.areaSquareMetres())
        .isCloseTo(
            stripM2(GeoFixtures.strip(12, 13)),
            org.assertj.core.data.Percentage.withPercentage(1e-6));
  }

  @Test
  void noNoiseFloor_neighboursThatOnlyTouchDoNotOverlap() {
    var shapes = GeoFixtures.stripShapes();
    shapes.put(GeoFixtures.stripGrid(2), GeoFixtures.strip(3, 8)); // over grid 1's last unit
    CoverageReport report = CoverageAnalysis.analyse(strips(shapes), NO_NOISE_FLOOR);
    assertThat(report.findings())
        .extracting(CoverageFinding::kind)
        .containsExactlyInAnyOrder(CoverageFinding.Kind.OVERLAP, CoverageFinding.Kind.GAP);
    CoverageFinding overlap = report.findings(CoverageFinding.Kind.OVERLAP).get(0);
    assertThat(overlap.childCodes())
        .containsExactly(GeoFixtures.stripGrid(1), GeoFixtures.stripGrid(2));
    assertThat(overlap.areaSquareMetres())
        .isCloseTo(
            stripM2(GeoFixtures.strip(3, 4)),
            org.assertj.core.data.Percentage.withPercentage(1e-6));
    assertThat(report.findings(CoverageFinding.Kind.GAP).get(0).parentCode())
        .isEqualTo(GeoFixtures.stripGrid(2));
  }
}
