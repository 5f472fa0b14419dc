package org.gridgov.engine;

import java.util.Optional;
import org.gridgov.people.PersonId;

/**
 * In turn (轮派): the candidates ordered by person id, the office's {@code turn}-th choice modulo
 * their number; the turn counts every person the desk chose for that office before.
 */
public final class RoundRobinAssignmentRule implements PersonAssignmentRule {

  /** Creates the rule. */
  public RoundRobinAssignmentRule() {}

  @Override
  public Optional<PersonId> choose(Request request) {
    int n = request.candidates().size();
    if (n == 0) {
      return Optional.empty();
    }
    return Optional.of(
        request.candidates().get((int) Math.floorMod(request.turn(), (long) n)).person());
  }

  @Override
  public String name() {
    return "round-robin";
  }
}
