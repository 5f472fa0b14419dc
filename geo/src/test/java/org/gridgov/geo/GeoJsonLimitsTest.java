package org.gridgov.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Map;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/** The size caps of the GeoJSON reader and the coordinate checks of every way geometry comes in. */
class GeoJsonLimitsTest {
  private static final RegionTree TREE = GeoFixtures.smallTree();
  private static final Region GRID = TREE.regionsAt(RegionLevel.GRID).get(0);
  private static final long UNIT_A = GRID.children().get(0).code();
  private static final long UNIT_B = GRID.children().get(1).code();
  private static final RegionGeometry.LoadOptions DEFAULTS = RegionGeometry.LoadOptions.defaults();

  /** A closed ring of {@code n} distinct vertices on a circle (n + 1 positions). */
  private static String circle(double lon, int n) {
    StringBuilder b = new StringBuilder("[[");
    for (int i = 0; i <= n; i++) {
      double a = 2 * Math.PI * (i % n) / n;
      b.append(i == 0 ? "" : ",")
          .append('[')
          .append(lon + 0.0004 * Math.cos(a))
          .append(',')
          .append(25.0 + 0.0004 * Math.sin(a))
          .append(']');
    }
    return b.append("]]").toString();
  }

  private static String feature(long code, String coordinates) {
    return "{\"type\":\"Feature\",\"properties\":{\"code\":\""
        + code
        + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
        + coordinates
        + "}}";
  }

  private static String twoUnits(int verticesA, int verticesB) {
    return "{\"type\":\"FeatureCollection\",\"features\":["
        + feature(UNIT_A, circle(119.0, verticesA))
        + ","
        + feature(UNIT_B, circle(119.01, verticesB))
        + "]}";
  }

  private static RegionGeometry read(String json, GeoJsonLimits limits) {
    return RegionGeometry.fromGeoJson(
        TREE, new StringReader(json), "units.geojson", DEFAULTS.withLimits(limits));
  }

  @Test
  void defaults_areTheDocumentedValues() {
    GeoJsonLimits d = GeoJsonLimits.defaults();
    assertThat(d.maxChars()).isEqualTo(1L << 30);
    assertThat(d.maxFeatures()).isEqualTo(10_000_000);
    assertThat(d.maxVerticesPerPolygon()).isEqualTo(1_000_000);
    assertThat(d.maxTotalVertices()).isEqualTo(20_000_000L);
    assertThat(DEFAULTS.limits()).isEqualTo(d);
  }

  @Test
  void limitsBelowOne_areRefused_namingTheLimit() {
    assertThatThrownBy(() -> GeoJsonLimits.defaults().withMaxChars(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxChars must be >= 1 but was 0");
    assertThatThrownBy(() -> GeoJsonLimits.defaults().withMaxVerticesPerPolygon(-3))
        .hasMessageContaining("maxVerticesPerPolygon must be >= 1 but was -3");
    assertThatThrownBy(() -> GeoJsonLimits.defaults().withMaxTotalVertices(0))
        .hasMessageContaining("maxTotalVertices");
    assertThatThrownBy(() -> GeoJsonLimits.defaults().withMaxFeatures(0))
        .hasMessageContaining("maxFeatures");
  }

  @Test
  void verticesPerPolygon_atTheLimitIsRead_oneMoreIsRefused_namingFeatureCodeAndCount() {
    // 40 distinct vertices: a ring of 41 positions; the cap counts positions of all rings.
    String json = twoUnits(8, 40);
    RegionGeometry ok = read(json, GeoJsonLimits.defaults().withMaxVerticesPerPolygon(41));
    assertThat(ok.size()).isEqualTo(2);
    RegionGeometryException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            RegionGeometryException.class,
            () -> read(json, GeoJsonLimits.defaults().withMaxVerticesPerPolygon(40)));
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).feature()).isEqualTo(1);
    assertThat(e.problems().get(0).code().getAsLong()).isEqualTo(UNIT_B);
    assertThat(e.getMessage())
        .contains("units.geojson")
        .contains("feature 1 (code " + UNIT_B + ")")
        .contains("41 positions, more than maxVerticesPerPolygon 40");
  }

  @Test
  void totalVertices_overTheLimit_refusesTheDocument_namingTheFeatureWhereItWasExceeded() {
    String json = twoUnits(8, 40); // 9 + 41 = 50 positions
    assertThat(read(json, GeoJsonLimits.defaults().withMaxTotalVertices(50)).size()).isEqualTo(2);
    assertThatThrownBy(() -> read(json, GeoJsonLimits.defaults().withMaxTotalVertices(49)))
        .isInstanceOf(RegionGeometryException.class)
        .hasMessageContaining("units.geojson")
        .hasMessageContaining("feature 1")
        .hasMessageContaining(
            "more than 49 positions in the document (maxTotalVertices, GeoJsonLimits)");
    assertThatThrownBy(() -> read(json, GeoJsonLimits.defaults().withMaxTotalVertices(5)))
        .hasMessageContaining("feature 0")
        .hasMessageContaining("more than 5 positions");
  }

  @Test
  void characters_overTheLimit_refuseTheDocument_exactlyAtTheLimitIsRead() {
    String json = twoUnits(8, 8);
    assertThat(read(json, GeoJsonLimits.defaults().withMaxChars(json.length())).size())
        .isEqualTo(2);
    assertThatThrownBy(() -> read(json, GeoJsonLimits.defaults().withMaxChars(json.length() - 1)))
        .isInstanceOf(RegionGeometryException.class)
        .hasMessageContaining("document")
        .hasMessageContaining(
            "more than " + (json.length() - 1) + " characters (maxChars, GeoJsonLimits)");
  }

  @Test
  void anEndlessDocument_isStoppedAtTheCharacterLimit() {
    // A reader that never ends: "[[[[..." would run for ever without the cap.
    java.io.Reader endless =
        new java.io.Reader() {
          private boolean started;

          @Override
          public int read(char[] buf, int off, int len) {
            int k = 0;
            if (!started && len > 0) {
              String head = "{\"type\":\"FeatureCollection\",\"features\":[";
              k = Math.min(len, head.length());
              head.getChars(0, k, buf, off);
              started = true;
            }
            for (; k < len; k++) {
              buf[off + k] = ' ';
            }
            return len;
          }

          @Override
          public void close() {}
        };
    assertThatThrownBy(
            () ->
                RegionGeometry.fromGeoJson(
                    TREE,
                    endless,
                    "pipe",
                    DEFAULTS.withLimits(GeoJsonLimits.defaults().withMaxChars(100_000))))
        .hasMessageContaining("more than 100000 characters (maxChars, GeoJsonLimits)");
  }

  @Test
  void hugeNumbers_becomeInfinity_andAreRefusedAsOutOfRange() {
    String json =
        "{\"type\":\"FeatureCollection\",\"features\":["
            + feature(
                UNIT_A,
                "[[[119.0,25.0],[1e400,25.0],[119.001,25.001],[119.0,25.001],[119.0,25.0]]]")
            + "]}";
    assertThatThrownBy(() -> read(json, GeoJsonLimits.defaults()))
        .hasMessageContaining("feature 0 (code " + UNIT_A + ")")
        .hasMessageContaining("(Infinity, 25.0) is out of range");
  }

  @Test
  void nanOrOutOfRangeCoordinatesGivenInCode_areRefused_namingEntryAndValue() {
    Geometry nan =
        RegionGeometry.FACTORY.createPolygon(
            new Coordinate[] {
              new Coordinate(119.0, 25.0),
              new Coordinate(119.001, 25.0),
              new Coordinate(119.001, Double.NaN),
              new Coordinate(119.0, 25.0)
            });
    Geometry south =
        RegionGeometry.FACTORY.createPolygon(
            new Coordinate[] {
              new Coordinate(119.0, -91.0),
              new Coordinate(119.001, -91.0),
              new Coordinate(119.001, 25.0),
              new Coordinate(119.0, -91.0)
            });
    java.util.LinkedHashMap<Long, Geometry> byCode = new java.util.LinkedHashMap<>();
    byCode.put(UNIT_A, nan);
    byCode.put(UNIT_B, south);
    RegionGeometryException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            RegionGeometryException.class, () -> RegionGeometry.of(TREE, byCode, DEFAULTS));
    assertThat(e.problems()).hasSize(2);
    assertThat(e.getMessage())
        .contains("feature 0 (code " + UNIT_A + "): position (119.001, NaN) is out of range")
        .contains("feature 1 (code " + UNIT_B + "): position (119.0, -91.0) is out of range");
    assertThat(
            org.junit.jupiter.api.Assertions.assertThrows(
                RegionGeometryException.class,
                () -> RegionGeometry.of(TREE, Map.of(UNIT_A, nan), DEFAULTS)))
        .hasMessageContaining("NaN");
  }

  @Test
  void verticesPerPolygon_appliesToGeometryGivenInCode_andToEachPolygonOfAMultiPolygon() {
    Geometry a =
        RegionGeometry.fromGeoJson(TREE, twoUnits(8, 40), DEFAULTS).geometry(UNIT_B).orElseThrow();
    assertThatThrownBy(
            () ->
                RegionGeometry.of(
                    TREE,
                    Map.of(UNIT_B, a),
                    DEFAULTS.withLimits(GeoJsonLimits.defaults().withMaxVerticesPerPolygon(40))))
        .hasMessageContaining("feature 0 (code " + UNIT_B + ")")
        .hasMessageContaining("41 positions, more than maxVerticesPerPolygon 40");
    String multi =
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\""
            + UNIT_A
            + "\"},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":["
            + circle(119.0, 30)
            + ","
            + circle(119.01, 30)
            + "]}}]}";
    // 62 positions in all, 31 per polygon: the cap is per polygon.
    assertThat(read(multi, GeoJsonLimits.defaults().withMaxVerticesPerPolygon(31)).size())
        .isEqualTo(1);
    assertThatThrownBy(() -> read(multi, GeoJsonLimits.defaults().withMaxVerticesPerPolygon(30)))
        .hasMessageContaining("polygon 0 has 31 positions");
  }
}
