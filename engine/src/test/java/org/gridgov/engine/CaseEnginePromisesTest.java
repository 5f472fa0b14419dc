package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.engine.Fixture.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.EscalationCause;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.Handler;
import org.gridgov.routing.HandlerLevel;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingPolicy;
import org.gridgov.routing.RoutingRequest;
import org.gridgov.routing.rules.FirstMatchPolicy;
import org.gridgov.routing.rules.FirstReceiverLeadsRule;
import org.gridgov.routing.rules.TerritorialFallbackRule;
import org.gridgov.sla.SlaClock;
import org.gridgov.sla.SlaLimit;
import org.gridgov.sla.SlaPolicy;
import org.gridgov.sla.SlaStage;
import org.gridgov.sla.TransferRule;
import org.gridgov.sla.WarningLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The promises core's public API makes and the engine keeps: the SLA policy's return rule and
 * return count, the register, dispatch and check stage limits, and the routing history a {@link
 * RoutingRequest} documents; each also survives {@link CaseEngine#restore}.
 */
class CaseEnginePromisesTest {

  private static final String ID = "P-1";
  private static final Principal URBAN_STAFF = Principal.ofDepartment("u-1", URBAN);
  private static final Principal ROADS_STAFF = Principal.ofDepartment("r-1", ROADS);

  /**
   * Natural-time limits (no calendar arithmetic to reason about): whole case 10 days, handle 4 h.
   */
  private static SlaPolicy.Builder naturalSla() {
    return SlaPolicy.builder()
        .defaultLevels(List.of(WarningLevel.breach("red")))
        .rule(SlaPolicy.Rule.of(SlaStage.WHOLE_CASE, SlaLimit.natural(Duration.ofDays(10))))
        .rule(SlaPolicy.Rule.of(SlaStage.HANDLE, SlaLimit.natural(Duration.ofHours(4))));
  }

  private static CaseEngine.Builder config(SlaPolicy sla, RoutingPolicy routing) {
    return Fixture.config(routing).slaPolicy(sla);
  }

  /** Reports, verifies and registers case {@link #ID} (category 0101, grid 2) from 09:00. */
  private static void registered(Driver d, String registerAt) {
    d.run(
        Principal.resident("res"),
        ID,
        at("2025-03-03T09:00"),
        new Command.Report(facts(ID, "0101", Priority.NORMAL, CaseSource.HOTLINE_12345, GRID2)));
    d.run(
        Principal.inRegion("gw", Role.GRID_WORKER, GRID2),
        ID,
        at("2025-03-03T09:05"),
        new Command.Verify(true, ""));
    d.run(districtDispatcher(), ID, at(registerAt), new Command.Register());
  }

  private static List<EventPayload> payloads(List<CaseEvent> events) {
    return events.stream().map(CaseEvent::payload).toList();
  }

  private static Optional<SlaClock> clock(Driver d, String name) {
    return d.engine.clocks(CaseId.of(ID)).orElseThrow().clock(name);
  }

  private static void assertRestoresTo(Driver d, CaseEngine.Builder config) {
    CaseEngine restored = CaseEngine.restore(config, d.facts, d.log);
    assertThat(restored.snapshot()).isEqualTo(d.engine.snapshot());
  }

  // ------------------------------------------------------------------ return rule

  @ParameterizedTest
  @EnumSource(TransferRule.class)
  void theReturnRuleDecidesTheNextLeadsClock(TransferRule rule) {
    SlaPolicy sla = naturalSla().returnRule(rule).build();
    Driver d = new Driver(config(sla, new SimplePolicy(TREE)).build());
    registered(d, "2025-03-03T09:10");
    d.run(districtDispatcher(), ID, at("2025-03-03T10:00"), Command.Dispatch.to(URBAN));
    var returned = d.run(URBAN_STAFF, ID, at("2025-03-03T12:00"), new Command.Return(URBAN, "no"));
    assertThat(payloads(returned)).contains(new EventPayload.Dispatched(ROADS, HandlerRole.LEAD));

    Instant expected =
        switch (rule) {
          case KEEP -> at("2025-03-03T14:00"); // URBAN's 4 h from 10:00 go on
          case RESTART -> at("2025-03-03T16:00"); // ROADS gets 4 h from the return
          case FROM_CREATION -> at("2025-03-03T13:10"); // 4 h from the registration at 09:10
        };
    assertThat(clock(d, CaseEngine.LEAD_CLOCK).orElseThrow().deadline()).contains(expected);
    assertThat(d.engine.nextDeadline(CaseId.of(ID))).contains(expected);
    assertThat(payloads(d.advance(expected)))
        .startsWith(new EventPayload.SlaBreached(CaseEngine.LEAD_CLOCK, SlaStage.HANDLE));
    assertRestoresTo(d, config(sla, new SimplePolicy(TREE)));
  }

  @Test
  void theReturnThatReachesThePolicysCountIsEscalatedNotRedispatched() {
    SlaPolicy sla = naturalSla().returnsBeforeEscalation(2).build();
    Driver d = new Driver(config(sla, new SimplePolicy(TREE)).build());
    registered(d, "2025-03-03T09:10");
    d.run(districtDispatcher(), ID, at("2025-03-03T10:00"), Command.Dispatch.to(URBAN));
    var first = d.run(URBAN_STAFF, ID, at("2025-03-03T10:30"), new Command.Return(URBAN, "no"));
    var second = d.run(ROADS_STAFF, ID, at("2025-03-03T11:00"), new Command.Return(ROADS, "no"));

    // the first return is the routing policy's RETURN answer (to the roads department) ...
    assertThat(payloads(first))
        .containsExactly(
            new EventPayload.Returned(URBAN, "no"),
            new EventPayload.Dispatched(ROADS, HandlerRole.LEAD));
    // ... the second reaches the count: the policy's BREACH answer for the returner (a department
    // goes to the district office), not its RETURN answer (the command centre)
    assertThat(payloads(second))
        .containsExactly(
            new EventPayload.Returned(ROADS, "no"),
            new EventPayload.Escalated(
                EscalationCause.RETURN, ROADS, CaseEngine.officeOf(DISTRICT)));
    assertRestoresTo(d, config(sla, new SimplePolicy(TREE)));
  }

  // ------------------------------------------------------------------ stage clocks

  @Test
  void registerDispatchAndCheckLimitsWarnAndBreachAndStopAtTheirStagesEnd() {
    SlaPolicy sla =
        naturalSla()
            .defaultLevels(
                List.of(WarningLevel.atFraction("yellow", 0.5), WarningLevel.breach("red")))
            .rule(SlaPolicy.Rule.of(SlaStage.REGISTER, SlaLimit.natural(Duration.ofHours(1))))
            .rule(SlaPolicy.Rule.of(SlaStage.DISPATCH, SlaLimit.natural(Duration.ofMinutes(30))))
            .rule(SlaPolicy.Rule.of(SlaStage.CHECK, SlaLimit.natural(Duration.ofHours(2))))
            .build();
    Driver d = new Driver(config(sla, new SimplePolicy(TREE)).build());
    d.run(
        Principal.resident("res"),
        ID,
        at("2025-03-03T09:00"),
        new Command.Report(facts(ID, "0101", Priority.NORMAL, CaseSource.HOTLINE_12345, GRID2)));
    assertThat(clock(d, CaseEngine.REGISTER_CLOCK).orElseThrow().deadline())
        .contains(at("2025-03-03T10:00"));
    assertThat(payloads(d.advance(at("2025-03-03T09:30"))))
        .containsExactly(
            new EventPayload.SlaWarning(CaseEngine.REGISTER_CLOCK, SlaStage.REGISTER, 1));
    assertThat(payloads(d.advance(at("2025-03-03T10:00"))))
        .containsExactly(
            new EventPayload.SlaBreached(CaseEngine.REGISTER_CLOCK, SlaStage.REGISTER));

    d.run(
        Principal.inRegion("gw", Role.GRID_WORKER, GRID2),
        ID,
        at("2025-03-03T10:05"),
        new Command.Verify(true, ""));
    d.run(districtDispatcher(), ID, at("2025-03-03T10:10"), new Command.Register());
    assertThat(clock(d, CaseEngine.REGISTER_CLOCK)).isEmpty();
    assertThat(payloads(d.advance(at("2025-03-03T10:25"))))
        .containsExactly(
            new EventPayload.SlaWarning(CaseEngine.DISPATCH_CLOCK, SlaStage.DISPATCH, 1));
    assertThat(payloads(d.advance(at("2025-03-03T10:40"))))
        .containsExactly(
            new EventPayload.SlaBreached(CaseEngine.DISPATCH_CLOCK, SlaStage.DISPATCH));

    d.run(districtDispatcher(), ID, at("2025-03-03T10:50"), Command.Dispatch.to(URBAN));
    assertThat(clock(d, CaseEngine.DISPATCH_CLOCK)).isEmpty();
    d.run(URBAN_STAFF, ID, at("2025-03-03T10:55"), new Command.Accept(URBAN));
    d.run(URBAN_STAFF, ID, at("2025-03-03T11:00"), new Command.Resolve(URBAN, "cleared"));
    assertThat(clock(d, CaseEngine.LEAD_CLOCK)).isEmpty();
    assertThat(clock(d, CaseEngine.CHECK_CLOCK).orElseThrow().deadline())
        .contains(at("2025-03-03T13:00"));
    assertThat(payloads(d.advance(at("2025-03-03T13:00"))))
        .containsExactly(
            new EventPayload.SlaWarning(CaseEngine.CHECK_CLOCK, SlaStage.CHECK, 1),
            new EventPayload.SlaBreached(CaseEngine.CHECK_CLOCK, SlaStage.CHECK));
    d.run(supervisor(), ID, at("2025-03-03T13:30"), new Command.Check(true, ""));
    assertThat(clock(d, CaseEngine.CHECK_CLOCK)).isEmpty();
    assertThat(d.engine.state(CaseId.of(ID)).orElseThrow().isBreached()).isTrue();
    assertRestoresTo(d, config(sla, new SimplePolicy(TREE)));
  }

  @Test
  void aReturnRestartsTheDispatchStage() {
    SlaPolicy sla =
        naturalSla()
            .rule(SlaPolicy.Rule.of(SlaStage.DISPATCH, SlaLimit.natural(Duration.ofMinutes(30))))
            .build();
    // a policy that answers a return with nothing: the case waits for the dispatcher again
    RoutingPolicy nothingOnReturn =
        r ->
            r.point() == DecisionPoint.RETURN
                ? new RoutingDecision.Reject(
                    "dispatcher decides", RoutingDecision.Explanation.of("test", List.of()))
                : new SimplePolicy(TREE).decide(r);
    Driver d = new Driver(config(sla, nothingOnReturn).build());
    registered(d, "2025-03-03T09:10");
    d.run(districtDispatcher(), ID, at("2025-03-03T09:20"), Command.Dispatch.to(URBAN));
    d.run(URBAN_STAFF, ID, at("2025-03-03T11:00"), new Command.Return(URBAN, "no"));
    assertThat(clock(d, CaseEngine.DISPATCH_CLOCK).orElseThrow().deadline())
        .contains(at("2025-03-03T11:30"));
    assertThat(payloads(d.advance(at("2025-03-03T11:30"))))
        .containsExactly(
            new EventPayload.SlaBreached(CaseEngine.DISPATCH_CLOCK, SlaStage.DISPATCH));
    assertRestoresTo(d, config(sla, nothingOnReturn));
  }

  // ------------------------------------------------------------------ routing history

  /** Records every request, and answers as the fixture's simple policy. */
  private static final class Recording implements RoutingPolicy {
    final List<RoutingRequest> seen = new ArrayList<>();
    private final RoutingPolicy inner;

    Recording(RoutingPolicy inner) {
      this.inner = inner;
    }

    @Override
    public RoutingDecision decide(RoutingRequest r) {
      seen.add(r);
      return inner.decide(r);
    }
  }

  @Test
  void routingRequestsCarryEveryLeadAndEveryReturnInOrder() {
    Recording policy = new Recording(new SimplePolicy(TREE));
    Driver d = new Driver(config(naturalSla().build(), policy).build());
    registered(d, "2025-03-03T09:10");
    d.run(districtDispatcher(), ID, at("2025-03-03T10:00"), Command.Dispatch.to(URBAN));
    d.run(URBAN_STAFF, ID, at("2025-03-03T10:30"), new Command.Return(URBAN, "no"));
    d.run(ROADS_STAFF, ID, at("2025-03-03T11:00"), new Command.Return(ROADS, "no"));
    d.run(districtDispatcher(), ID, at("2025-03-03T11:30"), new Command.Escalate(Optional.empty()));

    assertThat(policy.seen).hasSize(3);
    RoutingRequest firstReturn = policy.seen.get(0);
    assertThat(firstReturn.point()).isEqualTo(DecisionPoint.RETURN);
    assertThat(firstReturn.holders()).containsExactly(URBAN);
    assertThat(firstReturn.returnedBy()).containsExactly(URBAN);
    RoutingRequest secondReturn = policy.seen.get(1);
    assertThat(secondReturn.holders()).containsExactly(URBAN, ROADS);
    assertThat(secondReturn.returnedBy()).containsExactly(URBAN, ROADS);
    RoutingRequest manual = policy.seen.get(2);
    assertThat(manual.point()).isEqualTo(DecisionPoint.MANUAL);
    assertThat(manual.currentHolder()).contains(COMMAND_CENTRE);
    assertThat(manual.holders()).containsExactly(URBAN, ROADS, COMMAND_CENTRE);
    assertThat(manual.returnedBy()).containsExactly(URBAN, ROADS);
  }

  @Test
  void firstReceiverLeadsSeesTheFirstOwnerThatHeldTheCaseBeforeAnOfficeReturnedIt() {
    RegionTree tree = TREE;
    List<Long> all = List.of(DISTRICT);
    RoutingGraph graph =
        RoutingGraph.builder(tree)
            .add(
                Handler.department(
                    "urban-management",
                    "城市管理局",
                    HandlerLevel.DISTRICT,
                    all,
                    List.of("01"),
                    List.of()))
            .add(
                Handler.department(
                    "sanitation", "环境卫生中心", HandlerLevel.DISTRICT, all, List.of("0101"), List.of()))
            .build();
    RoutingPolicy policy =
        FirstMatchPolicy.of(
            List.of(new FirstReceiverLeadsRule(graph), new TerritorialFallbackRule(graph)));
    CaseEngine.Builder config =
        CaseEngine.builder()
            .regionTree(tree)
            .routingGraph(graph)
            .routingPolicy(policy)
            .slaPolicy(naturalSla().build())
            .calendar(org.gridgov.sla.ChinaCalendar.calendar());
    Driver d = new Driver(config.build());
    registered(d, "2025-03-03T09:10");
    String street = CaseEngine.officeOf(STREET);
    d.run(districtDispatcher(), ID, at("2025-03-03T10:00"), Command.Dispatch.to(URBAN));
    d.run(
        districtDispatcher(),
        ID,
        at("2025-03-03T10:30"),
        new Command.Escalate(Optional.of(street)));
    var returned =
        d.run(
            Principal.inRegion("street-disp", Role.DISPATCHER, STREET),
            ID,
            at("2025-03-03T11:00"),
            new Command.Return(street, "a department's duty"));

    // urban management received the case first and owns 01: it leads again, sanitation assists
    assertThat(payloads(returned))
        .containsExactly(
            new EventPayload.Returned(street, "a department's duty"),
            new EventPayload.Dispatched(URBAN, HandlerRole.LEAD),
            new EventPayload.Dispatched("dept:sanitation", HandlerRole.ASSIST));
    assertRestoresTo(d, config);
  }

  // ------------------------------------------------------------------ check failed

  @Test
  void aFailedCheckAsksThePolicyAtCheckFailedAndAppliesItsAnswer() {
    Recording policy = new Recording(new SimplePolicy(TREE));
    Driver d = new Driver(config(naturalSla().build(), policy).build());
    registered(d, "2025-03-03T09:10");
    String grid = CaseEngine.officeOf(GRID2);
    Principal gridWorker = Principal.inRegion("gw", Role.GRID_WORKER, GRID2);
    d.run(districtDispatcher(), ID, at("2025-03-03T09:20"), Command.Dispatch.byPolicy());
    d.run(gridWorker, ID, at("2025-03-03T09:30"), new Command.Accept(grid));
    d.run(gridWorker, ID, at("2025-03-03T10:00"), new Command.Resolve(grid, "swept"));
    var failed =
        d.run(supervisor(), ID, at("2025-03-03T11:00"), new Command.Check(false, "still dirty"));

    RoutingRequest asked = policy.seen.get(policy.seen.size() - 1);
    assertThat(asked.point()).isEqualTo(DecisionPoint.CHECK_FAILED);
    assertThat(asked.currentHolder()).contains(grid);
    // the simple policy sends a grid office's rework one level up, to its community
    assertThat(payloads(failed))
        .containsExactly(
            new EventPayload.CheckFailed("still dirty"),
            new EventPayload.Escalated(
                EscalationCause.CHECK_FAILED, grid, CaseEngine.officeOf(COMMUNITY)));
    assertRestoresTo(d, config(naturalSla().build(), new SimplePolicy(TREE)));
  }

  @Test
  void aFailedCheckThatThePolicyRejectsStaysWithTheLeadForRework() {
    RoutingPolicy rejectsRework =
        r ->
            r.point() == DecisionPoint.CHECK_FAILED
                ? new RoutingDecision.Reject(
                    "rework stays", RoutingDecision.Explanation.of("test", List.of()))
                : new SimplePolicy(TREE).decide(r);
    Driver d = new Driver(config(naturalSla().build(), rejectsRework).build());
    registered(d, "2025-03-03T09:10");
    String grid = CaseEngine.officeOf(GRID2);
    Principal gridWorker = Principal.inRegion("gw", Role.GRID_WORKER, GRID2);
    d.run(districtDispatcher(), ID, at("2025-03-03T09:20"), Command.Dispatch.byPolicy());
    d.run(gridWorker, ID, at("2025-03-03T09:30"), new Command.Accept(grid));
    d.run(gridWorker, ID, at("2025-03-03T10:00"), new Command.Resolve(grid, "swept"));
    var failed =
        d.run(supervisor(), ID, at("2025-03-03T11:00"), new Command.Check(false, "still dirty"));
    assertThat(payloads(failed)).containsExactly(new EventPayload.CheckFailed("still dirty"));
    assertThat(d.engine.state(CaseId.of(ID)).orElseThrow().lead()).contains(grid);
  }
}
