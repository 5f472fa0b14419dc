package org.gridgov.routing;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * One composable routing rule: it either decides or declines. Every rule is also a complete {@link
 * RoutingPolicy} on its own (declining becomes a {@link RoutingDecision.Reject}), so the same
 * contract test checks each one.
 *
 * <p>Rules compose with {@code org.gridgov.routing.rules.FirstMatchPolicy} (first match, optionally
 * collecting the assists of every matching rule) and {@code org.gridgov.routing.rules.ScopedRule}
 * (override by category or region).
 */
public interface RoutingRule extends RoutingPolicy {
  /**
   * Returns the rule's name as it appears in explanations (e.g. {@code LowestCapableLevelRule} or
   * {@code policy.csv:14}).
   *
   * @return the name
   */
  String name();

  /**
   * Decides, or declines when the rule does not apply.
   *
   * @param request the request
   * @return the decision (its explanation's {@code decidedBy} is {@link #name()}), or empty if the
   *     rule declines
   * @throws IllegalArgumentException if the request refers to regions the rule does not know,
   *     naming the case
   */
  Optional<RoutingDecision> tryDecide(RoutingRequest request);

  /**
   * Returns why the rule declines a request, for explanations. Called only after {@link #tryDecide}
   * declined.
   *
   * @param request the request it declined
   * @return a short reason, e.g. {@code "only at NEW_CASE"}
   */
  default String whyNot(RoutingRequest request) {
    return "does not apply";
  }

  /**
   * Decides as a whole policy: the rule's decision, or a reject when it declines.
   *
   * @param request the request
   * @return the decision
   */
  @Override
  default RoutingDecision decide(RoutingRequest request) {
    Optional<RoutingDecision> d = tryDecide(request);
    if (d.isPresent()) {
      return d.get();
    }
    String why = whyNot(request);
    return new RoutingDecision.Reject(
        "no rule places case " + request.facts().id() + ": " + name() + " " + why,
        new RoutingDecision.Explanation("(none)", ImmutableList.of(name() + ": " + why)));
  }
}
