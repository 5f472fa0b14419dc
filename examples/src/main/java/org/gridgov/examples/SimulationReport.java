package org.gridgov.examples;

import com.google.common.collect.ImmutableList;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.gridgov.simulation.cli.GridgovSim;

/**
 * The project's main job: the grid-granularity report of the built-in {@code putian} scenario. It
 * runs {@code gridgov-sim sweep putian --param households-per-grid=150,300,500,800 --replications
 * 5} and prints where {@code report.html} is.
 *
 * <p>Run (the README's first command): {@code mvn -B -ntp -q -Pmain-job -DskipTests -pl examples
 * -am verify}. The report goes to the directory of the system property {@code gridgov.report.dir}
 * (the main-job profile sets {@code examples/target/gridgov-report}), else {@code
 * target/gridgov-report}. Arguments are passed on to {@code gridgov-sim} after the fixed ones (e.g.
 * {@code --threads 1}).
 */
public final class SimulationReport {
  /** The sweep of the main job, before {@code --out}. */
  static final ImmutableList<String> SWEEP =
      ImmutableList.of(
          "sweep",
          "putian",
          "--param",
          "households-per-grid=150,300,500,800",
          "--replications",
          "5",
          "--seed",
          "1");

  private SimulationReport() {}

  /**
   * Runs the sweep; its last line is the report's absolute path.
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
    int code = GridgovSim.execute(out, err, arguments(dir, args));
    if (code != GridgovSim.OK) {
      throw new IllegalStateException("gridgov-sim failed with exit code " + code);
    }
    // gridgov-sim's last line is "Report: <absolute path of report.html>".
  }

  /**
   * Returns the {@code gridgov-sim} arguments.
   *
   * @param dir the output directory
   * @param extra extra options
   * @return the arguments
   */
  static String[] arguments(Path dir, String... extra) {
    return ImmutableList.<String>builder()
        .addAll(SWEEP)
        .add("--out", dir.toString())
        .add(extra)
        .build()
        .toArray(new String[0]);
  }
}
