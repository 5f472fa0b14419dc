package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A parameter to fit: a named scenario knob with its bounds and the value the search starts from.
 *
 * @param name the parameter's name in reports, e.g. {@code handling-scale}
 * @param lower the smallest value the search may try
 * @param upper the largest value the search may try, {@code > lower}
 * @param start the value the search starts from, within the bounds
 */
public record CalibrationParameter(String name, double lower, double upper, double start) {

  /**
   * Validates.
   *
   * @param name the parameter's name in reports, e.g. {@code handling-scale}
   * @param lower the smallest value the search may try
   * @param upper the largest value the search may try, {@code > lower}
   * @param start the value the search starts from, within the bounds
   */
  public CalibrationParameter {
    checkArgument(!name.isEmpty(), "a calibration parameter needs a name");
    checkArgument(
        Double.isFinite(lower) && Double.isFinite(upper) && lower < upper,
        "calibration parameter %s: bounds must be finite with lower < upper but were [%s, %s]",
        name,
        lower,
        upper);
    checkArgument(
        lower <= start && start <= upper,
        "calibration parameter %s: start %s must lie within [%s, %s]",
        name,
        start,
        lower,
        upper);
  }
}
