package org.gridgov.simulation.cli;

import com.google.common.collect.ImmutableList;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.gridgov.simulation.Estimate;
import org.gridgov.simulation.MmcModel;
import org.gridgov.simulation.QueueingValidation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridgov-sim validate}: the simulator against Erlang C. */
@Command(
    name = "validate",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {
      "Checks the simulator against queueing theory: M/M/c scenarios (one grid, c workers around the clock, "
          + "Poisson arrivals at rate λ, exponential handling at rate μ, nothing escalated) must reproduce the "
          + "Erlang-C mean wait W_q and P(wait > 0) within the simulation's 95%% confidence intervals. "
          + "Prints one row per (λ, μ, c); exit code 1 if any check fails.",
      ""
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec = CommandSpec.create();

  @Option(
      names = {"-r", "--replications"},
      paramLabel = "R",
      defaultValue = "10",
      description = "Replications per model, at least 2 (default: ${DEFAULT-VALUE}).")
  int replications = 10;

  @Mixin CommonOptions common = new CommonOptions();

  @Override
  public Integer call() {
    if (replications < 2) {
      throw new IllegalArgumentException(
          "--replications must be >= 2 for confidence intervals but was " + replications);
    }
    PrintWriter out = spec.commandLine().getOut();
    ImmutableList<MmcModel> models = QueueingValidation.defaultModels();
    ImmutableList<QueueingValidation.Check> checks;
    try (ConsoleProgress progress =
        new ConsoleProgress(
            spec.commandLine().getErr(), "validate", ConsoleProgress.terminal(common.noProgress))) {
      checks = QueueingValidation.run(models, common.seed, replications, progress);
    }
    table(out, checks);
    long failed = checks.stream().filter(c -> !c.passed()).count();
    out.println();
    out.println(
        failed == 0
            ? GridgovSim.format(
                "All %d checks passed (seed %d, %d replications each).",
                checks.size(), common.seed, replications)
            : GridgovSim.format(
                "%d of %d checks FAILED (seed %d, %d replications each).",
                failed, checks.size(), common.seed, replications));
    out.flush();
    return failed == 0 ? GridgovSim.OK : GridgovSim.VALIDATION_FAILED;
  }

  static void table(PrintWriter out, ImmutableList<QueueingValidation.Check> checks) {
    out.println(
        GridgovSim.format(
            "%7s %7s %4s %6s  %10s  %-24s  %10s  %-24s  %s",
            "λ/h",
            "μ/h",
            "c",
            "ρ",
            "Erlang W_q",
            "simulated W_q (95% CI)",
            "Erlang P_w",
            "simulated P_w (95% CI)",
            "result"));
    for (QueueingValidation.Check c : checks) {
      MmcModel m = c.model();
      out.println(
          GridgovSim.format(
              "%7.3f %7.3f %4d %6.3f  %10.3f  %-24s  %10.4f  %-24s  %s",
              m.arrivalsPerHour(),
              m.servicesPerHour(),
              m.servers(),
              m.utilisation(),
              m.meanWaitMinutes(),
              interval(c.meanWaitMinutes(), 3),
              m.waitProbability(),
              interval(c.waitProbability(), 4),
              c.passed() ? "pass" : "FAIL"));
    }
    out.println("W_q in minutes; P_w = P(wait > 0).");
  }

  static String interval(Estimate e, int decimals) {
    String d = "%." + decimals + "f";
    return GridgovSim.format(d + " [" + d + ", " + d + "]", e.mean(), e.lower(), e.upper());
  }
}
