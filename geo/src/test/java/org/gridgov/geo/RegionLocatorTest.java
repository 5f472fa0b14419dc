package org.gridgov.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

class RegionLocatorTest {
  private static final org.locationtech.jts.geom.GeometryFactory F = RegionGeometry.FACTORY;

  static Stream<Long> seeds() {
    return Stream.of(1L, 2L, 3L, 20240101L);
  }

  /** Oracle: every unit's closed polygon tested with JTS covers; the lowest code wins. */
  private static Optional<Region> bruteForce(RegionGeometry g, double lon, double lat) {
    Point p = F.createPoint(new Coordinate(lon, lat));
    for (RegionLevel level :
        new RegionLevel[] {
          RegionLevel.UNIT,
          RegionLevel.GRID,
          RegionLevel.COMMUNITY,
          RegionLevel.STREET,
          RegionLevel.DISTRICT
        }) {
      Optional<Region> best =
          g.regions(level).stream()
              .filter(r -> g.geometry(r.code()).orElseThrow().covers(p))
              .min(java.util.Comparator.comparingLong(Region::code));
      if (best.isPresent()) {
        return best;
      }
    }
    return Optional.empty();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomPoints_agreeWithBruteForce(long seed) {
    RegionGeometry g = GeoFixtures.small();
    RegionLocator locator = RegionLocator.of(g);
    SplittableRandom random = new SplittableRandom(seed);
    Envelope env = g.geometry(g.tree().roots().get(0).code()).orElseThrow().getEnvelopeInternal();
    env.expandToInclude(
        g.geometry(g.tree().roots().get(1).code()).orElseThrow().getEnvelopeInternal());
    for (int i = 0; i < 2_000; i++) {
      double lon = env.getMinX() - 0.01 + random.nextDouble() * (env.getWidth() + 0.02);
      double lat = env.getMinY() - 0.01 + random.nextDouble() * (env.getHeight() + 0.02);
      Optional<Region> expected = bruteForce(g, lon, lat);
      assertThat(locator.locate(lon, lat).map(Location::region))
          .as("seed %d, point %d (%s, %s)", seed, i, lon, lat)
          .isEqualTo(expected);
    }
  }

  @Test
  void everyIndexDensity_givesTheBruteForceAnswer_onPointsAndVertices() {
    RegionGeometry g = GeoFixtures.small();
    SplittableRandom random = new SplittableRandom(77);
    Envelope env = new Envelope();
    for (Region root : g.tree().roots()) {
      env.expandToInclude(g.geometry(root.code()).orElseThrow().getEnvelopeInternal());
    }
    java.util.List<Coordinate> points = new java.util.ArrayList<>();
    for (int i = 0; i < 600; i++) {
      points.add(
          new Coordinate(
              env.getMinX() + random.nextDouble() * env.getWidth(),
              env.getMinY() + random.nextDouble() * env.getHeight()));
    }
    Region unit = g.regions(RegionLevel.UNIT).get(7);
    points.addAll(java.util.List.of(g.geometry(unit.code()).orElseThrow().getCoordinates()));
    for (int cells : new int[] {1, 3, 8, 32, RegionLocator.MAX_CELLS_PER_POLYGON}) {
      RegionLocator locator = RegionLocator.of(g, OutsidePolicy.refuse(), cells);
      for (Coordinate c : points) {
        assertThat(locator.locate(c.x, c.y).map(Location::region))
            .as("%d cells per polygon, point (%s, %s)", cells, c.x, c.y)
            .isEqualTo(bruteForce(g, c.x, c.y));
      }
    }
    assertThatThrownBy(() -> RegionLocator.of(g, OutsidePolicy.refuse(), 0))
        .hasMessageContaining("cellsPerPolygon must be in [1, 256] but was 0");
    assertThat(RegionLocator.of(g, OutsidePolicy.refuse(), 32).indexBytes())
        .isGreaterThan(RegionLocator.of(g).indexBytes());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void verticesAndEdgeMidpoints_goToTheLowestCodeThatTouchesThem(long seed) {
    RegionGeometry g = GeoFixtures.small();
    RegionLocator locator = RegionLocator.of(g);
    SplittableRandom random = new SplittableRandom(seed);
    var units = g.regions(RegionLevel.UNIT);
    for (int i = 0; i < 200; i++) {
      Region u = units.get(random.nextInt(units.size()));
      Coordinate[] ring = g.geometry(u.code()).orElseThrow().getCoordinates();
      int k = random.nextInt(ring.length - 1);
      Coordinate vertex = ring[k];
      Coordinate mid =
          new Coordinate((ring[k].x + ring[k + 1].x) / 2, (ring[k].y + ring[k + 1].y) / 2);
      Region atVertex = locator.locate(vertex.x, vertex.y).orElseThrow().region();
      assertThat(atVertex)
          .as("seed %d, vertex %s of %s", seed, vertex, u)
          .isEqualTo(bruteForce(g, vertex.x, vertex.y).orElseThrow());
      assertThat(atVertex.code())
          .as("seed %d, vertex %s of %s", seed, vertex, u)
          .isLessThanOrEqualTo(u.code());
      // The computed midpoint is within rounding of the edge, on either side: compare with the
      // oracle only.
      assertThat(locator.locate(mid.x, mid.y).map(Location::region))
          .as("seed %d, midpoint %s of %s", seed, mid, u)
          .isEqualTo(bruteForce(g, mid.x, mid.y));
    }
  }

  @Test
  void putian_sampleAgreesWithBruteForce() {
    RegionGeometry g = GeoFixtures.putian();
    RegionLocator locator = RegionLocator.of(g);
    var units = g.regions(RegionLevel.UNIT);
    Geometry[] polys =
        units.stream().map(r -> g.geometry(r.code()).orElseThrow()).toArray(Geometry[]::new);
    long seed = 99L;
    SplittableRandom random = new SplittableRandom(seed);
    Envelope env = SyntheticGeometry.putianBounds();
    for (int i = 0; i < 300; i++) {
      double lon = env.getMinX() + random.nextDouble() * env.getWidth();
      double lat = env.getMinY() + random.nextDouble() * env.getHeight();
      Point p = F.createPoint(new Coordinate(lon, lat));
      Region expected = null;
      for (int k = 0; k < polys.length; k++) {
        if (polys[k].covers(p) && (expected == null || units.get(k).code() < expected.code())) {
          expected = units.get(k);
        }
      }
      Location found = locator.locate(lon, lat).orElseThrow();
      assertThat(found.region())
          .as("seed %d, point %d (%s, %s)", seed, i, lon, lat)
          .isEqualTo(expected);
      assertThat(found.path()).hasSize(5);
      assertThat(found.at(RegionLevel.GRID).orElseThrow().isAncestorOf(found.region())).isTrue();
    }
  }

  /** Two squares side by side, the right one with a hole; codes of one grid's two units. */
  private static RegionGeometry squares() {
    RegionTree tree = GeoFixtures.smallTree();
    Region grid = tree.regionsAt(RegionLevel.GRID).get(0);
    Region a = grid.children().get(0);
    Region b = grid.children().get(1);
    Map<Long, Geometry> byCode = new LinkedHashMap<>();
    byCode.put(
        b.code(), square(1, 0, 1, 0.4)); // the higher code on the left-hand side's right neighbour
    byCode.put(a.code(), square(0, 0, 1, 0));
    return RegionGeometry.of(tree, byCode, RegionGeometry.LoadOptions.defaults());
  }

  /**
   * A square [x, x+size] × [y, y+size] in a small lon/lat window, with a centred hole of relative
   * size h.
   */
  private static Geometry square(double x, double y, double size, double hole) {
    double s = 0.001;
    double ox = 119 + x * s;
    double oy = 25 + y * s;
    var shell =
        F.createLinearRing(
            new Coordinate[] {
              c(ox, oy),
              c(ox + size * s, oy),
              c(ox + size * s, oy + size * s),
              c(ox, oy + size * s),
              c(ox, oy)
            });
    if (hole == 0) {
      return F.createPolygon(shell);
    }
    double m = (1 - hole) / 2 * size * s;
    double e = size * s - m;
    var h =
        F.createLinearRing(
            new Coordinate[] {
              c(ox + m, oy + m),
              c(ox + m, oy + e),
              c(ox + e, oy + e),
              c(ox + e, oy + m),
              c(ox + m, oy + m)
            });
    return F.createPolygon(shell, new org.locationtech.jts.geom.LinearRing[] {h});
  }

  private static Coordinate c(double x, double y) {
    return new Coordinate(x, y);
  }

  @Test
  void sharedEdgeAndSharedVertex_goToTheLowerCode_insideAHoleIsOutside() {
    RegionGeometry g = squares();
    RegionLocator locator = RegionLocator.of(g);
    Region grid = g.tree().regionsAt(RegionLevel.GRID).get(0);
    long a = grid.children().get(0).code();
    long b = grid.children().get(1).code();
    assertThat(locator.locate(119.001, 25.0005).orElseThrow().region().code())
        .as("shared edge")
        .isEqualTo(a);
    assertThat(locator.locate(119.001, 25.001).orElseThrow().region().code())
        .as("shared vertex")
        .isEqualTo(a);
    assertThat(locator.locate(119.0015, 25.0009).orElseThrow().region().code())
        .as("right square")
        .isEqualTo(b);
    assertThat(locator.locate(119.0015, 25.0005)).as("in the hole").isEmpty();
    Coordinate holeCorner =
        ((org.locationtech.jts.geom.Polygon) g.geometry(b).orElseThrow())
            .getInteriorRingN(0)
            .getCoordinateN(0);
    assertThat(locator.locate(holeCorner.x, holeCorner.y).orElseThrow().region().code())
        .as("hole's corner")
        .isEqualTo(b);
    assertThat(locator.locate(119.002, 25.001).orElseThrow().region().code())
        .as("outer corner")
        .isEqualTo(b);
    assertThat(locator.locate(119.002, 25.0011)).as("just above the outer corner").isEmpty();
  }

  @Test
  void outsidePoints_refusedByDefault_nearestWithinTheDistanceByPolicy() {
    RegionGeometry g = squares();
    Region grid = g.tree().regionsAt(RegionLevel.GRID).get(0);
    long a = grid.children().get(0).code();
    double tenMetresWest =
        119 - 10 / org.gridgov.geo.internal.LocalMetric.metresPerDegreeLon(25.0005);
    assertThat(RegionLocator.of(g).locate(tenMetresWest, 25.0005)).isEmpty();
    Location near =
        RegionLocator.of(g, OutsidePolicy.nearestWithin(15))
            .locate(tenMetresWest, 25.0005)
            .orElseThrow();
    assertThat(near.region().code()).isEqualTo(a);
    assertThat(near.match()).isEqualTo(Location.Match.NEAREST);
    assertThat(near.distanceMetres()).isCloseTo(10, org.assertj.core.data.Offset.offset(0.01));
    assertThat(RegionLocator.of(g, OutsidePolicy.nearestWithin(9)).locate(tenMetresWest, 25.0005))
        .isEmpty();
  }

  @Test
  void badCoordinates_areRefusedNamingTheValue() {
    RegionLocator locator = RegionLocator.of(GeoFixtures.small());
    assertThatThrownBy(() -> locator.locate(Double.NaN, 25))
        .hasMessageContaining("longitude")
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> locator.locate(119, 91))
        .hasMessageContaining("latitude")
        .hasMessageContaining("91");
    assertThatThrownBy(() -> OutsidePolicy.nearestWithin(-1)).hasMessageContaining("-1");
  }

  @Test
  void gcj02Input_isConvertedBeforeLocating() {
    RegionGeometry g = GeoFixtures.small();
    RegionLocator locator = RegionLocator.of(g);
    Region unit = g.regions(RegionLevel.UNIT).get(17);
    Point inside = g.geometry(unit.code()).orElseThrow().getInteriorPoint();
    LonLat gcj = ChinaCoordinates.wgs84ToGcj02(inside.getX(), inside.getY());
    assertThat(locator.locateGcj02(gcj.lon(), gcj.lat()).orElseThrow().region()).isEqualTo(unit);
    LonLat bd = ChinaCoordinates.gcj02ToBd09(gcj.lon(), gcj.lat());
    assertThat(locator.locateBd09(bd.lon(), bd.lat()).orElseThrow().region()).isEqualTo(unit);
  }

  @Test
  void locateIndex_isTheBruteForceRegionsIndexOrMinusOne() {
    RegionGeometry g = GeoFixtures.small();
    RegionLocator locator = RegionLocator.of(g);
    Envelope env = new Envelope();
    for (Region root : g.tree().roots()) {
      env.expandToInclude(g.geometry(root.code()).orElseThrow().getEnvelopeInternal());
    }
    SplittableRandom random = new SplittableRandom(5);
    int inside = 0;
    for (int i = 0; i < 1_000; i++) {
      double lon = env.getMinX() - 0.01 + random.nextDouble() * (env.getWidth() + 0.02);
      double lat = env.getMinY() - 0.01 + random.nextDouble() * (env.getHeight() + 0.02);
      int expected = bruteForce(g, lon, lat).map(Region::index).orElse(-1);
      assertThat(locator.locateIndex(lon, lat)).as("point (%s, %s)", lon, lat).isEqualTo(expected);
      inside += expected >= 0 ? 1 : 0;
    }
    assertThat(inside).isBetween(1, 999); // both answers were exercised
  }

  @Test
  void levelsAreThoseWithGeometryDeepestFirst_andThePolicyIsKept() {
    RegionGeometry g = GeoFixtures.small();
    java.util.List<RegionLevel> expected = new java.util.ArrayList<>();
    for (RegionLevel l :
        java.util.List.of(
            RegionLevel.UNIT,
            RegionLevel.GRID,
            RegionLevel.COMMUNITY,
            RegionLevel.STREET,
            RegionLevel.DISTRICT)) {
      if (!g.regions(l).isEmpty()) {
        expected.add(l);
      }
    }
    OutsidePolicy policy = OutsidePolicy.nearestWithin(25);

    RegionLocator locator = RegionLocator.of(g, policy, 8);

    assertThat(locator.levels()).containsExactlyElementsOf(expected).contains(RegionLevel.DISTRICT);
    assertThat(locator.outsidePolicy()).isEqualTo(policy);
  }

  @Test
  void nearestIsFoundInEveryDirection_andTiesGoToTheLowerCode() {
    RegionGeometry g = squares();
    Region grid = g.tree().regionsAt(RegionLevel.GRID).get(0);
    long a = grid.children().get(0).code();
    long b = grid.children().get(1).code();
    double ky = org.gridgov.geo.internal.LocalMetric.METRES_PER_DEGREE;
    double kx = org.gridgov.geo.internal.LocalMetric.metresPerDegreeLon(25.0005);
    RegionLocator within15 = RegionLocator.of(g, OutsidePolicy.nearestWithin(15));
    RegionLocator within9 = RegionLocator.of(g, OutsidePolicy.nearestWithin(9));
    double[][] points = {
      {119.002 + 10 / kx, 25.0005}, // east of b
      {119.0005, 25.001 + 10 / ky}, // north of a
      {119.0005, 25 - 10 / ky}, // south of a
      {119.0015, 25.001 + 10 / ky}, // north of b
    };
    long[] nearestOf = {b, a, a, b};
    for (int i = 0; i < points.length; i++) {
      Location near = within15.locate(points[i][0], points[i][1]).orElseThrow();
      assertThat(near.region().code()).as("point %d", i).isEqualTo(nearestOf[i]);
      assertThat(near.distanceMetres())
          .as("point %d", i)
          .isCloseTo(10, org.assertj.core.data.Offset.offset(0.05));
      assertThat(within9.locate(points[i][0], points[i][1])).as("point %d", i).isEmpty();
    }
    // 10 m below the vertex a and b share: as near to both, so the lower code
    Location tie = within15.locate(119.001, 25 - 10 / ky).orElseThrow();
    assertThat(tie.region().code()).isEqualTo(Math.min(a, b));
  }
}
