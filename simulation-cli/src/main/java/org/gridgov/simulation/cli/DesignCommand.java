package org.gridgov.simulation.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gridgov.simulation.Design;
import org.gridgov.simulation.DesignResult;
import org.gridgov.simulation.DesignRunner;
import org.gridgov.simulation.ExperimentSpec;
import org.gridgov.simulation.FactorEffect;
import org.gridgov.simulation.Metric;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.report.DesignReport;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gridgov-sim design SCENARIO}: the designed experiment of the scenario file's {@code
 * experiment:} section.
 */
@Command(
    name = "design",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {
      "Runs the designed experiment of the scenario file's experiment: section (full or fractional"
          + " factorial, or Latin hypercube; see docs/simulation.md) and writes runs.csv, summary.csv,"
          + " paired.csv (every pair of points), effects.csv (main effects), design.json and report.html"
          + " to --out.",
      ""
    },
    footerHeading = "%nExample:%n",
    footer = {"  gridgov-sim design examples/scenarios/putian-granularity.yaml --out study"})
final class DesignCommand implements Callable<Integer> {
  @ParentCommand GridgovSim parent = new GridgovSim();

  @Spec CommandSpec spec = CommandSpec.create();

  @Parameters(
      index = "0",
      paramLabel = "SCENARIO",
      description = "A scenario file with an experiment: section (.yaml, .yml or .json).")
  String scenario = "";

  @Option(
      names = {"-r", "--replications"},
      paramLabel = "R",
      description = "Override the experiment's replications per point.")
  @Nullable Integer replications;

  @Mixin ScenarioOptions scenarioOptions = new ScenarioOptions();

  @Mixin CommonOptions common = new CommonOptions();

  @Override
  public Integer call() {
    Scenario s = Scenarios.load(scenario, scenarioOptions);
    ExperimentSpec e =
        Scenarios.section(
            s.experiment(), scenario, "experiment", "Designed experiments in scenario files");
    Design design =
        new Design(
            s,
            e.plan(),
            replications == null ? e.replications() : replications,
            common.seed,
            common.threads);
    var err = spec.commandLine().getErr();
    err.println(
        GridgovSim.format(
            "design: scenario %s, %s, %d replication(s) per point, seed %d, %s, %d thread(s)",
            s.name(),
            design.plan().description(),
            design.replications(),
            design.seed(),
            e.commonRandomNumbers() ? "common random numbers" : "independent points",
            design.parallelism()));
    err.flush();
    DesignResult result;
    try (ConsoleProgress progress =
        new ConsoleProgress(err, "design", ConsoleProgress.terminal(common.noProgress))) {
      result = DesignRunner.run(design, e.commonRandomNumbers(), progress);
    }
    Path html =
        DesignReport.write(
                result, e.commonRandomNumbers(), scenarioOptions.out, parent.commandLine())
            .toAbsolutePath()
            .normalize();
    var out = spec.commandLine().getOut();
    out.println("Main effects (mean ± 95% half-width; * = interval excludes 0):");
    for (Metric m : SweepRunner.TABLE) {
      for (FactorEffect f : FactorEffect.of(result, m)) {
        out.println(
            GridgovSim.format(
                "  %-22s %-32s %s%s",
                m.id(),
                f.factor().id() + " " + f.low() + "→" + f.high(),
                SweepRunner.cell(f.effect()),
                f.significant() ? " *" : ""));
      }
    }
    out.println();
    out.println("Report: " + html);
    out.flush();
    return GridgovSim.OK;
  }
}
