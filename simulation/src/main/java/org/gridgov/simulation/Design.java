package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A designed experiment over several factors: a scenario run at each point of a {@link DesignPlan}
 * with independent replications. A {@link Sweep} is the one-factor case.
 *
 * <p>Replication {@code r} of every point uses the random streams of ({@code seed}, {@code r}):
 * common random numbers, so {@link DesignResult#paired paired differences} between points are not
 * noise of the streams.
 *
 * <pre>{@code
 * DesignPlan plan = FactorialDesigns.full(ImmutableList.of(
 *     Factor.of(SweepParameter.HOUSEHOLDS_PER_GRID, "150", "500"),
 *     Factor.of(SweepParameter.WORKERS_PER_GRID, "1", "2")));
 * DesignResult result = DesignRunner.run(new Design(scenario, plan, 10, 42, 2), Progress.NONE);
 * }</pre>
 *
 * @param scenario the base scenario
 * @param plan the points
 * @param replications replications per point, {@code >= 1}
 * @param seed the experiment seed
 * @param parallelism how many runs at once, {@code >= 1}; results do not depend on it
 */
public record Design(
    Scenario scenario, DesignPlan plan, int replications, long seed, int parallelism) {

  /**
   * Validates, applying every point to the scenario now rather than after an hour of simulation.
   *
   * @param scenario the base scenario
   * @param plan the points
   * @param replications replications per point, {@code >= 1}
   * @param seed the experiment seed
   * @param parallelism how many runs at once, {@code >= 1}
   * @throws IllegalArgumentException naming the bad value
   */
  public Design {
    checkArgument(replications >= 1, "replications must be >= 1 but was %s", replications);
    checkArgument(parallelism >= 1, "parallelism must be >= 1 but was %s", parallelism);
    for (DesignPoint p : plan.points()) {
      var unused = p.apply(scenario);
    }
  }
}
