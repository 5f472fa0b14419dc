package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.engine.Fixture.GRID1;
import static org.gridgov.engine.Fixture.WATER;
import static org.gridgov.engine.Fixture.at;
import static org.gridgov.engine.Fixture.districtDispatcher;
import static org.gridgov.engine.Fixture.facts;

import java.time.Instant;
import java.util.List;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.EventType;
import org.gridgov.casefile.Priority;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingPolicy;
import org.gridgov.routing.RoutingRequest;
import org.gridgov.sla.ChinaCalendar;
import org.junit.jupiter.api.Test;

/**
 * The engine's time across its calls, and a failed {@code advanceTo} leaving nothing behind for the
 * next call: case A is dispatched to water on Monday 2025-03-03 09:00, so its lead (handling)
 * clock, 3 working days, breaches on Thursday 2025-03-06 09:00; the breach asks the routing policy,
 * which throws while {@link FlakyPolicy#failBreach} is set. The breach count the annex keeps
 * ({@link EngineSnapshot.CaseSnapshot#breachCount}) must then read 0 after any later call that
 * commits, and 1 after the breach fires for real.
 */
class EngineTimeEdgesTest {
  private static final Instant T0 = at("2025-03-03T09:00");
  private static final Instant AFTER_LEAD_BREACH = at("2025-03-06T10:00");
  private static final CaseId A = CaseId.of("A");

  /** The fixture's simple policy, throwing on BREACH while {@link #failBreach} is set. */
  private static final class FlakyPolicy implements RoutingPolicy {
    private final RoutingPolicy simple = new Fixture.SimplePolicy(Fixture.TREE);
    boolean failBreach = true;

    @Override
    public RoutingDecision decide(RoutingRequest r) {
      if (failBreach && r.point() == DecisionPoint.BREACH) {
        throw new IllegalStateException("policy down");
      }
      return simple.decide(r);
    }
  }

  private static Command cmd(String cmd, Principal who, String id, Instant t, Command.Action a) {
    return Command.of(cmd, who, CaseId.of(id), t, a);
  }

  private static Command report(String id, Instant t) {
    return cmd(
        "r-" + id,
        Principal.resident("res"),
        id,
        t,
        new Command.Report(facts(id, "0101", Priority.NORMAL, CaseSource.APP, GRID1)));
  }

  /** An engine with A dispatched to water at T0, whose advance past the lead breach failed. */
  private static CaseEngine failedBreach(FlakyPolicy policy) {
    CaseEngine e = Fixture.config(policy).build();
    var unused1 = e.execute(report("A", T0));
    var unused2 =
        e.execute(cmd("v-A", districtDispatcher(), "A", T0, new Command.Verify(true, "")));
    var unused3 = e.execute(cmd("g-A", districtDispatcher(), "A", T0, new Command.Register()));
    var unused4 = e.execute(cmd("d-A", districtDispatcher(), "A", T0, Command.Dispatch.to(WATER)));
    EngineSnapshot before = e.snapshot();
    assertThatThrownBy(() -> e.advanceTo(AFTER_LEAD_BREACH))
        .isInstanceOf(RoutingFailedException.class);
    assertThat(e.snapshot()).as("a failed advance changes nothing").isEqualTo(before);
    assertThat(e.now()).hasValue(T0);
    return e;
  }

  private static int breaches(CaseEngine e, CaseId id) {
    return e.snapshot().cases().stream()
        .filter(c -> c.facts().id().equals(id))
        .findFirst()
        .orElseThrow()
        .breachCount();
  }

  @Test
  void aCommandAfterAFailedAdvanceCommitsNoneOfItsBreaches() {
    CaseEngine e = failedBreach(new FlakyPolicy());
    var unused = e.execute(report("B", T0.plusSeconds(60)));
    assertThat(breaches(e, A)).isZero();
    assertThat(e.now()).hasValue(T0.plusSeconds(60));
  }

  @Test
  void anAdvanceAfterAFailedOneCountsTheBreachOnce() {
    FlakyPolicy policy = new FlakyPolicy();
    CaseEngine e = failedBreach(policy);
    policy.failBreach = false;
    List<CaseEvent> fired = e.advanceTo(AFTER_LEAD_BREACH);
    long breachEvents = fired.stream().filter(x -> x.type() == EventType.SLA_BREACHED).count();
    assertThat(breachEvents).as("the lead clock's breach, the only one due").isEqualTo(1);
    assertThat(breaches(e, A)).isEqualTo(1);
    assertThat(e.now()).hasValue(AFTER_LEAD_BREACH);
  }

  @Test
  void anAdoptionAfterAFailedAdvanceCommitsNoneOfItsBreaches() {
    CaseEngine e = failedBreach(new FlakyPolicy());
    Instant adopted = T0.plusSeconds(3600);
    var unused = e.adoptCalendar(ChinaCalendar.calendar(0), adopted);
    assertThat(breaches(e, A)).isZero();
    assertThat(e.now()).hasValue(adopted);
  }

  @Test
  void timeMovesWithEveryCall_andAnAdvanceToTheSameInstantIsAllowed() {
    CaseEngine e = Fixture.config().build();
    assertThat(e.now()).isEmpty();
    assertThat(e.advanceTo(T0)).isEmpty();
    assertThat(e.now()).as("nothing due: only time moves").hasValue(T0);
    assertThat(e.advanceTo(T0)).isEmpty();
    assertThat(e.now()).hasValue(T0);
    var unused = e.execute(report("A", T0.plusMillis(5)));
    assertThat(e.now()).hasValue(T0.plusMillis(5));
    assertThatThrownBy(() -> e.advanceTo(T0.plusMillis(4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("time goes backwards");
    assertThat(e.now()).hasValue(T0.plusMillis(5));
  }
}
