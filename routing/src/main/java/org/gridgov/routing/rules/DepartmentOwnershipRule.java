package org.gridgov.routing.rules;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.routing.Handler;
import org.gridgov.routing.HandlerLevel;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingRequest;
import org.gridgov.routing.internal.Locations;

/**
 * Department ownership: the first declared department (or outside party) that owns the category and
 * has the location in its jurisdiction leads; the other owners and every handler assisting with the
 * category there assist.
 *
 * <p>A holder can pass a case only to a department at its own level or below, so the rule applies
 * when the current holder's level is at least the owner's level (a district command centre
 * dispatches to a district bureau; a grid station hands a leak to property management); for new
 * cases only if built with {@code onNewCase}. Handlers that returned the case are skipped. Applies
 * at {@code NEW_CASE}, {@code RETURN}, {@code MANUAL} and {@code CHECK_FAILED}.
 */
public final class DepartmentOwnershipRule extends BaseRule {
  private final boolean onNewCase;

  /**
   * Creates the rule.
   *
   * @param graph the routing graph with its departments
   * @param onNewCase whether new cases go straight to an owning department
   */
  public DepartmentOwnershipRule(RoutingGraph graph, boolean onNewCase) {
    super(graph);
    this.onNewCase = onNewCase;
  }

  @Override
  public Optional<RoutingDecision> tryDecide(RoutingRequest request) {
    int loc = location(request);
    if (loc == Locations.NO_COMMON_REGION) {
      return Optional.empty();
    }
    HandlerLevel holderLevel;
    switch (request.point()) {
      case NEW_CASE -> {
        if (!onNewCase) {
          return Optional.empty();
        }
        holderLevel = HandlerLevel.CITY;
      }
      case RETURN, MANUAL, CHECK_FAILED ->
          holderLevel =
              request
                  .currentHolder()
                  .flatMap(graph::handler)
                  .map(Handler::level)
                  .orElse(HandlerLevel.CITY);
      default -> {
        return Optional.empty();
      }
    }
    String category = request.facts().categoryCode();
    List<String> owners = new ArrayList<>();
    for (Handler h : graph.ownersOf(category, loc)) {
      if (h.level().compareTo(holderLevel) <= 0 && !request.returnedBy().contains(h.id())) {
        owners.add(h.id());
      }
    }
    if (owners.isEmpty()) {
      return Optional.empty();
    }
    List<String> assists = new ArrayList<>(owners.subList(1, owners.size()));
    for (Handler h : graph.assistantsOf(category, loc)) {
      if (!owners.contains(h.id()) && !assists.contains(h.id())) {
        assists.add(h.id());
      }
    }
    return assign(
        owners.get(0),
        ImmutableList.copyOf(assists),
        owners.get(0) + " owns category " + category + " in its jurisdiction");
  }

  @Override
  public String whyNot(RoutingRequest request) {
    return "no department at or below the holder's level owns the category at the location"
        + (onNewCase ? "" : " (not used for new cases)");
  }
}
