package org.gridgov.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.gridgov.geo.analysis.CoverageAnalysis;
import org.gridgov.geo.analysis.CoverageFinding;
import org.gridgov.geo.analysis.CoverageReport;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/**
 * What {@link CoverageAnalysis} says about each planted defect: the kind of defect in words, the
 * children's level, the codes, the area (whole square metres from 100 up, two decimals below) and
 * the severity the sliver threshold gives.
 */
class CoverageMessagesTest {
  private static final CoverageAnalysis.Options EVERYTHING_A_SLIVER =
      new CoverageAnalysis.Options(0.01, 1e12);

  private final RegionGeometry clean = GeoFixtures.small();

  private Region[] unitAndNeighbour() {
    for (Region u : clean.regions(RegionLevel.UNIT)) {
      Geometry ug = clean.geometry(u.code()).orElseThrow();
      for (Region sibling : u.parent().orElseThrow().children()) {
        if (sibling.code() != u.code()
            && ug.intersects(clean.geometry(sibling.code()).orElseThrow())) {
          return new Region[] {u, sibling};
        }
      }
    }
    throw new AssertionError("no unit with a neighbour");
  }

  private static String area(double m2) {
    return m2 >= 100
        ? String.format(Locale.ROOT, "%,.0f", m2)
        : String.format(Locale.ROOT, "%.2f", m2);
  }

  @Test
  void aGapSaysSoWithItsAreaAndTheChildrensLevel() {
    Region u = unitAndNeighbour()[0];

    CoverageFinding f =
        CoverageAnalysis.analyse(SyntheticGeometry.withGap(clean, u.code())).findings().get(0);

    assertThat(f.areaSquareMetres()).isGreaterThanOrEqualTo(100); // the whole-metre format
    assertThat(f.message())
        .startsWith("a gap of " + area(f.areaSquareMetres()) + " m² that no unit covers, around ");
  }

  @Test
  void aSliverGapSaysSoWithTwoDecimals() {
    Region u = unitAndNeighbour()[0];

    CoverageFinding f =
        CoverageAnalysis.analyse(SyntheticGeometry.withSliver(clean, u.code(), 0.4))
            .findings()
            .get(0);

    assertThat(f.message()).startsWith("a sliver gap of 0.40 m² that no unit covers, around ");
  }

  @Test
  void anOverlapNamesBothChildrenLowerCodeFirst_andASliverOverlapSaysSo() {
    Region[] pair = unitAndNeighbour();
    RegionGeometry broken = SyntheticGeometry.withOverlap(clean, pair[0].code(), pair[1].code());
    long lo = Math.min(pair[0].code(), pair[1].code());
    long hi = Math.max(pair[0].code(), pair[1].code());

    CoverageFinding overlap = CoverageAnalysis.analyse(broken).findings().get(0);
    CoverageFinding sliver =
        CoverageAnalysis.analyse(broken, EVERYTHING_A_SLIVER).findings().get(0);

    assertThat(overlap.severity()).isEqualTo(CoverageFinding.Severity.ERROR);
    assertThat(overlap.message())
        .startsWith(
            "unit "
                + lo
                + " and "
                + hi
                + " both cover "
                + area(overlap.areaSquareMetres())
                + " m²,"
                + " around ");
    assertThat(sliver.kind()).isEqualTo(CoverageFinding.Kind.SLIVER);
    assertThat(sliver.severity()).isEqualTo(CoverageFinding.Severity.WARNING);
    assertThat(sliver.message())
        .startsWith(
            "unit "
                + lo
                + " and "
                + hi
                + " both cover "
                + area(sliver.areaSquareMetres())
                + " m² (a sliver overlap), around ");
  }

  @Test
  void aChildOutsideItsParentNamesItsLevelCodeAndTheParentsLevel() {
    Region u = unitAndNeighbour()[0];
    Region grid = u.parent().orElseThrow();
    Geometry moved =
        org.locationtech.jts.geom.util.AffineTransformation.translationInstance(0.0002, 0)
            .transform(clean.geometry(u.code()).orElseThrow())
            .buffer(0.002);
    RegionGeometry broken =
        RegionGeometry.of(
            clean.tree(),
            java.util.Map.of(
                grid.code(), clean.geometry(grid.code()).orElseThrow(), u.code(), moved),
            RegionGeometry.LoadOptions.defaults()
                .withParentToleranceMetres(Double.POSITIVE_INFINITY));

    CoverageReport report = CoverageAnalysis.analyse(broken);
    CoverageReport lenient = CoverageAnalysis.analyse(broken, EVERYTHING_A_SLIVER);

    CoverageFinding f = report.findings(CoverageFinding.Kind.OUTSIDE_PARENT).get(0);
    assertThat(f.severity()).isEqualTo(CoverageFinding.Severity.ERROR);
    assertThat(f.message())
        .startsWith(
            "UNIT "
                + u.code()
                + " has "
                + area(f.areaSquareMetres())
                + " m² outside its GRID, around ");
    assertThat(lenient.findings(CoverageFinding.Kind.OUTSIDE_PARENT).get(0).severity())
        .isEqualTo(CoverageFinding.Severity.WARNING);
  }
}
