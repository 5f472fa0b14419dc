package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.engine.Fixture.*;

import java.util.List;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.example.ExamplePolicy;
import org.gridgov.sla.ChinaCalendar;
import org.junit.jupiter.api.Test;

/**
 * The engine driven by the shipped example policy table over its routing graph: routing and engine
 * together.
 */
class ExamplePolicyEngineTest {

  private static CaseEngine engine() {
    RoutingGraph graph = ExamplePolicy.graph(TREE);
    return CaseEngine.builder()
        .regionTree(TREE)
        .routingGraph(graph)
        .routingPolicy(ExamplePolicy.policy(graph))
        .slaPolicy(sla())
        .calendar(ChinaCalendar.calendar())
        .build();
  }

  private static List<EventPayload> payloads(List<CaseEvent> events) {
    return events.stream().map(CaseEvent::payload).toList();
  }

  @Test
  void exposedRubbishGoesToTheGridThenOnReturnToTheOwningDepartment() {
    Driver d = new Driver(engine());
    Principal gridWorker = Principal.inRegion("gw-1", Role.GRID_WORKER, GRID1);
    String id = "R-1";
    d.run(
        gridWorker,
        id,
        at("2025-03-03T09:00"),
        new Command.Report(facts(id, "0102", Priority.NORMAL, CaseSource.GRID_PATROL, GRID1)));
    d.run(gridWorker, id, at("2025-03-03T09:05"), new Command.Verify(true, ""));
    d.run(districtDispatcher(), id, at("2025-03-03T09:10"), new Command.Register());

    // policy row "01|02|05 ... assign office@GRID": the lowest capable level for city appearance
    var dispatched =
        d.run(districtDispatcher(), id, at("2025-03-03T09:10"), Command.Dispatch.byPolicy());
    assertThat(payloads(dispatched))
        .containsExactly(new EventPayload.Dispatched(CaseEngine.officeOf(GRID1), HandlerRole.LEAD));

    // policy row "RETURN at GRID: assign owner assist assistants": urban management owns 01 in the
    // district
    var returned =
        d.run(
            gridWorker,
            id,
            at("2025-03-03T10:00"),
            new Command.Return(CaseEngine.officeOf(GRID1), "needs enforcement powers"));
    assertThat(payloads(returned))
        .startsWith(
            new EventPayload.Returned(CaseEngine.officeOf(GRID1), "needs enforcement powers"))
        .contains(new EventPayload.Dispatched("dept:urban-management", HandlerRole.LEAD));

    // and the whole log restores to the same engine
    CaseEngine restored =
        CaseEngine.restore(
            CaseEngine.builder()
                .regionTree(TREE)
                .routingGraph(ExamplePolicy.graph(TREE))
                .routingPolicy(ExamplePolicy.policy(ExamplePolicy.graph(TREE)))
                .slaPolicy(sla())
                .calendar(ChinaCalendar.calendar()),
            d.facts,
            d.log);
    assertThat(restored.snapshot()).isEqualTo(d.engine.snapshot());
  }

  @Test
  void routingGraphMakesItsDepartmentsKnownButNotUnknownOnes() {
    CaseEngine engine = engine();

    assertThat(engine.isKnownHandler("dept:urban-management")).isTrue();
    assertThat(engine.isKnownHandler("party:gas-co")).isTrue();
    assertThat(engine.isKnownHandler("office:city")).isTrue();
    assertThat(engine.isKnownHandler(CaseEngine.officeOf(GRID1))).isTrue();
    assertThat(engine.isKnownHandler("dept:no-such-bureau")).isFalse();
  }
}
