package org.gridgov.routing.rules;

import java.util.Optional;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingRequest;
import org.gridgov.routing.RoutingRule;

/** A rule that never decides and says so: the neutral element of a rule list, for tests. */
final class SilentRule implements RoutingRule {
  static final SilentRule INSTANCE = new SilentRule();

  private SilentRule() {}

  @Override
  public String name() {
    return "silent";
  }

  @Override
  public Optional<RoutingDecision> tryDecide(RoutingRequest request) {
    return Optional.empty();
  }

  @Override
  public String whyNot(RoutingRequest request) {
    return "never decides";
  }
}
