package org.gridgov.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.gridgov.simulation.ExperimentSpec;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.ScenarioFiles;
import org.gridgov.simulation.SweepParameter;
import org.gridgov.simulation.cli.GridgovSim;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulationReportTest {
  private static final Path SCENARIOS = Path.of("scenarios");

  @Test
  void mainJobRunsTheGranularityDesignOfItsScenarioFile() {
    String[] args = SimulationReport.arguments(SCENARIOS, Path.of("/tmp/r"), "--threads", "1");
    assertThat(args)
        .containsExactly(
            "design",
            SCENARIOS.resolve("putian-granularity.yaml").toString(),
            "--seed",
            "1",
            "--out",
            "/tmp/r",
            "--threads",
            "1");
    // gridgov-sim accepts exactly these arguments
    CommandLine.ParseResult parsed = new CommandLine(new GridgovSim()).parseArgs(args);
    assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("design");
  }

  @Test
  void theStudyIsATwoLevelFullFactorialOfGrainStaffAndPatrolOnPutianWithCrn() {
    Scenario s = ScenarioFiles.read(SCENARIOS.resolve(SimulationReport.SCENARIO));
    ExperimentSpec e = s.experiment().orElseThrow();
    assertThat(e.kind()).isEqualTo(ExperimentSpec.Kind.FULL);
    assertThat(e.commonRandomNumbers()).isTrue();
    assertThat(e.replications()).isEqualTo(3);
    assertThat(e.plan().factors())
        .containsExactly(
            SweepParameter.HOUSEHOLDS_PER_GRID,
            SweepParameter.WORKERS_PER_GRID,
            SweepParameter.PATROL_ROUNDS_PER_WORKING_DAY);
    assertThat(e.plan().points()).hasSize(8);
    assertThat(e.factors()).allSatisfy(f -> assertThat(f.levels()).hasSize(2));
    assertThat(s.patrol()).isPresent();
    assertThat(s.city()).isEqualTo(org.gridgov.simulation.BuiltInScenarios.putian().city());
  }
}
