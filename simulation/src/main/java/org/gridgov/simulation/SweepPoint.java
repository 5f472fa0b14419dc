package org.gridgov.simulation;

import com.google.common.collect.ImmutableMap;

/**
 * The replications of one value of a sweep, summarised per metric.
 *
 * @param parameterValue the value
 * @param estimates each metric's mean over the replications with its 95% confidence interval
 *     (metrics undefined in every replication are absent)
 */
public record SweepPoint(String parameterValue, ImmutableMap<Metric, Estimate> estimates) {

  /**
   * Returns one metric's estimate.
   *
   * @param metric the metric
   * @return the estimate
   * @throws IllegalArgumentException if the metric was undefined in every replication
   */
  public Estimate estimate(Metric metric) {
    Estimate e = estimates.get(metric);
    if (e == null) {
      throw new IllegalArgumentException(metric.id() + " is undefined at " + parameterValue);
    }
    return e;
  }
}
