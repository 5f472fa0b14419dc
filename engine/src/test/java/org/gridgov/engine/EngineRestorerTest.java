package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.engine.Fixture.GRID1;
import static org.gridgov.engine.Fixture.at;
import static org.gridgov.engine.Fixture.districtDispatcher;
import static org.gridgov.engine.Fixture.facts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.Priority;
import org.junit.jupiter.api.Test;

/**
 * Restoring refuses a snapshot that contradicts itself, and a log or snapshot whose cases lie in
 * regions the engine's tree does not hold, naming the cases.
 */
class EngineRestorerTest {
  /** An engine with cases C-1 (reported) and C-2 (reported and verified) in GRID1. */
  private static Fixture.Driver twoCases() {
    Fixture.Driver d = new Fixture.Driver(Fixture.config().build());
    Instant t = at("2025-03-03T09:00");
    for (String id : List.of("C-1", "C-2")) {
      d.run(
          Principal.resident("r"),
          id,
          t,
          new Command.Report(facts(id, "0101", Priority.NORMAL, CaseSource.APP, GRID1)));
    }
    d.run(districtDispatcher(), "C-2", t.plusSeconds(60), new Command.Verify(true, ""));
    return d;
  }

  @Test
  void aSnapshotCaseHoldingAnotherCasesStateIsRefused() {
    Fixture.Driver d = twoCases();
    EngineSnapshot snap = d.engine.snapshot();
    EngineSnapshot.CaseSnapshot one = snap.cases().get(0);
    EngineSnapshot.CaseSnapshot two = snap.cases().get(1);
    EngineSnapshot.CaseSnapshot crossed =
        new EngineSnapshot.CaseSnapshot(
            one.facts(),
            two.state(),
            one.clocks(),
            one.pendingDeadline(),
            one.reportCount(),
            one.breachCount(),
            one.supervision(),
            one.suggestedMerge());

    assertThatThrownBy(
            () ->
                CaseEngine.restore(
                    Fixture.config(),
                    new EngineSnapshot(List.of(crossed, two)),
                    d.facts,
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "snapshot case " + one.facts().id() + " holds the state of case " + two.facts().id());
    assertThatThrownBy(
            () ->
                CaseEngine.restore(
                    Fixture.config(), new EngineSnapshot(List.of(one, one)), d.facts, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holds case " + one.facts().id() + " more than once");
    // the snapshot as it is restores to an equal engine
    assertThat(CaseEngine.restore(Fixture.config(), snap, d.facts, List.of()).snapshot())
        .isEqualTo(snap);
  }

  /** A copy of the facts of {@code id} in {@code d} that lies in {@code codes}. */
  private static Map<CaseId, CaseFacts> movedTo(Fixture.Driver d, String id, long... codes) {
    Map<CaseId, CaseFacts> out = new LinkedHashMap<>(d.facts);
    CaseFacts f = java.util.Objects.requireNonNull(out.get(CaseId.of(id)));
    out.put(f.id(), facts(id, f.categoryCode(), f.priority(), f.source(), codes));
    return out;
  }

  @Test
  void aCaseInARegionTheTreeDoesNotHoldIsRefusedFromTheLogAndFromASnapshot() {
    Fixture.Driver d = twoCases();
    long nowhere = GRID1 + 90; // grid 091 of GRID1's community: not in the fixture's tree
    assertThat(d.engine.config().regionTree().indexOf(nowhere)).isNegative();

    // the log: refused at the case's first event, wherever its code sits in the list
    for (long[] codes : List.of(new long[] {nowhere}, new long[] {GRID1, nowhere})) {
      assertThatThrownBy(
              () -> CaseEngine.restore(Fixture.config(), movedTo(d, "C-2", codes), d.log))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(
              "restore: case C-2 (event #1): location code " + nowhere + " is not a region");
    }
    // a snapshot whose case lies there
    EngineSnapshot snap = d.engine.snapshot();
    List<EngineSnapshot.CaseSnapshot> moved = new ArrayList<>();
    for (EngineSnapshot.CaseSnapshot c : snap.cases()) {
      CaseFacts f =
          c.facts().id().equals(CaseId.of("C-1"))
              ? java.util.Objects.requireNonNull(movedTo(d, "C-1", nowhere).get(CaseId.of("C-1")))
              : c.facts();
      moved.add(
          new EngineSnapshot.CaseSnapshot(
              f,
              c.state(),
              c.clocks(),
              c.pendingDeadline(),
              c.reportCount(),
              c.breachCount(),
              c.supervision(),
              c.suggestedMerge()));
    }
    assertThatThrownBy(
            () ->
                CaseEngine.restore(Fixture.config(), new EngineSnapshot(moved), d.facts, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("restore: case C-1 (snapshot): location code " + nowhere);
    // the same log and snapshot with the regions the tree holds restore as before
    assertThat(CaseEngine.restore(Fixture.config(), d.facts, d.log).snapshot()).isEqualTo(snap);
  }
}
