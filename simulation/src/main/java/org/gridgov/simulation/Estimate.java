package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The mean of independent replications with its 95% confidence interval (Student's t).
 *
 * @param mean the sample mean
 * @param halfWidth the half-width of the 95% confidence interval; {@code NaN} for a single
 *     replication
 * @param n the number of replications
 */
public record Estimate(double mean, double halfWidth, int n) {

  /** Two-sided 95% quantiles of Student's t for 1..30 degrees of freedom. */
  private static final double[] T95 = {
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042
  };

  /**
   * Validates.
   *
   * @param halfWidth the half-width of the 95% confidence interval; {@code NaN} for a single
   *     replication
   * @param mean the sample mean
   * @param n the number of replications
   */
  public Estimate {
    checkArgument(n >= 1, "n must be >= 1 but was %s", n);
  }

  /**
   * Estimates the mean of samples.
   *
   * @param samples one value per replication, at least one
   * @return the estimate
   */
  public static Estimate of(double... samples) {
    checkArgument(samples.length >= 1, "need at least one sample");
    int n = samples.length;
    double mean = 0;
    for (double x : samples) {
      mean += x;
    }
    mean /= n;
    if (n == 1) {
      return new Estimate(mean, Double.NaN, 1);
    }
    double ss = 0;
    for (double x : samples) {
      ss += (x - mean) * (x - mean);
    }
    double sd = Math.sqrt(ss / (n - 1));
    return new Estimate(mean, tQuantile95(n - 1) * sd / Math.sqrt(n), n);
  }

  /**
   * Returns the two-sided 95% quantile of Student's t distribution.
   *
   * @param degreesOfFreedom {@code >= 1}
   * @return the quantile: tabled up to 30 degrees of freedom, a Cornish-Fisher expansion beyond
   */
  public static double tQuantile95(int degreesOfFreedom) {
    checkArgument(
        degreesOfFreedom >= 1, "degrees of freedom must be >= 1 but was %s", degreesOfFreedom);
    if (degreesOfFreedom <= T95.length) {
      return T95[degreesOfFreedom - 1];
    }
    // Cornish-Fisher expansion around the normal quantile: accurate to 1e-3 beyond 30 degrees of
    // freedom.
    double z = 1.959964;
    double df = degreesOfFreedom;
    return z
        + (z * z * z + z) / (4 * df)
        + (5 * Math.pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * df * df);
  }

  /**
   * Returns the lower end of the interval.
   *
   * @return {@code mean - halfWidth}
   */
  public double lower() {
    return mean - halfWidth;
  }

  /**
   * Returns the upper end of the interval.
   *
   * @return {@code mean + halfWidth}
   */
  public double upper() {
    return mean + halfWidth;
  }

  /**
   * Returns whether a value lies in the interval (ends included).
   *
   * @param value the value
   * @return whether {@code lower() <= value <= upper()}
   */
  public boolean covers(double value) {
    return lower() <= value && value <= upper();
  }
}
