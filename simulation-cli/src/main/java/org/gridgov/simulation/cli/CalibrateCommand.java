package org.gridgov.simulation.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gridgov.simulation.CalibrationResult;
import org.gridgov.simulation.CalibrationSpec;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.report.CalibrationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gridgov-sim calibrate SCENARIO}: the calibration of the scenario file's {@code
 * calibration:} section.
 */
@Command(
    name = "calibrate",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {
      "Fits the knobs of the scenario file's calibration: section to its published targets (method"
          + " of simulated moments with common random numbers; see docs/simulation.md) and writes"
          + " calibration.csv, calibration.json and report.html to --out.",
      ""
    },
    footerHeading = "%nExample:%n",
    footer = {"  gridgov-sim calibrate my-city.yaml --out fit"})
final class CalibrateCommand implements Callable<Integer> {
  @ParentCommand GridgovSim parent = new GridgovSim();

  @Spec CommandSpec spec = CommandSpec.create();

  @Parameters(
      index = "0",
      paramLabel = "SCENARIO",
      description = "A scenario file with a calibration: section (.yaml, .yml or .json).")
  String scenario = "";

  @Mixin ScenarioOptions scenarioOptions = new ScenarioOptions();

  @Mixin CommonOptions common = new CommonOptions();

  @Override
  public Integer call() {
    Scenario s = Scenarios.load(scenario, scenarioOptions);
    CalibrationSpec c =
        Scenarios.section(
            s.calibration(), scenario, "calibration", "Calibration in scenario files");
    var err = spec.commandLine().getErr();
    err.println(
        GridgovSim.format(
            "calibrate: scenario %s, %d parameter(s), %d target(s), %d replication(s) per point,"
                + " at most %d points, seed %d",
            s.name(),
            c.parameters().size(),
            c.targets().size(),
            c.replications(),
            c.maxEvaluations(),
            common.seed));
    err.flush();
    CalibrationResult result = c.fit(s, common.seed, common.threads);
    Path html =
        CalibrationReport.write(
                s, c, common.seed, result, scenarioOptions.out, parent.commandLine())
            .toAbsolutePath()
            .normalize();
    var out = spec.commandLine().getOut();
    out.println("Fitted (value ± 1.96 standard errors):");
    for (CalibrationResult.Fitted f : result.parameters()) {
      out.println(
          GridgovSim.format(
              "  %-30s %.4g ± %.2g",
              f.parameter().name(), f.value(), 1.959964 * f.standardError()));
    }
    out.println(result.converged() ? "The search converged." : "The search did NOT converge.");
    out.println();
    out.println("Report: " + html);
    out.flush();
    return GridgovSim.OK;
  }
}
