package org.gridgov.metrics;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The weights of Beijing's three rates (响应率, 解决率, 满意率) in the composite score of 接诉即办 evaluation.
 *
 * <p>The published weights have changed over the years and differ by district, so gridgov fixes
 * none: pass yours. {@link #equal()} weighs the three rates equally. The composite is {@code 100 ×
 * (response·r + solved·s + satisfied·m) / (response + solved + satisfied)}.
 *
 * @param response the weight of 响应率
 * @param solved the weight of 解决率
 * @param satisfied the weight of 满意率
 */
public record ThreeRateWeights(double response, double solved, double satisfied) {

  /**
   * Validates the weights.
   *
   * @param response the response component
   * @param solved the solved component
   * @param satisfied the satisfied component
   * @throws IllegalArgumentException if a weight is negative or not finite, or all are zero
   */
  public ThreeRateWeights {
    checkArgument(
        Double.isFinite(response) && response >= 0,
        "response weight must be >= 0 but was %s",
        response);
    checkArgument(
        Double.isFinite(solved) && solved >= 0, "solved weight must be >= 0 but was %s", solved);
    checkArgument(
        Double.isFinite(satisfied) && satisfied >= 0,
        "satisfied weight must be >= 0 but was %s",
        satisfied);
    checkArgument(response + solved + satisfied > 0, "at least one weight must be positive");
  }

  /**
   * Returns equal weights.
   *
   * @return weights 1, 1, 1
   */
  public static ThreeRateWeights equal() {
    return new ThreeRateWeights(1, 1, 1);
  }
}
