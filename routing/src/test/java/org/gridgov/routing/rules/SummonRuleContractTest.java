package org.gridgov.routing.rules;

import java.util.EnumSet;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingPolicy;
import org.gridgov.routing.RoutingPolicyContractTest;

/** {@link SummonRule} passes the routing-policy contract. */
class SummonRuleContractTest extends RoutingPolicyContractTest {
  @Override
  protected RoutingPolicy policy(RoutingGraph graph) {
    return new SummonRule(
        graph, EnumSet.of(DecisionPoint.MANUAL, DecisionPoint.BREACH), SummonRule.BEIJING_LIMIT);
  }
}
