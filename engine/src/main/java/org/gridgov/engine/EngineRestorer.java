package org.gridgov.engine;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.region.RegionTree;
import org.jspecify.annotations.Nullable;

/**
 * Rebuilds an empty engine's parts from an optional {@link EngineSnapshot} and an event log (the
 * whole log, or the tail after the snapshot): the snapshot's cases are loaded as they were, then
 * each event is applied as the live engine applied it, on the calendar edition in force at its
 * instant; then every clock moves to the edition in force at the end, everything is committed at
 * once, and each loaded case's pending deadline is checked against the snapshot's.
 */
final class EngineRestorer {
  private EngineRestorer() {}

  /**
   * Loads {@code base} and replays {@code events} into the empty {@code store}; returns the
   * engine's time afterwards (the latest event instant of the snapshot's cases and the log, or a
   * later adoption), or null for no events and no adoption.
   */
  static @Nullable Instant replay(
      RegionTree tree,
      CaseStore store,
      EventApplier applier,
      EngineSnapshot base,
      Map<CaseId, CaseFacts> facts,
      List<CaseEvent> events) {
    Tx tx = store.begin();
    @Nullable Instant last = load(tree, store, base, tx);
    for (CaseEvent ev : events) {
      applier.moveTo(ev.at()); // the edition a clock started by this event counts on
      CaseRecord rec = tx.get(ev.caseId());
      if (rec == null) {
        CaseFacts f = facts.get(ev.caseId());
        checkArgument(
            f != null, "restore: no facts for case %s (event #%s)", ev.caseId(), ev.sequence());
        rec = store.newRecord(f, locationIndex(tree, f, "event #" + ev.sequence()), tx);
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
    checkDeadlines(store, base, events);
    return last;
  }

  /**
   * The tree index of the case's first location code. Every code must be a region of the tree, as
   * when the case was reported: a log or snapshot restored under a tree without one of its regions
   * is refused, naming the case and the code, instead of giving a case no region (its clocks and
   * routing would then disagree with the live engine's).
   */
  private static int locationIndex(RegionTree tree, CaseFacts f, String from) {
    int first = -1;
    for (int i = 0; i < f.locationCodes().length(); i++) {
      long code = f.locationCodes().get(i);
      int index = tree.indexOf(code);
      checkArgument(
          index >= 0,
          "restore: case %s (%s): location code %s is not a region of the tree (edition %s)",
          f.id(),
          from,
          code,
          tree.edition());
      if (i == 0) {
        first = index;
      }
    }
    return first;
  }

  /** Puts every case of {@code base} into {@code tx} as new; returns their latest event instant. */
  private static @Nullable Instant load(
      RegionTree tree, CaseStore store, EngineSnapshot base, Tx tx) {
    @Nullable Instant last = null;
    for (EngineSnapshot.CaseSnapshot c : base.cases()) {
      CaseFacts f = c.facts();
      checkArgument(
          f.id().equals(c.state().caseId()),
          "restore: snapshot case %s holds the state of case %s",
          f.id(),
          c.state().caseId());
      checkArgument(
          tx.get(f.id()) == null, "restore: snapshot holds case %s more than once", f.id());
      CaseRecord fresh = store.newRecord(f, locationIndex(tree, f, "snapshot"), tx);
      tx.put(
          new CaseRecord(
              f, fresh.ordinal(), c.state(), c.clocks(), fresh.urban(), fresh.location()));
      Instant at = c.state().lastEventAt().orElse(null);
      if (at != null && (last == null || at.isAfter(last))) {
        last = at;
      }
    }
    return last;
  }

  /**
   * Checks that each snapshot case the log did not touch has the pending deadline the snapshot
   * recorded: a snapshot whose clocks and deadlines disagree was not written by an engine.
   */
  private static void checkDeadlines(CaseStore store, EngineSnapshot base, List<CaseEvent> events) {
    if (base.cases().isEmpty()) {
      return;
    }
    Set<CaseId> touched = new HashSet<>();
    for (CaseEvent ev : events) {
      touched.add(ev.caseId());
    }
    for (EngineSnapshot.CaseSnapshot c : base.cases()) {
      CaseId id = c.facts().id();
      Optional<Instant> got = store.deadlineOf(id);
      if (!touched.contains(id) && !c.pendingDeadline().equals(got)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "restore: snapshot case %s records pending deadline %s but its clocks give %s",
                id,
                c.pendingDeadline().map(Instant::toString).orElse("none"),
                got.map(Instant::toString).orElse("none")));
      }
    }
  }
}
