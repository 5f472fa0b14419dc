package org.gridgov.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/** The zones, weekdays and parsing shorthands the business-calendar tests share. */
final class CalendarFixtures {
  static final ZoneId SH = ZoneId.of("Asia/Shanghai");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NY = ZoneId.of("America/New_York");

  /** Monday to Friday (unmodifiable: shared by every test). */
  static final Set<DayOfWeek> MON_FRI =
      java.util.Collections.unmodifiableSet(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

  private CalendarFixtures() {}

  /** A working window from its text, e.g. {@code "09:00-17:00"}. */
  static WorkingWindow w(String text) {
    return WorkingWindow.parse(text);
  }

  /** The instant of a local date-time in a zone. */
  static Instant at(ZoneId zone, String ldt) {
    return LocalDateTime.parse(ldt).atZone(zone).toInstant();
  }
}
