package org.gridgov.people;

import com.google.common.base.Preconditions;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;
import org.gridgov.sla.BusinessCalendar;

/**
 * When a {@link DeliberationBody} sits, on a {@link BusinessCalendar}: monthly on a day, weekly on
 * a weekday, or within a natural limit of the referral (a quick decision within hours; a mediation
 * within days).
 *
 * <p>Rule for a sitting day that is not a working day of the calendar (a public holiday, a weekend
 * that is not a make-up workday): the sitting moves to the next working day, same clock time (so
 * January's sitting on the 28th may sit in February after the Spring Festival). The next working
 * day is looked for up to 40 days on: a calendar with a longer run of days off (none that China's
 * has) keeps the sitting on the 40th day, so that a calendar without working days cannot stall the
 * search. The next sitting is the earliest such sitting strictly after the instant asked about.
 */
public sealed interface Cadence {

  /**
   * Returns the first sitting strictly after {@code after}.
   *
   * @param after the instant (a referral, or a sitting that deferred the matter)
   * @param calendar the calendar whose working days sittings fall on
   * @return the instant of the next sitting
   * @throws org.gridgov.sla.OutsideCalendarException if the calendar does not cover the dates
   */
  Instant nextSitting(Instant after, BusinessCalendar calendar);

  /**
   * Monthly on a day (the month's last day when it is shorter), at a clock time.
   *
   * @param dayOfMonth 1 to 31
   * @param time the clock time in the calendar's zone
   * @return the cadence
   */
  static Cadence monthly(int dayOfMonth, LocalTime time) {
    return new Monthly(dayOfMonth, time);
  }

  /**
   * Weekly on a weekday, at a clock time.
   *
   * @param day the weekday
   * @param time the clock time in the calendar's zone
   * @return the cadence
   */
  static Cadence weekly(DayOfWeek day, LocalTime time) {
    return new Weekly(day, time);
  }

  /**
   * Within a natural duration of the referral.
   *
   * @param limit the limit, positive
   * @return the cadence
   */
  static Cadence within(Duration limit) {
    return new Within(limit);
  }

  /**
   * Monthly sittings.
   *
   * @param dayOfMonth 1 to 31
   * @param time the clock time in the calendar's zone
   */
  record Monthly(int dayOfMonth, LocalTime time) implements Cadence {
    /**
     * Validates.
     *
     * @param dayOfMonth the dayOfMonth component
     * @param time the time component
     */
    public Monthly {
      Preconditions.checkArgument(
          dayOfMonth >= 1 && dayOfMonth <= 31,
          "a monthly sitting's day of month is 1..31, not %s",
          dayOfMonth);
      Objects.requireNonNull(time, "time");
    }

    @Override
    public Instant nextSitting(Instant after, BusinessCalendar calendar) {
      // A month back: that month's sitting may have moved past a long holiday to after `after`.
      // The sitting of the month after `after`'s own month is after it: at most three are tried.
      YearMonth month = YearMonth.from(after.atZone(calendar.zone())).minusMonths(1);
      Instant t = sitting(month, calendar);
      while (!t.isAfter(after)) {
        month = month.plusMonths(1);
        t = sitting(month, calendar);
      }
      return t;
    }

    private Instant sitting(YearMonth month, BusinessCalendar calendar) {
      LocalDate day = month.atDay(Math.min(dayOfMonth, month.lengthOfMonth()));
      return Sittings.onWorkingDay(day, time, calendar);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "monthly on day %d at %s", dayOfMonth, time);
    }
  }

  /**
   * Weekly sittings.
   *
   * @param day the weekday
   * @param time the clock time in the calendar's zone
   */
  record Weekly(DayOfWeek day, LocalTime time) implements Cadence {
    /**
     * Validates.
     *
     * @param day the day component
     * @param time the time component
     */
    public Weekly {
      Objects.requireNonNull(day, "day");
      Objects.requireNonNull(time, "time");
    }

    @Override
    public Instant nextSitting(Instant after, BusinessCalendar calendar) {
      LocalDate d =
          after
              .atZone(calendar.zone())
              .toLocalDate()
              .with(TemporalAdjusters.previousOrSame(day))
              .minusWeeks(1); // an earlier week's sitting may have moved past a holiday
      // Two weeks on, d is after `after`'s date: at most three sittings are tried.
      Instant t = Sittings.onWorkingDay(d, time, calendar);
      while (!t.isAfter(after)) {
        d = d.plusWeeks(1);
        t = Sittings.onWorkingDay(d, time, calendar);
      }
      return t;
    }

    @Override
    public String toString() {
      return "weekly on " + day + " at " + time;
    }
  }

  /**
   * A limit from the referral, in natural time (急事快议: hours).
   *
   * @param limit the limit, positive
   */
  record Within(Duration limit) implements Cadence {
    /**
     * Validates.
     *
     * @param limit the limit component
     */
    public Within {
      Objects.requireNonNull(limit, "limit");
      Preconditions.checkArgument(
          !limit.isNegative() && !limit.isZero(), "a limit must be positive, not %s", limit);
    }

    @Override
    public Instant nextSitting(Instant after, BusinessCalendar calendar) {
      return after.plus(limit);
    }

    @Override
    public String toString() {
      return "within " + limit;
    }
  }
}
