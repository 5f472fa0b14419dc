package org.gridgov.examples;

import com.google.common.collect.ImmutableList;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.gridgov.simulation.cli.GridgovSim;

/**
 * The project's main job: a factorial granularity study on the built-in {@code putian} baseline —
 * grid size (150 or 500 households per grid) × grid workers per grid (1 or 2) × patrol rounds per
 * working day (1 or 4), a 2<sup>3</sup> full factorial with 3 replications per point and common
 * random numbers. It runs {@code gridgov-sim design examples/scenarios/putian-granularity.yaml} and
 * prints the main effects with their 95% intervals and where {@code report.html} is.
 *
 * <p>Run (the README's first command): {@code mvn -B -ntp -q -Pmain-job -DskipTests -pl examples
 * -am verify}. The report goes to the directory of the system property {@code gridgov.report.dir}
 * (the main-job profile sets {@code examples/target/gridgov-report}), else {@code
 * target/gridgov-report}; the scenario file is read from the directory of {@code
 * gridgov.scenarios.dir} (the profile sets {@code examples/scenarios}), else {@code
 * examples/scenarios}. Arguments are passed on to {@code gridgov-sim} after the fixed ones (e.g.
 * {@code --threads 1}, or {@code --replications 2} on a slow machine).
 */
public final class SimulationReport {
  /** The scenario file of the study, in the scenarios directory. */
  static final String SCENARIO = "putian-granularity.yaml";

  /** The seed of the main job. */
  static final String SEED = "1";

  private SimulationReport() {}

  /**
   * Runs the study; its last line is the report's absolute path.
   *
   * @param args extra {@code gridgov-sim} options
   * @throws IllegalStateException if {@code gridgov-sim} fails (its message is on standard error)
   */
  public static void main(String[] args) {
    Path dir =
        Path.of(System.getProperty("gridgov.report.dir", "target/gridgov-report"))
            .toAbsolutePath()
            .normalize();
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    Path scenarios =
        Path.of(System.getProperty("gridgov.scenarios.dir", "examples/scenarios"))
            .toAbsolutePath()
            .normalize();
    int code = GridgovSim.execute(out, err, arguments(scenarios, dir, args));
    if (code != GridgovSim.OK) {
      throw new IllegalStateException("gridgov-sim failed with exit code " + code);
    }
    // gridgov-sim's last line is "Report: <absolute path of report.html>".
  }

  /**
   * Returns the {@code gridgov-sim} arguments.
   *
   * @param scenarios the directory of the scenario file
   * @param dir the output directory
   * @param extra extra options
   * @return the arguments
   */
  static String[] arguments(Path scenarios, Path dir, String... extra) {
    return ImmutableList.<String>builder()
        .add("design", scenarios.resolve(SCENARIO).toString(), "--seed", SEED)
        .add("--out", dir.toString())
        .add(extra)
        .build()
        .toArray(new String[0]);
  }
}
