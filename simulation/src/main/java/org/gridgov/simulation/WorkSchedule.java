package org.gridgov.simulation;

/** When grid workers and office staff work on cases. */
public enum WorkSchedule {
  /** Around the clock, every day (the queueing-theory test bed). */
  ALWAYS,
  /**
   * The scenario calendar's working time (for the China calendar: 09:00–12:00 and 13:30–17:30 on
   * workdays).
   */
  WORKING_TIME
}
