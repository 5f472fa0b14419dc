package org.gridgov.routing.rules;

import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingPolicy;
import org.gridgov.routing.RoutingPolicyContractTest;

/** {@link FirstReceiverLeadsRule} passes the routing-policy contract. */
class FirstReceiverLeadsRuleContractTest extends RoutingPolicyContractTest {
  @Override
  protected RoutingPolicy policy(RoutingGraph graph) {
    return new FirstReceiverLeadsRule(graph);
  }
}
