package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.gridgov.casefile.CaseFile;
import org.gridgov.casefile.CaseSource;
import org.gridgov.simulation.internal.CityModel;
import org.gridgov.simulation.internal.PreparedScenario;
import org.gridgov.simulation.internal.Replication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Patrol discovery (主动发现): switched off it changes nothing; switched on it has its effect. */
class PatrolTest {

  /**
   * With nothing latent, patrol draws its own stream and nothing else moves: the result equals the
   * run with the mechanism off, metric for metric (common random numbers, other streams unshifted).
   */
  @Test
  void nothingLatent_givesExactlyTheRunWithPatrolOff() {
    Scenario off = TestScenarios.small().build();
    Scenario noneLatent = TestScenarios.small().patrol(new Patrol(0, 2, 100, 48)).build();

    ReplicationResult a = Simulator.run(off, 5, 0, Progress.NONE);
    ReplicationResult b = Simulator.run(noneLatent, 5, 0, Progress.NONE);

    assertThat(b).isEqualTo(a);
  }

  @Test
  void patrolOff_everyCaseIsAResidentReportAndTimeFromAppearanceIsTimeFromReport() {
    Scenario off = TestScenarios.small().build();
    List<CaseFile> files = new ArrayList<>();

    ReplicationResult r = run(off, 3, files);

    assertThat(r.value(Metric.PATROL_DISCOVERY_SHARE)).isEqualTo(0.0);
    assertThat(r.value(Metric.MEAN_HOURS_FROM_APPEARANCE))
        .isCloseTo(r.value(Metric.MEAN_HOURS_TO_CLOSE), within(1e-6));
    assertThat(files).isNotEmpty().allMatch(f -> f.facts().source() == CaseSource.HOTLINE_12345);
  }

  /** The documented effect: more rounds find more problems first and close them sooner. */
  @Test
  void morePatrolRounds_raiseTheDiscoveryShareAndCutTheTimeFromAppearance() {
    double shareFew = 0;
    double shareMany = 0;
    double hoursFew = 0;
    double hoursMany = 0;
    for (int rep = 0; rep < 3; rep++) {
      ReplicationResult few = Simulator.run(smallWithPatrol(0.5), 17, rep, Progress.NONE);
      ReplicationResult many = Simulator.run(smallWithPatrol(4), 17, rep, Progress.NONE);
      shareFew += few.value(Metric.PATROL_DISCOVERY_SHARE);
      shareMany += many.value(Metric.PATROL_DISCOVERY_SHARE);
      hoursFew += few.value(Metric.MEAN_HOURS_FROM_APPEARANCE);
      hoursMany += many.value(Metric.MEAN_HOURS_FROM_APPEARANCE);
    }

    assertThat(shareFew).isGreaterThan(0);
    assertThat(shareMany).isGreaterThan(shareFew + 0.1 * 3);
    assertThat(hoursMany).isLessThan(hoursFew);
  }

  /** Latent cases found on patrol enter the engine as 网格员巡查, the rest as resident reports. */
  @Test
  void discoveredCasesCarryTheGridPatrolSource() {
    List<CaseFile> files = new ArrayList<>();

    ReplicationResult r = run(smallWithPatrol(4), 9, files);

    long patrol = files.stream().filter(f -> f.facts().source() == CaseSource.GRID_PATROL).count();
    assertThat(patrol).isPositive();
    assertThat(patrol).isLessThan(files.size());
    assertThat(r.value(Metric.PATROL_DISCOVERY_SHARE)).isBetween(0.0, 1.0);
  }

  /**
   * Against an independent oracle: around the clock, every problem latent, grid households and
   * workers giving a chance q per round, rounds every I hours (the first after a uniform phase) and
   * residents reporting after Exp(mean m): P(patrol first) = E[exp(-D/m)] for D = (K - 1 + U)·I, K
   * ~ Geometric(q), U ~ Uniform(0, 1), that is q / (1 - (1 - q)e^(-a)) · (1 - e^(-a)) / a with a =
   * I/m.
   */
  @ParameterizedTest
  @CsvSource({"1, 0.1", "2, 0.1", "6, 0.1", "2, 0.5", "3, 1.0"})
  void discoveryShare_matchesTheClosedForm(double roundsPerDay, double q) {
    int workers = 50;
    int residents = 28_000; // 10,000 households (SingleGrid: residents × 10 / 28)
    double households = 10_000; // CitySpec.SingleGrid: residents × 10 / 28
    double perRound = q * households / workers;
    double mean = 48;
    Scenario s =
        Scenario.builder()
            .name("oracle")
            .city(new CitySpec.SingleGrid(residents))
            .warmUp(Duration.ofDays(1))
            .horizon(Duration.ofDays(6))
            .drain(Duration.ofDays(14))
            .addAllCategories(BuiltInScenarios.putian().categories())
            .casesPerResidentPerYear(5)
            .hourlyProfile(ImmutableList.copyOf(Collections.nCopies(24, 1.0)))
            .weekdayProfile(ImmutableList.copyOf(Collections.nCopies(7, 1.0)))
            .calendar(CalendarChoice.ALWAYS_OPEN)
            .workSchedule(WorkSchedule.ALWAYS)
            .travel(Travel.NONE)
            .staffing(new Staffing(workers, 2, 4, 8, 8, 20, ImmutableSortedMap.of()))
            .patrol(new Patrol(1.0, roundsPerDay, perRound, mean))
            .build();

    ReplicationResult r = Simulator.run(s, 23, 0, Progress.NONE);

    double a = 24.0 / roundsPerDay / mean;
    double expected = q / (1 - (1 - q) * Math.exp(-a)) * (1 - Math.exp(-a)) / a;
    double n = r.value(Metric.CASES_REPORTED);
    assertThat(n).isGreaterThan(1500);
    double tolerance = 4 * Math.sqrt(expected * (1 - expected) / n);
    assertThat(r.value(Metric.PATROL_DISCOVERY_SHARE)).isCloseTo(expected, within(tolerance));
  }

  @Test
  void theRoundsSweepParameter_setsTheRoundsAndNeedsPatrolOn() {
    Scenario on = smallWithPatrol(2);

    Scenario swept = SweepParameter.PATROL_ROUNDS_PER_WORKING_DAY.apply(on, "5");

    assertThat(swept.patrol().orElseThrow().roundsPerWorkingDay()).isEqualTo(5.0);
    assertThat(swept.patrol().orElseThrow().householdsPerRound()).isEqualTo(20.0);
    assertThatThrownBy(
            () ->
                SweepParameter.parse("patrol-rounds-per-working-day")
                    .apply(TestScenarios.small().build(), "5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("patrol-rounds-per-working-day=5")
        .hasMessageContaining("patrol: section");
  }

  @Test
  void badPatrolValues_areRefusedNamingTheField() {
    assertThatThrownBy(() -> new Patrol(1.5, 2, 100, 48))
        .hasMessageContaining("patrol.latent-share")
        .hasMessageContaining("1.5");
    assertThatThrownBy(() -> new Patrol(0.3, 0, 100, 48))
        .hasMessageContaining("patrol.rounds-per-working-day");
    assertThatThrownBy(() -> new Patrol(0.3, 2, Double.NaN, 48))
        .hasMessageContaining("patrol.households-per-round");
    assertThatThrownBy(() -> new Patrol(0.3, 2, 100, -1))
        .hasMessageContaining("patrol.resident-report-hours");
  }

  @Test
  void discoveryPerRound_growsWithWorkersAndShrinksWithGridSize() {
    Patrol p = new Patrol(0.3, 2, 100, 48);

    assertThat(p.discoveryPerRound(1, 400)).isEqualTo(0.25);
    assertThat(p.discoveryPerRound(2, 400)).isEqualTo(0.5);
    assertThat(p.discoveryPerRound(1, 800)).isEqualTo(0.125);
    assertThat(p.discoveryPerRound(5, 400)).isEqualTo(1.0);
  }

  /** The small city's grids hold about 70 households; 20 per round gives q ≈ 0.28. */
  private static Scenario smallWithPatrol(double rounds) {
    return TestScenarios.small().patrol(new Patrol(0.5, rounds, 20, 48)).build();
  }

  private static ReplicationResult run(Scenario s, long seed, List<CaseFile> files) {
    PreparedScenario p = PreparedScenario.of(s, CityModel.of(s.city(), s.householdsPerGrid()));
    return Replication.run(p, seed, 0, "", Progress.NONE, files::add);
  }
}
