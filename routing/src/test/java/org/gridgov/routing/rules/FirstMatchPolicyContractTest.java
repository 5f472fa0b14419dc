package org.gridgov.routing.rules;

import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingPolicy;
import org.gridgov.routing.RoutingPolicyContractTest;

/** {@link FirstMatchPolicy} passes the routing-policy contract. */
class FirstMatchPolicyContractTest extends RoutingPolicyContractTest {
  @Override
  protected RoutingPolicy policy(RoutingGraph graph) {
    return BuiltInPolicies.practice(graph);
  }
}
