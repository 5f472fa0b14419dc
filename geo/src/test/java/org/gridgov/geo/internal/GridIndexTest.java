package org.gridgov.geo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * The grid index against JTS: every answer of {@link GridIndex#locate} and {@link
 * GridIndex#containsClosed} is the one a linear scan with JTS {@code covers} (closed polygons, the
 * lowest id wins) gives. Coordinates are multiples of 1/4 around 8..28, so every cell computation
 * is exact and the lattices hit vertices, edges, cell boundaries and the envelope's sides exactly.
 */
class GridIndexTest {
  private static final GeometryFactory F = new GeometryFactory();

  private static Geometry wkt(String text) {
    try {
      return new WKTReader(F).read(text);
    } catch (ParseException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static String square(double x0, double y0, double x1, double y1) {
    return "POLYGON (("
        + x0
        + " "
        + y0
        + ", "
        + x1
        + " "
        + y0
        + ", "
        + x1
        + " "
        + y1
        + ", "
        + x0
        + " "
        + y1
        + ", "
        + x0
        + " "
        + y0
        + "))";
  }

  /**
   * A concave, holed, multi-part, overlapping and edge-sharing set over [8, 20] × [16, 28]:
   *
   * <ol start="0">
   *   <li>a right triangle in the lower-left corner (it crosses the corner cell partly, alone)
   *   <li>a square with a square hole
   *   <li>a triangle whose apex (a local maximum of the boundary) a horizontal ray can graze
   *   <li>a notched polygon: a local minimum at (14, 22), two maxima at y = 24
   *   <li>a MultiPolygon of two diamonds (vertices that the boundary passes straight through)
   *   <li>a square
   *   <li>a square overlapping 5 on [10, 14] × [25, 28] (whole cells covered by both)
   *   <li>a square sharing the edge x = 16 with 6, its right side on the envelope's right side
   * </ol>
   */
  private static final Geometry[] MIXED = {
    wkt("POLYGON ((8 16, 11 16, 8 19, 8 16))"),
    wkt("POLYGON ((12 16, 16 16, 16 20, 12 20, 12 16), (13 17, 15 17, 15 19, 13 19, 13 17))"),
    wkt("POLYGON ((8 20, 12 20, 10 23, 8 20))"),
    wkt("POLYGON ((12 21, 16 21, 16 24, 14 22, 12 24, 12 21))"),
    wkt(
        "MULTIPOLYGON (((17 17, 18 16, 19 17, 18 18, 17 17)),"
            + " ((17 22, 18 21, 19 22, 18 23, 17 22)))"),
    wkt(square(8, 24, 14, 28)),
    wkt(square(10, 25, 16, 28)),
    wkt(square(16, 24, 20, 28)),
  };

  /** 4 × 4 abutting unit squares over [8, 12] × [16, 20], id = 4 row + column. */
  private static final Geometry[] TILES = tiles();

  /**
   * 4 × 4 unit squares at a pitch of 2 over [100.5, 107.5] × [20.5, 27.5], id = 4 row + column:
   * with one cell per polygon the 4 × 4 cells are 1.75 wide and each square lies inside one.
   */
  private static final Geometry[] SPREAD = spread();

  private static Geometry[] tiles() {
    Geometry[] g = new Geometry[16];
    for (int row = 0; row < 4; row++) {
      for (int col = 0; col < 4; col++) {
        g[row * 4 + col] = wkt(square(8 + col, 16 + row, 9 + col, 17 + row));
      }
    }
    return g;
  }

  private static Geometry[] spread() {
    Geometry[] g = new Geometry[16];
    for (int row = 0; row < 4; row++) {
      for (int col = 0; col < 4; col++) {
        double x = 100.5 + 2 * col;
        double y = 20.5 + 2 * row;
        g[row * 4 + col] = wkt(square(x, y, x + 1, y + 1));
      }
    }
    return g;
  }

  /** Oracle: the lowest id whose closed polygon covers the point, by a linear scan with JTS. */
  private static int bruteForce(Geometry[] polygons, double x, double y) {
    Point p = F.createPoint(new Coordinate(x, y));
    for (int id = 0; id < polygons.length; id++) {
      if (polygons[id].covers(p)) {
        return id;
      }
    }
    return -1;
  }

  /** Checks every point of a lattice of the given step over the box, margin included. */
  private static void agreesOnLattice(
      Geometry[] polygons, GridIndex index, double x0, double y0, double x1, double y1, double d) {
    int checked = 0;
    for (double y = y0; y <= y1; y += d) {
      for (double x = x0; x <= x1; x += d) {
        Point p = F.createPoint(new Coordinate(x, y));
        for (int id = 0; id < polygons.length; id++) {
          assertThat(index.containsClosed(id, x, y))
              .as("polygon %d contains (%s, %s)", id, x, y)
              .isEqualTo(polygons[id].covers(p));
        }
        assertThat(index.locate(x, y))
            .as("locate(%s, %s)", x, y)
            .isEqualTo(bruteForce(polygons, x, y));
        checked++;
      }
    }
    assertThat(checked).isPositive();
  }

  @ParameterizedTest(name = "{0} cells per polygon")
  @ValueSource(doubles = {1, 4, 16, 64})
  void mixedPolygons_everyLatticePointAgreesWithJts(double cellsPerPolygon) {
    GridIndex index = new GridIndex(MIXED, cellsPerPolygon);
    agreesOnLattice(MIXED, index, 7.5, 15.5, 20.5, 28.5, 0.25);
  }

  @ParameterizedTest(name = "{0} cells per polygon")
  @ValueSource(doubles = {1, 4, 16, 64})
  void mixedPolygons_randomPointsAgreeWithJts(double cellsPerPolygon) {
    GridIndex index = new GridIndex(MIXED, cellsPerPolygon);
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 3_000; i++) {
      double x = 8 + 12 * random.nextDouble();
      double y = 16 + 12 * random.nextDouble();
      assertThat(index.locate(x, y)).as("locate(%s, %s)", x, y).isEqualTo(bruteForce(MIXED, x, y));
    }
  }

  @ParameterizedTest(name = "{0} cells per polygon")
  @ValueSource(doubles = {1, 4})
  void abuttingSquaresOnCellBoundaries_sharedEdgesGoToTheLowerId(double cellsPerPolygon) {
    // 1 cell per polygon: the cells are the squares; 4: each square is 2 × 2 cells.
    GridIndex index = new GridIndex(TILES, cellsPerPolygon);
    agreesOnLattice(TILES, index, 7.5, 15.5, 12.5, 20.5, 0.25);
    // Hand-checked points on shared edges and corners.
    assertThat(index.locate(9, 16.5)).isEqualTo(0); // edge of 0 and 1
    assertThat(index.locate(8.5, 17)).isEqualTo(0); // edge of 0 and 4
    assertThat(index.locate(10, 18)).isEqualTo(5); // corner of 5, 6, 9, 10
    assertThat(index.locate(12, 20)).isEqualTo(15); // the envelope's top right corner
    assertThat(index.locate(12, 16)).isEqualTo(3); // the envelope's bottom right corner
    assertThat(index.locate(12.0000001, 18)).isEqualTo(-1);
  }

  @Test
  void edgesOnACellBoundaryThatRoundingMovesDown_areStillFound() {
    // Envelope [119.0, 119.2] × [25.0, 25.3], 2 polygons × 8 cells: sqrt(16 × 0.2 / 0.3) = 3.27,
    // so 4 × 4 cells of 0.05° × 0.075°. Polygon 1's left side x = 119.1 and bottom y = 25.15 lie
    // on cell boundaries (2 cells, 2 cells from the corner), but in doubles the cell coordinate of
    // both comes out just below 2: a point on them falls in the cell before.
    assertThat((119.1 - 119.0) * (4 / (119.2 - 119.0))).isLessThan(2.0);
    assertThat((25.15 - 25.0) * (4 / (25.3 - 25.0))).isLessThan(2.0);
    Geometry[] polygons = {
      wkt(square(119.0, 25.0, 119.01, 25.01)), wkt(square(119.1, 25.15, 119.2, 25.3)),
    };
    GridIndex index = new GridIndex(polygons, 8);
    assertThat(index.locate(119.1, 25.2)).isEqualTo(1); // on the left side
    assertThat(index.locate(119.15, 25.15)).isEqualTo(1); // on the bottom side
    assertThat(index.locate(119.1, 25.15)).isEqualTo(1); // the corner
    assertThat(index.locate(119.0999, 25.2)).isEqualTo(-1);
    for (int i = 0; i <= 100; i++) {
      double x = 119.1 + i * 0.001;
      double y = 25.15 + i * 0.0015;
      assertThat(index.locate(119.1, y))
          .as("(119.1, %s)", y)
          .isEqualTo(bruteForce(polygons, 119.1, y));
      assertThat(index.locate(x, 25.15))
          .as("(%s, 25.15)", x)
          .isEqualTo(bruteForce(polygons, x, 25.15));
    }
  }

  @Test
  void candidatesIn_aSquaresBox_isThatSquare() {
    GridIndex index = new GridIndex(SPREAD, 1);
    for (int id = 0; id < 16; id++) {
      int col = id % 4;
      int row = id / 4;
      double x = 100.5 + 2 * col;
      double y = 20.5 + 2 * row;
      assertThat(index.candidatesIn(x, y, x + 1, y + 1)).as("square %d", id).containsExactly(id);
    }
  }

  @Test
  void candidatesIn_aBlockOfSquares_isExactlyThoseSquares_ascending() {
    GridIndex index = new GridIndex(SPREAD, 1);
    // Columns 1..2, rows 1..3: from the lower left corner of square 5 to the upper right of 14.
    assertThat(index.candidatesIn(102.5, 22.5, 105.5, 27.5)).containsExactly(5, 6, 9, 10, 13, 14);
    // Columns 0..3, row 0.
    assertThat(index.candidatesIn(100.5, 20.5, 107.5, 21.5)).containsExactly(0, 1, 2, 3);
    // Everything.
    assertThat(index.candidatesIn(100.5, 20.5, 107.5, 27.5))
        .containsExactly(IntStream.range(0, 16).toArray());
    // The last row alone, the last cell included.
    assertThat(index.candidatesIn(106.5, 26.5, 107.5, 27.5)).containsExactly(15);
  }

  @Test
  void candidatesIn_includesEveryPolygonThatMeetsTheRectangle() {
    GridIndex index = new GridIndex(MIXED, 8);
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 300; i++) {
      double x0 = 7 + 14 * random.nextDouble();
      double y0 = 15 + 14 * random.nextDouble();
      double x1 = x0 + 3 * random.nextDouble();
      double y1 = y0 + 3 * random.nextDouble();
      Geometry rect = F.toGeometry(new org.locationtech.jts.geom.Envelope(x0, x1, y0, y1));
      List<Integer> meeting = new ArrayList<>();
      for (int id = 0; id < MIXED.length; id++) {
        if (MIXED[id].intersects(rect)) {
          meeting.add(id);
        }
      }
      int[] got = index.candidatesIn(x0, y0, x1, y1);
      assertThat(got).as("%s", rect).isSorted();
      assertThat(IntStream.of(got).boxed().toList()).as("%s", rect).containsAll(meeting);
    }
  }

  @Test
  void sizeIsTheNumberOfPolygons() {
    assertThat(new GridIndex(MIXED, 8).size()).isEqualTo(8);
    assertThat(new GridIndex(TILES, 8).size()).isEqualTo(16);
    GridIndex empty = new GridIndex(new Geometry[0], 8);
    assertThat(empty.size()).isZero();
    assertThat(empty.locate(0.5, 0.5)).isEqualTo(-1);
  }

  @Test
  void bytes_countsEveryArray() {
    // 16 squares, 1 cell per polygon, a 7 × 7 envelope: a 4 × 4 grid, each square in one cell.
    // int arrays: owner 16, start 17, candidates 16, ringStart 17, coordStart 17 = 83;
    // double arrays: xs 80, ys 80, box 64 = 224. 4 × 83 + 8 × 224 = 2,124.
    assertThat(new GridIndex(SPREAD, 1).bytes()).isEqualTo(2_124L);
    // One unit square, 4 cells: a 2 × 2 grid, its boundary in each cell.
    // owner 4, start 5, candidates 4, ringStart 2, coordStart 2 = 17 ints; xs 5, ys 5, box 4 = 14
    // doubles. 4 × 17 + 8 × 14 = 180.
    assertThat(new GridIndex(new Geometry[] {wkt(square(8, 16, 9, 17))}, 4).bytes())
        .isEqualTo(180L);
  }
}
