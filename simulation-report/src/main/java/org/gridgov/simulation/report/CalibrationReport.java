package org.gridgov.simulation.report;

import static org.gridgov.simulation.report.SweepCsv.number;
import static org.gridgov.simulation.report.SweepReport.esc;
import static org.gridgov.simulation.report.SweepReport.significant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridgov.simulation.CalibrationResult;
import org.gridgov.simulation.CalibrationSpec;
import org.gridgov.simulation.Scenario;

/**
 * Writes the report of a calibration into a directory: {@code calibration.csv} (each fitted
 * parameter with its standard error and 95% interval, each target beside its simulated value),
 * {@code calibration.json} ({@link StudyJson}) and {@code report.html}. Every file depends only on
 * the result and the command line.
 */
public final class CalibrationReport {
  private CalibrationReport() {}

  /**
   * Writes the report.
   *
   * @param scenario the calibrated scenario (its {@code calibration:} section states the fit)
   * @param spec the calibration that was run
   * @param seed the experiment seed
   * @param result what the calibration found
   * @param directory the output directory, created if missing; files of the same names are replaced
   * @param commandLine the command that produced the result ({@code ""}: none)
   * @return the path of {@code report.html}
   * @throws UncheckedIOException if a file cannot be written
   */
  public static Path write(
      Scenario scenario,
      CalibrationSpec spec,
      long seed,
      CalibrationResult result,
      Path directory,
      String commandLine) {
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve("calibration.csv"), csv(result), StandardCharsets.UTF_8);
      Files.writeString(
          directory.resolve("calibration.json"),
          StudyJson.calibration(scenario.name(), result),
          StandardCharsets.UTF_8);
      Path html = directory.resolve("report.html");
      Files.writeString(
          html, html(scenario, spec, seed, result, commandLine), StandardCharsets.UTF_8);
      return html;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns {@code calibration.csv}: {@code kind} ({@code parameter} or {@code target}), {@code
   * name}, {@code value} (fitted value or published target), {@code standard_error}, {@code lower},
   * {@code upper} (the 95% interval), {@code simulated} and {@code simulated_half_width} (targets
   * only).
   *
   * @param result the calibration's result
   * @return the CSV text
   */
  public static String csv(CalibrationResult result) {
    StringBuilder b =
        new StringBuilder(
            "kind,name,value,standard_error,lower,upper,simulated,simulated_half_width\n");
    for (CalibrationResult.Fitted f : result.parameters()) {
      b.append("parameter,")
          .append(f.parameter().name())
          .append(',')
          .append(number(f.value()))
          .append(',')
          .append(number(f.standardError()))
          .append(',')
          .append(number(f.lower()))
          .append(',')
          .append(number(f.upper()))
          .append(",,\n");
    }
    for (CalibrationResult.TargetFit t : result.fit()) {
      double se = t.target().sigma();
      b.append("target,")
          .append(t.target().metric().id())
          .append(',')
          .append(number(t.target().value()))
          .append(',')
          .append(number(se))
          .append(',')
          .append(number(t.target().value() - t.target().halfWidth()))
          .append(',')
          .append(number(t.target().value() + t.target().halfWidth()))
          .append(',')
          .append(number(t.simulated().mean()))
          .append(',')
          .append(number(t.simulated().halfWidth()))
          .append('\n');
    }
    return b.toString();
  }

  static String html(
      Scenario s, CalibrationSpec spec, long seed, CalibrationResult result, String commandLine) {
    StringBuilder h = new StringBuilder();
    StudyHtml.head(h, "calibration of " + s.name());
    h.append("<table>\n");
    StudyHtml.row(h, "Scenario", s.name());
    StudyHtml.row(
        h,
        "Method",
        "simulated moments with common random numbers (every point runs replications 0.."
            + (spec.replications() - 1)
            + " of seed "
            + seed
            + "), bounded Nelder–Mead; sandwich standard errors (delta method) counting the"
            + " targets' uncertainty and the simulation noise");
    StudyHtml.row(
        h,
        "Search",
        result.evaluations()
            + " points simulated of a budget of "
            + spec.maxEvaluations()
            + (result.converged() ? "; converged" : "; NOT converged: the budget ran out"));
    StudyHtml.row(
        h, "Objective", significant(result.objective()) + " (Σ z², z = (sim − target)/σ)");
    StudyHtml.periods(h, s);
    if (!commandLine.isEmpty()) {
      StudyHtml.row(h, "Command", commandLine);
    }
    h.append("</table>\n<h2>Fitted parameters</h2>\n<table>\n<tr><th>parameter</th>")
        .append("<th>bounds</th><th>fitted</th><th>standard error</th><th>95% CI</th></tr>\n");
    for (CalibrationResult.Fitted f : result.parameters()) {
      h.append("<tr><td>")
          .append(esc(f.parameter().name()))
          .append("</td><td>")
          .append(esc("[" + significant(f.parameter().lower()) + ", "))
          .append(esc(significant(f.parameter().upper()) + "]"))
          .append("</td><td>")
          .append(significant(f.value()))
          .append("</td><td>")
          .append(significant(f.standardError()))
          .append("</td><td>")
          .append(esc("[" + significant(f.lower()) + ", " + significant(f.upper()) + "]"))
          .append("</td></tr>\n");
    }
    h.append("</table>\n<h2>Targets and fit</h2>\n<table>\n<tr><th>indicator</th>")
        .append("<th>target ± 95%</th><th>simulated at the fit ± 95%</th></tr>\n");
    for (CalibrationResult.TargetFit t : result.fit()) {
      h.append("<tr><td>")
          .append(esc(t.target().metric().label()))
          .append("</td><td>")
          .append(
              esc(significant(t.target().value()) + " ± " + significant(t.target().halfWidth())))
          .append("</td><td>")
          .append(esc(SweepReport.estimate(t.simulated())))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
    StudyHtml.scenario(h, s, "gridgov-sim calibrate");
    return h.toString();
  }
}
