package org.gridgov.simulation;

/**
 * Runs one replication of a scenario: a discrete-event simulation in virtual time that drives the real
 * {@link org.gridgov.engine.CaseEngine} with the scenario's city, routing policy, SLA policy and calendar.
 */
@SuppressWarnings("DoNotCallSuggester") // a stub of the contract until it is implemented
public final class Simulator {
  private Simulator() {}

  /**
   * Runs one replication.
   *
   * @param scenario the scenario
   * @param seed the experiment seed
   * @param replication the replication number ({@link RandomStreams} of {@code seed} for this replication)
   * @param progress receives simulated hours done
   * @return the measurements, with {@code parameterValue} {@code ""}
   * @throws IllegalArgumentException if the scenario's policies do not parse or do not fit its city
   */
  public static ReplicationResult run(Scenario scenario, long seed, int replication, Progress progress) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
