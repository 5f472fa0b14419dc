package org.gridgov.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the generated Putian looks like below the totals: each community's urban-rural class drawn
 * from its street's kind (a street code below 100 is a 街道, 100–199 a 镇, 200–399 a 乡, the rest
 * special), with shares near the generator's stated fractions; names and grid types that follow the
 * class; units with at least one person, one household and 10 m². The fractions are checked with
 * bounds that a correct generator misses with a probability far below one in a million (several
 * thousand draws per class).
 */
class SyntheticCityShapeTest {
  private static final Set<UrbanRuralClass> STREET_KINDS =
      EnumSet.of(UrbanRuralClass.MAIN_URBAN, UrbanRuralClass.URBAN_RURAL_FRINGE);
  private static final Set<UrbanRuralClass> TOWN_KINDS =
      EnumSet.of(
          UrbanRuralClass.TOWN_CENTRE,
          UrbanRuralClass.TOWN_VILLAGE_FRINGE,
          UrbanRuralClass.VILLAGE);
  private static final Set<UrbanRuralClass> TOWNSHIP_KINDS =
      EnumSet.of(UrbanRuralClass.TOWNSHIP_CENTRE, UrbanRuralClass.VILLAGE);

  private static Set<UrbanRuralClass> allowed(long streetLocal) {
    if (streetLocal < 100) {
      return STREET_KINDS;
    }
    if (streetLocal < 200) {
      return TOWN_KINDS;
    }
    return streetLocal < 400 ? TOWNSHIP_KINDS : EnumSet.of(UrbanRuralClass.SPECIAL_AREA);
  }

  @Test
  void communitiesGridsAndUnits_followTheirStreetsKind() throws IOException {
    RegionTree city =
        SyntheticCityGenerator.generate(
            SyntheticCityGeneratorTest.putianBase(),
            SyntheticCityGenerator.Targets.putian(),
            2024L,
            TestTrees.EDITION);
    CodeScheme scheme = city.codeScheme();
    Map<UrbanRuralClass, Integer> byClass = new EnumMap<>(UrbanRuralClass.class);
    int[] underStreets = new int[3]; // 街道, 镇, 乡: communities counted
    for (Region community : city.regionsAt(RegionLevel.COMMUNITY)) {
      long streetLocal = scheme.localNumber(community.parent().orElseThrow().code());
      UrbanRuralClass c = community.urbanRural().orElseThrow();
      assertThat(allowed(streetLocal)).as("%s under street %s", c, streetLocal).contains(c);
      byClass.merge(c, 1, Integer::sum);
      underStreets[streetLocal < 100 ? 0 : streetLocal < 200 ? 1 : 2]++;
      long k = scheme.localNumber(community.code());
      boolean village = !c.isUrban() || c == UrbanRuralClass.TOWN_CENTRE;
      assertThat(community.name()).isEqualTo("第" + k + (village ? "村" : "社区"));
      for (Region grid : community.children()) {
        assertThat(grid.urbanRural()).contains(c);
        long g = scheme.localNumber(grid.code());
        GridType type = grid.gridType().orElseThrow();
        assertThat(grid.name()).isEqualTo(type == GridType.DEDICATED ? "专属网格" + g : "第" + g + "网格");
        for (Region unit : grid.children()) {
          long u = scheme.localNumber(unit.code());
          assertThat(unit.name()).isEqualTo(u + (c.isUrban() ? "号楼" : "组"));
          assertThat(unit.population()).isGreaterThanOrEqualTo(1);
          assertThat(unit.households()).isGreaterThanOrEqualTo(1);
          assertThat(unit.areaSquareMetres()).isGreaterThanOrEqualTo(10);
        }
      }
    }
    // 80 % of a 街道's communities are main urban, the rest urban-rural fringe
    int streetCommunities = underStreets[0];
    assertThat(streetCommunities).isGreaterThan(100);
    double mainUrban =
        byClass.getOrDefault(UrbanRuralClass.MAIN_URBAN, 0) / (double) streetCommunities;
    assertThat(mainUrban).isBetween(0.65, 0.95);
    // a 镇's: 25 % town centre, 10 % town-village fringe, 65 % village
    int townCommunities = underStreets[1];
    assertThat(townCommunities).isGreaterThan(200);
    assertThat(byClass.getOrDefault(UrbanRuralClass.TOWN_CENTRE, 0) / (double) townCommunities)
        .isBetween(0.15, 0.35);
    assertThat(
            byClass.getOrDefault(UrbanRuralClass.TOWN_VILLAGE_FRINGE, 0) / (double) townCommunities)
        .isBetween(0.04, 0.17);
  }
}
