package org.gridgov.simulation;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Runs a {@link Sweep} somewhere other than this JVM's thread pool, e.g. on Apache Spark with
 * {@code gridgov-simulation-spark}: a service found with {@link ServiceLoader} on the class path,
 * so this module does not depend on the engines that implement it.
 *
 * <p>An implementation returns a result equal to {@link Experiments#run}'s for the same sweep: the
 * same runs in the same order (by value, then replication) and the same summaries, so the report
 * files are the same bytes.
 */
public interface SweepExecutor {

  /**
   * Returns the name the command line selects it by, e.g. {@code spark} for {@code --spark}.
   *
   * @return the name
   */
  String name();

  /**
   * Runs every value and replication of a sweep.
   *
   * @param sweep the experiment
   * @param target where to run, in the executor's terms (for Spark a master URL such as {@code
   *     local[*]} or {@code yarn})
   * @param progress receives progress on the calling side
   * @return the result, equal to {@link Experiments#run}'s
   * @throws IllegalArgumentException if the sweep's scenario is bad (the same message as a
   *     sequential run) or a run failed on bad input, naming the value and replication
   */
  SweepResult run(Sweep sweep, String target, Progress progress);

  /**
   * Finds the executor of a name on the class path.
   *
   * @param name e.g. {@code spark}
   * @return the executor, or empty if no jar on the class path provides it
   */
  static Optional<SweepExecutor> find(String name) {
    for (SweepExecutor e : ServiceLoader.load(SweepExecutor.class)) {
      if (e.name().equals(name)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
