package org.gridgov.geo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import org.gridgov.region.CodeScheme;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** The writer's exact text, written out by hand: layout, properties, Polygon and MultiPolygon. */
class GeoJsonWriterTest {
  private static final RegionTree TREE =
      RegionTree.builder(CodeScheme.standard(), LocalDate.of(2024, 1, 1))
          .addDistrict(350302, "城厢区")
          .add(RegionLevel.STREET, 350302001L, 350302L, "霞林街道")
          .add(RegionLevel.COMMUNITY, 350302001001L, 350302001L, "社区")
          .add(RegionLevel.GRID, 350302001001001L, 350302001001L, "网格1")
          .add(RegionLevel.GRID, 350302001001002L, 350302001001L, "网格2")
          .build();

  private static Geometry wkt(String text) {
    try {
      return new WKTReader(new GeometryFactory()).read(text);
    } catch (ParseException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /** Grid 1: two squares; grid 2: a square with a square hole. Every coordinate exact in binary. */
  private static final Geometry[] GEOMETRIES = {
    wkt(
        "MULTIPOLYGON (((119 25, 119.25 25, 119.25 25.5, 119 25.5, 119 25)),"
            + " ((119.5 25, 119.75 25, 119.75 25.5, 119.5 25.5, 119.5 25)))"),
    wkt(
        "POLYGON ((120 25, 121 25, 121 26, 120 26, 120 25),"
            + " (120.25 25.25, 120.25 25.75, 120.75 25.75, 120.75 25.25, 120.25 25.25))"),
  };

  private static int[] gridIndexes() {
    return new int[] {TREE.indexOf(350302001001001L), TREE.indexOf(350302001001002L)};
  }

  @Test
  void oneFeaturePerLine_withCodeLevelAndName_polygonsWithHolesAndMultiPolygons()
      throws IOException {
    StringWriter out = new StringWriter();
    GeoJsonWriter.write(out, TREE, gridIndexes(), GEOMETRIES);
    String expected =
        "{\"type\":\"FeatureCollection\",\"features\":[\n"
            + "{\"type\":\"Feature\",\"properties\":{\"code\":\"350302001001001\",\"level\":\"GRID\","
            + "\"name\":\"网格1\"},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":["
            + "[[[119.0,25.0],[119.25,25.0],[119.25,25.5],[119.0,25.5],[119.0,25.0]]],"
            + "[[[119.5,25.0],[119.75,25.0],[119.75,25.5],[119.5,25.5],[119.5,25.0]]]]}}\n"
            + ",{\"type\":\"Feature\",\"properties\":{\"code\":\"350302001001002\",\"level\":\"GRID\","
            + "\"name\":\"网格2\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":["
            + "[[120.0,25.0],[121.0,25.0],[121.0,26.0],[120.0,26.0],[120.0,25.0]],"
            + "[[120.25,25.25],[120.25,25.75],[120.75,25.75],[120.75,25.25],[120.25,25.25]]]}}\n"
            + "]}\n";
    assertThat(out.toString()).isEqualTo(expected);
  }

  @Test
  void noFeatures_isAnEmptyCollection() throws IOException {
    StringWriter out = new StringWriter();
    GeoJsonWriter.write(out, TREE, new int[0], new Geometry[0]);
    assertThat(out.toString()).isEqualTo("{\"type\":\"FeatureCollection\",\"features\":[\n]}\n");
  }

  @Test
  void theWriterIsFlushedButNotClosed() throws IOException {
    StringWriter target = new StringWriter();
    BufferedWriter out = new BufferedWriter(target, 1 << 16);
    GeoJsonWriter.write(out, TREE, new int[0], new Geometry[0]);
    assertThat(target.toString()).endsWith("]}\n"); // through the buffer: flushed
    out.write("more"); // a closed BufferedWriter would throw
    out.flush();
    assertThat(target.toString()).endsWith("]}\nmore");
  }
}
