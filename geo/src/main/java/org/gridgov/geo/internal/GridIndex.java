package org.gridgov.geo.internal;

import java.util.Arrays;
import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * A uniform grid over a set of polygons, built once, answering "which polygons contain this point"
 * with one array lookup for most points.
 *
 * <p>Each cell (slightly enlarged, by 1e-9 of its size, so that rounding in the cell computation
 * never puts a point in a cell that does not hold it) lists, in ascending id order, every polygon
 * whose boundary passes through it or whose interior covers it. A cell whose only candidate covers
 * it entirely (no boundary crosses it) answers without a point-in-polygon test; other cells test
 * their candidates with an exact closed point-in-polygon test (the boundary counts as inside; JTS's
 * robust orientation predicate decides on which side of an edge a point lies, as in JTS's {@code
 * RayCrossingCounter}).
 *
 * <p>Cost: build O(vertices + cells crossed by edges + cells covered); memory about 8 bytes per
 * cell plus 4 per candidate plus 16 per vertex; query O(1) for covered cells, O(candidates'
 * vertices) otherwise. Polygons are flattened into coordinate arrays: nothing of JTS is touched
 * when querying.
 */
public final class GridIndex {
  private final int count;
  private final double minX;
  private final double minY;
  private final double maxX;
  private final double maxY;
  private final double cellW;
  private final double cellH;
  private final double invW;
  private final double invH;
  private final int nx;
  private final int ny;

  /** Per cell: the id of the only candidate when it covers the whole cell, else -1. */
  private final int[] owner;

  private final int[] start;
  private final int[] candidates;
  private final int[] ringStart;
  private final int[] coordStart;
  private final double[] xs;
  private final double[] ys;
  private final double[] box;

  /**
   * Builds the index.
   *
   * @param polygons Polygon or MultiPolygon geometries; the id of each is its position
   * @param cellsPerPolygon how many cells to make per polygon (more cells: more memory, fewer
   *     tests)
   */
  public GridIndex(Geometry[] polygons, double cellsPerPolygon) {
    this.count = polygons.length;
    Flat flat = Flat.of(polygons);
    this.ringStart = flat.ringStart;
    this.coordStart = flat.coordStart;
    this.xs = flat.xs;
    this.ys = flat.ys;
    this.box = flat.box;
    Envelope env = new Envelope();
    for (Geometry g : polygons) {
      env.expandToInclude(g.getEnvelopeInternal());
    }
    if (env.isNull()) {
      env = new Envelope(0, 1, 0, 1);
    }
    double w = Math.max(env.getWidth(), 1e-9);
    double h = Math.max(env.getHeight(), 1e-9);
    double cells = Math.min(Math.max(1, polygons.length * cellsPerPolygon), 1 << 26);
    this.nx = (int) Math.max(1, Math.ceil(Math.sqrt(cells * w / h)));
    this.ny = (int) Math.max(1, Math.ceil(cells / nx));
    this.minX = env.getMinX();
    this.minY = env.getMinY();
    this.maxX = env.getMaxX();
    this.maxY = env.getMaxY();
    this.cellW = w / nx;
    this.cellH = h / ny;
    this.invW = nx / w;
    this.invH = ny / h;
    long[] pairs = collectPairs();
    int nCells = nx * ny;
    this.start = new int[nCells + 1];
    this.candidates = new int[pairs.length];
    this.owner = new int[nCells];
    fillCells(pairs);
  }

  /**
   * Returns the number of polygons.
   *
   * @return the count
   */
  public int size() {
    return count;
  }

  /**
   * Returns the lowest id whose closed polygon contains the point.
   *
   * @param x the x (longitude)
   * @param y the y (latitude)
   * @return the id, or -1 if no polygon contains the point
   */
  public int locate(double x, double y) {
    if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) {
      return -1;
    }
    int cx = Math.min((int) ((x - minX) * invW), nx - 1);
    int cy = Math.min((int) ((y - minY) * invH), ny - 1);
    int cell = cy * nx + cx;
    int o = owner[cell];
    if (o >= 0) {
      return o;
    }
    for (int k = start[cell], end = start[cell + 1]; k < end; k++) {
      int id = candidates[k];
      if (containsClosed(id, x, y)) {
        return id;
      }
    }
    return -1;
  }

  /**
   * Tells whether polygon {@code id} contains the point, boundary included.
   *
   * @param id the polygon
   * @param x the x
   * @param y the y
   * @return whether it contains the point
   */
  public boolean containsClosed(int id, double x, double y) {
    int b = id * 4;
    if (x < box[b] || x > box[b + 2] || y < box[b + 1] || y > box[b + 3]) {
      return false;
    }
    boolean inside = false;
    for (int r = ringStart[id], rEnd = ringStart[id + 1]; r < rEnd; r++) {
      int crossings = 0;
      for (int i = coordStart[r], iEnd = coordStart[r + 1] - 1; i < iEnd; i++) {
        int c = crossing(xs[i], ys[i], xs[i + 1], ys[i + 1], x, y);
        if (c < 0) {
          return true;
        }
        crossings += c;
      }
      if ((crossings & 1) == 1) {
        inside = !inside;
      }
    }
    return inside;
  }

  /**
   * Returns the ids of polygons that have a part in the rectangle, ascending.
   *
   * @param x0 min x
   * @param y0 min y
   * @param x1 max x
   * @param y1 max y
   * @return the ids
   */
  public int[] candidatesIn(double x0, double y0, double x1, double y1) {
    int cx0 = clamp((int) Math.floor((x0 - minX) * invW), nx);
    int cx1 = clamp((int) Math.floor((x1 - minX) * invW), nx);
    int cy0 = clamp((int) Math.floor((y0 - minY) * invH), ny);
    int cy1 = clamp((int) Math.floor((y1 - minY) * invH), ny);
    java.util.BitSet seen = new java.util.BitSet(count);
    for (int cy = cy0; cy <= cy1; cy++) {
      for (int cx = cx0; cx <= cx1; cx++) {
        int cell = cy * nx + cx;
        for (int k = start[cell]; k < start[cell + 1]; k++) {
          seen.set(candidates[k]);
        }
      }
    }
    return seen.stream().toArray();
  }

  /**
   * Returns the distance from a point to polygon {@code id}'s boundary, in metres of a local
   * metric.
   *
   * @param id the polygon
   * @param x the x (longitude)
   * @param y the y (latitude)
   * @param kx metres per unit of x
   * @param ky metres per unit of y
   * @return the distance in metres
   */
  public double boundaryDistance(int id, double x, double y, double kx, double ky) {
    double best = Double.POSITIVE_INFINITY;
    for (int r = ringStart[id]; r < ringStart[id + 1]; r++) {
      for (int i = coordStart[r]; i < coordStart[r + 1] - 1; i++) {
        double ax = (xs[i] - x) * kx;
        double ay = (ys[i] - y) * ky;
        double bx = (xs[i + 1] - x) * kx;
        double by = (ys[i + 1] - y) * ky;
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
        double px = ax + t * dx;
        double py = ay + t * dy;
        best = Math.min(best, Math.sqrt(px * px + py * py));
      }
    }
    return best;
  }

  /**
   * Returns the memory held by the index's arrays.
   *
   * @return bytes
   */
  public long bytes() {
    return 4L
            * (owner.length
                + start.length
                + candidates.length
                + ringStart.length
                + coordStart.length)
        + 8L * (xs.length + ys.length + box.length);
  }

  /**
   * -1: the point is on the segment; 1: the upward ray crossing rule counts the segment; 0: it does
   * not.
   */
  private static int crossing(double x1, double y1, double x2, double y2, double px, double py) {
    if (x1 == px && y1 == py) {
      return -1;
    }
    if (y1 == py && y2 == py) {
      double lo = Math.min(x1, x2);
      double hi = Math.max(x1, x2);
      return px >= lo && px <= hi ? -1 : 0;
    }
    if ((y1 > py && y2 <= py) || (y2 > py && y1 <= py)) {
      int orient = CGAlgorithmsDD.orientationIndex(x1, y1, x2, y2, px, py);
      if (orient == 0) {
        return -1;
      }
      if (y2 < y1) {
        orient = -orient;
      }
      return orient > 0 ? 1 : 0;
    }
    return 0;
  }

  private static int clamp(int v, int n) {
    return Math.max(0, Math.min(n - 1, v));
  }

  /**
   * Every (cell, id, covers-whole-cell) pair, packed as cell &lt;&lt; 32 | id &lt;&lt; 1 | full, in
   * id order.
   */
  private long[] collectPairs() {
    long[] pairs = new long[Math.max(16, count * 8)];
    int n = 0;
    for (int id = 0; id < count; id++) {
      int b = id * 4;
      double ex = cellW * 1e-9;
      double ey = cellH * 1e-9;
      int cx0 = clamp((int) Math.floor((box[b] - ex - minX) * invW), nx);
      int cy0 = clamp((int) Math.floor((box[b + 1] - ey - minY) * invH), ny);
      int cx1 = clamp((int) Math.floor((box[b + 2] + ex - minX) * invW), nx);
      int cy1 = clamp((int) Math.floor((box[b + 3] + ey - minY) * invH), ny);
      int bw = cx1 - cx0 + 1;
      boolean[] crossed = markCrossed(id, cx0, cy0, cx1, cy1, ex, ey);
      for (int cy = cy0; cy <= cy1; cy++) {
        for (int cx = cx0; cx <= cx1; cx++) {
          boolean edge = crossed[(cy - cy0) * bw + (cx - cx0)];
          boolean covers =
              !edge && containsClosed(id, minX + (cx + 0.5) * cellW, minY + (cy + 0.5) * cellH);
          if (edge || covers) {
            if (n == pairs.length) {
              pairs = Arrays.copyOf(pairs, n * 2);
            }
            pairs[n++] = ((long) (cy * nx + cx) << 32) | ((long) id << 1) | (covers ? 1 : 0);
          }
        }
      }
    }
    return Arrays.copyOf(pairs, n);
  }

  private boolean[] markCrossed(int id, int cx0, int cy0, int cx1, int cy1, double ex, double ey) {
    int bw = cx1 - cx0 + 1;
    boolean[] crossed = new boolean[bw * (cy1 - cy0 + 1)];
    for (int r = ringStart[id]; r < ringStart[id + 1]; r++) {
      for (int i = coordStart[r]; i < coordStart[r + 1] - 1; i++) {
        double sx0 = Math.min(xs[i], xs[i + 1]) - ex;
        double sx1 = Math.max(xs[i], xs[i + 1]) + ex;
        double sy0 = Math.min(ys[i], ys[i + 1]) - ey;
        double sy1 = Math.max(ys[i], ys[i + 1]) + ey;
        int ax = Math.max(cx0, (int) Math.floor((sx0 - minX) * invW));
        int bx = Math.min(cx1, (int) Math.floor((sx1 - minX) * invW));
        int ay = Math.max(cy0, (int) Math.floor((sy0 - minY) * invH));
        int by = Math.min(cy1, (int) Math.floor((sy1 - minY) * invH));
        for (int cy = ay; cy <= by; cy++) {
          for (int cx = ax; cx <= bx; cx++) {
            crossed[(cy - cy0) * bw + (cx - cx0)] = true;
          }
        }
      }
    }
    return crossed;
  }

  private void fillCells(long[] pairs) {
    for (long p : pairs) {
      start[(int) (p >>> 32) + 1]++;
    }
    for (int c = 0; c < owner.length; c++) {
      start[c + 1] += start[c];
    }
    int[] next = Arrays.copyOf(start, owner.length);
    Arrays.fill(owner, -1);
    for (long p : pairs) {
      int cell = (int) (p >>> 32);
      candidates[next[cell]++] = (int) (p & 0xFFFF_FFFFL) >>> 1;
    }
    for (long p : pairs) {
      int cell = (int) (p >>> 32);
      if ((p & 1) == 1 && start[cell + 1] - start[cell] == 1) {
        owner[cell] = (int) (p & 0xFFFF_FFFFL) >>> 1;
      }
    }
  }

  /** Polygons flattened: rings per polygon, coordinates per ring (closed), bounding boxes. */
  @SuppressWarnings("ArrayRecordComponent") // private carrier, never compared or handed out
  private record Flat(int[] ringStart, int[] coordStart, double[] xs, double[] ys, double[] box) {
    static Flat of(Geometry[] polygons) {
      int rings = 0;
      int coords = 0;
      for (Geometry g : polygons) {
        for (int p = 0; p < g.getNumGeometries(); p++) {
          Polygon poly = (Polygon) g.getGeometryN(p);
          rings += 1 + poly.getNumInteriorRing();
          coords += poly.getNumPoints();
        }
      }
      int[] ringStart = new int[polygons.length + 1];
      int[] coordStart = new int[rings + 1];
      double[] xs = new double[coords];
      double[] ys = new double[coords];
      double[] box = new double[polygons.length * 4];
      int r = 0;
      int c = 0;
      for (int id = 0; id < polygons.length; id++) {
        Geometry g = polygons[id];
        ringStart[id] = r;
        Envelope e = g.getEnvelopeInternal();
        box[id * 4] = e.getMinX();
        box[id * 4 + 1] = e.getMinY();
        box[id * 4 + 2] = e.getMaxX();
        box[id * 4 + 3] = e.getMaxY();
        for (int p = 0; p < g.getNumGeometries(); p++) {
          Polygon poly = (Polygon) g.getGeometryN(p);
          for (int k = -1; k < poly.getNumInteriorRing(); k++) {
            LineString ring = k < 0 ? poly.getExteriorRing() : poly.getInteriorRingN(k);
            coordStart[r++] = c;
            for (Coordinate co : ring.getCoordinates()) {
              xs[c] = co.x;
              ys[c] = co.y;
              c++;
            }
          }
        }
      }
      ringStart[polygons.length] = r;
      coordStart[rings] = c;
      return new Flat(ringStart, coordStart, xs, ys, box);
    }
  }
}
