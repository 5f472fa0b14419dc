package org.gridgov.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.gridgov.simulation.CalibrationResult;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.ScenarioFiles;
import org.junit.jupiter.api.Test;

/**
 * The calibration example recovers the planted handling scale and demand: each planted value lies
 * in its fitted 95% interval, and the intervals are informative (much narrower than the bounds).
 */
class CalibrationExampleTest {
  @Test
  void recoversThePlantedParametersWithinTheirIntervals() {
    Scenario s = ScenarioFiles.read(Path.of("scenarios", "calibration-example.yaml"));
    CalibrationExample.Outcome o = CalibrationExample.run(s);
    CalibrationResult.Fitted scale = o.result().parameters().get(0);
    CalibrationResult.Fitted demand = o.result().parameters().get(1);
    assertThat(scale.parameter().name()).isEqualTo("handling-scale");
    assertThat(demand.parameter().name()).isEqualTo("cases-per-resident-per-year");
    assertThat(scale.covers(CalibrationExample.PLANTED_HANDLING_SCALE))
        .as("handling-scale %s ± %s", scale.value(), scale.standardError())
        .isTrue();
    assertThat(demand.covers(CalibrationExample.PLANTED_CASES_PER_RESIDENT))
        .as("cases-per-resident %s ± %s", demand.value(), demand.standardError())
        .isTrue();
    // informative: each interval is under a fifth of the 2.5-wide bounds, so it excludes the
    // starting value 1 that a fit which never moved would report
    assertThat(scale.upper() - scale.lower()).isLessThan(0.5);
    assertThat(demand.upper() - demand.lower()).isLessThan(0.5);
    assertThat(scale.covers(1.0)).isFalse();
    assertThat(demand.covers(1.0)).isFalse();
  }
}
