package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;

/**
 * Checks the simulator against queueing theory: M/M/c scenarios ({@link BuiltInScenarios#mmc}) must reproduce the
 * Erlang-C mean wait and P(wait &gt; 0) within the simulation's 95% confidence intervals.
 */
@SuppressWarnings("DoNotCallSuggester") // a stub of the contract until it is implemented
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
      return meanWaitMinutes.covers(model.meanWaitMinutes()) && waitProbability.covers(model.waitProbability());
    }
  }

  /**
   * Returns the models checked by {@code gridgov-sim validate}: several (λ, μ, c) at moderate to high load.
   *
   * @return the models
   */
  public static ImmutableList<MmcModel> defaultModels() {
    return ImmutableList.of(
        new MmcModel(0.8, 1.0, 1), new MmcModel(3.0, 1.0, 4), new MmcModel(7.5, 1.5, 6), new MmcModel(18, 2, 10));
  }

  /**
   * Simulates each model and compares it with Erlang-C.
   *
   * @param models the models
   * @param seed the experiment seed
   * @param replications replications per model, {@code >= 2}
   * @param progress receives progress
   * @return one check per model, in order
   */
  public static ImmutableList<Check> run(ImmutableList<MmcModel> models, long seed, int replications,
      Progress progress) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
