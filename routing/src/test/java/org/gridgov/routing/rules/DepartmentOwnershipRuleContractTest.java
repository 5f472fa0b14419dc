package org.gridgov.routing.rules;

import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingPolicy;
import org.gridgov.routing.RoutingPolicyContractTest;

/** {@link DepartmentOwnershipRule} passes the routing-policy contract. */
class DepartmentOwnershipRuleContractTest extends RoutingPolicyContractTest {
  @Override
  protected RoutingPolicy policy(RoutingGraph graph) {
    return new DepartmentOwnershipRule(graph, true);
  }
}
