package org.gridgov.sla;

/**
 * Where a limit counted in working days ends. "5 working days" is ambiguous until this is chosen.
 */
public enum WorkingDayRule {
  /**
   * The deadline is the same local clock time on the N-th following working day: a case registered on Monday at
   * 10:30 with 5 working days is due the next Monday at 10:30 (if all days between are working days). A start
   * outside working hours first moves to the next working instant.
   */
  SAME_CLOCK_TIME,
  /**
   * The deadline is the end of the last working window of the N-th working day after the start day; the start
   * day itself does not count.
   */
  END_OF_WORKING_DAY
}
