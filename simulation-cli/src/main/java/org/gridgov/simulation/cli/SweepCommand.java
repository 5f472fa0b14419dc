package org.gridgov.simulation.cli;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.Sweep;
import org.gridgov.simulation.SweepParameter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gridgov-sim sweep SCENARIO --param NAME=V1,V2,...}: one parameter over several values. */
@Command(
    name = "sweep",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {
      "Runs a scenario for each value of one parameter, with independent replications, and writes runs.csv, "
          + "summary.csv, charts (PNG and SVG) and report.html to --out.",
      ""
    },
    footerHeading = "%nParameters:%n",
    footer = {
      "  households-per-grid          grid size (网格规模) of a generated city",
      "  workers-per-grid             grid workers (网格员) per grid",
      "  cases-per-resident-per-year  demand",
      "  department-capacity          handlers per department",
      "  policy                       a routing policy of the scenario's",
      "                               policy-variants, or default",
      "",
      "Example:",
      "  gridgov-sim sweep putian --param households-per-grid=150,300,500,800 -r 5"
    })
final class SweepCommand implements Callable<Integer> {
  @ParentCommand GridgovSim parent = new GridgovSim();

  @Spec CommandSpec spec = CommandSpec.create();

  @Mixin ScenarioArgument argument = new ScenarioArgument();

  @Option(
      names = {"-p", "--param"},
      paramLabel = "NAME=V1,V2,...",
      required = true,
      description =
          "The swept parameter and its values, e.g. households-per-grid=150,300,500,800 (names below).")
  String param = "";

  @Option(
      names = {"-r", "--replications"},
      paramLabel = "R",
      defaultValue = "5",
      description = "Independent replications per value (default: ${DEFAULT-VALUE}).")
  int replications = 5;

  @Option(
      names = "--spark",
      paramLabel = "MASTER",
      description =
          "Run the replications on Apache Spark, e.g. local[*] (needs gridgov-simulation-spark and Spark on"
              + " the class path; see docs/spark.md). The outputs are the same bytes as without it.")
  @Nullable String spark;

  @Mixin ScenarioOptions scenarioOptions = new ScenarioOptions();

  @Mixin CommonOptions common = new CommonOptions();

  @Override
  public Integer call() {
    int eq = param.indexOf('=');
    if (eq <= 0 || eq == param.length() - 1) {
      throw new IllegalArgumentException(
          "--param "
              + param
              + ": expected NAME=V1,V2,..., e.g. households-per-grid=150,300,500,800");
    }
    SweepParameter parameter = SweepParameter.parse(param.substring(0, eq).strip());
    List<String> values = new ArrayList<>();
    for (String v : param.substring(eq + 1).split(",", -1)) {
      if (v.isBlank()) {
        throw new IllegalArgumentException("--param " + param + ": empty value");
      }
      values.add(v.strip());
    }
    Scenario s = Scenarios.load(argument.scenario, scenarioOptions);
    Sweep sweep =
        new Sweep(
            s, parameter, ImmutableList.copyOf(values), replications, common.seed, common.threads);
    return SweepRunner.run(
        sweep, scenarioOptions, common, spec, parent.commandLine(), "sweep", spark);
  }
}
