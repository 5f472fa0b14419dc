package org.gridgov.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.stream.Stream;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RegionGeometryTest {
  private static final RegionTree TREE = GeoFixtures.smallTree();
  private static final Region GRID = TREE.regionsAt(RegionLevel.GRID).get(0);
  private static final long UNIT = GRID.children().get(0).code();
  private static final String SQUARE =
      "[[[119.0,25.0],[119.001,25.0],[119.001,25.001],[119.0,25.001],[119.0,25.0]]]";

  private static String collection(String... features) {
    return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
  }

  private static String feature(String code, String type, String coordinates) {
    return "{\"type\":\"Feature\",\"properties\":{\"name\":\"x\",\"code\":"
        + code
        + "},\"geometry\":{\"type\":\""
        + type
        + "\",\"coordinates\":"
        + coordinates
        + "}}";
  }

  @Test
  void roundTrip_readsBackTheSameGeometryAndBytes() {
    RegionGeometry g = GeoFixtures.small();
    String json = g.toGeoJson();
    RegionGeometry back =
        RegionGeometry.fromGeoJson(
            TREE, new StringReader(json), "small.geojson", RegionGeometry.LoadOptions.defaults());
    assertThat(back.size()).isEqualTo(g.size());
    for (Region r : g.regions()) {
      assertThat(
              back.geometry(r.code()).orElseThrow().equalsExact(g.geometry(r.code()).orElseThrow()))
          .as("%s", r)
          .isTrue();
    }
    assertThat(back.toGeoJson()).isEqualTo(json);
  }

  @Test
  void membersInAnyOrder_numericCodes_altitudeAndUnknownMembers_areAccepted() {
    String json =
        "{\"features\":[{\"geometry\":{\"coordinates\":"
            + SQUARE.replace("25.001]", "25.001,12.5]")
            + ",\"bbox\":[1,2,3,4],\"type\":\"Polygon\"},\"id\":7,\"properties\":{\"code\":"
            + UNIT
            + ",\"extra\":{\"a\":[1,2]}},\"type\":\"Feature\"}],\"type\":\"FeatureCollection\",\"crs\":null}";
    RegionGeometry g =
        RegionGeometry.fromGeoJson(TREE, json, RegionGeometry.LoadOptions.defaults());
    assertThat(g.geometry(UNIT)).isPresent();
    assertThat(g.geometry(UNIT).orElseThrow().getArea())
        .isCloseTo(1e-6, org.assertj.core.data.Offset.offset(1e-15));
  }

  static Stream<Arguments> badFeatures() {
    String bowtie = "[[[119.0,25.0],[119.001,25.001],[119.001,25.0],[119.0,25.001],[119.0,25.0]]]";
    String open = "[[[119.0,25.0],[119.001,25.0],[119.001,25.001],[119.0,25.001]]]";
    return Stream.of(
        Arguments.of(
            feature("\"" + UNIT + "\"", "Polygon", bowtie), "invalid geometry: Self-intersection"),
        Arguments.of(feature("\"" + UNIT + "\"", "Polygon", open), "is not closed"),
        Arguments.of(
            feature("\"999999\"", "Polygon", SQUARE), "code 999999 is not in the region tree"),
        Arguments.of(
            feature("\"35x\"", "Polygon", SQUARE),
            "must be a region code of 1 to 18 digits but was \"35x\""),
        Arguments.of(
            feature("\"" + UNIT + "\"", "LineString", "[[119,25],[119.1,25]]"), "not supported"),
        Arguments.of(
            feature("\"" + UNIT + "\"", "Polygon", SQUARE.replace("119.001,25.001", "NaN,25.001")),
            "not valid JSON"),
        Arguments.of(
            feature(
                "\"" + UNIT + "\"",
                "Polygon",
                SQUARE.replace("[119.001,25.001]", "[190.5,25.001]")),
            "(190.5, 25.001) is out of range"),
        Arguments.of(
            "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + SQUARE
                + "}}",
            "no region code in property \"code\""),
        Arguments.of(
            "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + UNIT + "\"},\"geometry\":null}",
            "the geometry is null"));
  }

  @ParameterizedTest
  @MethodSource("badFeatures")
  void badFeature_isRefusedNamingIndexAndReason(String bad, String reason) {
    String good = feature("\"" + GRID.children().get(1).code() + "\"", "Polygon", SQUARE);
    assertThatThrownBy(
            () ->
                RegionGeometry.fromGeoJson(
                    TREE,
                    new StringReader(collection(good, bad)),
                    "units.geojson",
                    RegionGeometry.LoadOptions.defaults()))
        .isInstanceOf(RegionGeometryException.class)
        .hasMessageContaining("units.geojson")
        .hasMessageContaining("feature 1")
        .hasMessageContaining(reason);
  }

  @Test
  void everyProblemIsReported_withItsCode() {
    String bad1 = feature("\"999999\"", "Polygon", SQUARE);
    String bad2 = feature("\"" + UNIT + "\"", "Polygon", SQUARE);
    String dup = feature("\"" + UNIT + "\"", "Polygon", SQUARE);
    RegionGeometryException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            RegionGeometryException.class,
            () ->
                RegionGeometry.fromGeoJson(
                    TREE, collection(bad1, bad2, dup), RegionGeometry.LoadOptions.defaults()));
    assertThat(e.problems()).hasSize(2);
    assertThat(e.problems().get(0).feature()).isEqualTo(0);
    assertThat(e.problems().get(0).code().getAsLong()).isEqualTo(999999L);
    assertThat(e.problems().get(1).feature()).isEqualTo(2);
    assertThat(e.problems().get(1).reason()).contains("also carried by feature 1");
  }

  @Test
  void childOutsideItsParent_beyondTheTolerance_isRefused_withinIt_isAccepted() {
    String grid = feature("\"" + GRID.code() + "\"", "Polygon", SQUARE);
    // 0.0001° ≈ 11 m east of the grid's east edge.
    String unit =
        feature(
            "\"" + UNIT + "\"",
            "Polygon",
            "[[[119.0005,25.0],[119.0011,25.0],[119.0011,25.0005],[119.0005,25.0005],[119.0005,25.0]]]");
    assertThatThrownBy(
            () ->
                RegionGeometry.fromGeoJson(
                    TREE, collection(grid, unit), RegionGeometry.LoadOptions.defaults()))
        .hasMessageContaining("feature 1 (code " + UNIT + ")")
        .hasMessageContaining("outside GRID " + GRID.code());
    RegionGeometry g =
        RegionGeometry.fromGeoJson(
            TREE,
            collection(grid, unit),
            RegionGeometry.LoadOptions.defaults().withParentToleranceMetres(15));
    assertThat(g.size()).isEqualTo(2);
  }

  @Test
  void documentProblems_areRefused() {
    assertThatThrownBy(
            () -> RegionGeometry.fromGeoJson(TREE, "[]", RegionGeometry.LoadOptions.defaults()))
        .hasMessageContaining("must be a JSON object");
    assertThatThrownBy(
            () ->
                RegionGeometry.fromGeoJson(
                    TREE, "{\"type\":\"Feature\"}", RegionGeometry.LoadOptions.defaults()))
        .hasMessageContaining("\"FeatureCollection\" but was \"Feature\"");
    assertThatThrownBy(
            () ->
                RegionGeometry.fromGeoJson(
                    TREE, "{\"type\":", RegionGeometry.LoadOptions.defaults()))
        .hasMessageContaining("line 1");
    String f = feature("\"" + UNIT + "\"", "Polygon", SQUARE);
    assertThatThrownBy(
            () ->
                RegionGeometry.fromGeoJson(
                    TREE,
                    collection(f, f, f),
                    new RegionGeometry.LoadOptions(
                        "code", 1, GeoJsonLimits.defaults().withMaxFeatures(2))))
        .hasMessageContaining("more than 2 features");
  }
}
