package org.gridgov.routing.rules;

import java.util.Map;
import org.gridgov.routing.HandlerLevel;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingPolicy;
import org.gridgov.routing.RoutingPolicyContractTest;

/** {@link LowestCapableLevelRule} passes the routing-policy contract. */
class LowestCapableLevelRuleContractTest extends RoutingPolicyContractTest {
  @Override
  protected RoutingPolicy policy(RoutingGraph graph) {
    return new LowestCapableLevelRule(
        graph,
        Map.of("01", HandlerLevel.GRID, "55", HandlerLevel.COMMUNITY, "03", HandlerLevel.STREET));
  }
}
