package org.gridgov.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridgov.people.PersonId;
import org.gridgov.people.ShiftPattern;
import org.gridgov.people.ShiftPattern.Days;
import org.gridgov.people.ShiftPattern.Window;
import org.gridgov.people.ShiftRoster;
import org.gridgov.simulation.CalendarChoice;
import org.gridgov.simulation.Roster;
import org.gridgov.sla.BusinessCalendar;
import org.junit.jupiter.api.Test;

/**
 * The roster's on-duty intervals against core's {@link ShiftRoster#onDuty} (the oracle) at random
 * instants over a run that crosses the 2026 National Day holidays and make-up workdays, and the
 * absences against their rate.
 */
class RosterModelTest {
  private static final BusinessCalendar CHINA = Calendars.of(CalendarChoice.CHINA);

  private static final Roster ROSTER =
      Roster.of(
          List.of(
              ShiftPattern.of(
                  "day",
                  List.of(
                      new Window(Days.WORKING_DAYS, LocalTime.of(9, 0), LocalTime.of(12, 0)),
                      new Window(Days.WORKING_DAYS, LocalTime.of(13, 30), LocalTime.of(17, 30)))),
              ShiftPattern.of(
                  "night",
                  List.of(new Window(Days.EVERY_DAY, LocalTime.of(17, 30), LocalTime.of(9, 0)))),
              ShiftPattern.of(
                  "odd",
                  List.of(
                      new Window(Days.REST_DAYS, LocalTime.of(22, 0), LocalTime.of(6, 0)),
                      new Window(Days.WORKING_DAYS, LocalTime.of(8, 0), LocalTime.of(12, 0)),
                      new Window(Days.WORKING_DAYS, LocalTime.of(11, 0), LocalTime.of(14, 0)),
                      new Window(Days.EVERY_DAY, LocalTime.of(23, 0), LocalTime.of(23, 30))))),
          0);

  private static final long FROM =
      LocalDateTime.of(2026, 9, 20, 0, 0).atZone(CHINA.zone()).toInstant().toEpochMilli();
  private static final long TO = FROM + 30L * 86_400_000L;

  @Test
  void onDutyAndCapacityAgreeWithCoresShiftRosterAtRandomInstants() {
    int workers = 5;
    RosterModel m = new RosterModel(ROSTER, workers, CHINA, FROM, TO);
    Map<PersonId, ShiftPattern> patterns = new HashMap<>();
    for (int w = 0; w < workers; w++) {
      patterns.put(PersonId.of("w" + w), ROSTER.shiftOf(w));
    }
    ShiftRoster oracle = ShiftRoster.of(CHINA, patterns);
    SplittableRandom r = new SplittableRandom(7);
    int onDuty = 0;
    for (int k = 0; k < 20_000; k++) {
      // random instants, a quarter of them on a window boundary
      long t = FROM + r.nextLong(TO - FROM);
      if (k % 4 == 0) {
        t = t - t % 1_800_000L;
      }
      int expected = 0;
      for (int w = 0; w < workers; w++) {
        boolean duty = oracle.onDuty(PersonId.of("w" + w), Instant.ofEpochMilli(t));
        assertThat(m.dutyDay(w % 3, t) != Long.MIN_VALUE)
            .as("worker %s at %s", w, t)
            .isEqualTo(duty);
        expected += duty ? 1 : 0;
      }
      assertThat(m.capacity(3, t, 42)).isEqualTo(expected);
      onDuty += expected;
    }
    assertThat(onDuty).isGreaterThan(20_000);
  }

  @Test
  void nextStartIsTheFirstInstantAfterWhichSomebodyComesOnDuty() {
    RosterModel m = new RosterModel(ROSTER, 2, CHINA, FROM, TO);
    SplittableRandom r = new SplittableRandom(3);
    for (int k = 0; k < 200; k++) {
      long t = FROM + r.nextLong(TO - FROM - 3 * 86_400_000L);
      long next = m.nextStart(t);
      assertThat(next).isGreaterThan(t);
      // some pattern comes on duty at next: off (or in another spell) just before, on at next
      boolean starts = false;
      for (int p = 0; p < 3; p++) {
        starts |= m.dutyDay(p, next) != Long.MIN_VALUE && m.dutyDay(p, next - 1) == Long.MIN_VALUE;
      }
      assertThat(starts).isTrue();
    }
  }

  @Test
  void theCursorAnswersAsNextStartAtEveryForwardStepIncludingTheStartsThemselves() {
    RosterModel m = new RosterModel(ROSTER, 3, CHINA, FROM, TO);
    RosterModel.StartCursor cursor = m.new StartCursor();
    SplittableRandom r = new SplittableRandom(5);
    long t = FROM;
    int onAStart = 0;
    while (t < TO) {
      long expected = m.nextStart(t);
      assertThat(cursor.nextStart(t)).as("t = %d", t).isEqualTo(expected);
      assertThat(cursor.nextStart(t)).as("asked twice at %d", t).isEqualTo(expected);
      // step: a little, to just before the answer, or onto it (as a simulation's clock does)
      int how = r.nextInt(3);
      long step = how == 0 ? 1 + r.nextLong(600_000L) : how == 1 ? expected - 1 - t : expected - t;
      onAStart += how == 2 ? 1 : 0;
      t += Math.max(1, step);
    }
    assertThat(onAStart).isGreaterThan(10);
  }

  @Test
  void absencesFollowTheirRateAndOnlyLowerTheCapacity() {
    Roster withAbsences = Roster.of(ROSTER.shifts(), 0.25);
    RosterModel present = new RosterModel(ROSTER, 3, CHINA, FROM, TO);
    RosterModel absent = new RosterModel(withAbsences, 3, CHINA, FROM, TO);
    long hits = 0;
    long trials = 0;
    for (int st = 0; st < 200; st++) {
      for (int w = 0; w < 3; w++) {
        for (long d = 20_000; d < 20_030; d++) {
          trials++;
          hits += absent.absent(99, st, w, d) ? 1 : 0;
        }
      }
    }
    double sigma = Math.sqrt(0.25 * 0.75 / trials);
    assertThat((double) hits / trials).isBetween(0.25 - 4 * sigma, 0.25 + 4 * sigma);
    SplittableRandom r = new SplittableRandom(5);
    for (int k = 0; k < 2_000; k++) {
      long t = FROM + r.nextLong(TO - FROM);
      assertThat(absent.capacity(k % 50, t, 99))
          .isLessThanOrEqualTo(present.capacity(k % 50, t, 99));
    }
  }
}
