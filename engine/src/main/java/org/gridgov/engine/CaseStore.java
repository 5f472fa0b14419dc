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
import org.gridgov.region.RegionTree;
import org.gridgov.sla.CaseClocks;
import org.jspecify.annotations.Nullable;

/**
 * The case store: every case the engine knows, by ordinal (report order) in an {@link
 * OrdinalTable}, with a {@link CaseIndex} from case id to ordinal and a one-entry cache of the last
 * id looked up; the open-case count; and the commit of a {@link Tx}, which also re-plans the
 * touched cases' wakes in the {@link SlaScheduler}.
 *
 * <p>Only the cases touched lately (at most {@link #DEFAULT_HOT_CASES} distinct ones committed or
 * read, chosen by the {@link HotRing}) are held as {@link CaseRecord}s; a case that drops out of
 * that ring is held in primitive columns ({@link CompactCase}) and made a record again when next
 * read; a case that ends (closed, evaluated, invalid or merged) is encoded at the next commit of
 * another case (unless released first) and keeps its record only until it leaves the ring, which it
 * does first unless touched again. Which form a case is in never shows: a compact case decodes to a
 * record equal to the one encoded, and one that the columns cannot hold exactly stays a record.
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
  private final OrdinalTable<Object> byOrdinal =
      new OrdinalTable<>(); // CaseRecord, CompactCase or Ended
  private final CompactTables tables;
  private final HotRing hot; // which cases are held as records
  private long lastHot = -1;
  private long endedPending = -1; // the case that ended at the last commit, not yet encoded
  private int compactCount;
  private final SlaScheduler scheduler;
  private final UrbanClasses urban;
  private final Tx tx;
  private int openCount;

  /** How many distinct cases touched lately are held as records by default. */
  static final int DEFAULT_HOT_CASES = EngineConfig.DEFAULT_HOT_CASES;

  CaseStore(
      SlaScheduler scheduler,
      UrbanClasses urban,
      EventApplier applier,
      int hotCases,
      RegionTree tree) {
    this.hot = new HotRing(hotCases);
    this.scheduler = scheduler;
    this.urban = urban;
    this.tables = new CompactTables(tree);
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
      return byOrdinal(lastOrdinal);
    }
    long ordinal = ordinals.get(caseId);
    if (ordinal < 0) {
      return null;
    }
    lastId = caseId;
    lastOrdinal = ordinal;
    return byOrdinal(ordinal);
  }

  /** The committed record with an ordinal, or null; a compact case becomes a record again. */
  @Nullable CaseRecord byOrdinal(long ordinal) {
    Object e = byOrdinal.get(ordinal);
    if (e instanceof CompactCase c) {
      CaseRecord r = c.decode(ordinal, tables);
      byOrdinal.set(ordinal, r);
      compactCount--;
      touchHot(ordinal);
      return r;
    }
    if (e instanceof Ended d) {
      touchHot(ordinal);
      return d.record();
    }
    return (CaseRecord) e;
  }

  /** The number of cases held in columns (for tests and measurement). */
  int compactCount() {
    return compactCount;
  }

  /**
   * Marks an ordinal touched in the {@link HotRing}; the case that leaves the ring to make room is
   * compacted (if it is still a record and the columns can hold it).
   */
  private void touchHot(long ordinal) {
    if (ordinal == lastHot) {
      return;
    }
    lastHot = ordinal;
    long out = hot.touch(ordinal);
    if (out < 0) {
      return;
    }
    Object e = byOrdinal.get(out);
    if (e instanceof CaseRecord r) {
      CompactCase c = CompactCase.encode(r, tables);
      if (c != null) {
        byOrdinal.set(out, c);
        compactCount++;
      }
    } else if (e instanceof Ended d) {
      byOrdinal.set(out, d.compact());
    }
  }

  /** A committed entry as a record, decoded without storing it back (snapshots, commit). */
  private @Nullable CaseRecord peek(long ordinal) {
    Object e = byOrdinal.get(ordinal);
    if (e == null) {
      return null;
    }
    return e instanceof CompactCase c ? c.decode(ordinal, tables) : record(e);
  }

  /** The record of an entry that is not a {@link CompactCase}. */
  private static CaseRecord record(Object e) {
    return e instanceof Ended d ? d.record() : (CaseRecord) e;
  }

  /** Whether an entry counts as held in columns. */
  private static boolean inColumns(@Nullable Object e) {
    return e instanceof CompactCase || e instanceof Ended;
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
    if (inColumns(byOrdinal.get(r.ordinal()))) {
      compactCount--;
    }
    byOrdinal.remove(r.ordinal());
    hot.forget(r.ordinal());
    if (r.ordinal() == lastHot) {
      lastHot = -1;
    }
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
        e -> {
          CaseRecord r =
              e instanceof CompactCase c ? c.decode(ordinals.get(c.id()), tables) : record(e);
          b.add(
              new EngineSnapshot.CaseSnapshot(
                  r.facts(), r.state(), r.clocks(), scheduler.deadlineOf(r.ordinal())));
        });
    return new EngineSnapshot(b.build());
  }

  /** Commits every change of {@code tx} and re-plans the wakes of the cases it touched. */
  @SuppressWarnings("ReferenceEquality") // unchanged clocks are the same instance
  void commit(Tx tx) {
    if (endedPending >= 0) {
      encodePendingUnlessIn(tx);
    }
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
        before = peek(r.ordinal());
        if (inColumns(byOrdinal.get(r.ordinal()))) {
          compactCount--;
        }
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
        scheduler.replan(ordinal, Objects.requireNonNull(byOrdinal(ordinal)));
      }
    }
    for (int i = 0; i < tx.count(); i++) {
      CaseRecord r = tx.rec(i);
      if (isReleasable(r.state().status())) {
        endedCase(r.ordinal());
      } else {
        touchHot(r.ordinal());
      }
    }
  }

  /**
   * An ended case is the first to leave the ring. If the ring is full it is also encoded at the
   * next commit of another case, while its objects are still in the processor's cache (encoding it
   * when it leaves the ring cost a cache miss for every object it read); not at its own commit,
   * because a release or another command on the same case (closing its supervision, its evaluation)
   * often follows at once and would waste the encoding. Its record is kept beside the columns until
   * it leaves the ring: a visit, an evaluation or a release soon after the end reads the record
   * instead of decoding the columns, and leaving the ring then only drops the record. While the
   * ring has room, the record is within what the embedder allowed: the case stays a record, encoded
   * only if it leaves the ring before it is released (an engine sized for every case it holds, as
   * the simulator's, then never encodes a case it releases).
   */
  private void endedCase(long ordinal) {
    touchHot(ordinal);
    hot.cool(ordinal);
    lastHot = -1;
    if (endedPending != ordinal) {
      encodePending();
      endedPending = hot.hasRoom() ? -1 : ordinal;
    }
  }

  /**
   * Encodes the case that ended at the last commit, unless it was released since or is about to be
   * committed again (a release or another command on the same case usually follows the end at once,
   * and then the encoding would be wasted).
   */
  private void encodePendingUnlessIn(Tx next) {
    long o = endedPending;
    for (int i = 0; i < next.count(); i++) {
      if (next.rec(i).ordinal() == o) {
        return;
      }
    }
    encodePending();
  }

  /** Encodes the pending ended case if it is still a record and still ended. */
  private void encodePending() {
    long o = endedPending;
    endedPending = -1;
    if (o >= 0 && byOrdinal.get(o) instanceof CaseRecord r && isReleasable(r.state().status())) {
      CompactCase c = CompactCase.encode(r, tables);
      if (c != null) {
        byOrdinal.set(o, new Ended(r, c));
        compactCount++;
      }
    }
  }

  /** An ended case's columns and, while it is in the ring, its record. */
  private record Ended(CaseRecord record, CompactCase compact) {}

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
