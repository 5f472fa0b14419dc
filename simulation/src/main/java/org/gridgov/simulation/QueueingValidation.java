package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
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
    List<Scenario> scenarios = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (MmcModel m : models) {
      Scenario s = BuiltInScenarios.mmc(m);
      scenarios.add(s);
      labels.add(s.name());
    }
    int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());
    ImmutableList<ReplicationResult> runs =
        Experiments.runAll(scenarios, labels, replications, seed, parallelism, progress);
    ImmutableList.Builder<Check> checks = ImmutableList.builder();
    for (int i = 0; i < models.size(); i++) {
      List<ReplicationResult> mine = runs.subList(i * replications, (i + 1) * replications);
      checks.add(
          new Check(
              models.get(i),
              Estimate.of(
                  mine.stream().mapToDouble(r -> r.value(Metric.MEAN_WAIT_MINUTES)).toArray()),
              Estimate.of(
                  mine.stream().mapToDouble(r -> r.value(Metric.WAIT_PROBABILITY)).toArray())));
    }
    return checks.build();
  }
}
