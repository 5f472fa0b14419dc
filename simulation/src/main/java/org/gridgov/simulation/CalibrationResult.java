package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;

/**
 * What a {@link Calibration} found: the fitted parameters with their 95% intervals, and how the
 * simulated indicators at the fitted values compare with the targets.
 *
 * @param parameters one per calibration parameter, in their order
 * @param fit one per target, in their order
 * @param objective the weighted sum of squares at the fitted values: Σ ((simulated − target) / σ)²,
 *     σ the target's standard uncertainty
 * @param evaluations how many parameter points were simulated (search and derivatives)
 * @param converged whether the search met its tolerance before its evaluation budget ran out
 */
public record CalibrationResult(
    ImmutableList<Fitted> parameters,
    ImmutableList<TargetFit> fit,
    double objective,
    int evaluations,
    boolean converged) {

  /**
   * A fitted parameter.
   *
   * @param parameter the parameter as given
   * @param value the fitted value
   * @param standardError its standard error (delta method; {@code NaN} where the targets do not
   *     determine it)
   */
  public record Fitted(CalibrationParameter parameter, double value, double standardError) {

    /**
     * Returns the lower end of the 95% interval.
     *
     * @return {@code value - 1.96 * standardError}
     */
    public double lower() {
      return value - 1.959964 * standardError;
    }

    /**
     * Returns the upper end of the 95% interval.
     *
     * @return {@code value + 1.96 * standardError}
     */
    public double upper() {
      return value + 1.959964 * standardError;
    }

    /**
     * Returns whether a value lies in the 95% interval (ends included).
     *
     * @param x the value
     * @return whether {@code lower() <= x <= upper()}
     */
    public boolean covers(double x) {
      return lower() <= x && x <= upper();
    }
  }

  /**
   * A target beside what the calibrated model simulates.
   *
   * @param target the target as given
   * @param simulated the simulated indicator at the fitted values: mean over the replications with
   *     its 95% interval
   */
  public record TargetFit(CalibrationTarget target, Estimate simulated) {}
}
