package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFile;
import org.gridgov.casefile.CaseLifecycle;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.EscalationCause;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.EventType;
import org.gridgov.simulation.internal.CityModel;
import org.gridgov.simulation.internal.PreparedScenario;
import org.gridgov.simulation.internal.Replication;
import org.gridgov.sla.ChinaCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SimulatorTest {

  static LongStream seeds() {
    return new java.util.SplittableRandom(7).longs(4);
  }

  private static List<CaseFile> files(Scenario s, long seed, List<ReplicationResult> result) {
    List<CaseFile> files = new ArrayList<>();
    PreparedScenario p = PreparedScenario.of(s, CityModel.of(s.city(), s.householdsPerGrid()));
    result.add(Replication.run(p, seed, 0, "", Progress.NONE, files::add));
    return files;
  }

  private static Instant horizonStart(Scenario s) {
    return s.start().atZone(ChinaCalendar.calendar().zone()).toInstant().plus(s.warmUp());
  }

  @Test
  void theSameScenarioAndSeedGiveEqualResults() {
    Scenario s = TestScenarios.small().build();

    ReplicationResult a = Simulator.run(s, 11, 0, Progress.NONE);
    ReplicationResult b = Simulator.run(s, 11, 0, Progress.NONE);

    assertThat(a).isEqualTo(b);
    assertThat(a.value(Metric.CASES_REPORTED)).isGreaterThan(200);
  }

  /**
   * Without an observer the measured cases are filed on a second thread; the indicators must see
   * exactly what an inline run (with an observer) gives them, on several seeds.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void filingOnASecondThreadGivesTheSameResultsAsFilingInline(long seed) {
    Scenario s = TestScenarios.small().build();
    List<ReplicationResult> inline = new ArrayList<>();
    var unused = files(s, seed, inline);

    ReplicationResult filedAside = Simulator.run(s, seed, 0, Progress.NONE);

    assertThat(filedAside).as("seed %s", seed).isEqualTo(inline.get(0));
  }

  @Test
  void anotherSeedOrReplicationGivesOtherResults() {
    Scenario s = TestScenarios.small().build();

    ReplicationResult a = Simulator.run(s, 11, 0, Progress.NONE);

    assertThat(Simulator.run(s, 12, 0, Progress.NONE).values()).isNotEqualTo(a.values());
    assertThat(Simulator.run(s, 11, 1, Progress.NONE).values()).isNotEqualTo(a.values());
  }

  /**
   * Every case reported in the horizon is counted, and ends closed or counted as not closed; every
   * log the engine made passes the lifecycle.
   */
  @Test
  void everyReportedCaseEndsClosedOrCountedOpenAndEveryLogPassesTheLifecycle() {
    Scenario s =
        TestScenarios.small(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(2))
            .casesPerResidentPerYear(3)
            .build();
    List<ReplicationResult> result = new ArrayList<>();

    List<CaseFile> files = files(s, 5, result);

    Instant from = horizonStart(s);
    Instant to = from.plus(s.horizon());
    Set<String> ids = new HashSet<>();
    int measured = 0;
    int closed = 0;
    for (CaseFile f : files) {
      assertThat(ids.add(f.facts().id().value())).as("each case once: %s", f.facts().id()).isTrue();
      // Replaying the log through the lifecycle gives the same state: every event was a legal
      // transition.
      assertThat(CaseLifecycle.replay(f.facts().id(), f.events())).isEqualTo(f.state());
      Instant reported = f.events().get(0).at();
      if (!reported.isBefore(from) && reported.isBefore(to)) {
        measured++;
        if (f.state().status() == CaseStatus.CLOSED) {
          closed++;
        }
      }
    }
    ReplicationResult r = result.get(0);
    assertThat(r.value(Metric.CASES_REPORTED)).isEqualTo(measured);
    assertThat(r.value(Metric.CLOSING_RATE)).isCloseTo((double) closed / measured, within(1e-12));
    // A two-day drain at three cases per resident leaves some cases open: they count as not closed.
    assertThat(closed).isLessThan(measured);
  }

  @Test
  void aCaseThatNeedsNoHelpGoesReportVerifyRegisterDispatchAcceptResolveCheckClose() {
    Scenario s = TestScenarios.small().casesPerResidentPerYear(0.2).build();

    List<CaseFile> files = files(s, 3, new ArrayList<>());

    CaseFile plain =
        files.stream()
            .filter(f -> f.state().status() == CaseStatus.CLOSED)
            .filter(f -> f.events().stream().noneMatch(e -> e.type() == EventType.RETURNED))
            .filter(f -> f.events().stream().noneMatch(e -> e.type() == EventType.SLA_WARNING))
            .findFirst()
            .orElseThrow();
    assertThat(plain.events())
        .extracting(CaseEvent::type)
        .containsExactly(
            EventType.REPORTED,
            EventType.VERIFIED,
            EventType.REGISTERED,
            EventType.DISPATCHED,
            EventType.ACCEPTED,
            EventType.RESOLVED,
            EventType.CHECK_PASSED,
            EventType.CLOSED);
    // Check and close come the scenario's check time (30 minutes) after the resolution.
    assertThat(Duration.between(plain.events().get(5).at(), plain.events().get(6).at()))
        .isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void anUnderstaffedCityBreachesDeadlinesAndTheEngineEscalates() {
    Scenario s =
        TestScenarios.small(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(3))
            .casesPerResidentPerYear(25)
            .build();
    List<ReplicationResult> result = new ArrayList<>();

    List<CaseFile> files = files(s, 9, result);

    ReplicationResult r = result.get(0);
    assertThat(r.value(Metric.ESCALATION_RATE)).isGreaterThan(0.05);
    assertThat(r.value(Metric.ON_TIME_CLOSING_RATE)).isLessThan(0.9);
    assertThat(r.value(Metric.WORKER_UTILISATION)).isGreaterThan(0.5).isLessThanOrEqualTo(1.0);
    CaseFile breached =
        files.stream()
            .filter(
                f ->
                    f.events().stream()
                        .anyMatch(
                            e ->
                                e.payload() instanceof EventPayload.Escalated x
                                    && x.cause() == EscalationCause.BREACH))
            .findFirst()
            .orElseThrow();
    // The escalation follows a breach of the lead's clock.
    List<EventType> types = breached.events().stream().map(CaseEvent::type).toList();
    assertThat(types.indexOf(EventType.SLA_BREACHED))
        .isLessThan(types.indexOf(EventType.ESCALATED));
  }

  @Test
  void arrivalsFollowTheRate() {
    // M/M/c scenarios expect 10,000 arrivals in the horizon: a Poisson count, standard deviation
    // 100.
    Scenario s = BuiltInScenarios.mmc(new MmcModel(6, 1, 8));
    for (int rep = 0; rep < 3; rep++) {
      assertThat(Simulator.run(s, 21, rep, Progress.NONE).value(Metric.CASES_REPORTED))
          .isCloseTo(10_000, within(400.0));
    }
  }

  @Test
  void noCaseArrivesOnAnOffDayWhenTheOffDayFactorIsZero() {
    // 2025-01-25..02-08 holds the Spring Festival holidays and a make-up Sunday (01-26).
    Scenario s =
        TestScenarios.small(Duration.ZERO, Duration.ofDays(14), Duration.ofDays(7))
            .start(java.time.LocalDateTime.of(2025, 1, 25, 0, 0))
            .offDayFactor(0)
            .casesPerResidentPerYear(0.1)
            .build();

    List<CaseFile> files = files(s, 4, new ArrayList<>());

    Set<LocalDate> days = new HashSet<>();
    for (CaseFile f : files) {
      LocalDate d = f.events().get(0).at().atZone(ChinaCalendar.calendar().zone()).toLocalDate();
      assertThat(ChinaCalendar.calendar().isWorkingDay(d)).as("reported on %s", d).isTrue();
      days.add(d);
    }
    assertThat(days).contains(LocalDate.of(2025, 1, 26)).doesNotContain(LocalDate.of(2025, 1, 29));
  }

  /**
   * Common random numbers: with the same arrivals and handling times, one more worker never makes a
   * case wait longer (first come, first served, working time only, nothing returned or escalated).
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void moreWorkersPerGridNeverIncreaseTheMeanWait(long seed) {
    Scenario base =
        Scenario.builder()
            .name("one-grid")
            .city(new CitySpec.SingleGrid(4_000))
            .casesPerResidentPerYear(3)
            .warmUp(Duration.ofDays(2))
            .horizon(Duration.ofDays(14))
            .addCategories(new CategoryMix("0102", 1, Distribution.lognormal(60, 40), 1.0))
            .slaPolicy(BuiltInScenarios.MMC_SLA)
            .build();
    double previous = Double.POSITIVE_INFINITY;
    for (int workers = 1; workers <= 4; workers++) {
      Scenario s = SweepParameter.WORKERS_PER_GRID.apply(base, Integer.toString(workers));
      double wait = Simulator.run(s, seed, 0, Progress.NONE).value(Metric.MEAN_WAIT_MINUTES);
      assertThat(wait).as("seed %s, %s workers", seed, workers).isLessThanOrEqualTo(previous);
      previous = wait;
    }
  }

  @Test
  void aRoutingPolicyThatDoesNotParseIsRefusedNamingIt() {
    Scenario s = TestScenarios.small().routingPolicy("category,region\n*,*\n").build();

    assertThatThrownBy(() -> Simulator.run(s, 1, 0, Progress.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scenario small: routing policy");
  }

  @Test
  void progressReachesTheTotalAndNeverGoesBack() {
    Scenario s = TestScenarios.small().build();
    List<long[]> updates = new ArrayList<>();

    var unused = Simulator.run(s, 1, 0, (done, total) -> updates.add(new long[] {done, total}));

    long hours = s.warmUp().plus(s.horizon()).plus(s.drain()).toHours();
    assertThat(updates).isNotEmpty();
    assertThat(updates.get(updates.size() - 1)).containsExactly(hours, hours);
    for (int i = 1; i < updates.size(); i++) {
      assertThat(updates.get(i)[0]).isGreaterThanOrEqualTo(updates.get(i - 1)[0]);
    }
    assertThat(ImmutableList.copyOf(updates).stream().mapToLong(u -> u[1]).distinct().count())
        .isEqualTo(1);
  }

  /**
   * A single grid of {@code residents} at 1,000 cases per resident per year, flat profiles and an
   * always-open calendar over 18 days (1 + 3 + 14): residents × 1000 × 18 / 365 cases expected.
   */
  private static Scenario flatSingleGrid(int residents) {
    return Scenario.builder()
        .name("flat")
        .city(new CitySpec.SingleGrid(residents))
        .warmUp(Duration.ofDays(1))
        .horizon(Duration.ofDays(3))
        .drain(Duration.ofDays(14))
        .addAllCategories(BuiltInScenarios.putian().categories())
        .casesPerResidentPerYear(1000)
        .hourlyProfile(ImmutableList.copyOf(java.util.Collections.nCopies(24, 1.0)))
        .weekdayProfile(ImmutableList.copyOf(java.util.Collections.nCopies(7, 1.0)))
        .calendar(CalendarChoice.ALWAYS_OPEN)
        .build();
  }

  @Test
  void aRunExpectingMoreCasesThanTheCap_refusedBeforeItStarts() {
    // 2,200,000 × 1000 × 18 / 365 ≈ 108.5M expected cases, above the cap of 100M
    Scenario s = flatSingleGrid(2_200_000);

    assertThatThrownBy(() -> Simulator.run(s, 1, 0, Progress.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scenario flat")
        .hasMessageContaining("108,493,151 cases")
        .hasMessageContaining("at most 100,000,000")
        .hasMessageContaining("cases-per-resident-per-year");
  }

  @Test
  void aRunExpectingFewerCasesThanTheCap_prepared() {
    // 1,800,000 × 1000 × 18 / 365 ≈ 88.8M expected cases
    Scenario s = flatSingleGrid(1_800_000);

    PreparedScenario p = PreparedScenario.of(s, CityModel.of(s.city(), s.householdsPerGrid()));

    assertThat(p.expectedCases()).isCloseTo(1_800_000 * 1000.0 * 18 / 365, within(1.0));
  }
}
