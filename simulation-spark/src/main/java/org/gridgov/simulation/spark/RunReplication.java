package org.gridgov.simulation.spark;

import java.util.List;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.gridgov.simulation.Progress;
import org.gridgov.simulation.ReplicationResult;
import org.gridgov.simulation.Simulator;

/**
 * The work of one Spark task: reads the design point's scenario and runs the real simulator for the
 * replication with the sweep's seed, as {@link org.gridgov.simulation.Experiments#run} would.
 */
final class RunReplication implements Function<ReplicationTask, ReplicationOutcome> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<List<DesignPoint>> points;
  private final long seed;
  private final int replications;
  private final TaskFaults faults;

  RunReplication(
      Broadcast<List<DesignPoint>> points, long seed, int replications, TaskFaults faults) {
    this.points = points;
    this.seed = seed;
    this.replications = replications;
    this.faults = faults;
  }

  @Override
  public ReplicationOutcome call(ReplicationTask task) {
    List<DesignPoint> all = points.value();
    DesignPoint point = all.get(task.point());
    try {
      faults.beforeRun(task);
      ReplicationResult r =
          Simulator.run(
              ScenarioText.read(point.scenarioText()), seed, task.replication(), Progress.NONE);
      return ReplicationOutcome.of(task.point(), r);
    } catch (RuntimeException e) {
      throw new ReplicationFailedException(
          point.describe(all.size())
              + ", replication "
              + task.replication()
              + " of "
              + replications
              + " (seed "
              + seed
              + ")",
          e);
    }
  }
}
