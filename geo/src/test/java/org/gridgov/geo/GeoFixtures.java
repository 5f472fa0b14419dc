package org.gridgov.geo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridgov.region.CodeScheme;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.region.SyntheticCityGenerator;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** Shared trees and geometry for the geo tests; built once per JVM. */
final class GeoFixtures {
  static final LocalDate EDITION = LocalDate.of(2024, 1, 1);
  static final long SEED = 20240101L;

  private GeoFixtures() {}

  /** 2 districts, 3 streets, 8 communities, 24 grids, 120 units. */
  static RegionTree smallTree() {
    RegionTree base =
        RegionTree.builder(CodeScheme.standard(), EDITION)
            .addDistrict(350302, "城厢区")
            .add(RegionLevel.STREET, 350302001L, 350302L, "霞林街道")
            .add(RegionLevel.STREET, 350302002L, 350302L, "龙桥街道")
            .addDistrict(350322, "仙游县")
            .add(RegionLevel.STREET, 350322101L, 350322L, "度尾镇")
            .build();
    return SyntheticCityGenerator.generate(
        base, new SyntheticCityGenerator.Targets(8, 24, 120, 100, 2.8), 7L, EDITION);
  }

  /** Small geometry over a 0.1° square near Putian. */
  static RegionGeometry small() {
    return Holder.SMALL;
  }

  /**
   * Putian scale: 5 districts, 57 streets, 1,100 communities, 10,440 grids, 136,063 units, with
   * geometry.
   */
  static RegionGeometry putian() {
    return PutianHolder.PUTIAN;
  }

  static RegionTree putianTree() {
    RegionTree.Builder b = RegionTree.builder(CodeScheme.standard(), EDITION);
    long[] districts = {350302L, 350303L, 350304L, 350305L, 350322L};
    int[] streets = {12, 11, 11, 11, 12};
    for (int d = 0; d < districts.length; d++) {
      b.addDistrict(districts[d], "区" + (d + 1));
      for (int s = 1; s <= streets[d]; s++) {
        b.add(RegionLevel.STREET, districts[d] * 1000 + s, districts[d], "街道" + s);
      }
    }
    return SyntheticCityGenerator.generate(
        b.build(), SyntheticCityGenerator.Targets.putian(), SEED, EDITION);
  }

  /** The strips' community; see {@link #stripTree}. */
  static final long STRIP_COMMUNITY = 350302001001L;

  /** The latitude of the strips' centre. */
  static final double STRIP_LAT = 25.05;

  static long stripGrid(int i) {
    return STRIP_COMMUNITY * 1000 + i;
  }

  static long stripUnit(int grid, int j) {
    return stripGrid(grid) * 1000 + j;
  }

  /**
   * The rectangle [x(k0), x(k1)] × [25.0, 25.1] with x(k) = 119.0 + k × 0.025: strips built from
   * the same k share their sides exactly.
   */
  static Geometry strip(int k0, int k1) {
    return RegionGeometry.FACTORY.toGeometry(
        new Envelope(119.0 + k0 * 0.025, 119.0 + k1 * 0.025, 25.0, 25.1));
  }

  /**
   * A hand-made community over [119.0, 119.3] × [25.0, 25.1] (strip 0..12): grids 1..3 of 0.1° side
   * by side (strips 4 (i - 1)..4 i), each of 4 units 0.025° wide. With population, each grid has 7
   * people of its own and unit j has 10 j; without, nobody has any.
   */
  static RegionTree stripTree(boolean population) {
    RegionTree.Builder b =
        RegionTree.builder(CodeScheme.standard(), EDITION)
            .addDistrict(350302, "城厢区")
            .add(RegionLevel.STREET, 350302001L, 350302L, "霞林街道")
            .add(RegionLevel.COMMUNITY, STRIP_COMMUNITY, 350302001L, "社区");
    for (int i = 1; i <= 3; i++) {
      b.add(RegionLevel.GRID, stripGrid(i), STRIP_COMMUNITY, "网格" + i);
      if (population) {
        b.population(7);
      }
      for (int j = 1; j <= 4; j++) {
        b.add(RegionLevel.UNIT, stripUnit(i, j), stripGrid(i), "单元" + i + "-" + j);
        if (population) {
          b.population(10 * j);
        }
      }
    }
    return b.build();
  }

  /**
   * The strips' shapes by code (community, grids, units), in a map the caller may change.
   *
   * @param leftOut codes to leave out
   */
  static Map<Long, Geometry> stripShapes(long... leftOut) {
    Map<Long, Geometry> byCode = new LinkedHashMap<>();
    byCode.put(STRIP_COMMUNITY, strip(0, 12));
    for (int i = 1; i <= 3; i++) {
      byCode.put(stripGrid(i), strip(4 * (i - 1), 4 * i));
      for (int j = 1; j <= 4; j++) {
        byCode.put(stripUnit(i, j), strip(4 * (i - 1) + j - 1, 4 * (i - 1) + j));
      }
    }
    for (long code : leftOut) {
      byCode.remove(code);
    }
    return byCode;
  }

  /** The community, every grid and every unit of a strip tree with geometry, but the left out. */
  static RegionGeometry stripGeometry(RegionTree tree, long... leftOut) {
    return RegionGeometry.of(tree, stripShapes(leftOut), RegionGeometry.LoadOptions.defaults());
  }

  private static final class Holder {
    static final RegionGeometry SMALL =
        SyntheticGeometry.generate(smallTree(), new Envelope(119.0, 119.1, 25.4, 25.5), 11L);
  }

  private static final class PutianHolder {
    static final RegionGeometry PUTIAN =
        SyntheticGeometry.generate(putianTree(), SyntheticGeometry.putianBounds(), SEED);
  }
}
