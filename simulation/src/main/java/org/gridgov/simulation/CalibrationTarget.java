package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A published indicator the calibrated model should reproduce, e.g. 按期结案率 = 0.95 ± 0.01.
 *
 * @param metric the simulated indicator compared with the target
 * @param value the published value, in the metric's unit (rates as fractions)
 * @param halfWidth the published value's uncertainty as the half-width of a 95% interval, {@code >
 *     0}: targets with smaller half-widths weigh more in the fit, and the fitted parameters'
 *     intervals include it
 */
public record CalibrationTarget(Metric metric, double value, double halfWidth) {

  /**
   * Validates.
   *
   * @param metric the simulated indicator compared with the target
   * @param value the published value, in the metric's unit (rates as fractions)
   * @param halfWidth the published value's uncertainty as the half-width of a 95% interval, {@code
   *     > 0}
   */
  public CalibrationTarget {
    checkArgument(
        Double.isFinite(value), "target %s: value must be finite but was %s", metric.id(), value);
    checkArgument(
        halfWidth > 0 && Double.isFinite(halfWidth),
        "target %s: half-width must be finite and > 0 but was %s",
        metric.id(),
        halfWidth);
  }

  /**
   * Returns the target's standard uncertainty.
   *
   * @return {@code halfWidth / 1.96}
   */
  public double sigma() {
    return halfWidth / 1.959964;
  }
}
