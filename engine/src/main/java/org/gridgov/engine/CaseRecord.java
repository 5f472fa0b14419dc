package org.gridgov.engine;

import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseState;
import org.gridgov.region.UrbanRuralClass;
import org.gridgov.sla.CaseClocks;

/**
 * One case as the engine holds it: facts, report order (its ordinal), lifecycle state, running
 * clocks, the region class its SLA rules use and the tree index of its first location (-1 if none).
 */
record CaseRecord(
    CaseFacts facts,
    long ordinal,
    CaseState state,
    CaseClocks clocks,
    UrbanRuralClass urban,
    int location) {

  /** This record with other clocks; the same record if they are the same instance. */
  @SuppressWarnings("ReferenceEquality") // the same instance means nothing moved
  CaseRecord withClocks(CaseClocks newClocks) {
    return newClocks == clocks
        ? this
        : new CaseRecord(facts, ordinal, state, newClocks, urban, location);
  }
}
