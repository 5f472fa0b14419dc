package org.gridgov.simulation.cli;

import picocli.CommandLine.Option;

/** Options of every command. */
final class CommonOptions {
  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Experiment seed (default: ${DEFAULT-VALUE}). The same seed gives the same results, to the byte.")
  long seed = 1;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Replications run at once (default: the number of processors). Results do not depend on it.")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--no-progress",
      description =
          "No progress bar; a line every 10%% instead (also what happens when stderr is not a terminal).")
  boolean noProgress;
}
