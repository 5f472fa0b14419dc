package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * The main effect of one factor on one metric in a factorial design: the mean over the points at
 * the factor's last level minus the mean over the points at its first level, estimated per
 * replication and then averaged. With common random numbers replication {@code r} of every point
 * shares its streams, so the {@code n} per-replication effects are paired and the Student-t
 * interval over them is the effect's 95% confidence interval (Montgomery, <i>Design and Analysis of
 * Experiments</i>, ch. 6, with replications as blocks).
 *
 * <p>An effect is given only where it averages over the other factors: the factor's first and last
 * levels each appear at the same number of points, more than one. In a Latin hypercube or a
 * one-factor design every level appears once; the paired differences between points say it all.
 *
 * @param metric the metric
 * @param factor the factor's parameter
 * @param low the factor's first level
 * @param high the factor's last level
 * @param effect mean(high) − mean(low) with its 95% interval
 */
public record FactorEffect(
    Metric metric, SweepParameter factor, String low, String high, Estimate effect) {

  /**
   * Returns the main effects of every factor that has them, in factor order.
   *
   * @param result the design's result
   * @param metric the metric
   * @return one effect per factor whose first and last levels each appear at the same number (more
   *     than one) of points; none where the metric is undefined in some replication of those points
   */
  public static ImmutableList<FactorEffect> of(DesignResult result, Metric metric) {
    DesignPlan plan = result.design().plan();
    ImmutableList.Builder<FactorEffect> out = ImmutableList.builder();
    for (SweepParameter f : plan.factors()) {
      List<String> levels = new ArrayList<>();
      for (DesignPoint p : plan.points()) {
        if (!levels.contains(p.level(f))) {
          levels.add(p.level(f));
        }
      }
      String low = levels.get(0);
      String high = levels.get(levels.size() - 1);
      List<Integer> lows = pointsAt(plan, f, low);
      List<Integer> highs = pointsAt(plan, f, high);
      if (levels.size() < 2 || lows.size() < 2 || lows.size() != highs.size()) {
        continue;
      }
      double[] perReplication = new double[result.design().replications()];
      boolean defined = true;
      for (int r = 0; r < perReplication.length && defined; r++) {
        perReplication[r] = mean(result, highs, r, metric) - mean(result, lows, r, metric);
        defined = !Double.isNaN(perReplication[r]);
      }
      if (defined) {
        out.add(new FactorEffect(metric, f, low, high, Estimate.of(perReplication)));
      }
    }
    return out.build();
  }

  /**
   * Returns whether the effect is significant at the 5% level: its 95% interval excludes 0.
   *
   * @return {@code false} also when there is no interval (a single replication)
   */
  public boolean significant() {
    return !Double.isNaN(effect.halfWidth()) && !effect.covers(0);
  }

  private static List<Integer> pointsAt(DesignPlan plan, SweepParameter f, String level) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < plan.points().size(); i++) {
      if (plan.points().get(i).level(f).equals(level)) {
        out.add(i);
      }
    }
    return out;
  }

  private static double mean(DesignResult result, List<Integer> points, int r, Metric metric) {
    double s = 0;
    for (int i : points) {
      s += result.runsOf(i).get(r).value(metric);
    }
    return s / points.size();
  }
}
