package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * {@link Metric#BACKLOG_GROWTH} tells a stable run from an overloaded one, measured against
 * queueing theory rather than against the simulator: a single grid office with {@code c} workers,
 * Poisson arrivals at λ per hour and exponential handling at μ per worker, nothing escalated.
 */
class BacklogGrowthTest {

  /**
   * Overloaded (λ = 3, c·μ = 2 per hour, workers always busy): the open cases grow at λ − c·μ = 1
   * per hour, 24 a day. Over the 600-hour horizon the count's standard deviation is about √((λ +
   * c·μ)·600) ≈ 55 cases, 2.2 a day, so ±9 a day is four of them.
   */
  @Test
  void anOverloadedOfficeGrowsByArrivalsMinusCapacityPerDay() {
    ReplicationResult r = Simulator.run(singleGrid(3.0, 1.0, 2, 600), 7, 0, Progress.NONE);

    assertThat(r.value(Metric.BACKLOG_GROWTH)).isBetween(24.0 - 9, 24.0 + 9);
  }

  /**
   * Stable (M/M/2 at ρ = 0.8, 38 arrivals a day): the open cases at the horizon's start and end are
   * two draws of the same stationary queue (mean 4.4 cases), so their difference spread over the
   * 260-day horizon is a fraction of a case a day, against the 38 a day a metric counting arrivals
   * instead of open cases would give.
   */
  @Test
  void aStableOfficeKeepsItsBacklog() {
    ReplicationResult r =
        Simulator.run(BuiltInScenarios.mmc(new MmcModel(1.6, 1.0, 2)), 7, 0, Progress.NONE);

    assertThat(Math.abs(r.value(Metric.BACKLOG_GROWTH))).isLessThan(0.5);
  }

  @Test
  void growthIsTheSameForTheSameSeedAndDiffersAcrossOverloadedReplications() {
    Scenario s = singleGrid(3.0, 1.0, 2, 300);

    double a = Simulator.run(s, 11, 0, Progress.NONE).value(Metric.BACKLOG_GROWTH);
    double again = Simulator.run(s, 11, 0, Progress.NONE).value(Metric.BACKLOG_GROWTH);
    double other = Simulator.run(s, 11, 1, Progress.NONE).value(Metric.BACKLOG_GROWTH);

    assertThat(again).isEqualTo(a);
    assertThat(other).isNotEqualTo(a); // a count of cases, not a constant of the scenario
  }

  /** {@link BuiltInScenarios#mmc}'s single grid, for any λ, μ and c (stable or not). */
  private static Scenario singleGrid(double lambda, double mu, int c, int horizonHours) {
    int residents = 1_000;
    return Scenario.builder()
        .name("overloaded")
        .city(new CitySpec.SingleGrid(residents))
        .warmUp(Duration.ofHours(20))
        .horizon(Duration.ofHours(horizonHours))
        .drain(Duration.ofHours(1))
        .casesPerResidentPerYear(lambda * 24 * 365 / residents)
        .hourlyProfile(ImmutableList.copyOf(Collections.nCopies(24, 1.0)))
        .weekdayProfile(ImmutableList.copyOf(Collections.nCopies(7, 1.0)))
        .offDayFactor(1.0)
        .addCategories(new CategoryMix("0102", 1, Distribution.exponential(60.0 / mu), 1.0))
        .staffing(Staffing.defaults().withWorkersPerGrid(c))
        .workSchedule(WorkSchedule.ALWAYS)
        .travel(Travel.NONE)
        .checkTime(Distribution.fixed(0))
        .calendar(CalendarChoice.ALWAYS_OPEN)
        .routingPolicy(BuiltInScenarios.MMC_POLICY)
        .slaPolicy(BuiltInScenarios.MMC_SLA)
        .build();
  }
}
