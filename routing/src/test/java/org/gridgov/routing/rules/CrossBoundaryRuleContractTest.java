package org.gridgov.routing.rules;

import java.util.EnumSet;
import java.util.Map;
import org.gridgov.casefile.Priority;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.HandlerLevel;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingPolicy;
import org.gridgov.routing.RoutingPolicyContractTest;

/** {@link CrossBoundaryRule} passes the routing-policy contract. */
class CrossBoundaryRuleContractTest extends RoutingPolicyContractTest {
  @Override
  protected RoutingPolicy policy(RoutingGraph graph) {
    return new CrossBoundaryRule(graph, "standard");
  }
}
