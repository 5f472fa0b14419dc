package org.gridgov.geo.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import org.gridgov.region.Region;
import org.gridgov.region.RegionTree;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes region geometry as a GeoJSON FeatureCollection with Jackson's generator, one feature per
 * line.
 */
public final class GeoJsonWriter {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private GeoJsonWriter() {}

  /**
   * Writes the features.
   *
   * @param out the writer; flushed, not closed
   * @param tree the tree
   * @param indexes tree indexes, ascending
   * @param geometries their Polygon or MultiPolygon geometries
   * @throws IOException if the writer fails
   */
  public static void write(Writer out, RegionTree tree, int[] indexes, Geometry[] geometries)
      throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeFieldName("features");
      g.writeStartArray();
      for (int k = 0; k < indexes.length; k++) {
        g.writeRaw('\n');
        writeFeature(g, tree.region(indexes[k]), geometries[k]);
      }
      g.writeRaw('\n');
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
    out.flush();
  }

  private static void writeFeature(JsonGenerator g, Region r, Geometry geometry)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeFieldName("properties");
    g.writeStartObject();
    g.writeStringField("code", Long.toString(r.code()));
    g.writeStringField("level", r.level().name());
    g.writeStringField("name", r.name());
    g.writeEndObject();
    g.writeFieldName("geometry");
    g.writeStartObject();
    if (geometry instanceof Polygon p) {
      g.writeStringField("type", "Polygon");
      g.writeFieldName("coordinates");
      writePolygon(g, p);
    } else {
      g.writeStringField("type", "MultiPolygon");
      g.writeFieldName("coordinates");
      g.writeStartArray();
      for (int i = 0; i < geometry.getNumGeometries(); i++) {
        writePolygon(g, (Polygon) geometry.getGeometryN(i));
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writePolygon(JsonGenerator g, Polygon p) throws IOException {
    g.writeStartArray();
    writeRing(g, p.getExteriorRing());
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      writeRing(g, p.getInteriorRingN(i));
    }
    g.writeEndArray();
  }

  private static void writeRing(JsonGenerator g, LineString ring) throws IOException {
    g.writeStartArray();
    for (Coordinate c : ring.getCoordinates()) {
      g.writeStartArray();
      g.writeNumber(c.x);
      g.writeNumber(c.y);
      g.writeEndArray();
    }
    g.writeEndArray();
  }
}
