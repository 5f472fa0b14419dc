package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;

/**
 * An experiment: a scenario run for each value of one parameter, with independent replications.
 *
 * <p>Replication {@code r} of every value uses the same random streams ({@link RandomStreams} of
 * {@code seed}, replication {@code r}): common random numbers, so differences between values are
 * not noise of the streams.
 *
 * @param scenario the base scenario
 * @param parameter the swept parameter
 * @param values its values, at least one, distinct
 * @param replications replications per value, {@code >= 1}
 * @param seed the experiment seed
 * @param parallelism how many runs at once, {@code >= 1}; results do not depend on it
 */
public record Sweep(
    Scenario scenario,
    SweepParameter parameter,
    ImmutableList<String> values,
    int replications,
    long seed,
    int parallelism) {

  /**
   * Validates.
   *
   * @param parallelism how many runs at once, {@code >= 1}; results do not depend on it
   * @param parameter the swept parameter
   * @param replications replications per value, {@code >= 1}
   * @param scenario the base scenario
   * @param seed the experiment seed
   * @param values its values, at least one, distinct
   */
  public Sweep {
    checkArgument(!values.isEmpty(), "a sweep needs at least one value");
    checkArgument(
        values.stream().distinct().count() == values.size(),
        "sweep values must be distinct: %s",
        values);
    checkArgument(replications >= 1, "replications must be >= 1 but was %s", replications);
    checkArgument(parallelism >= 1, "parallelism must be >= 1 but was %s", parallelism);
    for (String v : values) {
      var unused = parameter.apply(scenario, v); // fail now, not after an hour of simulation
    }
  }
}
