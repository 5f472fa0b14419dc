package org.gridgov.geo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.gridgov.geo.internal.LocalMetric;
import org.gridgov.region.Region;
import org.gridgov.region.RegionTree;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.triangulate.IncrementalDelaunayTriangulator;
import org.locationtech.jts.triangulate.quadedge.QuadEdgeSubdivision;
import org.locationtech.jts.triangulate.quadedge.Vertex;

/**
 * Seeded synthetic geometry for a region tree, for tests and benchmarks where real grid boundaries
 * are not public: every region gets a polygon, the children of every region tile it exactly, and
 * the same tree, bounds and seed always give the same coordinates (so the same GeoJSON bytes).
 *
 * <p>How: one site per leaf region (a unit, in a full tree) on a jittered lattice over the bounds;
 * the sites are split among the regions top-down by recursive bisection along the longer side of
 * their bounding box, in proportion to each region's number of leaves, so every region gets a
 * compact patch of sites. Each leaf's polygon is its site's cell in the JTS Voronoi diagram of all
 * sites (with a frame of guard sites outside the bounds, so no real cell is clipped); each parent's
 * polygon is the exact union ({@link CoverageUnion}) of its children's. Voronoi vertices are
 * computed once and shared by neighbouring cells, so children meet their siblings and their parent
 * without gaps or overlaps, bit for bit. The city's outline follows the outer cells (ragged, about
 * half a lattice step beyond the bounds). A region whose sites' cells are not connected becomes a
 * MultiPolygon (rare).
 *
 * <p>Also here: deliberately broken variants — a gap, an overlap, a sliver — for the coverage
 * analysis's tests.
 */
public final class SyntheticGeometry {

  private SyntheticGeometry() {}

  /**
   * Bounds of about Putian's land area (4,100 km²): longitude 118.70–119.30, latitude 25.10–25.70.
   *
   * @return a new envelope
   */
  public static Envelope putianBounds() {
    return new Envelope(118.70, 119.30, 25.10, 25.70);
  }

  /**
   * Generates geometry for every region of a tree.
   *
   * @param tree the tree (e.g. from {@code SyntheticCityGenerator})
   * @param bounds where to put it, in degrees
   * @param seed the seed: the same tree, bounds and seed give the same geometry
   * @return the geometry, validated like any other
   * @throws IllegalArgumentException if the tree is empty or the bounds are empty
   */
  public static RegionGeometry generate(RegionTree tree, Envelope bounds, long seed) {
    Objects.requireNonNull(tree, "tree");
    if (tree.size() == 0 || bounds.isNull() || bounds.getWidth() <= 0 || bounds.getHeight() <= 0) {
      throw new IllegalArgumentException(
          "need a non-empty tree and bounds with an area but got " + bounds);
    }
    Sites sites = Sites.lattice(tree, bounds, new SplittableRandom(seed));
    int[] siteOfRegion = new int[tree.size()];
    Arrays.fill(siteOfRegion, -1);
    new Partition(tree, sites, siteOfRegion).run();
    Geometry[] cells = voronoiCells(sites);
    Geometry[] byIndex = new Geometry[tree.size()];
    for (int i = tree.size() - 1; i >= 0; i--) {
      Region r = tree.region(i);
      if (siteOfRegion[i] >= 0) {
        byIndex[i] = cells[siteOfRegion[i]];
      } else {
        byIndex[i] =
            CoverageUnion.union(
                r.children().stream().map(c -> byIndex[c.index()]).toArray(Geometry[]::new));
      }
    }
    Map<Long, Geometry> byCode = new LinkedHashMap<>();
    for (int i = 0; i < tree.size(); i++) {
      byCode.put(tree.region(i).code(), byIndex[i]);
    }
    return RegionGeometry.of(tree, byCode, RegionGeometry.LoadOptions.defaults());
  }

  /**
   * Plants a gap: the region's polygon shrunk to 0.8 of its size about its centroid, leaving a
   * ring-shaped hole of 36 % of its area in its parent's coverage.
   *
   * @param geometry the geometry to break
   * @param code a region whose polygon is convex (as every synthetic leaf's is)
   * @return the broken copy
   */
  public static RegionGeometry withGap(RegionGeometry geometry, long code) {
    return geometry.with(code, scaled(polygon(geometry, code), 0.8));
  }

  /**
   * Plants a sliver: the region's polygon shrunk about its centroid just enough to leave a thin
   * ring of the given area (in the local metric of {@code docs/geo.md}) uncovered.
   *
   * @param geometry the geometry to break
   * @param code a region whose polygon is convex
   * @param squareMetres the sliver's area, less than the region's
   * @return the broken copy
   */
  public static RegionGeometry withSliver(RegionGeometry geometry, long code, double squareMetres) {
    Polygon p = polygon(geometry, code);
    double area = LocalMetric.areaSquareMetres(p, p.getCentroid().getY());
    if (!(squareMetres > 0 && squareMetres < area)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "a sliver must be > 0 and < the region's %.1f m² but was %s",
              area,
              squareMetres));
    }
    return geometry.with(code, scaled(p, Math.sqrt(1 - squareMetres / area)));
  }

  /**
   * Plants an overlap: the region's polygon grows into its neighbour's by the part of the neighbour
   * within a quarter of the neighbour's typical width of their shared edge.
   *
   * @param geometry the geometry to break
   * @param code the region that grows
   * @param neighbourCode a region whose polygon touches it
   * @return the broken copy
   * @throws IllegalArgumentException if the two do not touch
   */
  public static RegionGeometry withOverlap(RegionGeometry geometry, long code, long neighbourCode) {
    Polygon a = polygon(geometry, code);
    Polygon b = polygon(geometry, neighbourCode);
    if (!a.intersects(b)) {
      throw new IllegalArgumentException(
          "regions " + code + " and " + neighbourCode + " do not touch");
    }
    Geometry grow =
        OverlayNGRobust.overlay(b, a.buffer(0.25 * Math.sqrt(b.getArea())), OverlayNG.INTERSECTION);
    return geometry.with(code, OverlayNGRobust.overlay(a, grow, OverlayNG.UNION));
  }

  private static Polygon polygon(RegionGeometry geometry, long code) {
    Geometry g =
        geometry
            .geometry(code)
            .orElseThrow(() -> new IllegalArgumentException("region " + code + " has no geometry"));
    if (!(g instanceof Polygon p)) {
      throw new IllegalArgumentException(
          "region " + code + " is a " + g.getGeometryType() + ", not a Polygon");
    }
    return p;
  }

  private static Geometry scaled(Polygon p, double factor) {
    Point c = p.getCentroid();
    return AffineTransformation.scaleInstance(factor, factor, c.getX(), c.getY()).transform(p);
  }

  private static Geometry[] voronoiCells(Sites sites) {
    Map<Coordinate, Integer> siteIndex = new HashMap<>();
    List<Vertex> vertices = new ArrayList<>(sites.count() + sites.guards().size());
    Envelope env = new Envelope();
    // Insert in lattice order (rows snaking): each site is near the last, so the point location
    // walks are short;
    // then the guard frame, walked around.
    for (int s : sites.snakeOrder()) {
      Coordinate c = new Coordinate(sites.x()[s], sites.y()[s]);
      siteIndex.put(c, s);
      vertices.add(new Vertex(c.x, c.y));
      env.expandToInclude(c);
    }
    for (Coordinate g : sites.guards()) {
      vertices.add(new Vertex(g.x, g.y));
      env.expandToInclude(g);
    }
    QuadEdgeSubdivision subdivision = new QuadEdgeSubdivision(env, 0.0);
    new IncrementalDelaunayTriangulator(subdivision).insertSites(vertices);
    Geometry[] cells = new Geometry[sites.count()];
    for (Object o : subdivision.getVoronoiCellPolygons(RegionGeometry.FACTORY)) {
      Geometry cell = (Geometry) o;
      Integer s = siteIndex.get((Coordinate) cell.getUserData());
      if (s != null) {
        cell.setUserData(null);
        cells[s] = cell;
      }
    }
    for (int s = 0; s < cells.length; s++) {
      if (cells[s] == null) {
        throw new IllegalStateException("site " + s + " has no Voronoi cell (duplicate site?)");
      }
    }
    return cells;
  }

  /**
   * Sites on a jittered lattice, one per leaf, plus two rings of guard sites outside the bounds.
   *
   * @param x site x
   * @param y site y
   * @param guards guard sites
   */
  @SuppressWarnings("ArrayRecordComponent") // private carrier
  private record Sites(double[] x, double[] y, int[] snakeOrder, List<Coordinate> guards) {
    int count() {
      return x.length;
    }

    static Sites lattice(RegionTree tree, Envelope b, SplittableRandom random) {
      int leaves = 0;
      for (int i = 0; i < tree.size(); i++) {
        leaves += tree.region(i).subtreeSize() == 1 ? 1 : 0;
      }
      if (leaves >= 1 << 24) {
        throw new IllegalArgumentException(
            "at most 16,777,215 leaf regions, but the tree has " + leaves);
      }
      int cols = (int) Math.ceil(Math.sqrt(leaves * b.getWidth() / b.getHeight()));
      int rows = (int) Math.ceil((double) leaves / cols);
      double sx = b.getWidth() / cols;
      double sy = b.getHeight() / rows;
      int[] slots = new int[cols * rows];
      for (int k = 0; k < slots.length; k++) {
        slots[k] = k;
      }
      for (int k = slots.length - 1; k > 0; k--) { // Fisher-Yates: which lattice slots stay empty
        int j = random.nextInt(k + 1);
        int t = slots[k];
        slots[k] = slots[j];
        slots[j] = t;
      }
      int[] used = Arrays.copyOf(slots, leaves);
      Arrays.sort(used);
      double[] x = new double[leaves];
      double[] y = new double[leaves];
      long[] snake = new long[leaves];
      for (int s = 0; s < leaves; s++) {
        int col = used[s] % cols;
        int row = used[s] / cols;
        x[s] = b.getMinX() + (col + 0.1 + 0.8 * random.nextDouble()) * sx;
        y[s] = b.getMinY() + (row + 0.1 + 0.8 * random.nextDouble()) * sy;
        snake[s] = ((long) row * cols + (row % 2 == 0 ? col : cols - 1 - col)) << 32 | s;
      }
      Arrays.sort(snake);
      int[] snakeOrder = new int[leaves];
      for (int k = 0; k < leaves; k++) {
        snakeOrder[k] = (int) snake[k];
      }
      List<Coordinate> guards = new ArrayList<>();
      for (int ring = 1;
          ring <= 2;
          ring++) { // walked around the frame, jittered: no long runs of collinear sites
        int c0 = -ring;
        int c1 = cols + ring;
        int r0 = -ring;
        int r1 = rows + ring;
        for (int c = c0; c < c1; c++) {
          guards.add(guard(b, sx, sy, c, r0, random));
        }
        for (int r = r0; r < r1; r++) {
          guards.add(guard(b, sx, sy, c1, r, random));
        }
        for (int c = c1; c > c0; c--) {
          guards.add(guard(b, sx, sy, c, r1, random));
        }
        for (int r = r1; r > r0; r--) {
          guards.add(guard(b, sx, sy, c0, r, random));
        }
      }
      return new Sites(x, y, snakeOrder, guards);
    }

    private static Coordinate guard(
        Envelope b, double sx, double sy, int col, int row, SplittableRandom random) {
      return new Coordinate(
          b.getMinX() + (col + 0.5 + 0.2 * (random.nextDouble() - 0.5)) * sx,
          b.getMinY() + (row + 0.5 + 0.2 * (random.nextDouble() - 0.5)) * sy);
    }
  }

  /** Recursive bisection of the sites among the regions, in proportion to their leaves. */
  private static final class Partition {
    private final RegionTree tree;
    private final Sites sites;
    private final int[] siteOfRegion;
    private final int[] leafPrefix;
    private final int[] order;

    Partition(RegionTree tree, Sites sites, int[] siteOfRegion) {
      this.tree = tree;
      this.sites = sites;
      this.siteOfRegion = siteOfRegion;
      this.leafPrefix = new int[tree.size() + 1];
      for (int i = 0; i < tree.size(); i++) {
        leafPrefix[i + 1] = leafPrefix[i] + (tree.region(i).subtreeSize() == 1 ? 1 : 0);
      }
      this.order = new int[sites.count()];
      for (int s = 0; s < order.length; s++) {
        order[s] = s;
      }
    }

    void run() {
      int[] roots = tree.roots().stream().mapToInt(Region::index).toArray();
      split(roots, 0, roots.length, 0, order.length);
    }

    private int leaves(int region) {
      return leafPrefix[region + tree.region(region).subtreeSize()] - leafPrefix[region];
    }

    private void split(int[] group, int a, int b, int lo, int hi) {
      if (b - a == 1) {
        Region r = tree.region(group[a]);
        if (r.subtreeSize() == 1) {
          siteOfRegion[group[a]] = order[lo];
        } else {
          int[] children = r.children().stream().mapToInt(Region::index).toArray();
          split(children, 0, children.length, lo, hi);
        }
        return;
      }
      int total = hi - lo;
      int m = a + 1;
      int left = leaves(group[a]);
      while (m < b - 1
          && Math.abs(left + leaves(group[m]) - total / 2.0) < Math.abs(left - total / 2.0)) {
        left += leaves(group[m]);
        m++;
      }
      sortAlongLongerSide(lo, hi);
      split(group, a, m, lo, lo + left);
      split(group, m, b, lo + left, hi);
    }

    private void sortAlongLongerSide(int lo, int hi) {
      double x0 = Double.POSITIVE_INFINITY;
      double x1 = Double.NEGATIVE_INFINITY;
      double y0 = Double.POSITIVE_INFINITY;
      double y1 = Double.NEGATIVE_INFINITY;
      for (int k = lo; k < hi; k++) {
        int s = order[k];
        x0 = Math.min(x0, sites.x()[s]);
        x1 = Math.max(x1, sites.x()[s]);
        y0 = Math.min(y0, sites.y()[s]);
        y1 = Math.max(y1, sites.y()[s]);
      }
      boolean alongX = x1 - x0 >= y1 - y0;
      double[] key = alongX ? sites.x() : sites.y();
      double origin = alongX ? x0 : y0;
      double scale = (1L << 39) / Math.max(alongX ? x1 - x0 : y1 - y0, 1e-300);
      long[] packed = new long[hi - lo];
      for (int k = lo;
          k < hi;
          k++) { // 39 bits of position, 24 of site number: ties broken by site, deterministic
        long q = Math.min((1L << 39) - 1, (long) ((key[order[k]] - origin) * scale));
        packed[k - lo] = q << 24 | order[k];
      }
      Arrays.sort(packed);
      for (int k = lo; k < hi; k++) {
        order[k] = (int) (packed[k - lo] & 0xFF_FFFFL);
      }
    }
  }
}
