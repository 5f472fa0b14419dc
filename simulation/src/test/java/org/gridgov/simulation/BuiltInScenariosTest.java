package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.util.OptionalDouble;
import org.gridgov.casefile.Priority;
import org.gridgov.category.CategoryCatalog;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.UrbanRuralClass;
import org.gridgov.simulation.internal.CityModel;
import org.gridgov.sla.SlaPolicy;
import org.gridgov.sla.SlaStage;
import org.gridgov.sla.WarningLevel;
import org.junit.jupiter.api.Test;

class BuiltInScenariosTest {

  @Test
  void putianIsPutianAtOneCasePerResidentWithCategoriesOfTheSampleCatalogue() {
    Scenario s = BuiltInScenarios.putian();

    assertThat(s.city()).isEqualTo(new CitySpec.Putian(1));
    assertThat(s.householdsPerGrid()).isEmpty();
    assertThat(s.casesPerResidentPerYear()).isEqualTo(1.0);
    assertThat(s.calendar()).isEqualTo(CalendarChoice.CHINA);
    CategoryCatalog catalog = CategoryCatalog.sample();
    for (CategoryMix c : s.categories()) {
      assertThat(catalog.find(c.categoryCode())).as(c.categoryCode()).isPresent();
      assertThat(c.handling().meanMinutes()).isBetween(30.0, 300.0);
    }
    assertThat(BuiltInScenarios.named("putian")).contains(s);
    assertThat(BuiltInScenarios.named("beijing")).isEmpty();
  }

  @Test
  void theDefaultSlaPolicyParsesWarnsAtHalfAndFourFifthsAndCoversEveryPutianCategory() {
    SlaPolicy p = SlaPolicy.parse(new StringReader(BuiltInScenarios.defaultSlaPolicy()), "default");

    assertThat(p.defaultLevels()).extracting(WarningLevel::fraction).containsExactly(0.5, 0.8, 1.0);
    for (CategoryMix c : BuiltInScenarios.putian().categories()) {
      for (SlaStage stage : new SlaStage[] {SlaStage.WHOLE_CASE, SlaStage.HANDLE}) {
        assertThat(p.ruleFor(stage, c.categoryCode(), Priority.NORMAL, UrbanRuralClass.MAIN_URBAN))
            .as("%s %s", stage, c.categoryCode())
            .isPresent();
      }
    }
  }

  @Test
  void mmcIsOneGridWithCServersAtRateLambdaAndExponentialHandling() {
    MmcModel m = new MmcModel(7.5, 1.5, 6);

    Scenario s = BuiltInScenarios.mmc(m);

    assertThat(s.city()).isInstanceOf(CitySpec.SingleGrid.class);
    int residents = ((CitySpec.SingleGrid) s.city()).residents();
    assertThat(residents * s.casesPerResidentPerYear() / 365 / 24).isCloseTo(7.5, within(1e-9));
    assertThat(s.staffing().workersPerGrid()).isEqualTo(6);
    assertThat(s.categories())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.handling()).isEqualTo(Distribution.exponential(40));
              assertThat(c.solvedByHolder()).isEqualTo(1.0);
            });
    assertThat(s.workSchedule()).isEqualTo(WorkSchedule.ALWAYS);
    assertThat(s.calendar()).isEqualTo(CalendarChoice.ALWAYS_OPEN);
    assertThat(s.travel()).isEqualTo(Travel.NONE);
    var city = CityModel.tree(s.city(), OptionalDouble.empty());
    assertThat(city.count(RegionLevel.GRID)).isEqualTo(1);
    assertThat(city.totalPopulation()).isEqualTo(residents);
  }

  @Test
  void householdsPerGridSetsTheNumberOfPutianGrids() {
    var tree = CityModel.tree(new CitySpec.Putian(1), OptionalDouble.of(800));

    // 3,210,000 residents / 2.8 per household / 800 households per grid.
    assertThat(tree.count(RegionLevel.GRID)).isEqualTo((int) Math.round(3_210_000 / 2.8 / 800));
    assertThat(tree.count(RegionLevel.UNIT)).isEqualTo(136_063);
    assertThat(tree.count(RegionLevel.COMMUNITY)).isEqualTo(1_100);
  }
}
