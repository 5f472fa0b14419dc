package org.gridgov.routing.rules;

import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingPolicy;
import org.gridgov.routing.RoutingPolicyContractTest;

/** {@link ScopedRule} passes the routing-policy contract. */
class ScopedRuleContractTest extends RoutingPolicyContractTest {
  @Override
  protected RoutingPolicy policy(RoutingGraph graph) {
    return ScopedRule.forCategory("01", graph.tree(), new TerritorialFallbackRule(graph));
  }
}
