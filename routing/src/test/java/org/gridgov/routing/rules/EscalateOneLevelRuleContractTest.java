package org.gridgov.routing.rules;

import java.util.EnumSet;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingPolicy;
import org.gridgov.routing.RoutingPolicyContractTest;

/** {@link EscalateOneLevelRule} passes the routing-policy contract. */
class EscalateOneLevelRuleContractTest extends RoutingPolicyContractTest {
  @Override
  protected RoutingPolicy policy(RoutingGraph graph) {
    return new EscalateOneLevelRule(
        graph,
        EnumSet.of(DecisionPoint.BREACH, DecisionPoint.RETURN, DecisionPoint.REPEAT_REPORT),
        3);
  }
}
