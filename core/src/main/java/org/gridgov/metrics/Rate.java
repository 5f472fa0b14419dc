package org.gridgov.metrics;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A rate as its two counts, so that nothing is lost to rounding and an empty denominator stays
 * visible.
 *
 * @param numerator the count that meets the condition, e.g. cases closed on time
 * @param denominator the count it is measured against, e.g. cases due in the period
 */
public record Rate(long numerator, long denominator) {

  /**
   * Validates the counts.
   *
   * @param numerator the numerator component
   * @param denominator the denominator component
   * @throws IllegalArgumentException if a count is negative or the numerator exceeds the
   *     denominator
   */
  public Rate {
    checkArgument(denominator >= 0, "denominator must be >= 0 but was %s", denominator);
    checkArgument(
        numerator >= 0 && numerator <= denominator,
        "numerator must be between 0 and the denominator %s but was %s",
        denominator,
        numerator);
  }

  /**
   * Returns the ratio {@code numerator / denominator}.
   *
   * @return the ratio in [0, 1], or empty when the denominator is 0 (nothing to measure)
   */
  public OptionalDouble value() {
    return denominator == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) numerator / denominator);
  }

  /** Renders as {@code 12/15 (80.00%)}, or {@code 0/0 (n/a)}. */
  @Override
  public String toString() {
    return denominator == 0
        ? "0/0 (n/a)"
        : String.format(
            Locale.ROOT, "%d/%d (%.2f%%)", numerator, denominator, 100.0 * numerator / denominator);
  }
}
