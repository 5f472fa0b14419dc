package org.gridgov.benchmarks.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.WorkingWindow;

/**
 * The naive baseline: a calendar that answers by stepping through local time one minute at a time,
 * the way many workflow engines do. Same data as a {@link BusinessCalendar} (weekly windows and
 * dated days, copied into its own hash maps), minute resolution, and no DST subtlety (it steps
 * local clock minutes). Used only as a benchmark baseline and as an independent cross-check in the
 * benchmark module's tests.
 */
public final class MinuteSteppingCalendar {
  private final ZoneId zone;
  private final Map<DayOfWeek, List<WorkingWindow>> weekly = new EnumMap<>(DayOfWeek.class);
  private final Map<LocalDate, List<WorkingWindow>> dated = new HashMap<>();

  /**
   * Copies a calendar's definition.
   *
   * @param source the calendar whose data to copy
   */
  public MinuteSteppingCalendar(BusinessCalendar source) {
    this.zone = source.zone();
    for (DayOfWeek d : DayOfWeek.values()) {
      weekly.put(d, source.weeklyWindows(d));
    }
    source.datedDays().forEach((date, day) -> dated.put(date, day.windows()));
  }

  private List<WorkingWindow> windows(LocalDate date) {
    List<WorkingWindow> w = dated.get(date);
    return w != null ? w : weekly.getOrDefault(date.getDayOfWeek(), List.of());
  }

  private boolean isWorking(LocalDateTime t) {
    int s = t.toLocalTime().toSecondOfDay();
    for (WorkingWindow w : windows(t.toLocalDate())) {
      if (s >= w.startSecondOfDay() && s < w.endSecondOfDayExclusive()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds working days with the same-clock-time rule by stepping minutes: move to the first working
   * minute, then step until the N-th further working day is reached and the clock shows at least
   * the start's time inside a window.
   *
   * @param start the start (seconds are truncated to the minute)
   * @param days the number of working days
   * @return the deadline
   */
  public Instant plusWorkingDays(Instant start, int days) {
    LocalDateTime t = LocalDateTime.ofInstant(start, zone).withSecond(0).withNano(0);
    while (!isWorking(t)) {
      t = t.plusMinutes(1);
    }
    int clock = t.toLocalTime().toSecondOfDay();
    LocalDate day = t.toLocalDate();
    int counted = 0;
    while (true) {
      t = t.plusMinutes(1);
      if (!t.toLocalDate().equals(day)) {
        day = t.toLocalDate();
        if (!windows(day).isEmpty()) {
          counted++;
        }
      }
      if (counted == days && t.toLocalTime().toSecondOfDay() >= clock && isWorking(t)) {
        return t.atZone(zone).toInstant();
      }
    }
  }

  /**
   * Adds whole working minutes by stepping minutes.
   *
   * @param start the start (truncated to the minute)
   * @param minutes the working minutes to add
   * @return the deadline
   */
  public Instant plusWorkingMinutes(Instant start, long minutes) {
    LocalDateTime t = LocalDateTime.ofInstant(start, zone).withSecond(0).withNano(0);
    long left = minutes;
    while (left > 0) {
      if (isWorking(t)) {
        left--;
      }
      t = t.plusMinutes(1);
    }
    return t.atZone(zone).toInstant();
  }
}
