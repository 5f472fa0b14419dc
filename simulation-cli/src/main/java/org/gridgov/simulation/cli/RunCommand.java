package org.gridgov.simulation.cli;

import com.google.common.collect.ImmutableList;
import java.util.concurrent.Callable;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.Sweep;
import org.gridgov.simulation.SweepParameter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gridgov-sim run SCENARIO}: one scenario, a few replications. */
@Command(
    name = "run",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {
      "Simulates one scenario: its replications, the indicators with 95%% confidence intervals on stdout, and "
          + "runs.csv, summary.csv, charts/ and report.html in --out.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  gridgov-sim run putian --horizon 7d --replications 2",
      "  gridgov-sim run examples/scenarios/putian-week.yaml --out out/small"
    })
final class RunCommand implements Callable<Integer> {
  @ParentCommand GridgovSim parent = new GridgovSim();

  @Spec CommandSpec spec = CommandSpec.create();

  @Mixin ScenarioArgument argument = new ScenarioArgument();

  @Option(
      names = {"-r", "--replications"},
      paramLabel = "R",
      defaultValue = "3",
      description =
          "Independent replications (default: ${DEFAULT-VALUE}); 2 or more give confidence intervals.")
  int replications = 3;

  @Mixin ScenarioOptions scenarioOptions = new ScenarioOptions();

  @Mixin CommonOptions common = new CommonOptions();

  @Override
  public Integer call() {
    Scenario s = Scenarios.load(argument.scenario, scenarioOptions);
    // A run is a one-point sweep at the scenario's own number of grid workers, which leaves it
    // unchanged.
    Sweep sweep =
        new Sweep(
            s,
            SweepParameter.WORKERS_PER_GRID,
            ImmutableList.of(Integer.toString(s.staffing().workersPerGrid())),
            replications,
            common.seed,
            common.threads);
    return SweepRunner.run(sweep, scenarioOptions, common, spec, parent.commandLine(), "run");
  }
}
