package org.gridgov.engine;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseState;
import org.gridgov.sla.CaseClocks;

/**
 * Everything that determines an engine's future output, as a comparable value: per case, in report
 * order, its facts, state, clocks and pending deadline. Two engines with equal snapshots produce
 * equal events for equal future calls (apart from retries of remembered command ids, which are not
 * part of it).
 *
 * <p>It is also a restore point: {@link CaseEngine#restore(EngineConfig, EngineSnapshot,
 * java.util.Map, java.util.List)} rebuilds from it and the events written after it the engine a
 * replay of the whole log gives. Each case's clocks carry their calendar edition and the state its
 * last event instant, so the engine's time (the latest of them) and the edition in force follow
 * from the snapshot and the configuration's editions; the pending deadline is checked against the
 * clocks on restore. Report order is the list order (ordinals are renumbered; only their order
 * matters). The command-id memory is left out, as in a replay: durable idempotency is the store's.
 *
 * @param cases the known cases, in report order
 */
public record EngineSnapshot(ImmutableList<CaseSnapshot> cases) {

  /**
   * Copies the cases.
   *
   * @param cases the cases, in report order
   */
  public EngineSnapshot(List<CaseSnapshot> cases) {
    this(ImmutableList.copyOf(cases));
  }

  /**
   * Validates.
   *
   * @param cases the cases
   */
  public EngineSnapshot {
    Objects.requireNonNull(cases, "cases");
  }

  /**
   * One case of a snapshot.
   *
   * @param facts the case's facts
   * @param state its lifecycle state
   * @param clocks its running and paused SLA clocks
   * @param pendingDeadline the instant its next SLA warning or breach is queued for, if any
   * @param reportCount how many reports the case stands for (itself and its repeats), {@code >= 1}
   * @param breachCount how many SLA breaches it had on clocks other than a supervision's, {@code >=
   *     0}
   * @param supervision its latest supervision, if it was ever supervised
   */
  public record CaseSnapshot(
      CaseFacts facts,
      CaseState state,
      CaseClocks clocks,
      Optional<Instant> pendingDeadline,
      int reportCount,
      int breachCount,
      Optional<Supervision> supervision,
      Optional<CaseId> suggestedMerge) {
    /**
     * Validates.
     *
     * @param facts the facts
     * @param state the state
     * @param clocks the clocks
     * @param pendingDeadline the pending deadline
     * @param reportCount the report count, {@code >= 1}
     * @param breachCount the breach count, {@code >= 0}
     * @param supervision the latest supervision
     * @param suggestedMerge the case a pending merge suggestion (建议合并) names, if any
     */
    public CaseSnapshot {
      Objects.requireNonNull(suggestedMerge, "suggestedMerge");
      Objects.requireNonNull(facts, "facts");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(clocks, "clocks");
      Objects.requireNonNull(pendingDeadline, "pendingDeadline");
      Objects.requireNonNull(supervision, "supervision");
      if (reportCount < 1) {
        throw new IllegalArgumentException(
            "snapshot case " + facts.id() + ": reportCount " + reportCount + ", expected >= 1");
      }
      if (breachCount < 0) {
        throw new IllegalArgumentException(
            "snapshot case " + facts.id() + ": breachCount " + breachCount + ", expected >= 0");
      }
    }

    /**
     * A case snapshot without a pending merge suggestion.
     *
     * @param facts the facts
     * @param state the state
     * @param clocks the clocks
     * @param pendingDeadline the pending deadline
     * @param reportCount the report count, {@code >= 1}
     * @param breachCount the breach count, {@code >= 0}
     * @param supervision the latest supervision
     */
    public CaseSnapshot(
        CaseFacts facts,
        CaseState state,
        CaseClocks clocks,
        Optional<Instant> pendingDeadline,
        int reportCount,
        int breachCount,
        Optional<Supervision> supervision) {
      this(
          facts,
          state,
          clocks,
          pendingDeadline,
          reportCount,
          breachCount,
          supervision,
          Optional.empty());
    }

    /**
     * A case snapshot without annex data: one report, no breach, never supervised.
     *
     * @param facts the facts
     * @param state the state
     * @param clocks the clocks
     * @param pendingDeadline the pending deadline
     */
    public CaseSnapshot(
        CaseFacts facts, CaseState state, CaseClocks clocks, Optional<Instant> pendingDeadline) {
      this(facts, state, clocks, pendingDeadline, 1, 0, Optional.empty(), Optional.empty());
    }
  }
}
