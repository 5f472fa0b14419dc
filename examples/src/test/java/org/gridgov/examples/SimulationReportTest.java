package org.gridgov.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.gridgov.simulation.cli.GridgovSim;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulationReportTest {

  @Test
  void mainJobIsTheFourGranularitySweepOfPutianWithFiveReplications() {
    String[] args = SimulationReport.arguments(Path.of("/tmp/r"), "--threads", "1");
    assertThat(args)
        .containsExactly(
            "sweep",
            "putian",
            "--param",
            "households-per-grid=150,300,500,800",
            "--replications",
            "5",
            "--seed",
            "1",
            "--out",
            "/tmp/r",
            "--threads",
            "1");
    // gridgov-sim accepts exactly these arguments
    CommandLine.ParseResult parsed = new CommandLine(new GridgovSim()).parseArgs(args);
    assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("sweep");
    assertThat(parsed.subcommand().matchedOptionValue("--replications", 0)).isEqualTo(5);
  }
}
