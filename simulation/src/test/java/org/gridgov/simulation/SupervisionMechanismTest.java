package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSortedMap;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFile;
import org.gridgov.casefile.CaseLifecycle;
import org.gridgov.casefile.EventPayload;
import org.gridgov.simulation.internal.CityModel;
import org.gridgov.simulation.internal.PreparedScenario;
import org.gridgov.simulation.internal.Replication;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Supervision by the command centre (督办, issue #22): a case is supervised exactly at its first
 * breach, urged every {@code supervision-urge-hours} while open, its supervision closed after the
 * case with the finding its deadline gives; the supervised share is the files' own; and the cases
 * that breach first come, first served (the same seed with the mechanism off) close sooner when
 * supervision serves them first.
 */
class SupervisionMechanismTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final long SEED = 7;

  /** Natural-time limits, so that a wait of hours breaches whatever the calendar. */
  private static final String NATURAL_SLA =
      """
      levels     yellow@0.5 red@1.0
      whole-case *    *       *  natural P2D
      handle     *    *       *  natural PT3H
      """;

  private record Run(List<CaseFile> files, ReplicationResult result) {}

  private static Scenario.Builder loaded() {
    return loaded(15, "PT3H");
  }

  private static Scenario.Builder loaded(double rate, String handle) {
    Scenario putian = BuiltInScenarios.putian();
    return Scenario.builder()
        .name("supervision")
        .city(new CitySpec.OfTree(TestScenarios.SMALL_CITY))
        .warmUp(Duration.ofDays(1))
        .horizon(Duration.ofDays(3))
        .drain(Duration.ofDays(14))
        .casesPerResidentPerYear(rate)
        .addAllCategories(putian.categories())
        .travel(putian.travel())
        .workSchedule(WorkSchedule.ALWAYS)
        .slaPolicy(NATURAL_SLA.replace("PT3H", handle))
        .staffing(new Staffing(1, 1, 1, 1, 1, 1, ImmutableSortedMap.of()));
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

  private static @Nullable CaseEvent first(CaseFile f, Class<? extends EventPayload> type) {
    for (CaseEvent e : f.events()) {
      if (type.isInstance(e.payload())) {
        return e;
      }
    }
    return null;
  }

  @Test
  void aCaseIsSupervisedAtItsFirstBreachUrgedWhileOpenAndItsSupervisionClosedWithAFinding() {
    double urgeHours = 2;
    Scenario s = loaded().supervision(new SupervisionMechanism(1, 5, urgeHours)).build();
    Run on = run(s);

    long urgeMs = Math.round(urgeHours * 3_600_000);
    int supervised = 0;
    int urged = 0;
    for (CaseFile f : on.files()) {
      CaseEvent breach = first(f, EventPayload.SlaBreached.class);
      CaseEvent openedOrNull = first(f, EventPayload.SupervisionOpened.class);
      if (breach == null) {
        assertThat(openedOrNull).as("%s never breached", f.facts().id()).isNull();
        continue;
      }
      CaseEvent closed = first(f, EventPayload.Closed.class);
      assertThat(openedOrNull).as("%s breached: supervised", f.facts().id()).isNotNull();
      CaseEvent opened = Objects.requireNonNull(openedOrNull);
      supervised++;
      assertThat(opened.at()).as("opened at the first breach").isEqualTo(breach.at());
      Instant due = ((EventPayload.SupervisionOpened) opened.payload()).dueAt();
      List<Instant> urges = new ArrayList<>();
      CaseEvent supervisionClosed = null;
      for (CaseEvent e : f.events()) {
        if (e.payload() instanceof EventPayload.Urged) {
          urges.add(e.at());
        } else if (e.payload() instanceof EventPayload.SupervisionClosed sc) {
          supervisionClosed = e;
          assertThat(closed).isNotNull();
          assertThat(sc.finding())
              .isEqualTo(
                  Objects.requireNonNull(closed).at().isAfter(due)
                      ? "closed after the supervision's deadline"
                      : "closed by the supervision's deadline");
        }
      }
      urged += urges.size();
      // the simulator learns of the opening at the kernel event that advanced the engine past it:
      // the first urging comes at least urge-hours after the opening, then every urge-hours
      if (!urges.isEmpty()) {
        assertThat(urges.get(0)).isAfterOrEqualTo(opened.at().plusMillis(urgeMs));
      }
      for (int i = 1; i < urges.size(); i++) {
        assertThat(urges.get(i)).isEqualTo(urges.get(i - 1).plusMillis(urgeMs));
      }
      if (closed != null) {
        assertThat(supervisionClosed).as("%s's supervision closed", f.facts().id()).isNotNull();
        assertThat(Objects.requireNonNull(supervisionClosed).at()).isEqualTo(closed.at());
        if (!urges.isEmpty()) {
          Instant last = urges.get(urges.size() - 1);
          assertThat(last).as("urged only while open").isBefore(closed.at());
          assertThat(last.plusMillis(urgeMs))
              .as("%s urged every %s h until closed", f.facts().id(), urgeHours)
              .isAfterOrEqualTo(closed.at());
        }
      }
    }
    assertThat(supervised).as("supervised cases").isGreaterThan(50);
    assertThat(urged).as("urgings").isGreaterThan(0);
    assertThat(on.result().value(Metric.SUPERVISED_SHARE))
        .isEqualTo(supervisedShareOfHorizon(s, on.files()));
    assertThat(on.result().value(Metric.ON_TIME_CLOSING_RATE_SUPERVISED)).isBetween(0.0, 1.0);
  }

  /**
   * The oracle: of the horizon's registered cases (patrol off: reported = appeared), supervised.
   */
  private static double supervisedShareOfHorizon(Scenario s, List<CaseFile> files) {
    Instant from = s.start().atZone(SHANGHAI).toInstant().plus(s.warmUp());
    Instant to = from.plus(s.horizon());
    long registered = 0;
    long supervised = 0;
    for (CaseFile f : files) {
      Instant reported = f.events().get(0).at();
      if (reported.isBefore(from) || !reported.isBefore(to)) {
        continue;
      }
      if (first(f, EventPayload.Registered.class) != null) {
        registered++;
        if (first(f, EventPayload.SupervisionOpened.class) != null) {
          supervised++;
        }
      }
    }
    return (double) supervised / registered;
  }

  /** Mean hours from report to close, over the given cases (by id) that closed. */
  private static double meanHoursToClose(List<CaseFile> files, java.util.Set<String> ids) {
    double sum = 0;
    int n = 0;
    for (CaseFile f : files) {
      CaseEvent closed = first(f, EventPayload.Closed.class);
      if (ids.contains(f.facts().id().value()) && closed != null) {
        sum += Duration.between(f.events().get(0).at(), closed.at()).toMillis() / 3.6e6;
        n++;
      }
    }
    return sum / n;
  }

  private static java.util.Set<String> breached(List<CaseFile> files) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (CaseFile f : files) {
      if (first(f, EventPayload.SlaBreached.class) != null) {
        ids.add(f.facts().id().value());
      }
    }
    return ids;
  }

  @Test
  void supervisedCasesCloseSoonerAfterTheirBreachThanWithoutSupervision() {
    Run off = run(loaded().build());
    Run on = run(loaded().supervision(SupervisionMechanism.defaults()).build());

    assertThat(off.result().value(Metric.SUPERVISED_SHARE)).isNaN();
    assertThat(off.result().value(Metric.ON_TIME_CLOSING_RATE_SUPERVISED)).isNaN();
    assertThat(on.result().value(Metric.SUPERVISED_SHARE)).isGreaterThan(0.0);
    // the same problems (common random numbers: the arrivals do not depend on the mechanism)
    java.util.Set<String> late = breached(off.files());
    assertThat(late).hasSizeGreaterThan(100);
    assertThat(meanHoursToClose(on.files(), late))
        .as("the cases that breach first come, first served close sooner when supervised")
        .isLessThan(meanHoursToClose(off.files(), late));
    assertThat(on.result().value(Metric.CASES_REPORTED))
        .as("the same arrivals")
        .isEqualTo(off.result().value(Metric.CASES_REPORTED));
  }

  @Test
  void aCaseStillOpenStallHoursAfterItsRegistrationIsSupervisedThen() {
    // the breach rule out of reach: only the stalled-case rule supervises
    Scenario s = loaded().supervision(new SupervisionMechanism(250, 5, 24, 2)).build();
    Run on = run(s);

    Duration stall = Duration.ofHours(2);
    int supervised = 0;
    int closedInTime = 0;
    for (CaseFile f : on.files()) {
      CaseEvent registered = first(f, EventPayload.Registered.class);
      CaseEvent opened = first(f, EventPayload.SupervisionOpened.class);
      CaseEvent closed = first(f, EventPayload.Closed.class);
      if (registered == null) {
        assertThat(opened).isNull();
        continue;
      }
      Instant due = registered.at().plus(stall);
      if (opened != null) {
        supervised++;
        assertThat(opened.at()).as("%s supervised when it stalled", f.facts().id()).isEqualTo(due);
        assertThat(((EventPayload.SupervisionOpened) opened.payload()).reason())
            .startsWith("stalled");
        if (closed != null) {
          assertThat(closed.at()).isAfterOrEqualTo(due);
        }
      } else if (closed != null) {
        assertThat(closed.at())
            .as("%s closed before it stalled", f.facts().id())
            .isBeforeOrEqualTo(due);
        closedInTime++;
      }
    }
    assertThat(supervised).isGreaterThan(100);
    assertThat(closedInTime).isGreaterThan(100);
  }
}
