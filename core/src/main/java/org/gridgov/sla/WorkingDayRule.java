package org.gridgov.sla;

/**
 * Where a limit counted in working days ends. "5 working days" is ambiguous until this is chosen.
 * In both rules a <em>working day</em> is a local date on which the calendar has at least one
 * working window (a make-up Saturday is one, a public holiday is not).
 */
public enum WorkingDayRule {
  /**
   * Same local clock time N working days later. The start first moves to the next working instant
   * (a case registered on Saturday counts from Monday 09:00; one registered at 12:00 on a workday,
   * when the morning window ends, from 13:30). Let {@code D} be the local date of that instant and
   * {@code t} its local clock time; the deadline is clock time {@code t} on the N-th working day
   * after {@code D}. If {@code t} is not working time on that day (a short day, other windows, a
   * DST gap), the deadline is the next working instant on that day after {@code t}, or the end of
   * that day's last window if none follows.
   *
   * <p>Example (China office hours): Monday 10:30 plus 5 working days is the next Monday 10:30 when
   * no holiday intervenes.
   */
  SAME_CLOCK_TIME,
  /**
   * End of the N-th working day after the start date: the start's local date itself never counts
   * (whether or not it is a working day, and at whatever time the case started); the deadline is
   * the end of the last working window of the N-th working day after it.
   *
   * <p>Example (China office hours): anything registered on Monday, with 5 working days, is due the
   * next Monday at 17:30 when no holiday intervenes.
   */
  END_OF_WORKING_DAY
}
