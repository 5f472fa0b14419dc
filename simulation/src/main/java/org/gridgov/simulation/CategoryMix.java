package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * One category of cases in a scenario: its share of arrivals, how long its handling takes, and how
 * often the first holder can solve it.
 *
 * @param categoryCode a category code of the routing and SLA policies (e.g. {@code "0101"})
 * @param share the relative weight among the scenario's categories, {@code > 0} (shares need not
 *     sum to 1)
 * @param handling the handling time at a holder, travel excluded
 * @param solvedByHolder the probability that a holder below the district (grid, community, street
 *     office) solves the case itself; otherwise it returns the case and the routing policy decides
 *     who takes it. {@code 1} for "never returned".
 */
public record CategoryMix(
    String categoryCode, double share, Distribution handling, double solvedByHolder) {
  /**
   * Validates.
   *
   * @param categoryCode a category code of the routing and SLA policies (e.g. {@code "0101"})
   * @param handling the handling time at a holder, travel excluded
   * @param share the relative weight among the scenario's categories, {@code > 0} (shares need not
   *     sum to 1)
   * @param solvedByHolder the probability that a holder below the district (grid, community, street
   *     office) solves the case itself; otherwise it returns the case and the routing policy
   *     decides who takes it. {@code 1} for "never returned".
   */
  public CategoryMix {
    checkArgument(!categoryCode.isEmpty(), "categoryCode must not be empty");
    checkArgument(
        share > 0 && Double.isFinite(share),
        "share of %s must be > 0 but was %s",
        categoryCode,
        share);
    checkArgument(
        solvedByHolder >= 0 && solvedByHolder <= 1,
        "solvedByHolder of %s must be in [0, 1] but was %s",
        categoryCode,
        solvedByHolder);
  }
}
