package org.gridgov.engine;

import java.util.Comparator;
import java.util.Optional;
import org.gridgov.people.PersonId;

/**
 * 属地: the grid's own worker, i.e. a candidate assigned to the office's region itself; if there is
 * none, one covering it from a wider region (a community-wide worker). Ties go to the fewest open
 * cases, then the smallest person id.
 */
public final class OwnWorkerAssignmentRule implements PersonAssignmentRule {

  /** Creates the rule. */
  public OwnWorkerAssignmentRule() {}

  @Override
  public Optional<PersonId> choose(Request request) {
    return request.candidates().stream()
        .min(
            Comparator.comparing((Candidate c) -> c.assignmentRegion() != request.regionCode())
                .thenComparingInt(Candidate::openCases)
                .thenComparing(Candidate::person))
        .map(Candidate::person);
  }

  @Override
  public String name() {
    return "own-worker";
  }
}
