package org.gridgov.routing.rules;

import java.util.Map;
import org.gridgov.casefile.Priority;
import org.gridgov.routing.HandlerLevel;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingPolicy;
import org.gridgov.routing.RoutingPolicyContractTest;

/** {@link UrgentSkipLevelsRule} passes the routing-policy contract. */
class UrgentSkipLevelsRuleContractTest extends RoutingPolicyContractTest {
  @Override
  protected RoutingPolicy policy(RoutingGraph graph) {
    return new UrgentSkipLevelsRule(
        graph, Map.of(Priority.URGENT, HandlerLevel.STREET, Priority.MAJOR, HandlerLevel.DISTRICT));
  }
}
