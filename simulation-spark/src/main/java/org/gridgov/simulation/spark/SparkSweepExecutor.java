package org.gridgov.simulation.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.gridgov.simulation.Progress;
import org.gridgov.simulation.Sweep;
import org.gridgov.simulation.SweepExecutor;
import org.gridgov.simulation.SweepResult;

/**
 * The {@link SweepExecutor} named {@code spark}: what {@code gridgov-sim sweep ... --spark MASTER}
 * runs when this jar and Spark are on the class path. Starts a Spark context on the master (e.g.
 * {@code local[*]}), runs the sweep with {@link SparkSweeps} and stops the context.
 *
 * <p>Spark's settings come from {@code spark.*} system properties as usual (e.g. {@code
 * -Dspark.ui.enabled=true}; the web UI is off and the log level is {@code WARN} unless asked
 * otherwise).
 */
public final class SparkSweepExecutor implements SweepExecutor {

  /** Created by {@link java.util.ServiceLoader}. */
  public SparkSweepExecutor() {}

  /**
   * Returns {@code spark}, the name {@code --spark} selects.
   *
   * @return {@code spark}
   */
  @Override
  public String name() {
    return "spark";
  }

  /**
   * {@inheritDoc}
   *
   * @param target a Spark master URL: {@code local[*]}, {@code local[4]}, {@code yarn}, {@code
   *     k8s://https://host:443}, {@code spark://host:7077}
   */
  @Override
  public SweepResult run(Sweep sweep, String target, Progress progress) {
    SparkConf conf =
        new SparkConf()
            .setMaster(target)
            .setAppName("gridgov-sim sweep " + sweep.scenario().name())
            .setIfMissing("spark.ui.enabled", "false")
            .setIfMissing("spark.log.level", "WARN");
    try (JavaSparkContext sc = new JavaSparkContext(conf)) {
      return SparkSweeps.run(sc, sweep, progress);
    }
  }
}
