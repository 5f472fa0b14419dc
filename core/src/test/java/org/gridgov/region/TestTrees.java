package org.gridgov.region;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/** Trees for tests: a small hand-made one and random seeded ones. */
final class TestTrees {
  static final LocalDate EDITION = LocalDate.of(2024, 1, 1);
  static final CodeScheme S = CodeScheme.standard();

  // Codes of the small tree.
  static final long D = 350302L;
  static final long ST1 = 350302001L;
  static final long ST2 = 350302002L;
  static final long C1 = 350302001001L;
  static final long C2 = 350302001002L;
  static final long G1 = 350302001001001L;
  static final long G2 = 350302001001002L;
  static final long G3 = 350302001002001L;
  static final long U1 = 350302001001001001L;
  static final long U2 = 350302001001001002L;
  static final long U3 = 350302001001002001L;
  static final long U4 = 350302001002001001L;

  private TestTrees() {}

  /**
   * District 350302 with streets 001 (communities 001 with grids 001 [units 1, 2] and 002 [unit 1];
   * 002 with grid 001 [unit 1]) and 002 (empty). Added in a scrambled order.
   */
  static RegionTree small() {
    RegionTree.Builder b = RegionTree.builder(S, EDITION);
    b.add(RegionLevel.UNIT, U3, G2, "1号楼").population(30).households(10).area(500);
    b.add(RegionLevel.GRID, G1, C1, "第1网格")
        .gridType(GridType.COMPREHENSIVE)
        .urbanRural(UrbanRuralClass.MAIN_URBAN);
    b.add(RegionLevel.STREET, ST1, D, "霞林街道");
    b.add(RegionLevel.UNIT, U1, G1, "1号楼").population(100).households(40).area(1200.5);
    b.add(RegionLevel.UNIT, U2, G1, "2号楼")
        .population(80)
        .households(30)
        .tags(List.of("school", "old"));
    b.addDistrict(D, "城厢区");
    b.add(RegionLevel.COMMUNITY, C1, ST1, "第1社区");
    b.add(RegionLevel.GRID, G2, C1, "第2网格").gridType(GridType.DEDICATED);
    b.add(RegionLevel.COMMUNITY, C2, ST1, "第2社区").population(5);
    b.add(RegionLevel.GRID, G3, C2, "第1网格");
    b.add(RegionLevel.UNIT, U4, G3, "1号楼").population(60).households(20);
    b.add(RegionLevel.STREET, ST2, D, "龙桥街道");
    return b.build();
  }

  /** One region as the random generator produced it. */
  record Row(
      RegionLevel level, long code, long parent, String name, int population, int households) {}

  /** Random rows of a complete, valid tree, in random order. */
  static List<Row> randomRows(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Row> rows = new ArrayList<>();
    int districts = 1 + r.nextInt(3);
    for (int d = 0; d < districts; d++) {
      long dc = 350302 + d * 7L;
      rows.add(new Row(RegionLevel.DISTRICT, dc, 0, "区" + d, r.nextInt(3), 0));
      addChildren(r, rows, dc, RegionLevel.STREET);
    }
    Collections.shuffle(rows, new Random(seed));
    return rows;
  }

  private static void addChildren(
      SplittableRandom r, List<Row> rows, long parent, RegionLevel level) {
    int n = level == RegionLevel.UNIT ? r.nextInt(6) : 1 + r.nextInt(3);
    long local = 0;
    for (int k = 0; k < n; k++) {
      local += 1 + r.nextInt(3);
      long code = S.childCode(parent, local);
      int pop =
          level == RegionLevel.UNIT ? 1 + r.nextInt(200) : (r.nextInt(4) == 0 ? r.nextInt(10) : 0);
      int hh =
          level == RegionLevel.UNIT ? 1 + r.nextInt(70) : (r.nextInt(4) == 0 ? r.nextInt(5) : 0);
      rows.add(new Row(level, code, parent, names(level, k), pop, hh));
      if (level != RegionLevel.UNIT) {
        addChildren(r, rows, code, level.childLevel().orElseThrow());
      }
    }
  }

  private static String names(RegionLevel level, int k) {
    return switch (level) {
      case STREET -> "街道" + k;
      case COMMUNITY -> "社区," + k;
      case GRID -> "第\"" + (k + 1) + "\"网格";
      default -> (k + 1) + "号楼";
    };
  }

  static RegionTree build(List<Row> rows) {
    RegionTree.Builder b = RegionTree.builder(S, EDITION);
    for (Row row : rows) {
      if (row.level() == RegionLevel.DISTRICT) {
        b.addDistrict(row.code(), row.name());
      } else {
        b.add(row.level(), row.code(), row.parent(), row.name());
      }
      b.population(row.population()).households(row.households());
      if (row.level() == RegionLevel.GRID) {
        b.gridType(row.code() % 2 == 0 ? GridType.DEDICATED : GridType.COMPREHENSIVE);
      }
      if (row.code() % 5 == 0) {
        b.tags(List.of("t" + row.code() % 3));
      }
      b.area(row.population() * 1.5);
    }
    return b.build();
  }

  static RegionTree random(long seed) {
    return build(randomRows(seed));
  }

  /** Naive LCA by walking parents. */
  static long naiveLca(RegionTree t, long a, long b) {
    List<Long> chainA = new ArrayList<>();
    for (Region x = t.get(a); ; x = x.parent().orElseThrow()) {
      chainA.add(x.code());
      if (x.parent().isEmpty()) {
        break;
      }
    }
    for (Region y = t.get(b); ; y = y.parent().orElseThrow()) {
      if (chainA.contains(y.code())) {
        return y.code();
      }
      if (y.parent().isEmpty()) {
        return -1;
      }
    }
  }
}
