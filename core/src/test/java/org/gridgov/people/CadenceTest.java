package org.gridgov.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Random;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.ChinaCalendar;
import org.junit.jupiter.api.Test;

/** Sittings on the China calendar: holidays move a sitting, make-up workdays hold one. */
class CadenceTest {
  private static final BusinessCalendar CAL = ChinaCalendar.calendar();

  private static Instant at(String local) {
    return OffsetDateTime.parse(local + "+08:00").toInstant();
  }

  @Test
  void monthlySittingOnAHolidayMovesToTheNextWorkingDay() {
    Cadence firstOfMonth = Cadence.monthly(1, LocalTime.of(14, 30));
    // 2025-05-01..05 is the Labour Day holiday: the sitting moves to Tuesday 05-06.
    assertThat(firstOfMonth.nextSitting(at("2025-04-15T10:00"), CAL))
        .isEqualTo(at("2025-05-06T14:30"));
    // 2025-06-01 is a Sunday: Monday 06-02 is the Dragon Boat holiday too, so Tuesday 06-03.
    assertThat(firstOfMonth.nextSitting(at("2025-05-06T14:30"), CAL))
        .isEqualTo(at("2025-06-03T14:30"));
  }

  @Test
  void monthlyOnThe31stSitsOnTheLastDayOfShortMonths() {
    Cadence last = Cadence.monthly(31, LocalTime.of(9, 0));
    // 2025-02-28 is a Friday and a working day.
    assertThat(last.nextSitting(at("2025-02-06T00:00"), CAL)).isEqualTo(at("2025-02-28T09:00"));
    // January's sitting on the 31st lies in the Spring Festival holiday: it sits on 02-05.
    assertThat(last.nextSitting(at("2025-02-01T00:00"), CAL)).isEqualTo(at("2025-02-05T09:00"));
  }

  @Test
  void weeklySittingIsStrictlyAfterAndFollowsMakeUpWorkdays() {
    Cadence wednesday = Cadence.weekly(DayOfWeek.WEDNESDAY, LocalTime.of(15, 0));
    assertThat(wednesday.nextSitting(at("2025-03-05T15:00"), CAL))
        .isEqualTo(at("2025-03-12T15:00"));
    assertThat(wednesday.nextSitting(at("2025-03-05T14:59"), CAL))
        .isEqualTo(at("2025-03-05T15:00"));
    Cadence sunday = Cadence.weekly(DayOfWeek.SUNDAY, LocalTime.of(10, 0));
    // Sunday 2025-04-27 is a make-up workday (调休): the meeting sits on it.
    assertThat(sunday.nextSitting(at("2025-04-26T10:00"), CAL)).isEqualTo(at("2025-04-27T10:00"));
    // Sunday 05-04 lies in the Labour Day holiday: Tuesday 05-06.
    assertThat(sunday.nextSitting(at("2025-04-27T10:00"), CAL)).isEqualTo(at("2025-05-06T10:00"));
  }

  @Test
  void withinIsNaturalTime() {
    Cadence fourHours = Cadence.within(Duration.ofHours(4));
    assertThat(fourHours.nextSitting(at("2025-10-01T22:00"), CAL))
        .isEqualTo(at("2025-10-02T02:00"));
    assertThatThrownBy(() -> Cadence.within(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT0S");
    assertThatThrownBy(() -> Cadence.monthly(32, LocalTime.NOON)).hasMessageContaining("not 32");
  }

  /**
   * Oracle: walk day by day from the instant's date, take every date the rule names, move it to a
   * working day, and keep the first instant after the start.
   */
  @Test
  void nextSittingIsTheEarliestRuleDateMovedToAWorkingDay() {
    Random rnd = new Random(21);
    for (int i = 0; i < 400; i++) {
      Instant start =
          at("2024-01-01T00:00").plus(Duration.ofMinutes(rnd.nextInt(3 * 365 * 24 * 60)));
      int dom = 1 + rnd.nextInt(31);
      DayOfWeek dow = DayOfWeek.of(1 + rnd.nextInt(7));
      LocalTime time = LocalTime.of(rnd.nextInt(24), 15 * rnd.nextInt(4));
      assertThat(Cadence.monthly(dom, time).nextSitting(start, CAL))
          .as("monthly %d %s after %s", dom, time, start)
          .isEqualTo(
              oracle(start, time, d -> d.getDayOfMonth() == Math.min(dom, d.lengthOfMonth())));
      assertThat(Cadence.weekly(dow, time).nextSitting(start, CAL))
          .as("weekly %s %s after %s", dow, time, start)
          .isEqualTo(oracle(start, time, d -> d.getDayOfWeek() == dow));
    }
  }

  private static Instant oracle(
      Instant start, LocalTime time, java.util.function.Predicate<LocalDate> ruleDay) {
    LocalDate d = ZonedDateTime.ofInstant(start, CAL.zone()).toLocalDate().minusDays(40);
    @org.jspecify.annotations.Nullable Instant best = null;
    for (int k = 0; k < 200; k++, d = d.plusDays(1)) {
      if (!ruleDay.test(d)) {
        continue;
      }
      LocalDate w = d;
      while (!CAL.isWorkingDay(w)) {
        w = w.plusDays(1);
      }
      Instant t = w.atTime(time).atZone(CAL.zone()).toInstant();
      if (t.isAfter(start) && (best == null || t.isBefore(best))) {
        best = t;
      }
    }
    return java.util.Objects.requireNonNull(best);
  }
}
