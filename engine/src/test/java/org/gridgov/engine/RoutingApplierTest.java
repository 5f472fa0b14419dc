package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.engine.Fixture.GRID1;
import static org.gridgov.engine.Fixture.HOUSING;
import static org.gridgov.engine.Fixture.POLICE;
import static org.gridgov.engine.Fixture.WATER;
import static org.gridgov.engine.Fixture.at;
import static org.gridgov.engine.Fixture.districtDispatcher;
import static org.gridgov.engine.Fixture.facts;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.EventType;
import org.gridgov.casefile.Priority;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingPolicy;
import org.junit.jupiter.api.Test;

/**
 * A routing policy's summons (会商/召集): the departments it names are summoned except the lead and the
 * case's assists; a summons naming none of them anew writes nothing.
 */
class RoutingApplierTest {
  private static final String OFFICE1 = CaseEngine.officeOf(GRID1);

  @Test
  void aSummonsByThePolicySummonsOnlyTheDepartmentsNotAlreadyOnTheCase() {
    AtomicReference<List<String>> summoned = new AtomicReference<>(List.of());
    RoutingPolicy policy =
        r -> {
          RoutingDecision.Explanation why = RoutingDecision.Explanation.of("test", List.of("x"));
          if (r.point() == DecisionPoint.NEW_CASE) {
            return RoutingDecision.Assign.of(OFFICE1, List.of(HOUSING), why);
          }
          if (r.point() == DecisionPoint.BREACH
              || java.util.Objects.requireNonNull(summoned.get()).isEmpty()) {
            return new RoutingDecision.Escalate(OFFICE1, why); // to the current lead
          }
          return new RoutingDecision.Summon(
              "test",
              ImmutableList.copyOf(java.util.Objects.requireNonNull(summoned.get())),
              Duration.ofHours(2),
              why);
        };
    Fixture.Driver d = new Fixture.Driver(Fixture.config(policy).build());
    Instant t = at("2025-03-03T09:00");
    d.run(
        Principal.resident("r"),
        "C-1",
        t,
        new Command.Report(facts("C-1", "0101", Priority.NORMAL, CaseSource.APP, GRID1)));
    d.run(districtDispatcher(), "C-1", t.plusSeconds(60), new Command.Verify(true, ""));
    d.run(districtDispatcher(), "C-1", t.plusSeconds(120), new Command.Register());
    d.run(districtDispatcher(), "C-1", t.plusSeconds(180), Command.Dispatch.byPolicy());
    assertThat(d.engine.state(CaseId.of("C-1")).orElseThrow().assists()).containsExactly(HOUSING);

    // the lead and the assist are left out; water and the police are summoned, in the policy's
    // order
    summoned.set(List.of(OFFICE1, WATER, HOUSING, POLICE));
    List<CaseEvent> first =
        d.run(
            districtDispatcher(),
            "C-1",
            t.plusSeconds(240),
            new Command.Escalate(Optional.empty()));
    assertThat(first)
        .extracting(CaseEvent::payload)
        .containsExactly(
            new EventPayload.Summoned(ImmutableList.of(WATER, POLICE), Duration.ofHours(2)));

    // only the lead and the assist: nobody anew, nothing written
    summoned.set(List.of(HOUSING, OFFICE1));
    List<CaseEvent> none =
        d.run(
            districtDispatcher(),
            "C-1",
            t.plusSeconds(300),
            new Command.Escalate(Optional.empty()));
    assertThat(none).isEmpty();

    // a manual escalation the policy sends to the current lead is refused; a breach it sends there
    // escalates nothing
    summoned.set(List.of());
    assertThatThrownBy(
            () ->
                d.run(
                    districtDispatcher(),
                    "C-1",
                    t.plusSeconds(360),
                    new Command.Escalate(Optional.empty())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("case C-1: cannot escalate to " + OFFICE1 + ", the current lead");
    List<CaseEvent> breach = d.advance(t.plus(Duration.ofDays(30)));
    assertThat(breach).extracting(CaseEvent::type).contains(EventType.SLA_BREACHED);
    assertThat(breach).extracting(CaseEvent::type).doesNotContain(EventType.ESCALATED);
    assertThat(d.engine.state(CaseId.of("C-1")).orElseThrow().lead()).contains(OFFICE1);
    assertThat(CaseEngine.restore(Fixture.config(policy), d.facts, d.log).snapshot())
        .isEqualTo(d.engine.snapshot());
  }
}
