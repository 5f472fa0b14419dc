package org.gridgov.geo;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.geo.internal.GridIndex;
import org.gridgov.geo.internal.LocalMetric;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.locationtech.jts.geom.Geometry;

/**
 * Places a point (longitude, latitude in WGS-84 degrees) in the region tree: the deepest region
 * with geometry that contains it — the unit, else the grid, … — and, through the tree, its
 * ancestors. Immutable and thread-safe; built once from a {@link RegionGeometry}.
 *
 * <p><b>Rules.</b>
 *
 * <ul>
 *   <li>Levels are tried from the deepest with geometry up: a point in a grid that none of the
 *       grid's units covers is placed in the grid.
 *   <li>Polygons are closed: a point on a boundary is in the polygon. A point on an edge or vertex
 *       shared by several regions of the same level (or in an overlap) goes to the one with the
 *       <b>lowest code</b>. Deterministic, and independent of the order the geometry was loaded in.
 *   <li>A point no polygon contains is refused (an empty result), unless the {@link OutsidePolicy}
 *       allows the nearest region of the deepest level within a distance (ties: the lowest code),
 *       measured in a local metric (see docs/geo.md).
 *   <li>NaN, infinite or out-of-range coordinates are an {@link IllegalArgumentException} naming
 *       the value.
 * </ul>
 *
 * <p><b>Cost.</b> Per level a uniform grid index ({@value #DEFAULT_CELLS_PER_POLYGON} cells per
 * polygon by default): most points are answered by one array lookup, the rest by an exact
 * point-in-polygon test of the few polygons whose boundaries cross the cell. Building it is linear
 * in the vertices and the cells the polygons cover (about 300 bytes per polygon for Putian's
 * units); docs/BENCHMARKS.md has the lookup rate against a JTS STRtree with prepared polygons.
 */
public final class RegionLocator {
  /** The default cells per polygon of the index (memory against speed; see docs/geo.md). */
  public static final int DEFAULT_CELLS_PER_POLYGON = 8;

  /** The most cells per polygon accepted. */
  public static final int MAX_CELLS_PER_POLYGON = 256;

  private final RegionGeometry geometry;
  private final OutsidePolicy outsidePolicy;

  /** Deepest level first. */
  private final Level[] levels;

  @SuppressWarnings("ArrayRecordComponent") // private carrier, never compared or handed out
  private record Level(RegionLevel level, int[] treeIndexes, GridIndex index) {}

  private RegionLocator(RegionGeometry geometry, OutsidePolicy outsidePolicy, Level[] levels) {
    this.geometry = geometry;
    this.outsidePolicy = outsidePolicy;
    this.levels = levels;
  }

  /**
   * Builds a locator that refuses points outside every polygon.
   *
   * @param geometry the region geometry
   * @return the locator
   */
  public static RegionLocator of(RegionGeometry geometry) {
    return of(geometry, OutsidePolicy.refuse());
  }

  /**
   * Builds a locator.
   *
   * @param geometry the region geometry
   * @param outsidePolicy what to do with points outside every polygon
   * @return the locator
   */
  public static RegionLocator of(RegionGeometry geometry, OutsidePolicy outsidePolicy) {
    return of(geometry, outsidePolicy, DEFAULT_CELLS_PER_POLYGON);
  }

  /**
   * Builds a locator with a chosen index density: more cells per polygon answer more points with
   * one array read (fewer point-in-polygon tests) and take more memory ({@link #indexBytes()}). The
   * answers do not depend on it.
   *
   * @param geometry the region geometry
   * @param outsidePolicy what to do with points outside every polygon
   * @param cellsPerPolygon index cells per polygon, 1 to {@value #MAX_CELLS_PER_POLYGON}
   * @return the locator
   * @throws IllegalArgumentException if {@code cellsPerPolygon} is out of range, naming it
   */
  public static RegionLocator of(
      RegionGeometry geometry, OutsidePolicy outsidePolicy, int cellsPerPolygon) {
    Objects.requireNonNull(geometry, "geometry");
    Objects.requireNonNull(outsidePolicy, "outsidePolicy");
    if (cellsPerPolygon < 1 || cellsPerPolygon > MAX_CELLS_PER_POLYGON) {
      throw new IllegalArgumentException(
          "cellsPerPolygon must be in [1, "
              + MAX_CELLS_PER_POLYGON
              + "] but was "
              + cellsPerPolygon);
    }
    List<Level> levels = new ArrayList<>();
    RegionLevel[] all = RegionLevel.values();
    for (int d = all.length - 1; d >= 0; d--) {
      List<Region> regions = new ArrayList<>(geometry.regions(all[d]));
      if (regions.isEmpty()) {
        continue;
      }
      regions.sort(Comparator.comparingLong(Region::code));
      int[] treeIndexes = regions.stream().mapToInt(Region::index).toArray();
      Geometry[] polygons = new Geometry[treeIndexes.length];
      for (int k = 0; k < polygons.length; k++) {
        polygons[k] = geometry.geometryAt(treeIndexes[k]).orElseThrow();
      }
      levels.add(new Level(all[d], treeIndexes, new GridIndex(polygons, cellsPerPolygon)));
    }
    return new RegionLocator(geometry, outsidePolicy, levels.toArray(new Level[0]));
  }

  /**
   * Locates a WGS-84 point.
   *
   * @param lon longitude in degrees
   * @param lat latitude in degrees
   * @return the location; empty if no region contains the point and the outside policy does not
   *     place it
   * @throws IllegalArgumentException if a coordinate is NaN, infinite or out of range
   */
  public Optional<Location> locate(double lon, double lat) {
    LonLat.check(lon, lat);
    for (Level l : levels) {
      int id = l.index().locate(lon, lat);
      if (id >= 0) {
        return Optional.of(
            new Location(geometry.tree().region(l.treeIndexes()[id]), Location.Match.INSIDE, 0));
      }
    }
    return nearest(lon, lat);
  }

  /**
   * Locates a GCJ-02 point (from Amap/高德, Tencent, WeChat): {@link ChinaCoordinates#gcj02ToWgs84}
   * then {@link #locate}.
   *
   * @param lon GCJ-02 longitude
   * @param lat GCJ-02 latitude
   * @return the location, as {@link #locate}
   */
  public Optional<Location> locateGcj02(double lon, double lat) {
    LonLat wgs = ChinaCoordinates.gcj02ToWgs84(lon, lat);
    return locate(wgs.lon(), wgs.lat());
  }

  /**
   * Locates a BD-09 point (from Baidu): {@link ChinaCoordinates#bd09ToWgs84} then {@link #locate}.
   *
   * @param lon BD-09 longitude
   * @param lat BD-09 latitude
   * @return the location, as {@link #locate}
   */
  public Optional<Location> locateBd09(double lon, double lat) {
    LonLat wgs = ChinaCoordinates.bd09ToWgs84(lon, lat);
    return locate(wgs.lon(), wgs.lat());
  }

  /**
   * The primitive, allocation-free form of {@link #locate} for points inside a polygon: the tree
   * index of the deepest region whose closed polygon contains the point (same rules), without the
   * outside policy.
   *
   * @param lon longitude in degrees (not range-checked: an out-of-range point is simply outside)
   * @param lat latitude in degrees
   * @return the pre-order tree index, or -1 if no polygon contains the point
   */
  public int locateIndex(double lon, double lat) {
    for (Level l : levels) {
      int id = l.index().locate(lon, lat);
      if (id >= 0) {
        return l.treeIndexes()[id];
      }
    }
    return -1;
  }

  /**
   * Returns the outside policy.
   *
   * @return the policy
   */
  public OutsidePolicy outsidePolicy() {
    return outsidePolicy;
  }

  /**
   * Returns the levels searched, deepest first.
   *
   * @return the levels with geometry
   */
  public ImmutableList<RegionLevel> levels() {
    ImmutableList.Builder<RegionLevel> b = ImmutableList.builder();
    for (Level l : levels) {
      b.add(l.level());
    }
    return b.build();
  }

  /**
   * Returns the memory held by the index arrays (the JTS geometries of the {@link RegionGeometry}
   * aside).
   *
   * @return bytes
   */
  public long indexBytes() {
    long bytes = 0;
    for (Level l : levels) {
      bytes += l.index().bytes() + 4L * l.treeIndexes().length;
    }
    return bytes;
  }

  private Optional<Location> nearest(double lon, double lat) {
    double max = outsidePolicy.maxDistanceMetres();
    if (outsidePolicy.refuses() || levels.length == 0) {
      return Optional.empty();
    }
    Level deepest = levels[0];
    double ky = LocalMetric.METRES_PER_DEGREE;
    double kx = LocalMetric.metresPerDegreeLon(lat);
    double dx = max / Math.max(kx, 1e-9);
    double dy = max / ky;
    int[] ids = deepest.index().candidatesIn(lon - dx, lat - dy, lon + dx, lat + dy);
    int best = -1;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int id : ids) { // ascending ids: lowest code first, so a strict < keeps it on ties
      double d = deepest.index().boundaryDistance(id, lon, lat, kx, ky);
      if (d <= max && d < bestDistance) {
        best = id;
        bestDistance = d;
      }
    }
    if (best < 0) {
      return Optional.empty();
    }
    Region r = geometry.tree().region(deepest.treeIndexes()[best]);
    return Optional.of(new Location(r, Location.Match.NEAREST, bestDistance));
  }
}
