package org.gridgov.engine;

import com.google.common.collect.ImmutableList;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.casefile.CaseId;
import org.gridgov.people.PersonId;

/**
 * Resolves an office that holds a case (a grid's station, {@code office:<grid>}) to one person
 * among the staff covering it in the office's role: the grid's own worker ({@link
 * OwnWorkerAssignmentRule}), the least loaded ({@link LeastLoadedAssignmentRule}), or in turn
 * ({@link RoundRobinAssignmentRule}). The plug-in point of {@link StaffDesk}.
 *
 * <p>Implementations are pure functions of the request: no clock, no randomness, no state of their
 * own (a turn counter comes in the request), so that a desk replayed from its log chooses alike.
 */
public interface PersonAssignmentRule {

  /**
   * Chooses a person, or none (the case then waits in the office's queue).
   *
   * @param request the case, the office and the candidates
   * @return one of the request's candidates, or empty
   */
  Optional<PersonId> choose(Request request);

  /**
   * Returns the rule's name, written into {@link StaffEvent#rule()}.
   *
   * @return the name, e.g. {@code own-worker}
   */
  String name();

  /**
   * A person who may take the case.
   *
   * @param person the person
   * @param assignmentRegion the region of the assignment through which the person covers the
   *     office's region (the grid itself for the grid's own worker, an ancestor for a
   *     community-wide one)
   * @param openCases how many open cases the desk has given the person now
   */
  record Candidate(PersonId person, long assignmentRegion, int openCases) {
    /**
     * Validates.
     *
     * @param person the person
     * @param assignmentRegion the assignment's region
     * @param openCases the open cases
     */
    public Candidate {
      Objects.requireNonNull(person, "person");
    }
  }

  /**
   * What to choose for.
   *
   * @param caseId the case
   * @param handlerId the office holding it
   * @param regionCode the office's region
   * @param roleCode the staff role that serves that office
   * @param candidates the persons covering the region in that role at the instant, by person id;
   *     each once
   * @param turn how many persons the desk has chosen for this office before (for rotation)
   */
  record Request(
      CaseId caseId,
      String handlerId,
      long regionCode,
      String roleCode,
      ImmutableList<Candidate> candidates,
      long turn) {
    /**
     * Validates.
     *
     * @param caseId the case
     * @param handlerId the office
     * @param regionCode the region
     * @param roleCode the role
     * @param candidates the candidates
     * @param turn the turn
     */
    public Request {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(handlerId, "handlerId");
      Objects.requireNonNull(roleCode, "roleCode");
      Objects.requireNonNull(candidates, "candidates");
    }
  }
}
