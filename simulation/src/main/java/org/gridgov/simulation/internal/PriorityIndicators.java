package org.gridgov.simulation.internal;

import org.gridgov.casefile.CaseFile;
import org.gridgov.casefile.Priority;
import org.gridgov.metrics.CaseIndicators;
import org.gridgov.metrics.IndicatorQuery;

/**
 * The closing indicators of the measured cases split by priority ({@code URGENT} and the rest), for
 * the on-time closing rate by priority when priorities are on. Filled by one thread at a time (the
 * replication's filing thread, or the replication itself with an observer).
 */
final class PriorityIndicators {
  private final CaseIndicators.Accumulator urgent;
  private final CaseIndicators.Accumulator normal;

  PriorityIndicators(IndicatorQuery query) {
    this.urgent = CaseIndicators.accumulator(query);
    this.normal = CaseIndicators.accumulator(query);
  }

  /** Adds a measured case's file to its priority's indicators. */
  void add(CaseFile f) {
    (f.facts().priority() == Priority.URGENT ? urgent : normal).add(f);
  }

  /** The on-time closing rate of the urgent cases, NaN when none was due. */
  double urgentOnTime() {
    return urgent.report().onTimeClosingRate().value().orElse(Double.NaN);
  }

  /** The on-time closing rate of the other cases, NaN when none was due. */
  double normalOnTime() {
    return normal.report().onTimeClosingRate().value().orElse(Double.NaN);
  }
}
