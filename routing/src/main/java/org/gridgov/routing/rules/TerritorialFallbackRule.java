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
 * 属地兜底: a case nobody else takes goes to the territorial office of its location (the locations'
 * lowest common ancestor; across districts the city office, or the first location's district office
 * without one). If that office already holds the case and it breached or was returned, it escalates
 * one level instead. Never declines, so it makes a composed policy total; put it last.
 */
public final class TerritorialFallbackRule extends BaseRule {
  /**
   * Creates the rule.
   *
   * @param graph the routing graph
   */
  public TerritorialFallbackRule(RoutingGraph graph) {
    super(graph);
  }

  @Override
  public Optional<RoutingDecision> tryDecide(RoutingRequest request) {
    int loc = location(request);
    String office;
    if (loc != Locations.NO_COMMON_REGION) {
      office = graph.officeIdAt(loc);
    } else if (graph.hasCityOffice()) {
      office = Handler.CITY_OFFICE_ID;
    } else {
      int first = Locations.allIndexes(graph.tree(), request)[0];
      office = graph.officeAt(first, org.gridgov.routing.HandlerLevel.DISTRICT).orElseThrow();
    }
    boolean stuck =
        request.point() == DecisionPoint.BREACH || request.point() == DecisionPoint.RETURN;
    if (stuck
        && request.currentHolder().isPresent()
        && request.currentHolder().get().equals(office)) {
      Optional<String> up = graph.escalationTarget(office);
      if (up.isPresent()) {
        return escalate(up.get(), "the territorial office " + office + " could not settle it");
      }
    }
    return assign(office, ImmutableList.of(), "territorial office of the location takes it");
  }
}
