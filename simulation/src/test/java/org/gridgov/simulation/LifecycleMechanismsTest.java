package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSortedMap;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFile;
import org.gridgov.casefile.CaseLifecycle;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Satisfaction;
import org.gridgov.simulation.internal.CityModel;
import org.gridgov.simulation.internal.PreparedScenario;
import org.gridgov.simulation.internal.Replication;
import org.junit.jupiter.api.Test;

/**
 * The case-lifecycle mechanisms beyond rework (issue #22): priorities, verification failures,
 * suspensions, extensions, satisfaction visits with reopening, repeat reports. For each: every
 * replication's log replays in core's lifecycle, the mechanism's share lies within a 4-sigma
 * binomial band of its parameter, and its documented effect has the documented direction against
 * the same seed with the mechanism off (common random numbers: each mechanism has its own stream).
 */
class LifecycleMechanismsTest {
  private static final long SEED = 5;

  /** One replication's files (warm-up and drain cases too) and its result. */
  private record Run(List<CaseFile> files, ReplicationResult result) {
    double value(Metric m) {
      return result.value(m);
    }
  }

  private static Run run(Scenario s) {
    List<CaseFile> files = new ArrayList<>();
    PreparedScenario p = PreparedScenario.of(s, CityModel.of(s.city(), s.householdsPerGrid()));
    ReplicationResult r = Replication.run(p, SEED, 0, "", Progress.NONE, files::add);
    for (CaseFile f : files) {
      assertThat(CaseLifecycle.replay(f.facts().id(), f.events()))
          .as("the log of %s replays", f.facts().id())
          .isEqualTo(f.state());
    }
    return new Run(files, r);
  }

  private static Scenario.Builder scenario() {
    return TestScenarios.small(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(14));
  }

  private static Scenario with(Mechanisms m) {
    return scenario().mechanisms(m).build();
  }

  private static void assertWithin4Sigma(long hits, long trials, double p) {
    assertThat(trials).as("trials").isGreaterThan(100);
    double sigma = Math.sqrt(p * (1 - p) / trials);
    assertThat((double) hits / trials)
        .as("%s of %s against p = %s", hits, trials, p)
        .isBetween(p - 4 * sigma, p + 4 * sigma);
  }

  private static boolean has(CaseFile f, Class<? extends EventPayload> type) {
    for (CaseEvent e : f.events()) {
      if (type.isInstance(e.payload())) {
        return true;
      }
    }
    return false;
  }

  private static long count(CaseFile f, Class<? extends EventPayload> type) {
    long n = 0;
    for (CaseEvent e : f.events()) {
      if (type.isInstance(e.payload())) {
        n++;
      }
    }
    return n;
  }

  /** Minutes from the first lead dispatch to the first acceptance, or -1 if never accepted. */
  private static double waitMinutes(CaseFile f) {
    Instant dispatched = null;
    for (CaseEvent e : f.events()) {
      if (dispatched == null
          && e.payload() instanceof EventPayload.Dispatched d
          && d.role() == HandlerRole.LEAD) {
        dispatched = e.at();
      } else if (dispatched != null && e.payload() instanceof EventPayload.Accepted) {
        return Duration.between(dispatched, e.at()).toMillis() / 60_000.0;
      }
    }
    return -1;
  }

  private static double meanWait(List<CaseFile> files, Priority priority) {
    double sum = 0;
    int n = 0;
    for (CaseFile f : files) {
      double w = waitMinutes(f);
      if (f.facts().priority() == priority && w >= 0) {
        sum += w;
        n++;
      }
    }
    assertThat(n).as("accepted %s cases", priority).isGreaterThan(30);
    return sum / n;
  }

  @Test
  void everyShareZeroGivesTheBaseModelsResultsWhateverTheOtherParameters() {
    Mechanisms zero = new Mechanisms(0, 0, false, 0, 0, 5, 0, 2, 0, 3, 0, 7);

    assertThat(Simulator.run(with(zero), 11, 0, Progress.NONE))
        .isEqualTo(Simulator.run(scenario().build(), 11, 0, Progress.NONE));
    ReplicationResult base = Simulator.run(scenario().build(), 11, 0, Progress.NONE);
    assertThat(base.value(Metric.REPORTS_PER_CASE)).isEqualTo(1.0);
    assertThat(base.value(Metric.REWORK_RATE)).isEqualTo(0.0);
    assertThat(base.value(Metric.ON_TIME_CLOSING_RATE_URGENT)).isNaN();
    assertThat(base.value(Metric.ON_TIME_CLOSING_RATE_NORMAL))
        .isEqualTo(base.value(Metric.ON_TIME_CLOSING_RATE));
  }

  /**
   * Staff around the clock (no night waits) and one handler at every office and department (which
   * serve many grids each), so that cases queue and the queue rule matters.
   */
  private static Scenario.Builder queues() {
    Scenario putian = BuiltInScenarios.putian();
    return Scenario.builder()
        .name("queues")
        .city(new CitySpec.OfTree(TestScenarios.SMALL_CITY))
        .warmUp(Duration.ofDays(1))
        .horizon(Duration.ofDays(3))
        .drain(Duration.ofDays(14))
        .addAllCategories(putian.categories())
        .travel(putian.travel())
        .workSchedule(WorkSchedule.ALWAYS)
        .staffing(new Staffing(1, 1, 1, 1, 1, 1, ImmutableSortedMap.of()));
  }

  /** A tight SLA policy (one working day for everything, counted in days) that extensions help. */
  private static final String TIGHT_SLA =
      """
      levels     yellow@0.5 red@1.0
      whole-case *    *       *  working-days 1 same-clock-time
      handle     *    *       *  working-days 1 same-clock-time
      """;

  /**
   * Priorities: the urgent share is p within 4 sigma; with urgent-first, urgent cases wait no
   * longer for their first worker than with first come, first served on the same random numbers,
   * and normal cases wait no less (the strict direction needs more load than this small city gives:
   * here both means come out equal).
   */
  @Test
  void urgentFirstNeverLengthensTheUrgentCasesWait() {
    double p = 0.3;
    Run first = run(queues().mechanisms(Mechanisms.OFF.withPriorities(p, true)).build());
    Run fifo = run(queues().mechanisms(Mechanisms.OFF.withPriorities(p, false)).build());

    long urgent = first.files.stream().filter(f -> f.facts().priority() == Priority.URGENT).count();
    assertWithin4Sigma(urgent, first.files.size(), p);
    assertThat(meanWait(fifo.files, Priority.URGENT)).as("queues form").isGreaterThan(1.0);
    // at this load an urgent case rarely finds a normal one waiting ahead of it: no longer wait
    assertThat(meanWait(first.files, Priority.URGENT))
        .isLessThanOrEqualTo(meanWait(fifo.files, Priority.URGENT));
    assertThat(meanWait(first.files, Priority.NORMAL))
        .isGreaterThanOrEqualTo(meanWait(fifo.files, Priority.NORMAL));
    assertThat(first.value(Metric.ON_TIME_CLOSING_RATE_URGENT)).isBetween(0.0, 1.0);
    assertThat(first.value(Metric.ON_TIME_CLOSING_RATE_NORMAL)).isBetween(0.0, 1.0);
  }

  /**
   * Verification failures: the invalid share is p within 4 sigma; invalid reports end INVALID with
   * no registration; the same problems are reported, and grid workers are less busy.
   */
  @Test
  void invalidReportsEndAtVerificationAndLightenTheWork() {
    double p = 0.25;
    Run on = run(with(Mechanisms.OFF.withInvalidShare(p)));
    Run off = run(scenario().build());

    long invalid = 0;
    for (CaseFile f : on.files) {
      if (has(f, EventPayload.VerificationFailed.class)) {
        invalid++;
        assertThat(f.state().status()).isEqualTo(CaseStatus.INVALID);
        assertThat(has(f, EventPayload.Registered.class)).isFalse();
      }
    }
    assertWithin4Sigma(invalid, on.files.size(), p);
    assertThat(on.value(Metric.CASES_REPORTED)).isEqualTo(off.value(Metric.CASES_REPORTED));
    assertThat(on.value(Metric.WORKER_UTILISATION))
        .isLessThan(off.value(Metric.WORKER_UTILISATION));
  }

  /**
   * Suspensions: of the cases their lead finished, the suspended share is p within 4 sigma (plus a
   * little for cases resolved by a new lead after an escalation in service, which draw nothing);
   * each suspension is resumed; the time to close grows.
   */
  @Test
  void suspensionsPauseCasesAndLengthenTheTimeToClose() {
    double p = 0.3;
    Run on = run(with(Mechanisms.OFF.withSuspensions(p, 48)));
    Run off = run(scenario().build());

    long suspended = 0;
    long finished = 0;
    for (CaseFile f : on.files) {
      boolean s = has(f, EventPayload.Suspended.class);
      if (s || has(f, EventPayload.Resolved.class)) {
        finished++;
      }
      if (s) {
        suspended++;
        assertThat(count(f, EventPayload.Suspended.class)).isEqualTo(1);
        assertThat(count(f, EventPayload.Resumed.class))
            .as("resumed: %s", f.facts().id())
            .isEqualTo(f.state().status() == CaseStatus.SUSPENDED ? 0 : 1);
      }
    }
    assertWithin4Sigma(suspended, finished, p);
    assertThat(on.value(Metric.MEAN_HOURS_TO_CLOSE))
        .isGreaterThan(off.value(Metric.MEAN_HOURS_TO_CLOSE));
  }

  /**
   * Extensions: under a tight policy whose clocks count days, the extended share of the accepted
   * cases is p within 4 sigma; the on-time closing rate rises against the same seed without
   * extensions.
   */
  @Test
  void extensionsMoveDeadlinesAndRaiseTheOnTimeRate() {
    double p = 0.5;
    Run on =
        run(
            scenario()
                .slaPolicy(TIGHT_SLA)
                .mechanisms(Mechanisms.OFF.withExtensions(p, 5))
                .build());
    Run off = run(scenario().slaPolicy(TIGHT_SLA).build());

    long extended = 0;
    long accepted = 0;
    for (CaseFile f : on.files) {
      if (has(f, EventPayload.Accepted.class)) {
        accepted++;
        if (has(f, EventPayload.Extended.class)) {
          extended++;
        }
      }
    }
    assertWithin4Sigma(extended, accepted, p);
    assertThat(off.value(Metric.ON_TIME_CLOSING_RATE)).isLessThan(1.0);
    assertThat(on.value(Metric.ON_TIME_CLOSING_RATE))
        .isGreaterThan(off.value(Metric.ON_TIME_CLOSING_RATE));
  }

  /**
   * Visits and reopening: of the visits, the not-satisfied share is p within 4 sigma and each
   * reopens the case; the rework rate (返工率) rises from 0 and the time to close grows.
   */
  @Test
  void notSatisfiedVisitsReopenCasesAndRaiseTheReworkRate() {
    double p = 0.3;
    Run on = run(with(Mechanisms.OFF.withVisits(p, 24)));
    Run off = run(scenario().build());

    long visits = 0;
    long dissatisfied = 0;
    for (CaseFile f : on.files) {
      for (CaseEvent e : f.events()) {
        if (e.payload() instanceof EventPayload.Visited v) {
          visits++;
          if (v.satisfaction().orElseThrow() == Satisfaction.DISSATISFIED) {
            dissatisfied++;
          }
        }
      }
      assertThat(count(f, EventPayload.Reopened.class))
          .as("each not-satisfied visit reopens %s", f.facts().id())
          .isEqualTo(
              f.events().stream()
                  .filter(
                      e ->
                          e.payload() instanceof EventPayload.Visited v
                              && v.satisfaction().orElseThrow() == Satisfaction.DISSATISFIED)
                  .count());
    }
    assertWithin4Sigma(dissatisfied, visits, p);
    assertThat(off.value(Metric.REWORK_RATE)).isEqualTo(0.0);
    assertThat(on.value(Metric.REWORK_RATE)).isGreaterThan(0.1);
    assertThat(on.value(Metric.MEAN_HOURS_TO_CLOSE))
        .isGreaterThan(off.value(Metric.MEAN_HOURS_TO_CLOSE));
  }

  /**
   * Repeat reports: repeats of open cases are linked (the report ends MERGED into the case, whose
   * log records RepeatReported once per linked report); reports per case rises above 1; the same
   * problems are reported.
   */
  @Test
  void repeatReportsAreLinkedToTheOpenCaseAndRaiseReportsPerCase() {
    Run on = run(with(Mechanisms.OFF.withRepeats(0.6, 12)));
    Run off = run(scenario().build());

    long merged = 0;
    long linked = 0;
    for (CaseFile f : on.files) {
      if (f.state().status() == CaseStatus.MERGED) {
        merged++;
      }
      linked += count(f, EventPayload.RepeatReported.class);
    }
    assertThat(merged).isGreaterThan(30).isEqualTo(linked);
    assertThat(off.value(Metric.REPORTS_PER_CASE)).isEqualTo(1.0);
    assertThat(on.value(Metric.REPORTS_PER_CASE)).isGreaterThan(1.05);
    assertThat(on.value(Metric.CASES_REPORTED)).isEqualTo(off.value(Metric.CASES_REPORTED));
  }
}
