package org.gridgov.simulation.internal;

import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFile;
import org.gridgov.casefile.EventPayload;
import org.gridgov.metrics.CaseIndicators;
import org.gridgov.metrics.IndicatorQuery;

/**
 * The supervision (督办) figures of the measured cases, read from their files alone: of the cases
 * registered (立案), the share put under supervision at least once, and the closing indicators of
 * those supervised (for their on-time closing rate). Filled by one thread at a time (the
 * replication's filing thread, or the replication itself with an observer).
 */
final class SupervisionIndicators {
  private final CaseIndicators.Accumulator supervised;
  private long registered;
  private long supervisedCount;

  SupervisionIndicators(IndicatorQuery query) {
    this.supervised = CaseIndicators.accumulator(query);
  }

  /** Adds a measured case's file. */
  void add(CaseFile f) {
    boolean reg = false;
    boolean sup = false;
    for (CaseEvent e : f.events()) {
      EventPayload p = e.payload();
      if (p instanceof EventPayload.Registered) {
        reg = true;
      } else if (p instanceof EventPayload.SupervisionOpened) {
        sup = true;
      }
    }
    if (reg) {
      registered++;
    }
    if (sup) {
      supervisedCount++;
      supervised.add(f);
    }
  }

  /** Supervised cases ÷ registered cases, NaN when none was registered. */
  double supervisedShare() {
    return registered == 0 ? Double.NaN : (double) supervisedCount / registered;
  }

  /** The on-time closing rate of the supervised cases, NaN when none was due. */
  double supervisedOnTime() {
    return supervised.report().onTimeClosingRate().value().orElse(Double.NaN);
  }
}
