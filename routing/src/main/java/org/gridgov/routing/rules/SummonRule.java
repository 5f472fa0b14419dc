package org.gridgov.routing.rules;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Sets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.Handler;
import org.gridgov.routing.HandlerLevel;
import org.gridgov.routing.LinkType;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingRequest;
import org.gridgov.routing.internal.Locations;

/**
 * A street blows the whistle and departments report (街乡吹哨、部门报到): when the holder is a street
 * office, the departments it has {@link LinkType#SUMMON} links to that own or assist with the
 * case's category (with the location in their jurisdiction) must report on site within a limit
 * (Beijing: 30 minutes).
 */
public final class SummonRule extends BaseRule {
  /** Beijing's limit: on site within 30 minutes. */
  public static final Duration BEIJING_LIMIT = Duration.ofMinutes(30);

  private final Set<DecisionPoint> points;
  private final Duration within;

  /**
   * Creates the rule.
   *
   * @param graph the routing graph with SUMMON links from street offices
   * @param points the decision points at which the street summons (e.g. MANUAL, BREACH, RETURN)
   * @param within how soon the departments must report on site, positive
   */
  public SummonRule(RoutingGraph graph, Set<DecisionPoint> points, Duration within) {
    super(graph);
    checkArgument(
        !within.isNegative() && !within.isZero(), "within must be positive but was %s", within);
    this.points =
        Sets.immutableEnumSet(points.isEmpty() ? EnumSet.noneOf(DecisionPoint.class) : points);
    this.within = within;
  }

  @Override
  public Optional<RoutingDecision> tryDecide(RoutingRequest request) {
    int loc = location(request);
    if (!points.contains(request.point())
        || request.currentHolder().isEmpty()
        || loc == Locations.NO_COMMON_REGION) {
      return Optional.empty();
    }
    String street = request.currentHolder().get();
    Optional<Handler> h = graph.handler(street);
    if (h.isEmpty()
        || h.get().kind() != Handler.Kind.OFFICE
        || h.get().level() != HandlerLevel.STREET) {
      return Optional.empty();
    }
    String category = request.facts().categoryCode();
    List<String> summoned = new ArrayList<>();
    for (String d : graph.targets(street, LinkType.SUMMON)) {
      Handler dept = graph.get(d);
      if ((dept.owns(category) || dept.assistsWith(category)) && graph.inJurisdiction(d, loc)) {
        summoned.add(d);
      }
    }
    if (summoned.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new RoutingDecision.Summon(
            street,
            ImmutableList.copyOf(summoned),
            within,
            because(
                street
                    + " summons the departments for category "
                    + category
                    + " within "
                    + within)));
  }

  @Override
  public String whyNot(RoutingRequest request) {
    return "applies at "
        + points
        + " when a street office holds the case and may summon a department for it";
  }
}
