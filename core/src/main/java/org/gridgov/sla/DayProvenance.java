package org.gridgov.sla;

/**
 * Where a calendar day's declaration comes from: a published schedule, or a prediction that a
 * published schedule will replace.
 *
 * <p>The built-in {@link ChinaCalendar} is {@link #OFFICIAL} for every year whose State Council
 * notice it carries, and {@link #PROVISIONAL} for the years after, which it predicts from the
 * statutory rules ({@code ChinaHolidayRules}). A deadline computed over a provisional day is still
 * exact arithmetic on the calendar as it stands; it may move when the official notice is loaded as
 * a new edition ({@link CalendarEditions}), and the engine then reports the move as a {@code
 * DeadlineRevised} event.
 */
public enum DayProvenance {
  /** Declared from a published schedule (or a calendar that predicts nothing). */
  OFFICIAL,
  /**
   * Predicted for a year whose schedule is not published yet; an official notice will replace it.
   */
  PROVISIONAL
}
