package org.gridgov.people;

import com.google.common.primitives.ImmutableLongArray;
import java.time.LocalDate;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.Priority;
import org.gridgov.region.CodeScheme;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.region.SyntheticCityGenerator;

/** Trees and case facts for the people tests. */
final class PeopleFixtures {
  static final LocalDate EDITION = LocalDate.of(2024, 1, 1);

  private PeopleFixtures() {}

  /**
   * The facts of case {@code c-1} in region 1: a committed app report of a category and priority.
   */
  static CaseFacts facts(String category, Priority p) {
    return CaseFacts.builder()
        .id(CaseId.of("c-1"))
        .categoryCode(category)
        .priority(p)
        .kind(CaseKind.COMMITTED)
        .locationCodes(ImmutableLongArray.of(1))
        .source(CaseSource.APP)
        .build();
  }

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

  /** Putian scale: 5 districts, 57 streets, 1,100 communities, 10,440 grids, 136,063 units. */
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
        b.build(), SyntheticCityGenerator.Targets.putian(), 20240101L, EDITION);
  }
}
