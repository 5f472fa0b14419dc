package org.gridgov.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gridgov.geo.internal.LocalMetric;
import org.gridgov.region.RegionTree;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * RegionLocator at its edges: the index size it reports, worked out by hand; a point exactly at the
 * outside policy's limit; nearest regions that lie outside the point's own index cells, on each
 * side (the search box); and the search box near the pole, where a degree of longitude is less than
 * a metre.
 */
class RegionLocatorEdgesTest {

  private static Geometry box(double x0, double x1, double y0, double y1) {
    return RegionGeometry.FACTORY.toGeometry(new Envelope(x0, x1, y0, y1));
  }

  /** Only the given units of the strip tree carry geometry (no grid, no community). */
  private static RegionGeometry unitsOnly(Map<Long, Geometry> units) {
    return RegionGeometry.of(
        GeoFixtures.stripTree(false), units, RegionGeometry.LoadOptions.defaults());
  }

  /**
   * The three grids (0.1° squares side by side over [119.0, 119.3] × [25.0, 25.1]) and their
   * community, with 2 cells per polygon. Worked out by hand from GridIndex's layout (an int per
   * cell for the owner, an int per cell + 1 for the starts, an int per candidate, an int per
   * polygon + 1 and per ring + 1 for the ring and coordinate starts, two doubles per vertex and
   * four per polygon's box) plus the locator's own int per region:
   *
   * <ul>
   *   <li>grids: 3 × 2 = 6 cells wanted over a 3:1 envelope, nx = ⌈√18⌉ = 5, ny = ⌈6 / 5⌉ = 2, so
   *       10 cells 0.06° × 0.05°; grid 1 spans columns 0–1, grid 2 columns 1–3, grid 3 columns 3–4,
   *       each both rows, and every such cell is crossed by an edge: 4 + 6 + 4 = 14 candidates. 4 ×
   *       (10 + 11 + 14 + 4 + 4) + 8 × (15 + 15 + 12) = 172 + 336 = 508, plus 4 × 3 = 520;
   *   <li>community: 2 cells wanted, nx = ⌈√6⌉ = 3, ny = 1, all three crossed by its edges: 4 × (3
   *       + 4 + 3 + 2 + 2) + 8 × (5 + 5 + 4) = 56 + 112 = 168, plus 4 = 172.
   * </ul>
   */
  @Test
  void indexBytes_isTheSumOverLevelsOfTheArraysHeld() {
    RegionTree tree = GeoFixtures.stripTree(false);
    long[] units = new long[12];
    for (int i = 1; i <= 3; i++) {
      for (int j = 1; j <= 4; j++) {
        units[4 * (i - 1) + j - 1] = GeoFixtures.stripUnit(i, j);
      }
    }
    RegionGeometry g = GeoFixtures.stripGeometry(tree, units);
    RegionLocator locator = RegionLocator.of(g, OutsidePolicy.refuse(), 2);
    assertThat(locator.levels())
        .containsExactly(
            org.gridgov.region.RegionLevel.GRID, org.gridgov.region.RegionLevel.COMMUNITY);
    assertThat(locator.indexBytes()).isEqualTo(520 + 172);
  }

  /**
   * A point 2⁻¹² degree of latitude south of the strips: its distance to unit 1-1's bottom edge is
   * exactly 2⁻¹² × METRES_PER_DEGREE in the local metric (the difference of the latitudes is exact,
   * and so is the scaling by a power of two). A limit of exactly that distance takes the unit; the
   * next double below refuses the point.
   */
  @Test
  void nearest_atExactlyTheLimit_isTaken_andJustBelowItRefused() {
    Map<Long, Geometry> shapes = GeoFixtures.stripShapes();
    Map<Long, Geometry> units = new LinkedHashMap<>();
    for (int i = 1; i <= 3; i++) {
      for (int j = 1; j <= 4; j++) {
        units.put(GeoFixtures.stripUnit(i, j), shapes.get(GeoFixtures.stripUnit(i, j)));
      }
    }
    RegionGeometry g = unitsOnly(units);
    double lat = 25.0 - Math.scalb(1.0, -12);
    double limit = Math.scalb(LocalMetric.METRES_PER_DEGREE, -12); // about 27.1 m
    Location at =
        RegionLocator.of(g, OutsidePolicy.nearestWithin(limit)).locate(119.0125, lat).orElseThrow();
    assertThat(at.region().code()).isEqualTo(GeoFixtures.stripUnit(1, 1));
    assertThat(at.match()).isEqualTo(Location.Match.NEAREST);
    assertThat(at.distanceMetres()).isEqualTo(limit);
    assertThat(
            RegionLocator.of(g, OutsidePolicy.nearestWithin(Math.nextDown(limit)))
                .locate(119.0125, lat))
        .isEmpty();
  }

  /**
   * Grid 2's units left out: a hole [119.1, 119.2] × [25.0, 25.1] with units 1-4 on its west side
   * and 3-1 on its east. With 8 units and 8 cells each the index has 14 × 5 cells of 0.3° / 14 ≈
   * 0.0214° width, so the hole's middle columns hold no polygon: a point 0.02° inside the hole
   * finds its nearest unit only through the cells on that side of it.
   */
  @Test
  void nearest_acrossEmptyCells_westAndEast() {
    Map<Long, Geometry> shapes = GeoFixtures.stripShapes();
    Map<Long, Geometry> units = new LinkedHashMap<>();
    for (int i : new int[] {1, 3}) {
      for (int j = 1; j <= 4; j++) {
        units.put(GeoFixtures.stripUnit(i, j), shapes.get(GeoFixtures.stripUnit(i, j)));
      }
    }
    RegionLocator locator = RegionLocator.of(unitsOnly(units), OutsidePolicy.nearestWithin(2500));
    double kx = LocalMetric.METRES_PER_DEGREE * Math.cos(Math.toRadians(25.05));
    // 0.02° of longitude at 25.05° N: about 2,015 m; the far side is 0.08° (about 8 km) away.
    Location west = locator.locate(119.12, 25.05).orElseThrow();
    assertThat(west.region().code()).isEqualTo(GeoFixtures.stripUnit(1, 4));
    assertThat(west.distanceMetres()).isCloseTo(0.02 * kx, offset(1e-6));
    Location east = locator.locate(119.18, 25.05).orElseThrow();
    assertThat(east.region().code()).isEqualTo(GeoFixtures.stripUnit(3, 1));
    assertThat(east.distanceMetres()).isCloseTo(0.02 * kx, offset(1e-6));
  }

  /**
   * Units as horizontal bands 0.01° high over [119.0, 119.1]: units 1-1..1-4 from 25.00 to 25.04,
   * 3-1..3-4 from 25.08 to 25.12, nothing between. The index has 8 × 8 cells 0.015° high, so a
   * point 0.005° (about 556 m) from a band finds it only through the cells on that side of it.
   */
  @Test
  void nearest_acrossEmptyCells_southAndNorth() {
    Map<Long, Geometry> units = new LinkedHashMap<>();
    for (int j = 1; j <= 4; j++) {
      units.put(
          GeoFixtures.stripUnit(1, j), box(119.0, 119.1, 25.0 + (j - 1) * 0.01, 25.0 + j * 0.01));
      units.put(GeoFixtures.stripUnit(3, j), box(119.0, 119.1, 25.07 + j * 0.01, 25.08 + j * 0.01));
    }
    RegionLocator locator = RegionLocator.of(unitsOnly(units), OutsidePolicy.nearestWithin(1000));
    double fiveThousandths = 0.005 * LocalMetric.METRES_PER_DEGREE;
    Location south = locator.locate(119.05, 25.045).orElseThrow();
    assertThat(south.region().code()).isEqualTo(GeoFixtures.stripUnit(1, 4));
    assertThat(south.distanceMetres()).isCloseTo(fiveThousandths, offset(1e-6));
    Location north = locator.locate(119.05, 25.075).orElseThrow();
    assertThat(north.region().code()).isEqualTo(GeoFixtures.stripUnit(3, 1));
    assertThat(north.distanceMetres()).isCloseTo(fiveThousandths, offset(1e-6));
  }

  /**
   * Near the pole a degree of longitude is less than a metre (at 89.99995° N about 0.097 m), so the
   * search box spans many degrees of longitude: a unit 10° east of the point is about 1.5 m away in
   * the local metric and is found within 10 m, across index columns that hold nothing (a second
   * unit 20° west stretches the index).
   */
  @Test
  void nearest_nearThePole_searchesDegreesOfLongitudeForAMetre() {
    Map<Long, Geometry> units = new LinkedHashMap<>();
    units.put(GeoFixtures.stripUnit(1, 1), box(-21.0, -20.0, 89.9999, 89.99994));
    units.put(GeoFixtures.stripUnit(1, 2), box(10.0, 11.0, 89.9999, 89.99994));
    RegionLocator locator = RegionLocator.of(unitsOnly(units), OutsidePolicy.nearestWithin(10));
    double lat = 89.99995;
    double kx = LocalMetric.METRES_PER_DEGREE * Math.cos(Math.toRadians(lat));
    assertThat(kx).isLessThan(0.1);
    // Oracle: the nearest point of unit 1-2 is its corner (10, 89.99994).
    double dx = 10 * kx;
    double dy = (lat - 89.99994) * LocalMetric.METRES_PER_DEGREE;
    Location near = locator.locate(0.0, lat).orElseThrow();
    assertThat(near.region().code()).isEqualTo(GeoFixtures.stripUnit(1, 2));
    assertThat(near.distanceMetres()).isCloseTo(Math.hypot(dx, dy), offset(1e-6));
  }
}
