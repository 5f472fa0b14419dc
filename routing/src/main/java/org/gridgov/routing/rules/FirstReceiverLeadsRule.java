package org.gridgov.routing.rules;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.Handler;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingRequest;
import org.gridgov.routing.internal.Locations;

/**
 * 首接负责: when several departments own a case's category at its location, the first of them that
 * received the case leads and cannot return it; the others assist. Applies at {@code RETURN},
 * {@code MANUAL} and {@code CHECK_FAILED} when one of the owners has already held the case, so a
 * return by the first receiver comes back to it.
 */
public final class FirstReceiverLeadsRule extends BaseRule {
  /**
   * Creates the rule.
   *
   * @param graph the routing graph with its departments
   */
  public FirstReceiverLeadsRule(RoutingGraph graph) {
    super(graph);
  }

  @Override
  public Optional<RoutingDecision> tryDecide(RoutingRequest request) {
    int loc = location(request);
    DecisionPoint p = request.point();
    if (loc == Locations.NO_COMMON_REGION
        || !(p == DecisionPoint.RETURN
            || p == DecisionPoint.MANUAL
            || p == DecisionPoint.CHECK_FAILED)) {
      return Optional.empty();
    }
    List<String> owners = new ArrayList<>();
    for (Handler h : graph.ownersOf(request.facts().categoryCode(), loc)) {
      owners.add(h.id());
    }
    if (owners.size() < 2) {
      return Optional.empty();
    }
    List<String> seen = new ArrayList<>(request.holders());
    request.currentHolder().ifPresent(seen::add);
    for (String h : seen) {
      if (owners.contains(h)) {
        List<String> assists = new ArrayList<>(owners);
        assists.remove(h);
        return assign(
            h,
            ImmutableList.copyOf(assists),
            h + " received the multi-department case first and leads it");
      }
    }
    return Optional.empty();
  }

  @Override
  public String whyNot(RoutingRequest request) {
    return "applies when several departments own the category and one of them already held the case";
  }
}
