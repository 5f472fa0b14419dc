package org.gridgov.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

class MapProjectionTest {
  private static final Envelope BOUNDS = new Envelope(119.0, 119.1, 25.0, 25.1);

  @Test
  void cornersGoToTheMargins_northUp_andTheHeightFollowsTheAspectRatio() {
    MapProjection p = MapProjection.fit(BOUNDS, 420, 10);
    double cos = Math.cos(Math.toRadians(25.05));
    assertThat(p.x(119.0)).isEqualTo(10.0);
    assertThat(p.x(119.1)).isCloseTo(410.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(p.y(25.1)).isEqualTo(10.0);
    double expectedHeight = 400 / cos + 20; // 0.1° of latitude against 0.1° × cos of longitude
    assertThat(p.height()).isCloseTo(expectedHeight, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(p.y(25.0)).isCloseTo(expectedHeight - 10, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void pathData_oneSubPathPerRing_withOneDecimal_andDuplicatePixelsDropped() {
    MapProjection p = MapProjection.fit(BOUNDS, 420, 10);
    Geometry square =
        RegionGeometry.FACTORY.createPolygon(
            RegionGeometry.FACTORY.createLinearRing(
                new Coordinate[] {
                  new Coordinate(119.0, 25.1),
                  new Coordinate(119.1, 25.1),
                  new Coordinate(119.1, 25.0999999),
                  new Coordinate(119.1, 25.0),
                  new Coordinate(119.0, 25.1)
                }),
            new org.locationtech.jts.geom.LinearRing[] {
              RegionGeometry.FACTORY.createLinearRing(
                  new Coordinate[] {
                    new Coordinate(119.05, 25.05),
                    new Coordinate(119.06, 25.05),
                    new Coordinate(119.06, 25.06),
                    new Coordinate(119.05, 25.05)
                  })
            });
    String d = p.path(square);
    assertThat(d).startsWith("M10.0 10.0 L410.0 10.0 L410.0 ");
    assertThat(d.split("M", -1)).hasSize(3);
    assertThat(d.split("Z", -1)).hasSize(3);
    assertThat(d).doesNotContain("410.0 10.0 L410.0 10.0");
    assertThat(d).matches("[MLZ0-9. ]+");
    assertThat(p.path(square)).isEqualTo(d);
  }

  @Test
  void badBoundsOrSizes_areRefused() {
    assertThatThrownBy(() -> MapProjection.fit(new Envelope(119, 119, 25, 25.1), 100, 10))
        .hasMessageContaining("need a width and a height");
    assertThatThrownBy(() -> MapProjection.fit(BOUNDS, 20, 10))
        .hasMessageContaining("width > 2 × margin");
    assertThat(MapProjection.number(-0.04)).isEqualTo("0.0");
  }
}
