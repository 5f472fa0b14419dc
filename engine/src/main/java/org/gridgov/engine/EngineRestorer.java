package org.gridgov.engine;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.region.RegionTree;
import org.jspecify.annotations.Nullable;

/**
 * Replays an event log into an empty engine's parts: each event is applied as the live engine
 * applied it, on the calendar edition in force at its instant; then every clock moves to the
 * edition in force at the end, and everything is committed at once.
 */
final class EngineRestorer {
  private EngineRestorer() {}

  /**
   * Replays {@code events} into the empty {@code store}; returns the engine's time afterwards (the
   * last event's instant, or a later adoption), or null for an empty log with no adoption.
   */
  static @Nullable Instant replay(
      RegionTree tree,
      CaseStore store,
      EventApplier applier,
      Map<CaseId, CaseFacts> facts,
      List<CaseEvent> events) {
    Tx tx = store.begin();
    @Nullable Instant last = null;
    for (CaseEvent ev : events) {
      applier.moveTo(ev.at()); // the edition a clock started by this event counts on
      CaseRecord rec = tx.get(ev.caseId());
      if (rec == null) {
        CaseFacts f = facts.get(ev.caseId());
        checkArgument(
            f != null, "restore: no facts for case %s (event #%s)", ev.caseId(), ev.sequence());
        rec = store.newRecord(f, tree.indexOf(f.locationCodes().get(0)), tx);
      } else {
        rec = rec.withClocks(CalendarAdoption.switchAll(rec.clocks(), applier.calendar()));
      }
      tx.put(applier.apply(rec, ev));
      if (last == null || ev.at().isAfter(last)) {
        last = ev.at();
      }
    }
    // An adoption that revised no deadline left no event, but the engine's time is past it.
    Optional<Instant> adopted = applier.editions().latestAdoption();
    if (adopted.isPresent() && (last == null || adopted.get().isAfter(last))) {
      last = adopted.get();
    }
    applier.set(
        applier.editions(),
        last == null ? applier.editions().latest() : applier.editions().inForceAt(last));
    for (int i = 0; i < tx.count(); i++) {
      CaseRecord rec = tx.rec(i);
      tx.put(rec.withClocks(CalendarAdoption.switchAll(rec.clocks(), applier.calendar())));
    }
    store.commit(tx);
    return last;
  }
}
