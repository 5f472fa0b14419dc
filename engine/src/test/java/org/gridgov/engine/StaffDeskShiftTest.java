package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.engine.Fixture.GRID1;
import static org.gridgov.engine.Fixture.TREE;
import static org.gridgov.engine.Fixture.at;
import static org.gridgov.engine.Fixture.districtDispatcher;
import static org.gridgov.engine.Fixture.facts;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.people.Assignment;
import org.gridgov.people.PersonId;
import org.gridgov.people.ShiftPattern;
import org.gridgov.people.ShiftRoster;
import org.gridgov.people.StaffRegistry;
import org.gridgov.people.StaffRoles;
import org.gridgov.sla.ChinaCalendar;
import org.junit.jupiter.api.Test;

/**
 * Shifts in the staff desk's assignment (排班派单): a grid with a day-shift worker (working days
 * 08:30–17:30) and a night-shift worker (every day 20:00–08:00). A case is given only to a person
 * on shift at its instant; between shifts and on a public holiday's daytime it is queued and the
 * next shift change assigns it.
 */
class StaffDeskShiftTest {
  private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
  private static final PersonId DAY = PersonId.of("p-day");
  private static final PersonId NIGHT = PersonId.of("p-night");
  private static final Principal GW = Principal.inRegion("gw-1", Role.GRID_WORKER, GRID1);
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static StaffDesk.Builder config() {
    StaffRegistry registry =
        StaffRegistry.of(
            TREE,
            StaffRoles.standard(),
            LocalDate.of(2025, 1, 1),
            List.of(
                Assignment.from(DAY, "grid_worker", GRID1, FROM),
                Assignment.from(NIGHT, "grid_worker", GRID1, FROM)));
    ShiftRoster roster =
        ShiftRoster.of(
            ChinaCalendar.calendar(),
            Map.of(
                DAY,
                ShiftPattern.of(
                    "day",
                    List.of(
                        new ShiftPattern.Window(
                            ShiftPattern.Days.WORKING_DAYS,
                            LocalTime.of(8, 30),
                            LocalTime.of(17, 30)))),
                NIGHT,
                ShiftPattern.of(
                    "night",
                    List.of(
                        new ShiftPattern.Window(
                            ShiftPattern.Days.EVERY_DAY,
                            LocalTime.of(20, 0),
                            LocalTime.of(8, 0))))));
    return StaffDesk.builder(registry).roster(roster);
  }

  /** Reports a case in GRID1 and dispatches it to the grid's office; returns the staff events. */
  private static List<StaffEvent> dispatch(Fixture.Driver d, StaffDesk desk, String id, Instant t) {
    List<CaseEvent> out = new ArrayList<>();
    out.addAll(
        d.run(
            GW,
            id,
            t,
            new Command.Report(facts(id, "0101", Priority.NORMAL, CaseSource.APP, GRID1))));
    out.addAll(d.run(GW, id, t, new Command.Verify(true, "")));
    out.addAll(d.run(districtDispatcher(), id, t, new Command.Register()));
    out.addAll(d.run(districtDispatcher(), id, t, Command.Dispatch.to(CaseEngine.officeOf(GRID1))));
    return desk.observe(out, d.engine);
  }

  @Test
  void aCaseGoesToWhoeverIsOnShiftAndWaitsForTheNextShiftOtherwise() {
    Fixture.Driver d = new Fixture.Driver(Fixture.config().build());
    StaffDesk desk = config().build();
    // Tuesday 4 March 2025, 10:00: the day worker.
    List<StaffEvent> unused = dispatch(d, desk, "c-1", at("2025-03-04T10:00"));
    assertThat(desk.assignee(CaseId.of("c-1"))).contains(DAY);
    // 18:00: between shifts, queued.
    unused = dispatch(d, desk, "c-2", at("2025-03-04T18:00"));
    assertThat(desk.assignee(CaseId.of("c-2"))).isEmpty();
    assertThat(desk.queued()).containsExactly(CaseId.of("c-2"));
    assertThat(desk.assignQueued(at("2025-03-04T19:59"))).isEmpty();
    assertThat(desk.assignQueued(at("2025-03-04T20:00")))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(StaffEvent.Kind.ASSIGNED);
              assertThat(e.caseId()).isEqualTo(CaseId.of("c-2"));
              assertThat(e.person()).contains(NIGHT);
            });
    // 07:59 next morning: still the night shift; 08:00 nobody (the day shift starts at 08:30).
    unused = dispatch(d, desk, "c-3", at("2025-03-05T07:59"));
    assertThat(desk.assignee(CaseId.of("c-3"))).contains(NIGHT);
    unused = dispatch(d, desk, "c-4", at("2025-03-05T08:00"));
    assertThat(desk.queued()).containsExactly(CaseId.of("c-4"));
    assertThat(desk.assignQueued(at("2025-03-05T08:30")))
        .singleElement()
        .satisfies(e -> assertThat(e.person()).contains(DAY));
    // Labour Day (a public holiday, a Thursday) at 10:00: the day worker is off.
    unused = dispatch(d, desk, "c-5", at("2025-05-01T10:00"));
    assertThat(desk.queued()).containsExactly(CaseId.of("c-5"));
    assertThat(desk.assignQueued(at("2025-05-01T17:00"))).isEmpty();
    assertThat(desk.assignQueued(at("2025-05-01T20:00")))
        .singleElement()
        .satisfies(e -> assertThat(e.person()).contains(NIGHT));
    assertThat(desk.loads()).isEqualTo(Map.of(DAY, 2, NIGHT, 3));
    assertThat(StaffDesk.restore(config(), desk.log()).stateImage()).isEqualTo(desk.stateImage());
  }

  /** The oracle: the two shifts written out by hand for a week with no public holiday. */
  private static Optional<PersonId> onShift(Instant t) {
    ZonedDateTime z = t.atZone(SHANGHAI);
    LocalTime c = z.toLocalTime();
    boolean weekday = z.getDayOfWeek().compareTo(DayOfWeek.FRIDAY) <= 0;
    if (weekday && !c.isBefore(LocalTime.of(8, 30)) && c.isBefore(LocalTime.of(17, 30))) {
      return Optional.of(DAY);
    }
    if (!c.isBefore(LocalTime.of(20, 0)) || c.isBefore(LocalTime.of(8, 0))) {
      return Optional.of(NIGHT);
    }
    return Optional.empty();
  }

  @Test
  void overARandomWeekEveryCaseGoesToThePersonTheHandWrittenShiftsPutOnDuty() {
    for (int seed = 0; seed < 5; seed++) {
      Random rnd = new Random(seed);
      Fixture.Driver d = new Fixture.Driver(Fixture.config().build());
      StaffDesk desk = config().build();
      Map<CaseId, Optional<PersonId>> expected = new LinkedHashMap<>();
      Instant t = at("2025-03-03T00:00");
      Instant end = at("2025-03-09T23:00");
      int queuedSeen = 0;
      for (int n = 0; t.isBefore(end); n++) {
        if (rnd.nextInt(4) == 0) {
          Optional<PersonId> who = onShift(t);
          for (StaffEvent e : desk.assignQueued(t)) {
            assertThat(e.person()).as("seed %d shift change at %s", seed, t).isEqualTo(who);
            expected.put(e.caseId(), who);
          }
          if (who.isPresent()) {
            assertThat(desk.queued()).as("seed %d at %s", seed, t).isEmpty();
          }
        } else {
          String id = "c-" + n;
          List<StaffEvent> out = dispatch(d, desk, id, t);
          Optional<PersonId> who = onShift(t);
          assertThat(out).as("seed %d case %s at %s", seed, id, t).hasSize(1);
          assertThat(out.get(0).kind())
              .isEqualTo(who.isPresent() ? StaffEvent.Kind.ASSIGNED : StaffEvent.Kind.QUEUED);
          assertThat(out.get(0).person()).isEqualTo(who);
          expected.put(CaseId.of(id), who);
          queuedSeen += who.isEmpty() ? 1 : 0;
        }
        t = t.plus(Duration.ofMinutes(5 + rnd.nextInt(240)));
      }
      assertThat(queuedSeen).as("seed %d queued some", seed).isPositive();
      expected.forEach((id, who) -> assertThat(desk.assignee(id)).isEqualTo(who));
      assertThat(StaffDesk.restore(config(), desk.log()).stateImage()).isEqualTo(desk.stateImage());
    }
  }
}
