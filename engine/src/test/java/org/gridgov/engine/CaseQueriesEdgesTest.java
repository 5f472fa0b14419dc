package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.engine.Fixture.GRID1;
import static org.gridgov.engine.Fixture.WATER;
import static org.gridgov.engine.Fixture.at;
import static org.gridgov.engine.Fixture.districtDispatcher;
import static org.gridgov.engine.Fixture.facts;
import static org.gridgov.engine.Fixture.supervisor;

import java.time.Instant;
import java.util.OptionalInt;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.Priority;
import org.junit.jupiter.api.Test;

/**
 * The read side for cases the engine does not know, and a release that forgets all of a case: what
 * its SLA breaches added beside its state (the breach count of {@link EngineSnapshot}) goes with
 * it, so that an id reported again after a release (which callers must not do, and which the engine
 * does not check) starts as any new case does: one report, no breach, never supervised.
 */
class CaseQueriesEdgesTest {
  private static final Instant T0 = at("2025-03-03T09:00"); // Monday
  private static final Instant AFTER_LEAD_BREACH = at("2025-03-06T10:00"); // 3 working days on
  private static final CaseId A = CaseId.of("A");

  private static Command cmd(String cmd, Principal who, Instant t, Command.Action a) {
    return Command.of(cmd, who, A, t, a);
  }

  private static Command report(String cmd, Instant t) {
    return cmd(
        cmd,
        Principal.resident("res"),
        t,
        new Command.Report(facts("A", "0101", Priority.NORMAL, CaseSource.APP, GRID1)));
  }

  private static int breaches(CaseEngine e) {
    return e.snapshot().cases().stream()
        .filter(c -> c.facts().id().equals(A))
        .findFirst()
        .orElseThrow()
        .breachCount();
  }

  @Test
  void anIdReportedAgainAfterItsReleaseStartsWithNoBreach() {
    CaseEngine e = Fixture.config().build();
    var unused1 = e.execute(report("r1", T0));
    var unused2 = e.execute(cmd("v1", districtDispatcher(), T0, new Command.Verify(true, "")));
    var unused3 = e.execute(cmd("g1", districtDispatcher(), T0, new Command.Register()));
    var unused4 = e.execute(cmd("d1", districtDispatcher(), T0, Command.Dispatch.to(WATER)));
    // the lead (handling) clock of 3 working days breaches on Thursday
    var unused5 = e.advanceTo(AFTER_LEAD_BREACH);
    assertThat(breaches(e)).isEqualTo(1);
    String lead = e.state(A).orElseThrow().lead().orElseThrow();
    // the breach escalated A from water to the district office, for whom the dispatcher acts
    Principal staff = districtDispatcher();
    Instant t = AFTER_LEAD_BREACH;
    var unused6 = e.execute(cmd("a1", staff, t, new Command.Accept(lead)));
    var unused7 = e.execute(cmd("s1", staff, t, new Command.Resolve(lead, "done")));
    var unused8 = e.execute(cmd("k1", supervisor(), t, new Command.Check(true, "")));
    var unused9 = e.execute(cmd("x1", districtDispatcher(), t, new Command.Close()));
    assertThat(e.state(A).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(breaches(e)).as("kept after the close").isEqualTo(1);

    assertThat(e.release(A)).isTrue();
    assertThat(e.reportCount(A)).isEmpty();
    assertThat(e.supervision(A)).isEmpty();

    var unused10 = e.execute(report("r2", t));
    assertThat(e.state(A).orElseThrow().status()).isEqualTo(CaseStatus.REPORTED);
    assertThat(breaches(e)).isZero();
    assertThat(e.reportCount(A)).isEqualTo(OptionalInt.of(1));
    assertThat(e.supervision(A)).isEmpty();
  }

  @Test
  void anUnknownCaseHasNothing_aKnownOneHasOneReportAndNoSupervision() {
    CaseEngine e = Fixture.config().build();
    CaseId nope = CaseId.of("NOPE");
    assertThat(e.state(nope)).isEmpty();
    assertThat(e.facts(nope)).isEmpty();
    assertThat(e.clocks(nope)).isEmpty();
    assertThat(e.nextDeadline(nope)).isEmpty();
    assertThat(e.reportCount(nope)).isEmpty();
    assertThat(e.supervision(nope)).isEmpty();
    assertThat(e.release(nope)).isFalse();

    var unused = e.execute(report("r1", T0));
    assertThat(e.reportCount(A)).isEqualTo(OptionalInt.of(1));
    assertThat(e.supervision(A)).isEmpty();
    assertThat(e.facts(A).orElseThrow().id()).isEqualTo(A);
    assertThat(e.reportCount(nope)).isEmpty();
  }
}
