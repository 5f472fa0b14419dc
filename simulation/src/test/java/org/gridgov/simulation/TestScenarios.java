package org.gridgov.simulation;

import java.time.Duration;
import org.gridgov.region.RegionTree;
import org.gridgov.region.SyntheticCityGenerator;

/** Small, fast scenarios for tests. */
final class TestScenarios {
  private TestScenarios() {}

  /**
   * Putian's real districts and streets with 60 communities, 200 grids and 2,000 units of about 20
   * people.
   */
  static final RegionTree SMALL_CITY =
      SyntheticCityGenerator.generate(
          BuiltInCities.putianDivisions(),
          new SyntheticCityGenerator.Targets(60, 200, 2_000, 20, 2.8),
          3,
          BuiltInCities.DIVISIONS_EDITION);

  /**
   * The putian scenario's demand and policies over {@link #SMALL_CITY} (about 110 cases a day):
   * warm-up 1 day, horizon 3 days, drain up to 14 days.
   */
  static Scenario.Builder small() {
    return small(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(14));
  }

  /** {@link #small()} with other periods. */
  static Scenario.Builder small(Duration warmUp, Duration horizon, Duration drain) {
    Scenario putian = BuiltInScenarios.putian();
    return Scenario.builder()
        .name("small")
        .city(new CitySpec.OfTree(SMALL_CITY))
        .warmUp(warmUp)
        .horizon(horizon)
        .drain(drain)
        .addAllCategories(putian.categories())
        .staffing(putian.staffing())
        .travel(putian.travel());
  }
}
