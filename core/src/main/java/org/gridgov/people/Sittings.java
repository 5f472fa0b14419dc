package org.gridgov.people;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.gridgov.sla.BusinessCalendar;

/** Helpers of {@link Cadence}: a sitting day moved to the next working day. */
final class Sittings {
  private static final int MAX_SKIP = 40;

  private Sittings() {}

  /** The sitting instant on {@code day}, or on the first working day after it, at {@code time}. */
  static Instant onWorkingDay(LocalDate day, LocalTime time, BusinessCalendar calendar) {
    LocalDate d = day;
    for (int i = 0; i < MAX_SKIP && !calendar.isWorkingDay(d); i++) {
      d = d.plusDays(1);
    }
    return d.atTime(time).atZone(calendar.zone()).toInstant();
  }
}
