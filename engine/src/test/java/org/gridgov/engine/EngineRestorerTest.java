package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.engine.Fixture.GRID1;
import static org.gridgov.engine.Fixture.at;
import static org.gridgov.engine.Fixture.districtDispatcher;
import static org.gridgov.engine.Fixture.facts;

import java.time.Instant;
import java.util.List;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.Priority;
import org.junit.jupiter.api.Test;

/** Restoring from a snapshot refuses a snapshot that contradicts itself, naming the cases. */
class EngineRestorerTest {
  @Test
  void aSnapshotCaseHoldingAnotherCasesStateIsRefused() {
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
}
