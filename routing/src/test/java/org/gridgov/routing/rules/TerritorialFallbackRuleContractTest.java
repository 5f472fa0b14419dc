package org.gridgov.routing.rules;

import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingPolicy;
import org.gridgov.routing.RoutingPolicyContractTest;

/** {@link TerritorialFallbackRule} passes the routing-policy contract. */
class TerritorialFallbackRuleContractTest extends RoutingPolicyContractTest {
  @Override
  protected RoutingPolicy policy(RoutingGraph graph) {
    return new TerritorialFallbackRule(graph);
  }
}
