package org.gridgov.routing.rules;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingRequest;
import org.gridgov.routing.RoutingRule;
import org.gridgov.routing.internal.Locations;

/** Shared code of the built-in rules: the graph, the name, location resolution and explanations. */
abstract class BaseRule implements RoutingRule {
  final RoutingGraph graph;

  BaseRule(RoutingGraph graph) {
    this.graph = Objects.requireNonNull(graph, "graph");
  }

  @Override
  public String name() {
    return getClass().getSimpleName();
  }

  /** The LCA index of the case's locations, validating every code. */
  final int location(RoutingRequest request) {
    return Locations.regionIndex(graph.tree(), request);
  }

  final RoutingDecision.Explanation because(String why) {
    return new RoutingDecision.Explanation(name(), ImmutableList.of(name() + ": " + why));
  }

  final Optional<RoutingDecision> assign(String lead, List<String> assists, String why) {
    return Optional.of(RoutingDecision.Assign.of(lead, assists, because(why)));
  }

  final Optional<RoutingDecision> escalate(String to, String why) {
    return Optional.of(new RoutingDecision.Escalate(to, because(why)));
  }

  @Override
  public String toString() {
    return name();
  }
}
