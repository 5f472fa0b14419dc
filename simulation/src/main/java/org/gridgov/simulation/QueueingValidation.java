package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * Checks the simulator against queueing theory: M/M/c scenarios ({@link BuiltInScenarios#mmc}) must
 * reproduce the Erlang-C mean wait and P(wait &gt; 0) within the simulation's 95% confidence
 * intervals.
 *
 * <p>The whole engine runs: each case is reported, verified, registered and dispatched by the
 * routing policy to the grid office, waits there for one of the {@code c} grid workers, is
 * accepted, handled, resolved, checked and closed. The wait measured is from dispatch to
 * acceptance.
 *
 * <p>Two choices keep the check free of systematic error (docs/simulation.md, "Validation"):
 *
 * <ul>
 *   <li>The estimates are pooled ratio estimators over the replications (all waits ÷ all accepted
 *       cases), not the mean of the replications' own ratios. A replication's window holds a random
 *       number of arrivals, and a window with more arrivals is also more congested, so the mean of
 *       per-replication ratios weights the congested windows too little and lies below Erlang-C (by
 *       about 0.02–0.05 % of P(wait &gt; 0) at 10,000 arrivals a window: the sign never changes).
 *       The interval is the delta-method interval of the ratio with Student's t.
 *   <li>Each model runs on its own seed, derived from the experiment seed and the model's index, so
 *       the models' checks are independent (common random numbers are for comparisons, not for
 *       coverage).
 * </ul>
 */
public final class QueueingValidation {
  private QueueingValidation() {}

  /**
   * One model's check.
   *
   * @param model the queue
   * @param meanWaitMinutes the simulated mean wait over the replications
   * @param waitProbability the simulated P(wait &gt; 0) over the replications
   */
  public record Check(MmcModel model, Estimate meanWaitMinutes, Estimate waitProbability) {
    /**
     * Returns whether both Erlang-C values lie in the simulated confidence intervals.
     *
     * @return whether the check passed
     */
    public boolean passed() {
      return meanWaitMinutes.covers(model.meanWaitMinutes())
          && waitProbability.covers(model.waitProbability());
    }
  }

  /**
   * Returns the models checked by {@code gridgov-sim validate}: several (λ, μ, c) at moderate to
   * high load.
   *
   * @return the models
   */
  public static ImmutableList<MmcModel> defaultModels() {
    return ImmutableList.of(
        new MmcModel(0.8, 1.0, 1),
        new MmcModel(3.0, 1.0, 4),
        new MmcModel(7.5, 1.5, 6),
        new MmcModel(18, 2, 10));
  }

  /**
   * Simulates each model and compares it with Erlang-C. Runs on as many threads as there are
   * processors; the result does not depend on it.
   *
   * @param models the models
   * @param seed the experiment seed
   * @param replications replications per model, {@code >= 2}
   * @param progress receives progress
   * @return one check per model, in order
   */
  public static ImmutableList<Check> run(
      ImmutableList<MmcModel> models, long seed, int replications, Progress progress) {
    checkArgument(
        replications >= 2,
        "replications must be >= 2 for a confidence interval but was %s",
        replications);
    int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());
    RandomStreams modelSeeds = RandomStreams.of(seed);
    ImmutableList.Builder<Check> checks = ImmutableList.builder();
    for (int i = 0; i < models.size(); i++) {
      Scenario s = BuiltInScenarios.mmc(models.get(i));
      long modelSeed = modelSeeds.stream("validation-model", i).nextLong();
      ImmutableList<ReplicationResult> mine =
          Experiments.runAll(
              List.of(s), List.of(s.name()), replications, modelSeed, parallelism, progress);
      double[] accepted = new double[mine.size()];
      double[] waitMinutes = new double[mine.size()];
      double[] waited = new double[mine.size()];
      for (int r = 0; r < mine.size(); r++) {
        ReplicationResult run = mine.get(r);
        if (run.value(Metric.CLOSING_RATE) != 1.0) {
          throw new IllegalStateException(
              String.format(
                  "model %s, replication %d: closing rate %s, expected every measured case"
                      + " accepted and closed within the drain",
                  s.name(), run.replication(), run.value(Metric.CLOSING_RATE)));
        }
        accepted[r] = run.value(Metric.CASES_REPORTED);
        waitMinutes[r] = run.value(Metric.MEAN_WAIT_MINUTES) * accepted[r];
        waited[r] = Math.rint(run.value(Metric.WAIT_PROBABILITY) * accepted[r]);
      }
      checks.add(new Check(models.get(i), ratio(waitMinutes, accepted), ratio(waited, accepted)));
    }
    return checks.build();
  }

  /**
   * The pooled ratio estimator {@code R = Σ x / Σ n} over replications with its delta-method 95%
   * interval: the mean of the linearised values {@code R + (x_r − R n_r) / n̄} is exactly {@code
   * R}, and their Student-t interval is the ratio's.
   *
   * @param x each replication's total (e.g. the number of cases that waited)
   * @param n each replication's count (e.g. the number of cases accepted), all {@code > 0}
   * @return the estimate
   */
  static Estimate ratio(double[] x, double[] n) {
    checkArgument(x.length == n.length, "%s totals but %s counts", x.length, n.length);
    double sumX = 0;
    double sumN = 0;
    for (int r = 0; r < x.length; r++) {
      if (!(n[r] > 0)) {
        throw new IllegalArgumentException(
            String.format(
                java.util.Locale.ROOT, "replication %d: count %s, expected > 0", r, n[r]));
      }
      sumX += x[r];
      sumN += n[r];
    }
    double pooled = sumX / sumN;
    double meanN = sumN / n.length;
    double[] linear = new double[x.length];
    for (int r = 0; r < x.length; r++) {
      linear[r] = pooled + (x[r] - pooled * n[r]) / meanN;
    }
    Estimate e = Estimate.of(linear);
    return new Estimate(pooled, e.halfWidth(), e.n());
  }
}
