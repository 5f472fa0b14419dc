package org.gridgov.geo.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.gridgov.geo.GeoJsonLimits;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads a GeoJSON FeatureCollection (RFC 7946) with Jackson's streaming parser into one {@link
 * Feature} per feature: the region code from a named property and a JTS Polygon or MultiPolygon, or
 * the reason the feature is unusable. Members may come in any order; unknown members ({@code id},
 * {@code bbox}, {@code crs}, other properties) are skipped. A position's third and later numbers
 * (altitude) are ignored.
 */
public final class GeoJsonFeatureReader {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  /**
   * One feature as read.
   *
   * @param index the 0-based index in the features array
   * @param code the code read, if any
   * @param geometry the geometry, if it could be built
   * @param problem why the feature is unusable, if it is
   */
  public record Feature(
      int index, OptionalLong code, @Nullable Geometry geometry, @Nullable String problem) {}

  /**
   * The document as a whole is unreadable (not JSON, not a FeatureCollection, too many features).
   */
  public static final class DocumentException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int feature;

    DocumentException(int feature, String message) {
      super(message);
      this.feature = feature;
    }

    /**
     * Returns the index of the feature being read when it failed, or -1.
     *
     * @return the feature index
     */
    public int feature() {
      return feature;
    }
  }

  private final GeometryFactory factory;
  private final String codeProperty;
  private final GeoJsonLimits limits;
  private int featureIndex = -1;
  private long positions;

  /**
   * Creates a reader.
   *
   * @param factory builds the geometries
   * @param codeProperty the property holding the region code
   * @param limits the size caps checked while reading ({@code maxVerticesPerPolygon} is checked
   *     later, on the built geometry)
   */
  public GeoJsonFeatureReader(GeometryFactory factory, String codeProperty, GeoJsonLimits limits) {
    this.factory = factory;
    this.codeProperty = codeProperty;
    this.limits = limits;
  }

  /**
   * Reads every feature.
   *
   * @param in the JSON text; not closed
   * @return the features in document order
   * @throws DocumentException if the text is not JSON, not a FeatureCollection, or exceeds a limit
   *     (characters, features, positions)
   */
  public List<Feature> read(Reader in) throws DocumentException {
    try (JsonParser p = JSON.createParser(new LimitedReader(in, limits.maxChars()))) {
      p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      return readCollection(p);
    } catch (LimitedReader.TooLongException e) {
      throw new DocumentException(
          featureIndex,
          "the document has more than "
              + limits.maxChars()
              + " characters (maxChars, GeoJsonLimits); refusing it");
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : String.format(
                  Locale.ROOT,
                  " at line %d, column %d",
                  e.getLocation().getLineNr(),
                  e.getLocation().getColumnNr());
      throw new DocumentException(
          featureIndex, "not valid JSON" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new DocumentException(featureIndex, "cannot read the GeoJSON text: " + e.getMessage());
    }
  }

  private List<Feature> readCollection(JsonParser p) throws IOException, DocumentException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new DocumentException(-1, "a GeoJSON FeatureCollection must be a JSON object");
    }
    @Nullable String type = null;
    @Nullable List<Feature> features = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      if (name.equals("type") && t == JsonToken.VALUE_STRING) {
        type = p.getText();
      } else if (name.equals("features") && t == JsonToken.START_ARRAY) {
        features = readFeatures(p);
      } else {
        p.skipChildren();
      }
    }
    if (!"FeatureCollection".equals(type)) {
      throw new DocumentException(
          -1, "the document's \"type\" must be \"FeatureCollection\" but was " + quoted(type));
    }
    if (features == null) {
      throw new DocumentException(-1, "the FeatureCollection has no \"features\" array");
    }
    return features;
  }

  private List<Feature> readFeatures(JsonParser p) throws IOException, DocumentException {
    List<Feature> out = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      featureIndex = out.size();
      if (out.size() >= limits.maxFeatures()) {
        throw new DocumentException(
            featureIndex,
            "more than "
                + limits.maxFeatures()
                + " features (maxFeatures, GeoJsonLimits); refusing the document");
      }
      if (t != JsonToken.START_OBJECT) {
        p.skipChildren();
        out.add(
            new Feature(
                featureIndex, OptionalLong.empty(), null, "a feature must be a JSON object"));
        continue;
      }
      out.add(readFeature(p));
    }
    featureIndex = -1;
    return out;
  }

  private Feature readFeature(JsonParser p) throws IOException, DocumentException {
    Problems problems = new Problems();
    @Nullable String type = null;
    OptionalLong code = OptionalLong.empty();
    @Nullable Geometry geometry = null;
    boolean sawGeometry = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      if (name.equals("type") && t == JsonToken.VALUE_STRING) {
        type = p.getText();
      } else if (name.equals("properties") && t == JsonToken.START_OBJECT) {
        code = readCode(p, problems);
      } else if (name.equals("geometry")) {
        sawGeometry = true;
        geometry =
            t == JsonToken.START_OBJECT ? readGeometry(p, problems) : skipNonObject(p, t, problems);
      } else {
        p.skipChildren();
      }
    }
    if (!"Feature".equals(type)) {
      problems.add("the feature's \"type\" must be \"Feature\" but was " + quoted(type));
    }
    if (code.isEmpty()) {
      problems.add("the feature has no region code in property \"" + codeProperty + "\"");
    }
    if (!sawGeometry) {
      problems.add("the feature has no \"geometry\"");
    }
    return new Feature(
        featureIndex, code, problems.first == null ? geometry : null, problems.first);
  }

  private static @Nullable Geometry skipNonObject(JsonParser p, JsonToken t, Problems problems)
      throws IOException {
    p.skipChildren();
    problems.add(
        t == JsonToken.VALUE_NULL ? "the geometry is null" : "the geometry must be a JSON object");
    return null;
  }

  private OptionalLong readCode(JsonParser p, Problems problems) throws IOException {
    OptionalLong code = OptionalLong.empty();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      if (!name.equals(codeProperty)) {
        p.skipChildren();
        continue;
      }
      String text = p.getText();
      if ((t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT)
          && text.length() <= 18
          && !text.isEmpty()
          && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
        code = OptionalLong.of(Long.parseLong(text));
      } else {
        p.skipChildren();
        problems.add(
            "property \""
                + codeProperty
                + "\" must be a region code of 1 to 18 digits but was "
                + quoted(text));
      }
    }
    return code;
  }

  private @Nullable Geometry readGeometry(JsonParser p, Problems problems)
      throws IOException, DocumentException {
    @Nullable String type = null;
    @Nullable Object coordinates = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      if (name.equals("type") && t == JsonToken.VALUE_STRING) {
        type = p.getText();
      } else if (name.equals("coordinates") && t == JsonToken.START_ARRAY) {
        coordinates = readNested(p, problems);
      } else {
        p.skipChildren();
      }
    }
    if (problems.first != null) {
      return null;
    }
    if (type == null || (!type.equals("Polygon") && !type.equals("MultiPolygon"))) {
      problems.add(
          "geometry type "
              + quoted(type)
              + " is not supported; a region needs a Polygon or MultiPolygon");
      return null;
    }
    if (coordinates == null) {
      problems.add("the " + type + " has no \"coordinates\" array");
      return null;
    }
    return new GeometryBuilder(factory, problems).build(type, coordinates);
  }

  /**
   * Reads a nested coordinate array: a position becomes {@code double[]}, an array a {@code
   * List<Object>}.
   */
  private Object readNested(JsonParser p, Problems problems) throws IOException, DocumentException {
    List<Object> items = new ArrayList<>();
    double[] position = new double[2];
    int numbers = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
        if (numbers < 2) {
          position[numbers] = p.getDoubleValue();
        }
        numbers++;
      } else if (t == JsonToken.START_ARRAY) {
        items.add(readNested(p, problems));
      } else {
        p.skipChildren();
        problems.add("a coordinate must be a number but was " + quoted(p.getText()));
      }
    }
    if (numbers > 0) {
      if (++positions > limits.maxTotalVertices()) {
        throw new DocumentException(
            featureIndex,
            "more than "
                + limits.maxTotalVertices()
                + " positions in the document (maxTotalVertices, GeoJsonLimits); refusing it");
      }
      if (numbers < 2 || !items.isEmpty()) {
        problems.add("a position must be [longitude, latitude] but had " + numbers + " numbers");
      }
      return position;
    }
    return items;
  }

  static String quoted(@Nullable String s) {
    return s == null ? "missing" : "\"" + s + "\"";
  }

  /** Keeps the first problem of a feature (later ones are usually consequences). */
  static final class Problems {
    @Nullable String first;

    void add(String problem) {
      if (first == null) {
        first = problem;
      }
    }
  }

  /**
   * Turns nested coordinates into JTS polygons, checking ring closure, ring size and coordinate
   * ranges.
   */
  private static final class GeometryBuilder {
    private final GeometryFactory factory;
    private final Problems problems;

    GeometryBuilder(GeometryFactory factory, Problems problems) {
      this.factory = factory;
      this.problems = problems;
    }

    @Nullable Geometry build(String type, Object coordinates) {
      if (type.equals("Polygon")) {
        return polygon(coordinates, "");
      }
      List<?> parts = asList(coordinates, "MultiPolygon coordinates");
      if (parts == null) {
        return null;
      }
      Polygon[] polygons = new Polygon[parts.size()];
      for (int i = 0; i < polygons.length; i++) {
        Polygon polygon = polygon(parts.get(i), "polygon " + i + " ");
        if (polygon == null) {
          return null;
        }
        polygons[i] = polygon;
      }
      if (polygons.length == 0) {
        problems.add("the MultiPolygon has no polygon");
        return null;
      }
      return factory.createMultiPolygon(polygons);
    }

    private @Nullable Polygon polygon(Object coordinates, String where) {
      List<?> rings = asList(coordinates, where + "coordinates");
      if (rings == null) {
        return null;
      }
      if (rings.isEmpty()) {
        problems.add(where + "has no ring");
        return null;
      }
      LinearRing[] built = new LinearRing[rings.size()];
      for (int r = 0; r < built.length; r++) {
        LinearRing ring = ring(rings.get(r), where + "ring " + r);
        if (ring == null) {
          return null;
        }
        built[r] = ring;
      }
      LinearRing[] holes = new LinearRing[built.length - 1];
      System.arraycopy(built, 1, holes, 0, holes.length);
      return factory.createPolygon(built[0], holes);
    }

    private @Nullable LinearRing ring(Object coordinates, String where) {
      List<?> positions = asList(coordinates, where);
      if (positions == null) {
        return null;
      }
      Coordinate[] cs = new Coordinate[positions.size()];
      for (int i = 0; i < cs.length; i++) {
        if (!(positions.get(i) instanceof double[] d)) {
          problems.add(where + " position " + i + " is not a [longitude, latitude] pair");
          return null;
        }
        if (!(d[0] >= -180 && d[0] <= 180 && d[1] >= -90 && d[1] <= 90)) {
          problems.add(
              String.format(
                  Locale.ROOT,
                  "%s position %d (%s, %s) is out of range: longitude must be in [-180, 180], latitude in [-90, 90]",
                  where,
                  i,
                  d[0],
                  d[1]));
          return null;
        }
        cs[i] = new Coordinate(d[0], d[1]);
      }
      if (cs.length < 4) {
        problems.add(where + " has " + cs.length + " positions; a ring needs at least 4 (closed)");
        return null;
      }
      if (!cs[0].equals2D(cs[cs.length - 1])) {
        problems.add(
            where + " is not closed: it starts at " + cs[0] + " and ends at " + cs[cs.length - 1]);
        return null;
      }
      return factory.createLinearRing(cs);
    }

    private @Nullable List<?> asList(Object o, String what) {
      if (o instanceof List<?> l) {
        return l;
      }
      problems.add(what + " must be an array of arrays, not a single position");
      return null;
    }
  }
}
