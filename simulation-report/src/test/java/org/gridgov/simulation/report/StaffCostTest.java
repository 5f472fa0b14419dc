package org.gridgov.simulation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.gridgov.simulation.CalendarChoice;
import org.gridgov.simulation.CategoryMix;
import org.gridgov.simulation.CitySpec;
import org.gridgov.simulation.Distribution;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.ScenarioRegions;
import org.gridgov.simulation.Staffing;
import org.gridgov.simulation.SweepParameter;
import org.gridgov.simulation.WorkSchedule;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.WorkingWindow;
import org.junit.jupiter.api.Test;

class StaffCostTest {

  private static Scenario singleGrid(WorkSchedule schedule, int workersPerGrid) {
    return Scenario.builder()
        .name("one grid")
        .city(new CitySpec.SingleGrid(1000))
        .addCategories(new CategoryMix("0101", 1, Distribution.exponential(30), 1))
        .start(LocalDateTime.of(2025, 3, 3, 0, 0))
        .workSchedule(schedule)
        .staffing(Staffing.defaults().withWorkersPerGrid(workersPerGrid))
        .build();
  }

  @Test
  void aroundTheClockAWorkerCostsEveryHourOfTheYear() {
    StaffCost c = StaffCost.of(singleGrid(WorkSchedule.ALWAYS, 3));
    assertThat(c.grids()).isEqualTo(1);
    assertThat(c.gridWorkers()).isEqualTo(3);
    // 2025-03-03 .. 2026-03-03: 365 days, no 29 February in between
    assertThat(c.workerHoursPerYear()).isEqualTo(3 * 365 * 24.0);
  }

  @Test
  void onTheChinaCalendarAWorkerCostsTheWorkingHoursOfItsWorkdays() {
    Scenario s = singleGrid(WorkSchedule.WORKING_TIME, 2);
    BusinessCalendar calendar = ScenarioRegions.calendar(CalendarChoice.CHINA);
    // Oracle: the day-by-day sum of the calendar's working windows, not its working-time clock.
    double expected = 0;
    for (LocalDate d = LocalDate.of(2025, 3, 3);
        d.isBefore(LocalDate.of(2026, 3, 3));
        d = d.plusDays(1)) {
      for (WorkingWindow w : calendar.windowsOn(d)) {
        expected += w.lengthSeconds() / 3600.0;
      }
    }
    double hours = StaffCost.hoursPerWorkerYear(s);
    assertThat(hours).isCloseTo(expected, within(1e-6));
    // 7 office hours a day on about 250 workdays
    assertThat(hours).isBetween(7.0 * 240, 7.0 * 255);
    assertThat(StaffCost.of(s).workerHoursPerYear()).isCloseTo(2 * expected, within(1e-6));
  }

  @Test
  void largerGridsMeanFewerGridsAndFewerWorkers() {
    Scenario base = SweepFixtures.scenario();
    StaffCost small = StaffCost.of(SweepParameter.HOUSEHOLDS_PER_GRID.apply(base, "150"));
    StaffCost large = StaffCost.of(SweepParameter.HOUSEHOLDS_PER_GRID.apply(base, "800"));
    assertThat(small.grids()).isGreaterThan(large.grids());
    assertThat(small.workerHoursPerYear()).isGreaterThan(large.workerHoursPerYear());
    Scenario twoEach = SweepParameter.WORKERS_PER_GRID.apply(base, "2");
    StaffCost one = StaffCost.of(base);
    StaffCost two = StaffCost.of(twoEach);
    assertThat(two.grids()).isEqualTo(one.grids());
    assertThat(two.gridWorkers()).isEqualTo(2 * one.gridWorkers());
    assertThat(two.workerHoursPerYear()).isCloseTo(2 * one.workerHoursPerYear(), within(1e-6));
  }
}
