package org.gridgov.engine;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseState;
import org.gridgov.sla.CaseClocks;

/**
 * The read side of an engine: what the facade's queries answer from the committed {@link
 * CaseStore}, its {@link CaseAnnex} and the {@link SlaScheduler}, and the release of ended cases
 * from both stores. Never changes a case.
 */
final class CaseQueries {
  private final CaseStore store;
  private final CaseAnnex annex;

  CaseQueries(CaseStore store, CaseAnnex annex) {
    this.store = store;
    this.annex = annex;
  }

  /** The state of a known case; see {@link CaseEngine#state}. */
  Optional<CaseState> state(CaseId caseId) {
    CaseRecord r = store.record(caseId); // one Optional, not two: simulators ask after each command
    return r == null ? Optional.empty() : Optional.of(r.state());
  }

  /** The facts of a known case; see {@link CaseEngine#facts}. */
  Optional<CaseFacts> facts(CaseId caseId) {
    CaseRecord r = store.record(caseId);
    return r == null ? Optional.empty() : Optional.of(r.facts());
  }

  /** The clocks of a known case; see {@link CaseEngine#clocks}. */
  Optional<CaseClocks> clocks(CaseId caseId) {
    return Optional.ofNullable(store.record(caseId)).map(CaseRecord::clocks);
  }

  /** The earliest pending level of a known case; see {@link CaseEngine#nextDeadline}. */
  Optional<Instant> nextDeadline(CaseId caseId) {
    CaseRecord r = store.record(caseId);
    return r == null ? Optional.empty() : r.clocks().nextWarningAt();
  }

  /** How many reports a known case stands for; see {@link CaseEngine#reportCount}. */
  OptionalInt reportCount(CaseId caseId) {
    return store.record(caseId) == null
        ? OptionalInt.empty()
        : OptionalInt.of(annex.committed(caseId).reportCount());
  }

  /** The latest supervision of a known case; see {@link CaseEngine#supervision}. */
  Optional<Supervision> supervision(CaseId caseId) {
    return store.record(caseId) == null
        ? Optional.empty()
        : Optional.ofNullable(annex.committed(caseId).supervision());
  }

  /** Drops an ended case from the store and the annex; see {@link CaseEngine#release}. */
  boolean release(CaseId caseId) {
    CaseRecord r = store.record(Objects.requireNonNull(caseId, "caseId"));
    boolean released = store.release(caseId);
    if (released && r != null) {
      annex.release(caseId, r.facts());
    }
    return released;
  }

  /** Every committed case with its pending wake and annex; see {@link CaseEngine#snapshot}. */
  EngineSnapshot snapshot() {
    ImmutableList.Builder<EngineSnapshot.CaseSnapshot> b = ImmutableList.builder();
    for (EngineSnapshot.CaseSnapshot c : store.snapshot().cases()) {
      CaseAnnex.Entry e = annex.committed(c.facts().id());
      b.add(
          new EngineSnapshot.CaseSnapshot(
              c.facts(),
              c.state(),
              c.clocks(),
              c.pendingDeadline(),
              e.reportCount(),
              e.breachCount(),
              Optional.ofNullable(e.supervision()),
              Optional.ofNullable(e.suggestedInto())));
    }
    return new EngineSnapshot(b.build());
  }
}
