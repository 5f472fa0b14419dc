package org.gridgov.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.EventPayload;
import org.jspecify.annotations.Nullable;

/**
 * The engine-side store of what a case's supervision and repeat reports add to it, kept beside the
 * {@link CaseStore} and keyed by case: the report count, the SLA breach count and the {@link
 * Supervision}; and, when the policy links repeat reports, the {@link RepeatIndex} of the cases.
 * Every value is a fold of the events the {@link EventApplier} applies ({@link #applied}), pending
 * until the call commits ({@link #commit}), so the restore of a log rebuilds it exactly. Cases at
 * their initial entry (one report, no breach, never supervised) take no memory.
 */
final class CaseAnnex {

  /**
   * What the annex knows of one case.
   *
   * @param reportCount how many reports the case stands for, {@code >= 1}
   * @param breachCount how many SLA breaches it had (clocks other than the supervision's)
   * @param supervision its latest supervision, or null if never supervised
   * @param suggestedInto the case a pending merge suggestion names, or null if none is pending
   */
  record Entry(
      int reportCount,
      int breachCount,
      @Nullable Supervision supervision,
      @Nullable CaseId suggestedInto) {
    static final Entry INITIAL = new Entry(1, 0, null, null);

    /** Whether a supervision is open. */
    boolean supervised() {
      return supervision != null && supervision.isOpen();
    }

    /** The entry after one more event of the case. */
    Entry apply(CaseEvent e) {
      EventPayload p = e.payload();
      return switch (p.type()) {
        case REPEAT_REPORTED ->
            new Entry(
                ((EventPayload.RepeatReported) p).reportCount(),
                breachCount,
                supervision,
                suggestedInto);
        case SLA_BREACHED ->
            ClockId.SUPERVISION.name().equals(((EventPayload.SlaBreached) p).clockId())
                ? this
                : new Entry(reportCount, breachCount + 1, supervision, suggestedInto);
        case MERGE_SUGGESTED ->
            new Entry(
                reportCount,
                breachCount,
                supervision,
                ((EventPayload.MergeSuggested) p).intoCaseId());
        case MERGE_DECLINED, MERGED, VERIFICATION_FAILED ->
            suggestedInto == null ? this : new Entry(reportCount, breachCount, supervision, null);
        case SUPERVISION_OPENED -> {
          EventPayload.SupervisionOpened o = (EventPayload.SupervisionOpened) p;
          yield with(
              new Supervision(
                  o.level(), e.at(), o.dueAt(), 0, 0, Optional.empty(), Optional.empty()));
        }
        case URGED -> with(open(e).urged());
        case SUPERVISION_ESCALATED -> {
          EventPayload.SupervisionEscalated es = (EventPayload.SupervisionEscalated) p;
          yield with(open(e).escalated(es.toLevel(), es.dueAt()));
        }
        case DEADLINE_REVISED -> {
          EventPayload.DeadlineRevised d = (EventPayload.DeadlineRevised) p;
          Supervision s = supervision;
          yield s == null || !ClockId.SUPERVISION.name().equals(d.clockId())
              ? this
              : with(s.revised(d.dueAt()));
        }
        case SUPERVISION_CLOSED ->
            with(open(e).closed(e.at(), ((EventPayload.SupervisionClosed) p).finding()));
        default -> this;
      };
    }

    private Entry with(Supervision s) {
      return new Entry(reportCount, breachCount, s, suggestedInto);
    }

    private Supervision open(CaseEvent e) {
      return Objects.requireNonNull(supervision, () -> e.type() + " without supervision");
    }
  }

  private final HashMap<CaseId, Entry> entries = new HashMap<>();
  // Not final: a call that changed many cases (a large advanceTo batch) leaves a large table, which
  // every later commit would iterate and clear in full; discard() then starts a fresh map instead.
  private HashMap<CaseId, Entry> pending = new HashMap<>();
  private final List<CaseFacts> pendingIndexed = new ArrayList<>();
  private final List<CaseFacts> pendingUnindexed = new ArrayList<>();
  private final @Nullable RepeatIndex places;

  /** The most pending changes a default-sized map holds without growing its table. */
  private static final int SMALL = 12;

  /**
   * Creates an empty annex.
   *
   * @param repeat the policy's repeat rule, if any: the annex keeps the repeat index for it
   */
  CaseAnnex(Optional<SupervisionPolicy.RepeatRule> repeat) {
    this.places = repeat.map(r -> new RepeatIndex(r.radiusMetres())).orElse(null);
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
          SUPERVISION_CLOSED,
          DEADLINE_REVISED,
          MERGE_SUGGESTED,
          MERGE_DECLINED ->
          fold(ev);
      case REPORTED -> {
        if (places != null) {
          pendingIndexed.add(facts);
        }
      }
      case MERGED, VERIFICATION_FAILED -> {
        fold(ev);
        if (places != null) {
          pendingUnindexed.add(facts);
        }
      }
      default -> {}
    }
  }

  private void fold(CaseEvent ev) {
    Entry before = entry(ev.caseId());
    Entry after = before.apply(ev);
    if (!after.equals(before)) {
      pending.put(ev.caseId(), after);
    }
  }

  /**
   * Takes a restored snapshot case into the current call's pending changes: its entry, and its
   * place in the repeat index as a replay of its events would leave it (reported, not merged or
   * invalid).
   */
  void loaded(EngineSnapshot.CaseSnapshot c) {
    Entry e =
        new Entry(
            c.reportCount(),
            c.breachCount(),
            c.supervision().orElse(null),
            c.suggestedMerge().orElse(null));
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
    RepeatIndex idx = places;
    if (idx != null) {
      for (CaseFacts f : pendingIndexed) {
        idx.add(f);
      }
      for (CaseFacts f : pendingUnindexed) {
        idx.remove(f);
      }
    }
    discard();
  }

  /** Forgets the current call's changes (a refused or failed call). */
  void discard() {
    if (pending.size() > SMALL) {
      pending = new HashMap<>(); // iterating and clearing cost the table's capacity, not its size
    } else {
      pending.clear();
    }
    pendingIndexed.clear();
    pendingUnindexed.clear();
  }

  /**
   * The case a new report repeats (see {@link RepeatIndex#target}), or empty when the policy does
   * not link repeats.
   */
  Optional<CaseRecord> repeatTarget(
      CaseFacts report, Instant at, java.time.Duration window, CaseStore store) {
    RepeatIndex idx = places;
    return idx == null ? Optional.empty() : idx.target(report, at, window, store);
  }

  /** Forgets a released case. */
  void release(CaseId id, CaseFacts facts) {
    entries.remove(id);
    RepeatIndex idx = places;
    if (idx != null) {
      idx.remove(facts);
    }
  }
}
