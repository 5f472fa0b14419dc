package org.gridgov.routing.rules;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Maps;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.gridgov.casefile.Priority;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.HandlerLevel;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingRequest;
import org.gridgov.routing.internal.Locations;

/**
 * Urgent and major cases skip levels (急事快议、大事大议): a new case of a listed priority goes straight to
 * the office at the priority's level over its location (e.g. URGENT → STREET, MAJOR → DISTRICT),
 * under its own SLA profile.
 */
public final class UrgentSkipLevelsRule extends BaseRule {
  private final Map<Priority, HandlerLevel> levels;

  /**
   * Creates the rule.
   *
   * @param graph the routing graph
   * @param levels priority → the level it goes to (priorities not listed are declined)
   */
  public UrgentSkipLevelsRule(RoutingGraph graph, Map<Priority, HandlerLevel> levels) {
    super(graph);
    this.levels = Maps.immutableEnumMap(new EnumMap<>(levels.isEmpty() ? Map.of() : levels));
  }

  @Override
  public Optional<RoutingDecision> tryDecide(RoutingRequest request) {
    int loc = location(request);
    HandlerLevel level = levels.get(request.facts().priority());
    if (request.point() != DecisionPoint.NEW_CASE
        || level == null
        || loc == Locations.NO_COMMON_REGION) {
      return Optional.empty();
    }
    String lead = graph.officeAt(loc, level).orElseGet(() -> graph.officeIdAt(loc));
    return assign(
        lead, ImmutableList.of(), request.facts().priority() + " case skips to level " + level);
  }

  @Override
  public String whyNot(RoutingRequest request) {
    return "applies to new cases of priority " + levels.keySet();
  }
}
