package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The outcome of a {@link Design}: every replication, a summary per point, and paired differences
 * between points.
 *
 * @param design the experiment
 * @param runs every replication, ordered by point (as in the plan) then replication
 * @param points one summary per point, in the plan's order; {@link SweepPoint#parameterValue()} is
 *     the point's {@link DesignPoint#label()}
 */
public record DesignResult(
    Design design, ImmutableList<ReplicationResult> runs, ImmutableList<SweepPoint> points) {

  /**
   * Returns one point's replications.
   *
   * @param point the point's index in the plan
   * @return its runs, in replication order
   */
  public List<ReplicationResult> runsOf(int point) {
    int n = design.plan().points().size();
    checkArgument(point >= 0 && point < n, "point %s is not in 0..%s", point, n - 1);
    int r = design.replications();
    return runs.subList(point * r, (point + 1) * r);
  }

  /**
   * Returns the paired difference of a metric from point {@code from} to point {@code to}.
   *
   * @param metric the metric
   * @param from the index of the reference point
   * @param to the index of the compared point
   * @return the mean of {@code to - from} over paired replications with its 95% interval
   */
  public PairedDifference paired(Metric metric, int from, int to) {
    return PairedDifference.of(metric, from, runsOf(from), to, runsOf(to));
  }

  /**
   * Returns the paired differences of a metric from one reference point to every other point.
   *
   * @param metric the metric
   * @param reference the reference point's index, e.g. 0 for the baseline
   * @return one difference per other point, in plan order; metrics undefined at a point are skipped
   */
  public ImmutableList<PairedDifference> pairedAgainst(Metric metric, int reference) {
    ImmutableList.Builder<PairedDifference> out = ImmutableList.builder();
    for (int i = 0; i < points.size(); i++) {
      if (i != reference && defined(metric, reference) && defined(metric, i)) {
        out.add(paired(metric, reference, i));
      }
    }
    return out.build();
  }

  private boolean defined(Metric metric, int point) {
    return runsOf(point).stream().anyMatch(r -> !Double.isNaN(r.value(metric)));
  }
}
