package org.gridgov.geo;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.gridgov.geo.internal.GeoJsonFeatureReader;
import org.gridgov.geo.internal.GeoJsonWriter;
import org.gridgov.geo.internal.LocalMetric;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Polygons attached to region codes of a {@link RegionTree}, at any level: a unit's footprint, a
 * grid's area, a street's boundary. Immutable and thread-safe once built; the JTS geometries it
 * hands out must not be modified.
 *
 * <p><b>Validation</b>, all at construction, every problem reported at once in a {@link
 * RegionGeometryException} naming the feature, its code and the reason; nothing is half-built:
 *
 * <ul>
 *   <li>the code exists in the tree, and no two features carry the same code;
 *   <li>the geometry is a non-empty Polygon or MultiPolygon in longitude/latitude degrees (WGS-84),
 *       each ring closed with at least 4 positions, and valid in the OGC sense (JTS {@link
 *       IsValidOp}: no self-intersection, holes inside their shell, ...); ring orientation is not
 *       checked (RFC 7946 recommends counter-clockwise shells but tools differ);
 *   <li>a child lies within its parent up to {@link LoadOptions#parentToleranceMetres()}: every
 *       vertex of the child lies in the geometry of its nearest ancestor that has one, or at most
 *       that far from it (degrees turned into metres as 1° = 111,195 m in both directions, which is
 *       generous east–west by 1/cos(latitude)). A vertex check: an edge of a child could still cut
 *       a concave corner of its parent; the coverage analysis measures that exactly.
 * </ul>
 */
public final class RegionGeometry {
  /** The geometry factory of every geometry read: floating precision, SRID 4326 (WGS-84). */
  public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

  private final RegionTree tree;
  private final LoadOptions options;

  /** Tree indexes that have geometry, ascending (pre-order). */
  private final int[] indexes;

  private final Geometry[] geometries;

  /**
   * How geometry is read and checked.
   *
   * @param codeProperty the GeoJSON feature property that holds the region code (a string of
   *     digits, or an integer)
   * @param parentToleranceMetres how far a child's vertex may lie outside its parent, &gt;= 0
   *     (infinity: unchecked)
   * @param limits the size caps (guards against runaway input); {@code maxVerticesPerPolygon}
   *     applies to geometry given in code too
   */
  public record LoadOptions(
      String codeProperty, double parentToleranceMetres, GeoJsonLimits limits) {

    /**
     * Validates the components.
     *
     * @param codeProperty the property holding the code
     * @param parentToleranceMetres the parent tolerance in metres
     * @param limits the size caps
     * @throws IllegalArgumentException naming the bad component
     */
    public LoadOptions {
      Objects.requireNonNull(codeProperty, "codeProperty");
      Objects.requireNonNull(limits, "limits");
      if (codeProperty.isEmpty()) {
        throw new IllegalArgumentException("codeProperty must not be empty");
      }
      if (!(parentToleranceMetres >= 0)) {
        throw new IllegalArgumentException(
            "parentToleranceMetres must be >= 0 but was " + parentToleranceMetres);
      }
    }

    /**
     * The defaults: code in property {@code "code"}, 1 m parent tolerance, {@link
     * GeoJsonLimits#defaults()}.
     *
     * @return the default options
     */
    public static LoadOptions defaults() {
      return new LoadOptions("code", 1.0, GeoJsonLimits.defaults());
    }

    /**
     * Returns these options with another parent tolerance.
     *
     * @param metres the tolerance
     * @return new options
     */
    public LoadOptions withParentToleranceMetres(double metres) {
      return new LoadOptions(codeProperty, metres, limits);
    }

    /**
     * Returns these options with other size caps.
     *
     * @param newLimits the caps
     * @return new options
     */
    public LoadOptions withLimits(GeoJsonLimits newLimits) {
      return new LoadOptions(codeProperty, parentToleranceMetres, newLimits);
    }
  }

  private RegionGeometry(
      RegionTree tree, LoadOptions options, int[] indexes, Geometry[] geometries) {
    this.tree = tree;
    this.options = options;
    this.indexes = indexes;
    this.geometries = geometries;
  }

  /**
   * Reads geometry from a GeoJSON FeatureCollection.
   *
   * @param tree the tree whose codes the features carry
   * @param json the GeoJSON text; read to the end, not closed
   * @param source a name for messages (e.g. the file name)
   * @param options how to read and check
   * @return the geometry
   * @throws RegionGeometryException listing every problem, if there is any
   */
  public static RegionGeometry fromGeoJson(
      RegionTree tree, Reader json, String source, LoadOptions options) {
    Objects.requireNonNull(tree, "tree");
    Objects.requireNonNull(source, "source");
    List<GeoJsonFeatureReader.Feature> features;
    try {
      features =
          new GeoJsonFeatureReader(FACTORY, options.codeProperty(), options.limits()).read(json);
    } catch (GeoJsonFeatureReader.DocumentException e) {
      throw new RegionGeometryException(
          source,
          List.of(
              new RegionGeometryException.Problem(
                  e.feature(), OptionalLong.empty(), String.valueOf(e.getMessage()))));
    }
    List<Entry> entries = new ArrayList<>(features.size());
    List<RegionGeometryException.Problem> problems = new ArrayList<>();
    for (GeoJsonFeatureReader.Feature f : features) {
      String problem = f.problem();
      Geometry g = f.geometry();
      if (problem != null || g == null) {
        add(problems, f.index(), f.code(), problem == null ? "no geometry" : problem);
      } else {
        entries.add(new Entry(f.index(), f.code().getAsLong(), g));
      }
    }
    return build(tree, entries, problems, source, options);
  }

  /**
   * Reads geometry from a GeoJSON FeatureCollection held in a string.
   *
   * @param tree the tree whose codes the features carry
   * @param json the GeoJSON text
   * @param options how to read and check
   * @return the geometry
   * @throws RegionGeometryException listing every problem, if there is any
   */
  public static RegionGeometry fromGeoJson(RegionTree tree, String json, LoadOptions options) {
    return fromGeoJson(tree, new StringReader(json), "GeoJSON text", options);
  }

  /**
   * Attaches geometries given in code. Problems are reported with the entry's position in the map's
   * iteration order as its "feature" index.
   *
   * @param tree the tree
   * @param byCode geometries by region code (Polygon or MultiPolygon, degrees)
   * @param options the checks (the code property is not used)
   * @return the geometry
   * @throws RegionGeometryException listing every problem, if there is any
   */
  public static RegionGeometry of(
      RegionTree tree, Map<Long, ? extends Geometry> byCode, LoadOptions options) {
    Objects.requireNonNull(tree, "tree");
    List<Entry> entries = new ArrayList<>(byCode.size());
    List<RegionGeometryException.Problem> problems = new ArrayList<>();
    int i = 0;
    for (Map.Entry<Long, ? extends Geometry> e : byCode.entrySet()) {
      Geometry g = e.getValue();
      String range = rangeProblem(g);
      if (range != null) {
        add(problems, i, OptionalLong.of(e.getKey()), range);
      } else {
        entries.add(new Entry(i, e.getKey(), g));
      }
      i++;
    }
    return build(tree, entries, problems, "entries", options);
  }

  /**
   * Returns a copy with one region's geometry replaced or added, checked like everything else (the
   * region's own checks and those of its children against it).
   *
   * @param code the region code
   * @param geometry the new geometry
   * @return the new geometry set
   * @throws RegionGeometryException if the result breaks a rule
   */
  public RegionGeometry with(long code, Geometry geometry) {
    Map<Long, Geometry> all = new java.util.LinkedHashMap<>();
    for (int k = 0; k < indexes.length; k++) {
      all.put(tree.region(indexes[k]).code(), geometries[k]);
    }
    all.put(code, geometry);
    return of(tree, all, options);
  }

  /**
   * Returns the tree.
   *
   * @return the tree the codes belong to
   */
  public RegionTree tree() {
    return tree;
  }

  /**
   * Returns the options it was checked with.
   *
   * @return the options
   */
  public LoadOptions options() {
    return options;
  }

  /**
   * Returns how many regions have geometry.
   *
   * @return the count
   */
  public int size() {
    return indexes.length;
  }

  /**
   * Returns a region's geometry.
   *
   * @param code the region code
   * @return its Polygon or MultiPolygon; empty if the code is unknown or has none
   */
  public Optional<Geometry> geometry(long code) {
    int i = tree.indexOf(code);
    return i < 0 ? Optional.empty() : geometryAt(i);
  }

  /**
   * Returns the geometry of the region at a tree index.
   *
   * @param treeIndex a pre-order index of the tree
   * @return its geometry, if it has one
   */
  public Optional<Geometry> geometryAt(int treeIndex) {
    int k = Arrays.binarySearch(indexes, treeIndex);
    return k < 0 ? Optional.empty() : Optional.of(geometries[k]);
  }

  /**
   * Returns the regions that have geometry, in tree pre-order.
   *
   * @return the regions
   */
  public ImmutableList<Region> regions() {
    ImmutableList.Builder<Region> b = ImmutableList.builderWithExpectedSize(indexes.length);
    for (int i : indexes) {
      b.add(tree.region(i));
    }
    return b.build();
  }

  /**
   * Returns the regions of one level that have geometry, in tree pre-order.
   *
   * @param level the level
   * @return the regions
   */
  public ImmutableList<Region> regions(RegionLevel level) {
    return regions().stream()
        .filter(r -> r.level() == level)
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Writes a GeoJSON FeatureCollection, one feature per line in tree pre-order, each with
   * properties {@code code} (a string: 18-digit codes do not fit a JavaScript number), {@code
   * level} and {@code name}. Numbers are written as Java's shortest round-trip decimal, so reading
   * the text back gives the same doubles and the same geometry always gives the same bytes.
   *
   * @param out where to write; flushed, not closed
   * @throws UncheckedIOException if the writer fails
   */
  public void writeGeoJson(Writer out) {
    try {
      GeoJsonWriter.write(out, tree, indexes, geometries);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write GeoJSON", e);
    }
  }

  /**
   * Returns the GeoJSON text of {@link #writeGeoJson}.
   *
   * @return the text
   */
  public String toGeoJson() {
    java.io.StringWriter w = new java.io.StringWriter();
    writeGeoJson(w);
    return w.toString();
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "RegionGeometry[%d regions of tree edition %s]",
        indexes.length,
        tree.edition());
  }

  private record Entry(int position, long code, Geometry geometry) {}

  private static RegionGeometry build(
      RegionTree tree,
      List<Entry> entries,
      List<RegionGeometryException.Problem> problems,
      String source,
      LoadOptions options) {
    Map<Integer, Entry> byIndex = new HashMap<>();
    for (Entry e : entries) {
      int i = tree.indexOf(e.code());
      String problem =
          i < 0
              ? "code " + e.code() + " is not in the region tree (edition " + tree.edition() + ")"
              : byIndex.containsKey(i)
                  ? "code "
                      + e.code()
                      + " is also carried by feature "
                      + Objects.requireNonNull(byIndex.get(i)).position()
                  : shapeProblem(e.geometry(), options.limits().maxVerticesPerPolygon());
      if (problem != null) {
        add(problems, e.position(), OptionalLong.of(e.code()), problem);
      } else {
        byIndex.put(i, e);
      }
    }
    int[] indexes = byIndex.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    Geometry[] geometries = new Geometry[indexes.length];
    for (int k = 0; k < indexes.length; k++) {
      geometries[k] = Objects.requireNonNull(byIndex.get(indexes[k])).geometry();
    }
    checkParents(tree, indexes, geometries, byIndex, options.parentToleranceMetres(), problems);
    if (!problems.isEmpty()) {
      problems.sort(java.util.Comparator.comparingInt(RegionGeometryException.Problem::feature));
      throw new RegionGeometryException(source, problems);
    }
    return new RegionGeometry(tree, options, indexes, geometries);
  }

  private static void checkParents(
      RegionTree tree,
      int[] indexes,
      Geometry[] geometries,
      Map<Integer, Entry> byIndex,
      double toleranceMetres,
      List<RegionGeometryException.Problem> problems) {
    if (toleranceMetres == Double.POSITIVE_INFINITY) {
      return;
    }
    double toleranceDegrees = toleranceMetres / LocalMetric.METRES_PER_DEGREE;
    Map<Integer, PointOnGeometryLocator> prepared = new HashMap<>();
    for (int k = 0; k < indexes.length; k++) {
      int parent = nearestAncestorWithGeometry(tree, indexes, indexes[k]);
      if (parent < 0) {
        continue;
      }
      Geometry parentGeometry = geometries[Arrays.binarySearch(indexes, parent)];
      PointOnGeometryLocator p =
          prepared.computeIfAbsent(parent, x -> new IndexedPointInAreaLocator(parentGeometry));
      Coordinate outside = farVertex(geometries[k], p, parentGeometry, toleranceDegrees);
      if (outside != null) {
        Entry e = Objects.requireNonNull(byIndex.get(indexes[k]));
        add(
            problems,
            e.position(),
            OptionalLong.of(e.code()),
            String.format(
                Locale.ROOT,
                "vertex (%s, %s) lies %.1f m outside %s %d, more than the tolerance of %s m",
                outside.x,
                outside.y,
                DistanceOp.distance(parentGeometry, FACTORY.createPoint(outside))
                    * LocalMetric.METRES_PER_DEGREE,
                tree.region(parent).level(),
                tree.region(parent).code(),
                toleranceMetres));
      }
    }
  }

  private static int nearestAncestorWithGeometry(RegionTree tree, int[] indexes, int index) {
    for (Optional<Region> p = tree.region(index).parent(); p.isPresent(); p = p.get().parent()) {
      if (Arrays.binarySearch(indexes, p.get().index()) >= 0) {
        return p.get().index();
      }
    }
    return -1;
  }

  private static @Nullable Coordinate farVertex(
      Geometry child,
      PointOnGeometryLocator parent,
      Geometry parentGeometry,
      double toleranceDegrees) {
    for (Coordinate c : child.getCoordinates()) {
      if (parent.locate(c) != Location.EXTERIOR
          || DistanceOp.isWithinDistance(
              parentGeometry, FACTORY.createPoint(c), toleranceDegrees)) {
        continue;
      }
      return c;
    }
    return null;
  }

  private static @Nullable String shapeProblem(Geometry g, int maxVerticesPerPolygon) {
    if (!(g instanceof Polygon) && !(g instanceof MultiPolygon)) {
      return "geometry type "
          + g.getGeometryType()
          + " is not supported; a region needs a Polygon or MultiPolygon";
    }
    if (g.isEmpty()) {
      return "the geometry is empty";
    }
    for (int i = 0; i < g.getNumGeometries(); i++) {
      int n = g.getGeometryN(i).getNumPoints();
      if (n > maxVerticesPerPolygon) {
        return (g instanceof Polygon ? "the polygon" : "polygon " + i)
            + " has "
            + n
            + " positions, more than maxVerticesPerPolygon "
            + maxVerticesPerPolygon
            + " (GeoJsonLimits)";
      }
    }
    TopologyValidationError error = new IsValidOp(g).getValidationError();
    if (error != null) {
      return "invalid geometry: "
          + error.getMessage()
          + " at "
          + coordinateText(error.getCoordinate());
    }
    return null;
  }

  private static @Nullable String rangeProblem(Geometry g) {
    for (Coordinate c : g.getCoordinates()) {
      if (!(c.x >= -180 && c.x <= 180 && c.y >= -90 && c.y <= 90)) {
        return "position "
            + coordinateText(c)
            + " is out of range: longitude must be in [-180, 180], latitude in [-90, 90]";
      }
    }
    return null;
  }

  private static String coordinateText(@Nullable Coordinate c) {
    return c == null ? "(unknown)" : String.format(Locale.ROOT, "(%s, %s)", c.x, c.y);
  }

  private static void add(
      List<RegionGeometryException.Problem> problems, int feature, OptionalLong code, String why) {
    if (problems.size() < RegionGeometryException.MAX_PROBLEMS) {
      problems.add(new RegionGeometryException.Problem(feature, code, why));
    }
  }
}
