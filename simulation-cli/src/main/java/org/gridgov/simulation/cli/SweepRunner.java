package org.gridgov.simulation.cli;

import com.google.common.collect.ImmutableList;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import org.gridgov.simulation.Estimate;
import org.gridgov.simulation.Experiments;
import org.gridgov.simulation.Metric;
import org.gridgov.simulation.Sweep;
import org.gridgov.simulation.SweepExecutor;
import org.gridgov.simulation.SweepPoint;
import org.gridgov.simulation.SweepResult;
import org.gridgov.simulation.report.SweepReport;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs a sweep for {@code run} and {@code sweep}: progress, report files, a summary table and the
 * report path.
 */
final class SweepRunner {
  private SweepRunner() {}

  /** The indicators of the table on stdout (all of them are in summary.csv and report.html). */
  static final ImmutableList<Metric> TABLE =
      ImmutableList.of(
          Metric.CASES_REPORTED,
          Metric.ON_TIME_CLOSING_RATE,
          Metric.MEAN_HOURS_TO_CLOSE,
          Metric.P90_HOURS_TO_CLOSE,
          Metric.ESCALATION_RATE,
          Metric.WORKER_UTILISATION);

  static int run(
      Sweep sweep,
      ScenarioOptions options,
      CommonOptions common,
      CommandSpec spec,
      String commandLine,
      String task) {
    return run(sweep, options, common, spec, commandLine, task, null);
  }

  /**
   * Runs a sweep here, or on Spark if {@code sparkMaster} is given (through the {@link
   * SweepExecutor} named {@code spark}, from gridgov-simulation-spark on the class path).
   */
  static int run(
      Sweep sweep,
      ScenarioOptions options,
      CommonOptions common,
      CommandSpec spec,
      String commandLine,
      String task,
      @Nullable String sparkMaster) {
    SweepExecutor executor = null;
    if (sparkMaster != null) {
      executor =
          SweepExecutor.find("spark")
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "--spark "
                              + sparkMaster
                              + ": no Spark executor on the class path; put"
                              + " gridgov-simulation-spark and Spark on it (see docs/spark.md)"));
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        GridgovSim.format(
                "%s: scenario %s, %s = %s, %d replication(s) each, seed %d, %d thread(s)",
                task,
                sweep.scenario().name(),
                sweep.parameter().id(),
                String.join(", ", sweep.values()),
                sweep.replications(),
                sweep.seed(),
                sweep.parallelism())
            + (sparkMaster == null ? "" : " → Spark " + sparkMaster));
    err.flush();
    SweepResult result;
    try (ConsoleProgress progress =
        new ConsoleProgress(err, task, ConsoleProgress.terminal(common.noProgress))) {
      result =
          executor == null
              ? Experiments.run(sweep, progress)
              : executor.run(sweep, Objects.requireNonNull(sparkMaster), progress);
    }
    Path html = SweepReport.write(result, options.out, commandLine).toAbsolutePath().normalize();
    table(out, result);
    out.println();
    out.println("Report: " + html);
    out.flush();
    return GridgovSim.OK;
  }

  /** Prints the main indicators per value: mean ± 95% half-width. */
  static void table(PrintWriter out, SweepResult result) {
    StringBuilder header =
        new StringBuilder(GridgovSim.format("%-22s", result.sweep().parameter().id()));
    for (Metric m : TABLE) {
      header.append(GridgovSim.format(" %22s", m.id()));
    }
    out.println(header);
    for (SweepPoint p : result.points()) {
      StringBuilder row = new StringBuilder(GridgovSim.format("%-22s", p.parameterValue()));
      for (Metric m : TABLE) {
        Estimate e = p.estimates().get(m);
        row.append(GridgovSim.format(" %22s", e == null ? "-" : cell(e)));
      }
      out.println(row);
    }
    out.println(
        GridgovSim.format(
            "± is the half-width of the 95%% confidence interval (Student's t) over %d"
                + " replications; rates are fractions (0.95 = 95%%)",
            result.sweep().replications()));
  }

  static String cell(Estimate e) {
    String digits = Math.abs(e.mean()) >= 100 ? "%.1f" : "%.3f";
    return Double.isFinite(e.halfWidth())
        ? GridgovSim.format(digits + " ± " + digits, e.mean(), e.halfWidth())
        : GridgovSim.format(digits, e.mean());
  }
}
