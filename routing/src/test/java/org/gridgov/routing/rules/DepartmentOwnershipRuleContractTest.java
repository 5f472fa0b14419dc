package org.gridgov.routing.rules;

import java.util.EnumSet;
import java.util.Map;
import org.gridgov.casefile.Priority;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.HandlerLevel;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingPolicy;
import org.gridgov.routing.RoutingPolicyContractTest;

/** {@link DepartmentOwnershipRule} passes the routing-policy contract. */
class DepartmentOwnershipRuleContractTest extends RoutingPolicyContractTest {
  @Override
  protected RoutingPolicy policy(RoutingGraph graph) {
    return new DepartmentOwnershipRule(graph, "standard", true);
  }
}
