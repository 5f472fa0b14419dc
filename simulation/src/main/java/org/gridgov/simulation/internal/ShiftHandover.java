package org.gridgov.simulation.internal;

/**
 * Shift handover (交接班) at the rostered grid stations: which worker of a grid serves which case, so
 * that a service reaching the end of its worker's on-duty spell stops there and the case is handed
 * over to the next worker of the grid on duty ({@code Scenario#handover()}). A worker starts a case
 * only while on duty and present and not busy; the lowest-numbered such worker takes it. Mutable:
 * one per replication.
 */
final class ShiftHandover {
  private final RosterModel roster;
  private final long absenceKey;
  private final boolean[][] busy;

  ShiftHandover(RosterModel roster, long absenceKey, int stations) {
    this.roster = roster;
    this.absenceKey = absenceKey;
    this.busy = new boolean[stations][];
  }

  /** A worker of grid station st free to start a case at t, or -1 if none. */
  int freeWorker(int st, long t) {
    boolean[] b = busy(st);
    for (int w = 0; w < b.length; w++) {
      if (!b[w] && onDuty(st, w, t)) {
        return w;
      }
    }
    return -1;
  }

  private boolean onDuty(int st, int w, long t) {
    long d = roster.dutyDay(roster.pattern(st, w), t);
    return d != Long.MIN_VALUE && !roster.absent(absenceKey, st, w, d);
  }

  /** Worker w of station st starts a case at t: returns the end of the worker's spell. */
  long take(int st, int w, long t) {
    busy(st)[w] = true;
    return roster.spellEnd(roster.pattern(st, w), t);
  }

  /** Worker w of station st is free again (the service ended or the case was handed over). */
  void release(int st, int w) {
    busy(st)[w] = false;
  }

  private boolean[] busy(int st) {
    boolean[] b = busy[st];
    if (b == null) {
      b = new boolean[roster.workerCount(st)];
      busy[st] = b;
    }
    return b;
  }
}
