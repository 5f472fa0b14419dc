package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFile;
import org.gridgov.casefile.CaseLifecycle;
import org.gridgov.casefile.EventPayload;
import org.gridgov.people.ShiftPattern;
import org.gridgov.people.ShiftPattern.Days;
import org.gridgov.people.ShiftPattern.Window;
import org.gridgov.region.RegionLevel;
import org.gridgov.routing.Handler;
import org.gridgov.simulation.internal.CityModel;
import org.gridgov.simulation.internal.PreparedScenario;
import org.gridgov.simulation.internal.Replication;
import org.junit.jupiter.api.Test;

/**
 * Shift handover (交接班, issue #22): with {@code mechanisms.handover} a rostered grid worker stops at
 * the end of the on-duty window and the case goes to the next worker of the grid on duty; without
 * it the worker finishes past the end (the roster's documented behaviour). The effect: grid cases
 * are resolved only while a worker is on duty, some cases are handed over, and the time to close
 * grows (no more overtime), on the same seed.
 */
class ShiftHandoverTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final LocalTime MORNING = LocalTime.of(9, 0);
  private static final LocalTime NOON = LocalTime.of(12, 0);
  private static final LocalTime AFTERNOON = LocalTime.of(13, 30);
  private static final LocalTime EVENING = LocalTime.of(17, 30);

  /** The benchmarks' all-mechanisms roster: working days 09:00–12:00 and 13:30–17:30. */
  private static final ShiftPattern DAY =
      ShiftPattern.of(
          "day",
          List.of(
              new Window(Days.WORKING_DAYS, MORNING, NOON),
              new Window(Days.WORKING_DAYS, AFTERNOON, EVENING)));

  private static Scenario.Builder oneWorker() {
    Scenario putian = BuiltInScenarios.putian();
    return Scenario.builder()
        .name("handover")
        .city(new CitySpec.OfTree(TestScenarios.SMALL_CITY))
        .warmUp(Duration.ofDays(1))
        .horizon(Duration.ofDays(4))
        .drain(Duration.ofDays(14))
        .addAllCategories(putian.categories())
        .staffing(putian.staffing().withWorkersPerGrid(1))
        .travel(putian.travel())
        .roster(Roster.of(List.of(DAY), 0));
  }

  private record Run(List<CaseFile> files, ReplicationResult result) {}

  private static Run run(Scenario s) {
    List<CaseFile> files = new ArrayList<>();
    PreparedScenario p = PreparedScenario.of(s, CityModel.of(s.city(), s.householdsPerGrid()));
    ReplicationResult r = Replication.run(p, 21, 0, "", Progress.NONE, files::add);
    for (CaseFile f : files) {
      assertThat(CaseLifecycle.replay(f.facts().id(), f.events())).isEqualTo(f.state());
    }
    return new Run(files, r);
  }

  private static String gridOffice(CaseFile f) {
    return Handler.officeId(
        TestScenarios.SMALL_CITY
            .get(f.facts().locationCodes().get(0))
            .ancestorAt(RegionLevel.GRID)
            .orElseThrow()
            .code());
  }

  /** Whether t (local) lies in an on-duty window of the DAY pattern, its end included. */
  private static boolean onDuty(ZonedDateTime t) {
    LocalTime time = t.toLocalTime();
    boolean weekday = t.getDayOfWeek().getValue() <= 5; // the horizon has no holiday
    return weekday
        && ((!time.isBefore(MORNING) && !time.isAfter(NOON))
            || (!time.isBefore(AFTERNOON) && !time.isAfter(EVENING)));
  }

  /** Resolutions by a grid office (the handler that last accepted) outside its on-duty windows. */
  private static long resolvedOffDuty(List<CaseFile> files) {
    long n = 0;
    for (CaseFile f : files) {
      String grid = gridOffice(f);
      String holder = "";
      for (CaseEvent e : f.events()) {
        if (e.payload() instanceof EventPayload.Accepted a) {
          holder = a.handlerId();
        } else if (e.payload() instanceof EventPayload.Resolved
            && holder.equals(grid)
            && !onDuty(e.at().atZone(SHANGHAI))) {
          n++;
        }
      }
    }
    return n;
  }

  @Test
  void withHandoverGridCasesAreResolvedOnlyOnDutyAndTakeLongerToClose() {
    Run off = run(oneWorker().build());
    Run on = run(oneWorker().handover(true).build());

    assertThat(resolvedOffDuty(off.files()))
        .as("without handover a worker finishes past the end of the window")
        .isGreaterThan(20);
    assertThat(resolvedOffDuty(on.files())).isZero();
    double share = on.result().value(Metric.HANDOVER_SHARE);
    assertThat(share).isGreaterThan(0.02).isLessThan(1);
    assertThat(off.result().value(Metric.HANDOVER_SHARE)).isNaN();
    assertThat(on.result().value(Metric.MEAN_HOURS_TO_CLOSE))
        .isGreaterThan(off.result().value(Metric.MEAN_HOURS_TO_CLOSE));
    assertThat(on.result().value(Metric.CASES_REPORTED))
        .as("the same arrivals")
        .isEqualTo(off.result().value(Metric.CASES_REPORTED));
  }

  @Test
  void handoverWithoutARosterIsRefusedNamingTheKey() {
    Scenario.Builder noRoster =
        TestScenarios.small(Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1))
            .handover(true);

    assertThatThrownBy(noRoster::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mechanisms.handover needs a roster");
  }
}
