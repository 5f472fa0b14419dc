package org.gridgov.routing.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.gridgov.casefile.Priority;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.HandlerLevel;
import org.gridgov.routing.RoutingGraph;

/** The built-in rules composed as in practice, for tests. */
final class BuiltInPolicies {
  private BuiltInPolicies() {}

  static FirstMatchPolicy practice(RoutingGraph graph) {
    return FirstMatchPolicy.collectingAssists(
        List.of(
            new UrgentSkipLevelsRule(
                graph,
                Map.of(
                    Priority.URGENT, HandlerLevel.STREET, Priority.MAJOR, HandlerLevel.DISTRICT)),
            new CrossBoundaryRule(graph),
            new LowestCapableLevelRule(
                graph,
                Map.of(
                    "01",
                    HandlerLevel.GRID,
                    "04",
                    HandlerLevel.GRID,
                    "55",
                    HandlerLevel.COMMUNITY,
                    "03",
                    HandlerLevel.STREET)),
            new SummonRule(graph, EnumSet.of(DecisionPoint.MANUAL), SummonRule.BEIJING_LIMIT),
            new FirstReceiverLeadsRule(graph),
            new DepartmentOwnershipRule(graph, false),
            new EscalateOneLevelRule(
                graph,
                EnumSet.of(DecisionPoint.BREACH, DecisionPoint.RETURN, DecisionPoint.REPEAT_REPORT),
                3),
            new TerritorialFallbackRule(graph)));
  }
}
