package org.gridgov.engine;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Objects;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.EventPayload;
import org.gridgov.sla.SlaClock;
import org.jspecify.annotations.Nullable;

/**
 * The pending changes of one call: the records it changed or added and the events it emitted;
 * nothing reaches the {@link CaseStore} until its commit. Most calls touch one case, so the changed
 * records sit in a small array searched linearly; an index map is made only past {@value
 * #TX_LINEAR} cases (restore, large advances).
 */
final class Tx implements RoutingApplier.Emitter {
  private static final int TX_LINEAR = 8;

  private final CaseStore store;
  private final EventApplier applier;
  private @Nullable CaseRecord[] recs = new CaseRecord[4];
  private boolean[] isNew = new boolean[4];
  private int count;
  private int added;
  private @Nullable HashMap<CaseId, Integer> index;
  private final ArrayList<CaseEvent> out = new ArrayList<>(8);
  private long[] touched = new long[4];
  private int touchedCount;

  Tx(CaseStore store, EventApplier applier) {
    this.store = store;
    this.applier = applier;
  }

  /** Forgets the previous call's changes; returns this. */
  @CanIgnoreReturnValue
  Tx begin() {
    Arrays.fill(recs, 0, count, null);
    count = 0;
    added = 0;
    index = null;
    out.clear();
    touchedCount = 0;
    return this;
  }

  /** The number of changed or added records. */
  int count() {
    return count;
  }

  /** The i-th changed or added record. */
  CaseRecord rec(int i) {
    return Objects.requireNonNull(recs[i]);
  }

  /** Whether the i-th record is a case this call added. */
  boolean isNew(int i) {
    return isNew[i];
  }

  /** The number of cases this call added (new ordinals are numbered past the store's). */
  int added() {
    return added;
  }

  /** The case as this call sees it, or null if neither the call nor the store knows it. */
  @Nullable CaseRecord get(CaseId id) {
    int i = find(id);
    return i >= 0 ? rec(i) : store.record(id);
  }

  /** As {@link #get(CaseId)} for a known case by its ordinal, without hashing its id. */
  @Nullable CaseRecord get(long ordinal) {
    if (index == null) {
      for (int i = 0; i < count; i++) {
        if (rec(i).ordinal() == ordinal) {
          return rec(i);
        }
      }
      return store.byOrdinal(ordinal);
    }
    CaseRecord committed = store.byOrdinal(ordinal);
    return committed == null ? null : get(committed.facts().id());
  }

  private int find(CaseId id) {
    HashMap<CaseId, Integer> idx = index;
    if (idx != null) {
      Integer i = idx.get(id);
      return i == null ? -1 : i;
    }
    for (int i = 0; i < count; i++) {
      CaseId other = rec(i).facts().id();
      if (other == id || other.equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /** Records a case's new record (replacing this call's earlier one). */
  void put(CaseRecord r) {
    CaseId id = r.facts().id();
    int i = find(id);
    if (i >= 0) {
      recs[i] = r;
      return;
    }
    if (count == recs.length) {
      recs = Arrays.copyOf(recs, count * 2);
      isNew = Arrays.copyOf(isNew, count * 2);
    }
    boolean fresh = r.ordinal() >= store.nextOrdinal(); // new cases are numbered from nextOrdinal
    recs[count] = r;
    isNew[count] = fresh;
    if (fresh) {
      added++;
    }
    HashMap<CaseId, Integer> idx = index;
    if (idx != null) {
      idx.put(id, count);
    } else if (count + 1 > TX_LINEAR) {
      idx = new HashMap<>();
      for (int k = 0; k <= count; k++) {
        idx.put(rec(k).facts().id(), k);
      }
      index = idx;
    }
    count++;
  }

  /** Marks a case whose next wake the commit must re-plan. */
  void touch(long ordinal) {
    if (touchedCount == touched.length) {
      touched = Arrays.copyOf(touched, touchedCount * 2);
    }
    touched[touchedCount++] = ordinal;
  }

  /** The number of touched ordinals (with repeats); {@link #sortTouched} first. */
  int touchedCount() {
    return touchedCount;
  }

  /**
   * Sorts the touched ordinals in place and returns them (the first {@link #touchedCount} slots; an
   * ordinal may repeat).
   */
  long[] sortTouched() {
    if (touchedCount > 1) {
      Arrays.sort(touched, 0, touchedCount);
    }
    return touched;
  }

  @CanIgnoreReturnValue
  @Override
  public CaseRecord emit(CaseRecord rec, Instant at, Actor actor, EventPayload payload) {
    return emit(rec, at, actor, payload, null);
  }

  /** Emits an event; {@code started} is as for {@link EventApplier#apply}. */
  @CanIgnoreReturnValue
  CaseRecord emit(
      CaseRecord rec, Instant at, Actor actor, EventPayload payload, @Nullable SlaClock started) {
    CaseEvent ev =
        CaseEvent.of(rec.facts().id(), rec.state().lastSequence() + 1, at, actor, payload);
    CaseRecord next = applier.apply(rec, ev, started);
    // The commit schedules each case's next warning; find it now (clocks memoise it), so that a
    // warning past the calendar's coverage refuses the call here, before anything is committed.
    var unused = next.clocks().nextWarningAtOr(null);
    put(next);
    out.add(ev);
    return next;
  }

  /** The events emitted, in order. */
  ImmutableList<CaseEvent> events() {
    return out.size() == 1 ? ImmutableList.of(out.get(0)) : ImmutableList.copyOf(out);
  }
}
