package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.junit.jupiter.api.Test;

class BuiltInCitiesTest {

  @Test
  void putianDivisionsAreTheRealFiveDistrictsAndFiftySevenStreets() {
    RegionTree tree = BuiltInCities.putianDivisions();

    assertThat(tree.count(RegionLevel.DISTRICT)).isEqualTo(5);
    assertThat(tree.count(RegionLevel.STREET)).isEqualTo(57);
    assertThat(tree.roots())
        .extracting(Region::code)
        .containsExactlyInAnyOrder(350302L, 350303L, 350304L, 350305L, 350322L);
    assertThat(tree.get(350302L).name()).isEqualTo("城厢区");
  }

  @Test
  void generatedPutianHasThePublishedTotalsAndIsReproducible() {
    RegionTree city = BuiltInCities.putian(7);

    assertThat(city.count(RegionLevel.GRID)).isEqualTo(10_440);
    assertThat(city.count(RegionLevel.UNIT)).isEqualTo(136_063);
    assertThat(city.count(RegionLevel.STREET)).isEqualTo(57);
    assertThat(BuiltInCities.putian(7).totalPopulation()).isEqualTo(city.totalPopulation());
    // Targets.putian(): Putian's ~3.21 million residents spread over its 136,063 units.
    assertThat((double) city.totalPopulation()).isCloseTo(3_210_000.0, withinPercentage(5));
  }
}
