package org.gridgov.simulation.spark;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.gridgov.simulation.Experiments;
import org.gridgov.simulation.Progress;
import org.gridgov.simulation.ReplicationResult;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.Sweep;
import org.gridgov.simulation.SweepResult;

/**
 * Runs a {@link Sweep} on Apache Spark: every value × replication is one task, running the real
 * simulator with the replication's own random streams; the driver gathers the runs and assembles
 * them in the sweep's order ({@link Experiments#assemble}), so the result — and the report files
 * written from it — equal a sequential {@link Experiments#run}'s, to the byte.
 *
 * <p>The sweep is validated on the driver before any task starts ({@link Experiments#validate}, the
 * same messages as the sequential run). A failed task is retried by Spark ({@code
 * spark.task.maxFailures}) and gives the same run, since a run depends only on its scenario, seed
 * and replication number. {@link Sweep#parallelism()} is not used: Spark's executors and cores
 * decide.
 *
 * <pre>{@code
 * try (JavaSparkContext sc = new JavaSparkContext("local[*]", "sweep")) {
 *   SweepResult result = SparkSweeps.run(sc, sweep, Progress.NONE);
 *   SweepReport.write(result, Path.of("gridgov-out"));
 * }
 * }</pre>
 */
public final class SparkSweeps {
  private SparkSweeps() {}

  /**
   * Runs a sweep, logging progress lines to standard error.
   *
   * @param sc the Spark context
   * @param sweep the experiment
   * @param progress receives simulated hours done, on the driver
   * @return the result, equal to {@link Experiments#run}'s
   * @throws IllegalArgumentException if the sweep's scenario is bad (before any task), or a
   *     replication failed on bad input: the message names the design point and replication
   * @throws IllegalStateException if a replication failed otherwise, naming them too
   */
  public static SweepResult run(JavaSparkContext sc, Sweep sweep, Progress progress) {
    return run(sc, sweep, progress, System.err::println, TaskFaults.NONE, true);
  }

  /**
   * Runs a sweep.
   *
   * @param sc the Spark context
   * @param sweep the experiment
   * @param progress receives simulated hours done, on the driver
   * @param log receives a line "done / total replications, ETA" every 10%
   * @return the result, equal to {@link Experiments#run}'s
   * @throws IllegalArgumentException if the sweep's scenario is bad (before any task), or a
   *     replication failed on bad input: the message names the design point and replication
   * @throws IllegalStateException if a replication failed otherwise, naming them too
   */
  public static SweepResult run(
      JavaSparkContext sc, Sweep sweep, Progress progress, Consumer<String> log) {
    return run(sc, sweep, progress, log, TaskFaults.NONE, true);
  }

  static SweepResult run(
      JavaSparkContext sc,
      Sweep sweep,
      Progress progress,
      Consumer<String> log,
      TaskFaults faults,
      boolean validateOnDriver) {
    if (validateOnDriver) {
      Experiments.validate(sweep);
    }
    List<DesignPoint> points = designPoints(sweep);
    List<ReplicationTask> tasks = new ArrayList<>();
    long[] hours = new long[points.size() * sweep.replications()];
    for (DesignPoint p : points) {
      for (int r = 0; r < sweep.replications(); r++) {
        hours[tasks.size()] = hoursOf(sweep.parameter().apply(sweep.scenario(), p.value()));
        tasks.add(new ReplicationTask(p.index(), r));
      }
    }
    String group = "gridgov-sweep-" + UUID.randomUUID();
    ReplicationProgress listener =
        new ReplicationProgress(group, hours, progress, log, System.nanoTime());
    sc.sc().addSparkListener(listener);
    List<ReplicationOutcome> outcomes;
    try {
      sc.setJobGroup(group, "gridgov sweep " + sweep.scenario().name(), false);
      Broadcast<List<DesignPoint>> shared = sc.broadcast(List.copyOf(points));
      outcomes =
          sc.parallelize(tasks, tasks.size())
              .map(new RunReplication(shared, sweep.seed(), sweep.replications(), faults))
              .collect();
      listener.finish(System.nanoTime());
    } catch (Exception e) { // Scala code throws the checked SparkException undeclared
      throw TaskFailures.rethrow(e);
    } finally {
      sc.clearJobGroup();
      sc.sc().removeSparkListener(listener);
    }
    return assemble(sweep, points, outcomes);
  }

  /** The design points, with their scenarios' text. */
  static List<DesignPoint> designPoints(Sweep sweep) {
    List<DesignPoint> points = new ArrayList<>();
    for (int i = 0; i < sweep.values().size(); i++) {
      String v = sweep.values().get(i);
      DesignPoint unnamed = new DesignPoint(i, sweep.parameter().id(), v, "");
      Scenario s = sweep.parameter().apply(sweep.scenario(), v);
      points.add(
          new DesignPoint(
              i,
              sweep.parameter().id(),
              v,
              ScenarioText.of(s, unnamed.describe(sweep.values().size()))));
    }
    return points;
  }

  private static SweepResult assemble(
      Sweep sweep, List<DesignPoint> points, List<ReplicationOutcome> outcomes) {
    List<ReplicationOutcome> sorted = new ArrayList<>(outcomes);
    sorted.sort(
        Comparator.comparingInt(ReplicationOutcome::point)
            .thenComparingInt(ReplicationOutcome::replication));
    ImmutableList.Builder<ReplicationResult> runs =
        ImmutableList.builderWithExpectedSize(sorted.size());
    for (ReplicationOutcome o : sorted) {
      runs.add(o.toResult(points.get(o.point()).value()));
    }
    return Experiments.assemble(sweep, runs.build());
  }

  /** Simulated hours of one replication, for progress: warm-up, horizon and drain. */
  private static long hoursOf(Scenario s) {
    return Math.max(1, s.warmUp().plus(s.horizon()).plus(s.drain()).toHours());
  }
}
