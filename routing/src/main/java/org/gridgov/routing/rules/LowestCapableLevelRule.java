package org.gridgov.routing.rules;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.Optional;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.HandlerLevel;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingRequest;
import org.gridgov.routing.internal.Locations;

/**
 * Handle at the lowest capable level: a capability table maps category code prefixes to the lowest
 * level able to handle them, and a new case goes to the office at that level over its location (the
 * location's own office when the location lies above that level). The longest matching prefix wins.
 * Declines for categories not in the table, at decision points other than {@code NEW_CASE}, and for
 * locations in several districts.
 */
public final class LowestCapableLevelRule extends BaseRule {
  private final ImmutableMap<String, HandlerLevel> capability;

  /**
   * Creates the rule.
   *
   * @param graph the routing graph
   * @param capability category code prefix → lowest capable level ({@code ""} = every category)
   */
  public LowestCapableLevelRule(RoutingGraph graph, Map<String, HandlerLevel> capability) {
    super(graph);
    this.capability = ImmutableMap.copyOf(capability);
  }

  /**
   * Returns the lowest capable level for a category: the entry of its longest matching prefix.
   *
   * @param categoryCode a category code
   * @return the level, or empty if no prefix matches
   */
  public Optional<HandlerLevel> levelFor(String categoryCode) {
    String best = null;
    for (String p : capability.keySet()) {
      if (categoryCode.startsWith(p) && (best == null || p.length() > best.length())) {
        best = p;
      }
    }
    return best == null ? Optional.empty() : Optional.ofNullable(capability.get(best));
  }

  @Override
  public Optional<RoutingDecision> tryDecide(RoutingRequest request) {
    int loc = location(request);
    if (request.point() != DecisionPoint.NEW_CASE || loc == Locations.NO_COMMON_REGION) {
      return Optional.empty();
    }
    Optional<HandlerLevel> level = levelFor(request.facts().categoryCode());
    if (level.isEmpty()) {
      return Optional.empty();
    }
    String lead = graph.officeAt(loc, level.get()).orElseGet(() -> graph.officeIdAt(loc));
    return assign(
        lead,
        ImmutableList.of(),
        "category " + request.facts().categoryCode() + " is handled from level " + level.get());
  }

  @Override
  public String whyNot(RoutingRequest request) {
    return "applies to new cases of a category in its capability table, located in one district";
  }
}
