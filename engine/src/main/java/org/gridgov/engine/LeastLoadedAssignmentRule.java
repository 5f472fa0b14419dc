package org.gridgov.engine;

import java.util.Comparator;
import java.util.Optional;
import org.gridgov.people.PersonId;

/** The candidate with the fewest open cases from the desk; ties by the smallest person id. */
public final class LeastLoadedAssignmentRule implements PersonAssignmentRule {

  /** Creates the rule. */
  public LeastLoadedAssignmentRule() {}

  @Override
  public Optional<PersonId> choose(Request request) {
    return request.candidates().stream()
        .min(Comparator.comparingInt(Candidate::openCases).thenComparing(Candidate::person))
        .map(Candidate::person);
  }

  @Override
  public String name() {
    return "least-loaded";
  }
}
