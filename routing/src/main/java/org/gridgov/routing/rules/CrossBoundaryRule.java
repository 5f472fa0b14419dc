package org.gridgov.routing.rules;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.Handler;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingRequest;
import org.gridgov.routing.internal.Locations;

/**
 * Cross-boundary cases (several location codes) go to the office of the locations' lowest common
 * ancestor; across districts, to the city office if the graph has one. Applies to new cases with
 * two or more locations.
 */
public final class CrossBoundaryRule extends BaseRule {
  /**
   * Creates the rule.
   *
   * @param graph the routing graph
   */
  public CrossBoundaryRule(RoutingGraph graph) {
    super(graph);
  }

  @Override
  public Optional<RoutingDecision> tryDecide(RoutingRequest request) {
    int loc = location(request);
    if (request.point() != DecisionPoint.NEW_CASE || request.facts().locationCodes().length() < 2) {
      return Optional.empty();
    }
    if (loc == Locations.NO_COMMON_REGION) {
      return graph.hasCityOffice()
          ? assign(Handler.CITY_OFFICE_ID, ImmutableList.of(), "locations lie in several districts")
          : Optional.empty();
    }
    return assign(
        graph.officeIdAt(loc),
        ImmutableList.of(),
        "locations "
            + request.facts().locationCodes()
            + " meet at region "
            + graph.tree().region(loc).code());
  }

  @Override
  public String whyNot(RoutingRequest request) {
    return "applies to new cases with several locations";
  }
}
