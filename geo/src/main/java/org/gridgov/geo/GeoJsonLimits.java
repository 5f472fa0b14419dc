package org.gridgov.geo;

/**
 * How much GeoJSON {@link RegionGeometry#fromGeoJson} accepts before it stops, in the manner of
 * core's {@link org.gridgov.InputLimits}: a document that is far too big (or endless) is refused
 * while it is read, before memory is spent on it, and nothing is half-loaded.
 *
 * <ul>
 *   <li>{@code maxChars}, {@code maxFeatures}, {@code maxTotalVertices}: reading stops at once when
 *       one is exceeded; the {@link RegionGeometryException} has one document-level problem naming
 *       the limit, its value and the feature being read.
 *   <li>{@code maxVerticesPerPolygon}: a polygon (all its rings' positions, closing positions
 *       included; each polygon of a MultiPolygon on its own) with more positions is a problem of
 *       its feature, listed with the others. It applies to geometry given in code too.
 * </ul>
 *
 * <p>The {@link #defaults() defaults} hold a province's unit polygons with room to spare (the
 * synthetic Putian geometry, 147,665 polygons, is far inside them); a position takes an estimated
 * 80 bytes of heap while read, so 20 M positions about 1.6 GB.
 *
 * @param maxChars the most characters (UTF-16 chars) in the document, &gt;= 1
 * @param maxFeatures the most features, &gt;= 1
 * @param maxVerticesPerPolygon the most positions in one polygon, &gt;= 1
 * @param maxTotalVertices the most positions in the document, &gt;= 1
 */
public record GeoJsonLimits(
    long maxChars, int maxFeatures, int maxVerticesPerPolygon, long maxTotalVertices) {
  /** Default most characters: 1 Gi (2<sup>30</sup>). */
  public static final long DEFAULT_MAX_CHARS = 1L << 30;

  /** Default most features: 10,000,000. */
  public static final int DEFAULT_MAX_FEATURES = 10_000_000;

  /** Default most positions in one polygon: 1,000,000. */
  public static final int DEFAULT_MAX_VERTICES_PER_POLYGON = 1_000_000;

  /** Default most positions in one document: 20,000,000. */
  public static final long DEFAULT_MAX_TOTAL_VERTICES = 20_000_000L;

  /**
   * Validates the limits.
   *
   * @param maxChars the most characters
   * @param maxFeatures the most features
   * @param maxVerticesPerPolygon the most positions per polygon
   * @param maxTotalVertices the most positions
   * @throws IllegalArgumentException naming a limit below 1
   */
  public GeoJsonLimits {
    atLeastOne("maxChars", maxChars);
    atLeastOne("maxFeatures", maxFeatures);
    atLeastOne("maxVerticesPerPolygon", maxVerticesPerPolygon);
    atLeastOne("maxTotalVertices", maxTotalVertices);
  }

  private static void atLeastOne(String name, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1 but was " + value);
    }
  }

  /**
   * Returns the defaults: {@value #DEFAULT_MAX_CHARS} characters, {@value #DEFAULT_MAX_FEATURES}
   * features, {@value #DEFAULT_MAX_VERTICES_PER_POLYGON} positions per polygon, {@value
   * #DEFAULT_MAX_TOTAL_VERTICES} positions in all.
   *
   * @return the default limits
   */
  public static GeoJsonLimits defaults() {
    return new GeoJsonLimits(
        DEFAULT_MAX_CHARS,
        DEFAULT_MAX_FEATURES,
        DEFAULT_MAX_VERTICES_PER_POLYGON,
        DEFAULT_MAX_TOTAL_VERTICES);
  }

  /**
   * Returns a copy with another character limit.
   *
   * @param value the most characters, &gt;= 1
   * @return the limits
   */
  public GeoJsonLimits withMaxChars(long value) {
    return new GeoJsonLimits(value, maxFeatures, maxVerticesPerPolygon, maxTotalVertices);
  }

  /**
   * Returns a copy with another feature limit.
   *
   * @param value the most features, &gt;= 1
   * @return the limits
   */
  public GeoJsonLimits withMaxFeatures(int value) {
    return new GeoJsonLimits(maxChars, value, maxVerticesPerPolygon, maxTotalVertices);
  }

  /**
   * Returns a copy with another per-polygon position limit.
   *
   * @param value the most positions in one polygon, &gt;= 1
   * @return the limits
   */
  public GeoJsonLimits withMaxVerticesPerPolygon(int value) {
    return new GeoJsonLimits(maxChars, maxFeatures, value, maxTotalVertices);
  }

  /**
   * Returns a copy with another total position limit.
   *
   * @param value the most positions in the document, &gt;= 1
   * @return the limits
   */
  public GeoJsonLimits withMaxTotalVertices(long value) {
    return new GeoJsonLimits(maxChars, maxFeatures, maxVerticesPerPolygon, value);
  }
}
