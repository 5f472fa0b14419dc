package org.gridgov.simulation.cli;

import picocli.CommandLine.Parameters;

/** The SCENARIO argument of the commands that take a scenario file or a built-in scenario. */
final class ScenarioArgument {
  @Parameters(
      index = "0",
      paramLabel = "SCENARIO",
      description =
          "A scenario file (.yaml, .yml or .json; see docs/simulation-cli.md) or a built-in scenario: "
              + "putian.")
  String scenario = "";
}
