package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * The difference of one metric between two design points, estimated from paired replications:
 * replication {@code r} of both points ran on the same random streams, so the mean of the {@code n}
 * differences {@code b_r - a_r} has a 95% confidence interval from Student's t with {@code n-1}
 * degrees of freedom, usually much narrower than the two points' separate intervals.
 *
 * @param metric the metric
 * @param from the index of point a in its design
 * @param to the index of point b in its design
 * @param difference the mean of {@code b_r - a_r} over the replications where both are defined,
 *     with its 95% confidence interval
 */
public record PairedDifference(Metric metric, int from, int to, Estimate difference) {

  /**
   * Pairs two points' replications and estimates the mean difference.
   *
   * @param metric the metric
   * @param from point a's index
   * @param a point a's replications, in replication order
   * @param to point b's index
   * @param b point b's replications, in replication order
   * @return the estimate
   * @throws IllegalArgumentException if the replications do not pair up (different counts or
   *     replication numbers), or the metric is defined in both for no replication
   */
  public static PairedDifference of(
      Metric metric, int from, List<ReplicationResult> a, int to, List<ReplicationResult> b) {
    checkArgument(
        a.size() == b.size(),
        "points %s and %s have %s and %s replications; pairing needs equal counts",
        from,
        to,
        a.size(),
        b.size());
    double[] d = new double[a.size()];
    int n = 0;
    for (int r = 0; r < a.size(); r++) {
      checkArgument(
          a.get(r).replication() == b.get(r).replication(),
          "run %s of point %s is replication %s but of point %s replication %s",
          r,
          from,
          a.get(r).replication(),
          to,
          b.get(r).replication());
      double x = b.get(r).value(metric) - a.get(r).value(metric);
      if (!Double.isNaN(x)) {
        d[n++] = x;
      }
    }
    checkArgument(
        n > 0, "%s is undefined in every replication of point %s or %s", metric.id(), from, to);
    return new PairedDifference(metric, from, to, Estimate.of(java.util.Arrays.copyOf(d, n)));
  }

  /**
   * Returns whether the difference is significant at the 5% level: its 95% interval excludes 0.
   *
   * @return {@code false} also when there is no interval (a single replication)
   */
  public boolean significant() {
    return !Double.isNaN(difference.halfWidth()) && !difference.covers(0);
  }
}
