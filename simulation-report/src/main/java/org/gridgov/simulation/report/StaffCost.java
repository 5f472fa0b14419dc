package org.gridgov.simulation.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.ScenarioRegions;
import org.gridgov.simulation.WorkSchedule;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.OutsideCalendarException;

/**
 * What a scenario's grid layer costs in staff: its grids, its grid workers (网格员: grids × workers
 * per grid) and their scheduled worker-hours in one year from the scenario's start (grid workers ×
 * the working hours of that year: 24 a day under {@link WorkSchedule#ALWAYS}, otherwise the
 * calendar's working time, holidays and make-up workdays included).
 *
 * <p>The hours are paid (scheduled) hours: staff role shares and absences change how much of them
 * reaches cases in the simulation, not what they cost, so they are not subtracted. Office and
 * department staff are not counted: sweeps and designs change the grid layer. The report shows this
 * beside each point's indicators, so a reader sees what an improvement costs.
 *
 * @param grids the grids of the city
 * @param gridWorkers the grid workers, {@code grids × workers per grid}
 * @param workerHoursPerYear the grid workers' scheduled hours in the year from the start, {@code
 *     NaN} if the calendar does not cover that year
 */
public record StaffCost(long grids, long gridWorkers, double workerHoursPerYear) {

  /**
   * Computes the cost of a scenario (builds its city: as costly as the start of a run).
   *
   * @param scenario the scenario, with the point's settings applied
   * @return its cost
   */
  public static StaffCost of(Scenario scenario) {
    RegionTree tree = ScenarioRegions.tree(scenario);
    long grids = tree.count(RegionLevel.GRID);
    long workers = grids * scenario.staffing().workersPerGrid();
    return new StaffCost(grids, workers, workers * hoursPerWorkerYear(scenario));
  }

  /**
   * Returns the scheduled working hours of one grid worker in the year from the scenario's start.
   *
   * @param scenario the scenario
   * @return the hours, {@code NaN} if the calendar does not cover the year
   */
  public static double hoursPerWorkerYear(Scenario scenario) {
    LocalDateTime from = scenario.start();
    LocalDateTime to = from.plusYears(1);
    if (scenario.workSchedule() == WorkSchedule.ALWAYS) {
      return Duration.between(from, to).toMinutes() / 60.0;
    }
    BusinessCalendar calendar = ScenarioRegions.calendar(scenario.calendar());
    Instant a = from.atZone(calendar.zone()).toInstant();
    Instant b = to.atZone(calendar.zone()).toInstant();
    try {
      return calendar.workingNanosBetween(a, b) / 3.6e12;
    } catch (OutsideCalendarException e) {
      return Double.NaN;
    }
  }
}
