package org.gridgov.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The tree's words: the five levels in order with their Chinese names, each level's parent and
 * child, the depths that exist; grid types and urban-rural classes by the national statistical
 * codes (1xx urban, 2xx rural), with their Chinese names.
 */
class RegionVocabularyTest {

  @Test
  void theLevels_runFromDistrictToUnit() {
    RegionLevel[] order = {
      RegionLevel.DISTRICT,
      RegionLevel.STREET,
      RegionLevel.COMMUNITY,
      RegionLevel.GRID,
      RegionLevel.UNIT
    };
    String[] names = {"区/县", "街道/乡镇", "社区/村", "网格", "单元"};
    for (int d = 0; d < order.length; d++) {
      assertThat(RegionLevel.ofDepth(d)).isEqualTo(order[d]);
      assertThat(order[d].chineseName()).isEqualTo(names[d]);
      assertThat(order[d].parentLevel())
          .isEqualTo(d == 0 ? Optional.empty() : Optional.of(order[d - 1]));
      assertThat(order[d].childLevel())
          .isEqualTo(d == 4 ? Optional.empty() : Optional.of(order[d + 1]));
    }
    for (int bad : new int[] {-1, 5}) {
      assertThatThrownBy(() -> RegionLevel.ofDepth(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("region level depth must be 0 (DISTRICT) to 4 (UNIT) but was " + bad);
    }
  }

  @Test
  void gridTypes_andUrbanRuralClasses_haveTheirNames() {
    assertThat(GridType.COMPREHENSIVE.chineseName()).isEqualTo("综合网格");
    assertThat(GridType.DEDICATED.chineseName()).isEqualTo("专属网格");
    assertThat(UrbanRuralClass.MAIN_URBAN.chineseName()).isEqualTo("主城区");
    assertThat(UrbanRuralClass.VILLAGE.chineseName()).isEqualTo("村庄");
    var urban = EnumSet.noneOf(UrbanRuralClass.class);
    for (UrbanRuralClass c : UrbanRuralClass.values()) {
      if (c.isUrban()) {
        urban.add(c);
      }
    }
    assertThat(urban)
        .containsExactlyInAnyOrder(
            UrbanRuralClass.MAIN_URBAN,
            UrbanRuralClass.URBAN_RURAL_FRINGE,
            UrbanRuralClass.TOWN_CENTRE,
            UrbanRuralClass.TOWN_VILLAGE_FRINGE,
            UrbanRuralClass.SPECIAL_AREA);
  }
}
