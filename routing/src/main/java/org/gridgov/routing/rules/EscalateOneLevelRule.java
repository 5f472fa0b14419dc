package org.gridgov.routing.rules;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.Sets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.gridgov.internal.Texts;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingRequest;

/**
 * Escalate one level along the holder's {@link org.gridgov.routing.LinkType#ESCALATE} link: on a
 * breach, on a return, and on the N-th repeat report (at decision point {@code REPEAT_REPORT} with
 * {@code reportCount >= N}). Declines at the top of the chain.
 */
public final class EscalateOneLevelRule extends BaseRule {
  private final Set<DecisionPoint> points;
  private final int repeatThreshold;

  /**
   * Creates the rule.
   *
   * @param graph the routing graph
   * @param points the decision points it escalates on (among BREACH, RETURN, REPEAT_REPORT,
   *     CHECK_FAILED, MANUAL)
   * @param repeatThreshold N: a repeat report escalates from the N-th report on, {@code >= 2}
   */
  public EscalateOneLevelRule(RoutingGraph graph, Set<DecisionPoint> points, int repeatThreshold) {
    super(graph);
    checkArgument(repeatThreshold >= 2, "repeatThreshold must be >= 2 but was %s", repeatThreshold);
    checkArgument(
        !points.contains(DecisionPoint.NEW_CASE), "a new case has no holder to escalate from");
    this.points =
        Sets.immutableEnumSet(points.isEmpty() ? EnumSet.noneOf(DecisionPoint.class) : points);
    this.repeatThreshold = repeatThreshold;
  }

  @Override
  public Optional<RoutingDecision> tryDecide(RoutingRequest request) {
    var unused = location(request);
    if (!points.contains(request.point()) || request.currentHolder().isEmpty()) {
      return Optional.empty();
    }
    if (request.point() == DecisionPoint.REPEAT_REPORT && request.reportCount() < repeatThreshold) {
      return Optional.empty();
    }
    String holder = request.currentHolder().get();
    Optional<String> up =
        graph.handler(holder).isPresent() ? graph.escalationTarget(holder) : Optional.empty();
    if (up.isEmpty()) {
      return Optional.empty();
    }
    return escalate(up.get(), request.point() + " at " + holder + " escalates one level");
  }

  @Override
  public String whyNot(RoutingRequest request) {
    return "escalates on "
        + points
        + " (repeat reports from the "
        + Texts.ordinal(repeatThreshold)
        + "), when the holder has an ESCALATE link";
  }
}
