package org.gridgov.simulation.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.gridgov.simulation.CalendarChoice;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.ChinaCalendar;
import org.gridgov.sla.WorkingWindow;

/** The business calendars of {@link CalendarChoice}. */
public final class Calendars {
  private Calendars() {}

  /**
   * Returns the calendar of a choice.
   *
   * @param choice the choice
   * @return the calendar (shared, immutable)
   */
  public static BusinessCalendar of(CalendarChoice choice) {
    return switch (choice) {
      case CHINA -> ChinaCalendar.calendar();
      case ALWAYS_OPEN -> AlwaysOpen.CALENDAR;
    };
  }

  private static final class AlwaysOpen {
    /** Every minute of 2000–2099 is working time, in UTC. */
    static final BusinessCalendar CALENDAR =
        BusinessCalendar.builder()
            .edition("always-open")
            .zone(ZoneOffset.UTC)
            .coverage(LocalDate.of(2000, 1, 1), LocalDate.of(2099, 12, 31))
            .weekly(EnumSet.allOf(DayOfWeek.class), List.of(WorkingWindow.parse("00:00-24:00")))
            .build();
  }
}
