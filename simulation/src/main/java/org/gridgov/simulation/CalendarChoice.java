package org.gridgov.simulation;

/**
 * The business calendar a scenario runs on: for SLA deadlines, work schedules and off-day arrivals.
 */
public enum CalendarChoice {
  /**
   * {@link org.gridgov.sla.ChinaCalendar}: official holidays and make-up workdays 2007–2026, then
   * provisional years predicted from the statutory rules (the report says when a run reaches them).
   */
  CHINA,
  /** Every minute is working time (no off days): the queueing-theory test bed. */
  ALWAYS_OPEN
}
