package org.gridgov.routing.analysis;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * The result of a {@link PolicyAnalysis}: every finding, located, plus the longest escalation chain
 * and the worst-case time to the top.
 *
 * @param findings the findings, sorted by kind, line, category, region, priority and point
 * @param regionClasses how many equivalence classes of regions were analysed (instead of every
 *     region)
 * @param requestsEvaluated how many decisions the analysis asked the policy for
 * @param longestChain the longest escalation chain from a first assignment to where escalation
 *     stops, handler ids in order
 * @param longestChainCategory the category the longest chain was found for
 * @param worstCase the worst-case time along the longest chain, if an SLA policy covers every stage
 *     on it
 */
public record PolicyReport(
    ImmutableList<Finding> findings,
    int regionClasses,
    long requestsEvaluated,
    ImmutableList<String> longestChain,
    String longestChainCategory,
    Optional<WorstCaseTime> worstCase) {

  /**
   * Returns the findings of one kind.
   *
   * @param kind the kind
   * @return those findings, in report order
   */
  public ImmutableList<Finding> findings(Finding.Kind kind) {
    return findings.stream().filter(f -> f.kind() == kind).collect(ImmutableList.toImmutableList());
  }

  /**
   * Tells whether the policy is sound: no finding at all.
   *
   * @return whether there are no findings
   */
  public boolean isClean() {
    return findings.isEmpty();
  }
}
