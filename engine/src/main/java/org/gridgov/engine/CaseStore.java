package org.gridgov.engine;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseLifecycle;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.engine.internal.OrdinalTable;
import org.gridgov.sla.CaseClocks;
import org.jspecify.annotations.Nullable;

/**
 * The case store: every case the engine knows, by ordinal (report order) in an {@link
 * OrdinalTable}, with a {@link CaseIndex} from case id to ordinal and a one-entry cache of the last
 * id looked up; the open-case count; and the commit of a {@link Tx}, which also re-plans the
 * touched cases' wakes in the {@link SlaScheduler}.
 */
final class CaseStore {
  // Case id -> ordinal; the current record lives in byOrdinal, so a command that changes a known
  // case updates one array slot instead of re-hashing its id (the map changes only when a case is
  // reported or released).
  private final CaseIndex ordinals = new CaseIndex();
  // The last id looked up (by identity) and its ordinal: consecutive calls usually name the same
  // case with the same id instance, which then needs no hashing. Cleared by release.
  private @Nullable CaseId lastId;
  private long lastOrdinal;
  private final OrdinalTable<CaseRecord> byOrdinal = new OrdinalTable<>();
  private final SlaScheduler scheduler;
  private final UrbanClasses urban;
  private final Tx tx;
  private int openCount;

  CaseStore(SlaScheduler scheduler, UrbanClasses urban, EventApplier applier) {
    this.scheduler = scheduler;
    this.urban = urban;
    this.tx = new Tx(this, applier);
  }

  /** The reusable transaction of one call, emptied. */
  Tx begin() {
    return tx.begin();
  }

  /** The committed record of a case, or null if the store does not know it. */
  @SuppressWarnings(
      "ReferenceEquality") // an identity memo: an equal id of another instance is looked up
  @Nullable CaseRecord record(CaseId caseId) {
    if (caseId == lastId) {
      return byOrdinal.get(lastOrdinal);
    }
    long ordinal = ordinals.get(caseId);
    if (ordinal < 0) {
      return null;
    }
    lastId = caseId;
    lastOrdinal = ordinal;
    return byOrdinal.get(ordinal);
  }

  /** The committed record with an ordinal, or null. */
  @Nullable CaseRecord byOrdinal(long ordinal) {
    return byOrdinal.get(ordinal);
  }

  /** The ordinal the next new case gets. */
  long nextOrdinal() {
    return byOrdinal.nextOrdinal();
  }

  /** The number of known cases. */
  int size() {
    return ordinals.size();
  }

  /** The number of open cases. */
  int openCount() {
    return openCount;
  }

  /**
   * A new case's record, numbered after the ones {@code tx} added; {@code location} is the tree
   * index of its first location code (-1 if none).
   */
  CaseRecord newRecord(CaseFacts facts, int location, Tx tx) {
    return new CaseRecord(
        facts,
        byOrdinal.nextOrdinal() + tx.added(),
        CaseLifecycle.initial(facts.id()),
        CaseClocks.empty(),
        urban.of(facts, location),
        location);
  }

  /**
   * Drops a case that has ended; see {@link CaseEngine#release}.
   *
   * @return false if the store does not know the case
   * @throws IllegalStateException if the case is still open
   */
  boolean release(CaseId caseId) {
    CaseRecord r = record(caseId);
    if (r == null) {
      return false;
    }
    CaseStatus status = r.state().status();
    if (!isReleasable(status)) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "case %s is %s (%s) and still open; only a CLOSED, EVALUATED, INVALID or MERGED case"
                  + " can be released",
              caseId,
              status,
              status.chineseName()));
    }
    ordinals.remove(caseId);
    lastId = null;
    byOrdinal.remove(r.ordinal());
    scheduler.cancel(r.ordinal()); // an ended case has no clocks; this only guards the invariant
    return true;
  }

  /** The pending wake of a committed case, or empty if none or the store does not know it. */
  Optional<Instant> deadlineOf(CaseId caseId) {
    CaseRecord r = record(caseId);
    return r == null ? Optional.empty() : scheduler.deadlineOf(r.ordinal());
  }

  /** Every committed case in report order, with its pending wake. */
  EngineSnapshot snapshot() {
    ImmutableList.Builder<EngineSnapshot.CaseSnapshot> b = ImmutableList.builder();
    byOrdinal.forEach(
        r ->
            b.add(
                new EngineSnapshot.CaseSnapshot(
                    r.facts(), r.state(), r.clocks(), scheduler.deadlineOf(r.ordinal()))));
    return new EngineSnapshot(b.build());
  }

  /** Commits every change of {@code tx} and re-plans the wakes of the cases it touched. */
  @SuppressWarnings("ReferenceEquality") // unchanged clocks are the same instance
  void commit(Tx tx) {
    for (int i = 0; i < tx.count(); i++) {
      CaseRecord r = tx.rec(i);
      if (tx.isNew(i) && byOrdinal.add(r) != r.ordinal()) {
        throw new AssertionError("case " + r.facts().id() + " was added out of report order");
      }
    }
    for (int i = 0; i < tx.count(); i++) {
      CaseRecord r = tx.rec(i);
      CaseRecord before = null;
      if (tx.isNew(i)) {
        ordinals.put(r.facts().id(), r.ordinal());
      } else {
        before = byOrdinal.get(r.ordinal());
        byOrdinal.set(r.ordinal(), r);
      }
      boolean wasOpen = before != null && isOpen(before.state().status());
      openCount += (isOpen(r.state().status()) ? 1 : 0) - (wasOpen ? 1 : 0);
      // The same clocks (Verify, Accept, Check) need no new wake; keys polled by the scheduler were
      // touched there.
      if (before == null || before.clocks() != r.clocks()) {
        tx.touch(r.ordinal());
      }
    }
    int n = tx.touchedCount();
    long[] touched = tx.sortTouched();
    for (int i = 0; i < n; i++) {
      long ordinal = touched[i];
      if (i == 0 || touched[i - 1] != ordinal) {
        scheduler.replan(ordinal, Objects.requireNonNull(byOrdinal.get(ordinal)));
      }
    }
  }

  /** Whether a case in this status is open (counted by {@code openCaseCount}). */
  static boolean isOpen(CaseStatus s) {
    return switch (s) {
      case CLOSED, EVALUATED, INVALID, MERGED, NEW -> false;
      default -> true;
    };
  }

  /** Whether a case in this status may be routed (escalated, re-routed after a breach). */
  static boolean isRoutable(CaseStatus s) {
    return s == CaseStatus.REGISTERED || s == CaseStatus.DISPATCHED || s == CaseStatus.HANDLING;
  }

  /** Whether a case in this status may be released. */
  static boolean isReleasable(CaseStatus s) {
    return s == CaseStatus.CLOSED || s == CaseStatus.EVALUATED || s.isTerminal();
  }
}
