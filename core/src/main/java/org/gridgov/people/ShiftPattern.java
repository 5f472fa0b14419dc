package org.gridgov.people;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import org.gridgov.sla.BusinessCalendar;

/**
 * A shift pattern on a {@link BusinessCalendar} (排班): the windows in which a person is on duty,
 * each on the calendar's working days (public holidays off, make-up workdays on), its rest days, or
 * every day. A window whose end is not after its start runs past midnight into the next day (a
 * night shift 20:00–08:00); it belongs to the day it starts on.
 *
 * @param code the pattern's code, 1 to 64 characters of {@code a-z 0-9 _ -}
 * @param windows the windows, not empty
 */
public record ShiftPattern(String code, ImmutableList<Window> windows) {

  /**
   * Validates.
   *
   * @param code the code component
   * @param windows the windows component
   */
  public ShiftPattern {
    Objects.requireNonNull(code, "code");
    Preconditions.checkArgument(
        PeopleCodes.isCode(code),
        "a shift pattern code is 1 to 64 characters of a-z 0-9 _ -, not '%s'",
        code.length() > 64 ? code.substring(0, 64) : code);
    windows = ImmutableList.copyOf(windows);
    Preconditions.checkArgument(!windows.isEmpty(), "shift pattern %s has no window", code);
  }

  /**
   * Creates a pattern.
   *
   * @param code the code
   * @param windows the windows
   * @return the pattern
   */
  public static ShiftPattern of(String code, List<Window> windows) {
    return new ShiftPattern(code, ImmutableList.copyOf(windows));
  }

  /**
   * Returns whether the pattern is on duty at {@code t}: a window that starts on {@code t}'s local
   * date or (past midnight) on the day before contains it, start inclusive, end exclusive.
   *
   * @param t the instant
   * @param calendar the calendar, for the zone and the working days
   * @return whether on duty
   * @throws org.gridgov.sla.OutsideCalendarException if the calendar does not cover the dates
   */
  public boolean onDuty(Instant t, BusinessCalendar calendar) {
    ZonedDateTime local = t.atZone(calendar.zone());
    LocalDate today = local.toLocalDate();
    LocalTime now = local.toLocalTime();
    for (Window w : windows) {
      boolean overnight = !w.end().isAfter(w.start());
      if (w.days().includes(today, calendar)
          && !now.isBefore(w.start())
          && (overnight || now.isBefore(w.end()))) {
        return true;
      }
      if (overnight && now.isBefore(w.end()) && w.days().includes(today.minusDays(1), calendar)) {
        return true;
      }
    }
    return false;
  }

  /** The days a window applies to. */
  public enum Days {
    /** The calendar's working days (make-up workdays included, public holidays excluded). */
    WORKING_DAYS,
    /** The calendar's rest days (weekends and public holidays; 节假日值班). */
    REST_DAYS,
    /** Every day. */
    EVERY_DAY;

    /**
     * Returns whether the date is one of these days on the calendar.
     *
     * @param date the date
     * @param calendar the calendar
     * @return whether included
     */
    public boolean includes(LocalDate date, BusinessCalendar calendar) {
      return switch (this) {
        case WORKING_DAYS -> calendar.isWorkingDay(date);
        case REST_DAYS -> !calendar.isWorkingDay(date);
        case EVERY_DAY -> true;
      };
    }
  }

  /**
   * One window of a pattern.
   *
   * @param days the days it applies to
   * @param start the clock time it starts, inclusive
   * @param end the clock time it ends, exclusive; not after {@code start} means the next day
   */
  public record Window(Days days, LocalTime start, LocalTime end) {
    /**
     * Validates.
     *
     * @param days the days component
     * @param start the start component
     * @param end the end component
     */
    public Window {
      Objects.requireNonNull(days, "days");
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
    }
  }
}
