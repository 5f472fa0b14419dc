package org.gridgov.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.EventPayload;
import org.jspecify.annotations.Nullable;

/**
 * The engine-side store of what a case's supervision and repeat reports add to it, kept beside the
 * {@link CaseStore} and keyed by case: the report count, the SLA breach count and the {@link
 * Supervision}; and, when the policy links repeat reports, an index of the cases by category and
 * first location code. Every value is a fold of the events the {@link EventApplier} applies ({@link
 * #applied}), pending until the call commits ({@link #commit}), so the restore of a log rebuilds it
 * exactly. Cases at their initial entry (one report, no breach, never supervised) take no memory.
 */
final class CaseAnnex {

  /**
   * What the annex knows of one case.
   *
   * @param reportCount how many reports the case stands for, {@code >= 1}
   * @param breachCount how many SLA breaches it had (clocks other than the supervision's)
   * @param supervision its latest supervision, or null if never supervised
   */
  record Entry(int reportCount, int breachCount, @Nullable Supervision supervision) {
    static final Entry INITIAL = new Entry(1, 0, null);

    /** Whether a supervision is open. */
    boolean supervised() {
      return supervision != null && supervision.isOpen();
    }

    /** The entry after one more event of the case. */
    Entry apply(CaseEvent e) {
      EventPayload p = e.payload();
      Supervision s = supervision;
      return switch (p.type()) {
        case REPEAT_REPORTED ->
            new Entry(((EventPayload.RepeatReported) p).reportCount(), breachCount, s);
        case SLA_BREACHED ->
            ClockId.SUPERVISION.name().equals(((EventPayload.SlaBreached) p).clockId())
                ? this
                : new Entry(reportCount, breachCount + 1, s);
        case SUPERVISION_OPENED -> {
          EventPayload.SupervisionOpened o = (EventPayload.SupervisionOpened) p;
          yield new Entry(
              reportCount,
              breachCount,
              new Supervision(
                  o.level(), e.at(), o.dueAt(), 0, 0, Optional.empty(), Optional.empty()));
        }
        case URGED -> {
          Supervision x = Objects.requireNonNull(s, "urged without supervision");
          yield new Entry(
              reportCount,
              breachCount,
              new Supervision(
                  x.level(),
                  x.openedAt(),
                  x.dueAt(),
                  x.urgeCount() + 1,
                  x.escalationCount(),
                  x.closedAt(),
                  x.finding()));
        }
        case SUPERVISION_ESCALATED -> {
          Supervision x = Objects.requireNonNull(s, "escalated without supervision");
          EventPayload.SupervisionEscalated es = (EventPayload.SupervisionEscalated) p;
          yield new Entry(
              reportCount,
              breachCount,
              new Supervision(
                  es.toLevel(),
                  x.openedAt(),
                  es.dueAt(),
                  x.urgeCount(),
                  x.escalationCount() + 1,
                  x.closedAt(),
                  x.finding()));
        }
        case SUPERVISION_CLOSED -> {
          Supervision x = Objects.requireNonNull(s, "closed without supervision");
          yield new Entry(
              reportCount,
              breachCount,
              new Supervision(
                  x.level(),
                  x.openedAt(),
                  x.dueAt(),
                  x.urgeCount(),
                  x.escalationCount(),
                  Optional.of(e.at()),
                  Optional.of(((EventPayload.SupervisionClosed) p).finding())));
        }
        default -> this;
      };
    }
  }

  /** The repeat index's key: a category at a location code. */
  private record Place(String categoryCode, long locationCode) {}

  private final HashMap<CaseId, Entry> entries = new HashMap<>();
  private final HashMap<CaseId, Entry> pending = new HashMap<>();
  private final List<CaseFacts> pendingIndexed = new ArrayList<>();
  private final List<CaseFacts> pendingUnindexed = new ArrayList<>();
  private final @Nullable HashMap<Place, List<CaseId>> places;

  /**
   * Creates an empty annex.
   *
   * @param indexPlaces whether to keep the repeat index (the policy links repeat reports)
   */
  CaseAnnex(boolean indexPlaces) {
    this.places = indexPlaces ? new HashMap<>() : null;
  }

  /** The entry of a case as the current call sees it (its pending changes first). */
  Entry entry(CaseId id) {
    Entry e = pending.get(id);
    return e != null ? e : committed(id);
  }

  /** The committed entry of a case (the initial entry for a case the annex has nothing on). */
  Entry committed(CaseId id) {
    Entry e = entries.get(id);
    return e == null ? Entry.INITIAL : e;
  }

  /**
   * Folds an event the {@link EventApplier} applied into the current call's pending changes (live
   * and in restore alike).
   */
  void applied(CaseFacts facts, CaseEvent ev) {
    switch (ev.type()) {
      case REPEAT_REPORTED,
          SLA_BREACHED,
          SUPERVISION_OPENED,
          URGED,
          SUPERVISION_ESCALATED,
          SUPERVISION_CLOSED -> {
        Entry before = entry(ev.caseId());
        Entry after = before.apply(ev);
        if (!after.equals(before)) {
          pending.put(ev.caseId(), after);
        }
      }
      case REPORTED -> {
        if (places != null) {
          pendingIndexed.add(facts);
        }
      }
      case MERGED, VERIFICATION_FAILED -> {
        if (places != null) {
          pendingUnindexed.add(facts);
        }
      }
      default -> {}
    }
  }

  /**
   * Takes a restored snapshot case into the current call's pending changes: its entry, and its
   * place in the repeat index as a replay of its events would leave it (reported, not merged or
   * invalid).
   */
  void loaded(EngineSnapshot.CaseSnapshot c) {
    Entry e = new Entry(c.reportCount(), c.breachCount(), c.supervision().orElse(null));
    if (!e.equals(Entry.INITIAL)) {
      pending.put(c.facts().id(), e);
    }
    CaseStatus st = c.state().status();
    if (places != null && st != CaseStatus.MERGED && st != CaseStatus.INVALID) {
      pendingIndexed.add(c.facts());
    }
  }

  /** Makes the current call's changes the committed ones. */
  void commit() {
    entries.putAll(pending);
    HashMap<Place, List<CaseId>> idx = places;
    if (idx != null) {
      for (CaseFacts f : pendingIndexed) {
        idx.computeIfAbsent(placeOf(f), k -> new ArrayList<>(2)).add(f.id());
      }
      for (CaseFacts f : pendingUnindexed) {
        removeFromIndex(idx, f);
      }
    }
    discard();
  }

  /** Forgets the current call's changes (a refused or failed call). */
  void discard() {
    pending.clear();
    pendingIndexed.clear();
    pendingUnindexed.clear();
  }

  private static Place placeOf(CaseFacts f) {
    return new Place(f.categoryCode(), f.locationCodes().get(0));
  }

  private static void removeFromIndex(Map<Place, List<CaseId>> idx, CaseFacts f) {
    Place p = placeOf(f);
    List<CaseId> ids = idx.get(p);
    if (ids != null) {
      ids.remove(f.id());
      if (ids.isEmpty()) {
        idx.remove(p);
      }
    }
  }

  /**
   * The case a new report repeats: the latest reported case of the same category at the same first
   * location code that is open, or closed at most {@code window} before {@code at}. Cases the store
   * no longer knows, or closed longer ago than the window, leave the index on the way.
   */
  Optional<CaseRecord> repeatTarget(
      CaseFacts report, Instant at, java.time.Duration window, CaseStore store) {
    HashMap<Place, List<CaseId>> idx = places;
    if (idx == null) {
      return Optional.empty();
    }
    Place p = placeOf(report);
    List<CaseId> ids = idx.get(p);
    if (ids == null) {
      return Optional.empty();
    }
    Optional<CaseRecord> found = Optional.empty();
    for (int i = ids.size() - 1; i >= 0; i--) {
      CaseRecord r = store.record(ids.get(i));
      if (r == null || stale(r.state(), at, window)) {
        ids.remove(i);
        continue;
      }
      if (found.isEmpty()) {
        found = Optional.of(r);
      }
    }
    if (ids.isEmpty()) {
      idx.remove(p);
    }
    return found;
  }

  private static boolean stale(CaseState s, Instant at, java.time.Duration window) {
    if (CaseStore.isOpen(s.status())) {
      return false;
    }
    Optional<Instant> closed = s.closedAt();
    return closed.isEmpty() || closed.get().plus(window).isBefore(at);
  }

  /** Forgets a released case. */
  void release(CaseId id, CaseFacts facts) {
    entries.remove(id);
    HashMap<Place, List<CaseId>> idx = places;
    if (idx != null) {
      removeFromIndex(idx, facts);
    }
  }
}
