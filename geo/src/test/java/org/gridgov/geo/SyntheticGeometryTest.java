package org.gridgov.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

class SyntheticGeometryTest {

  @Test
  void everyRegionHasAValidPolygonAndChildrenTileTheirParentByArea() {
    RegionGeometry g = GeoFixtures.small();
    assertThat(g.size()).isEqualTo(g.tree().size());
    for (Region r : g.regions()) {
      Geometry own = g.geometry(r.code()).orElseThrow();
      assertThat(own.isValid()).as("valid %s", r).isTrue();
      if (!r.children().isEmpty()) {
        double sum =
            r.children().stream()
                .mapToDouble(c -> g.geometry(c.code()).orElseThrow().getArea())
                .sum();
        assertThat(sum)
            .as("children of %s", r)
            .isCloseTo(own.getArea(), org.assertj.core.data.Offset.offset(1e-12));
      }
    }
  }

  @Test
  void sameSeedSameBytes_otherSeedOtherBytes() {
    String a = GeoFixtures.small().toGeoJson();
    String b =
        SyntheticGeometry.generate(
                GeoFixtures.smallTree(),
                new org.locationtech.jts.geom.Envelope(119.0, 119.1, 25.4, 25.5),
                11L)
            .toGeoJson();
    String c =
        SyntheticGeometry.generate(
                GeoFixtures.smallTree(),
                new org.locationtech.jts.geom.Envelope(119.0, 119.1, 25.4, 25.5),
                12L)
            .toGeoJson();
    assertThat(b).isEqualTo(a);
    assertThat(c).isNotEqualTo(a);
  }

  @Test
  void putianScale_hasTheTargetCounts() {
    long t0 = System.nanoTime();
    RegionGeometry g = GeoFixtures.putian();
    System.out.printf("putian geometry: %.1f s%n", (System.nanoTime() - t0) / 1e9);
    assertThat(g.regions(RegionLevel.UNIT)).hasSize(136_063);
    assertThat(g.regions(RegionLevel.GRID)).hasSize(10_440);
  }
}
