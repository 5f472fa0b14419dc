package org.gridgov.simulation.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Options of the commands that simulate a scenario. */
final class ScenarioOptions {
  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "gridgov-out",
      description =
          "Output directory for runs.csv, summary.csv, charts/ and report.html (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("gridgov-out");

  @Option(
      names = "--horizon",
      paramLabel = "DURATION",
      description = "Override the scenario's measured period, e.g. 28d, 12w, P90D.")
  @Nullable String horizon;

  @Option(
      names = "--warm-up",
      paramLabel = "DURATION",
      description = "Override the scenario's warm-up (simulated, then discarded), e.g. 7d.")
  @Nullable String warmUp;
}
