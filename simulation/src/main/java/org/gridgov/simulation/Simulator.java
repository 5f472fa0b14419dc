package org.gridgov.simulation;

import org.gridgov.simulation.internal.CityModel;
import org.gridgov.simulation.internal.PreparedScenario;
import org.gridgov.simulation.internal.Replication;

/**
 * Runs one replication of a scenario: a discrete-event simulation in virtual time that drives the
 * real {@link org.gridgov.engine.CaseEngine} with the scenario's city, routing policy, SLA policy
 * and calendar.
 *
 * <p>The model is described in {@code docs/simulation.md}. Each call builds the city and a fresh
 * engine; to run many replications or parameter values, use {@link Experiments#run}, which builds
 * each distinct city once.
 *
 * <p>The simulation runs on the calling thread; the measured cases' files and the indicators are
 * built on one helper thread, in the order the cases finish, so the result is the same as a fully
 * sequential run's.
 *
 * <pre>{@code
 * ReplicationResult r = Simulator.run(BuiltInScenarios.putian(), 42, 0, Progress.NONE);
 * double onTime = r.value(Metric.ON_TIME_CLOSING_RATE);
 * }</pre>
 */
public final class Simulator {
  private Simulator() {}

  /**
   * Runs one replication.
   *
   * @param scenario the scenario
   * @param seed the experiment seed
   * @param replication the replication number ({@link RandomStreams} of {@code seed} for this
   *     replication)
   * @param progress receives simulated hours done
   * @return the measurements, with {@code parameterValue} {@code ""}
   * @throws IllegalArgumentException if the scenario's policies do not parse or do not fit its city
   */
  public static ReplicationResult run(
      Scenario scenario, long seed, int replication, Progress progress) {
    PreparedScenario prepared =
        PreparedScenario.of(scenario, CityModel.of(scenario.city(), scenario.householdsPerGrid()));
    return Replication.run(prepared, seed, replication, "", progress, null);
  }
}
