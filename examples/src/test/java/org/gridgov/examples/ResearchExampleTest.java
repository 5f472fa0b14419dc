package org.gridgov.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.gridgov.simulation.BuiltInScenarios;
import org.gridgov.simulation.Metric;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.SweepParameter;
import org.gridgov.simulation.SweepResult;
import org.junit.jupiter.api.Test;

class ResearchExampleTest {

  @Test
  void printsOneRowPerGranularityWithEstimatesAndCoarserGridsKeepWorkersBusier() {
    // Putian at a twentieth of its case rate, for two days: a quick version of the real experiment.
    Scenario quick =
        SweepParameter.CASES_PER_RESIDENT_PER_YEAR.apply(
            BuiltInScenarios.putian()
                .withPeriods(Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(7)),
            "0.05");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    SweepResult r =
        ResearchExample.run(
            quick,
            List.of("150", "800"),
            2,
            2,
            new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("households/grid", "on_time_closing_rate", "worker_utilisation");
    assertThat(out.lines().filter(l -> l.startsWith("150 ") || l.startsWith("800 "))).hasSize(2);
    assertThat(out).containsPattern("\\d\\.\\d{3} ± +\\d+\\.\\d{3}");
    double fine = r.points().get(0).estimate(Metric.WORKER_UTILISATION).mean();
    double coarse = r.points().get(1).estimate(Metric.WORKER_UTILISATION).mean();
    assertThat(coarse).isGreaterThan(fine);
  }
}
