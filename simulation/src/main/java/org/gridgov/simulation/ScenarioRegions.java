package org.gridgov.simulation;

import org.gridgov.region.RegionTree;
import org.gridgov.simulation.internal.Calendars;
import org.gridgov.simulation.internal.CityModel;
import org.gridgov.sla.BusinessCalendar;

/**
 * What a scenario's city and calendar are, built the way a run builds them: for reports and maps
 * drawn outside the simulation module (gridgov-simulation-report).
 */
public final class ScenarioRegions {
  private ScenarioRegions() {}

  /**
   * Builds the region tree a run of the scenario simulates.
   *
   * @param scenario the scenario
   * @return the tree (its city, at the scenario's households per grid)
   */
  public static RegionTree tree(Scenario scenario) {
    return CityModel.tree(scenario.city(), scenario.householdsPerGrid());
  }

  /**
   * Returns the business calendar a run of the scenario uses.
   *
   * @param choice the scenario's calendar choice
   * @return the calendar (shared, immutable)
   */
  public static BusinessCalendar calendar(CalendarChoice choice) {
    return Calendars.of(choice);
  }
}
