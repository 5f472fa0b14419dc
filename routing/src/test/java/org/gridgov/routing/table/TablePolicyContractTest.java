package org.gridgov.routing.table;

import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingPolicy;
import org.gridgov.routing.RoutingPolicyContractTest;
import org.gridgov.routing.example.ExamplePolicy;

/** {@link TablePolicy} (the shipped example table) passes the routing-policy contract. */
class TablePolicyContractTest extends RoutingPolicyContractTest {
  @Override
  protected RoutingPolicy policy(RoutingGraph graph) {
    return ExamplePolicy.policy(graph);
  }
}
