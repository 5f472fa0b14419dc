package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Calibration recovers a handling-time scale planted in the simulator: targets are simulated with
 * the planted value on other random streams, the fit starts elsewhere, and the planted value lies
 * in the fitted value's 95% interval; a different planted value gives a fit whose interval excludes
 * the first.
 */
class CalibrationRecoveryTest {
  private static final List<Metric> METRICS =
      List.of(Metric.WORKER_UTILISATION, Metric.MEAN_HOURS_TO_CLOSE);
  private static final int REPLICATIONS = 4;

  private static List<CalibrationTarget> plantedTargets(Scenario base, double scale) {
    CalibrationModel data =
        Calibration.scenarioModel(
            base, List.of(CalibrationKnob.HANDLING_SCALE), METRICS, REPLICATIONS, 7, 2);
    double[][] v = data.simulate(new double[] {scale});
    CalibrationTarget[] t = new CalibrationTarget[METRICS.size()];
    for (int k = 0; k < t.length; k++) {
      double[] column = new double[v.length];
      for (int r = 0; r < v.length; r++) {
        column[r] = v[r][k];
      }
      Estimate e = Estimate.of(column);
      t[k] = new CalibrationTarget(METRICS.get(k), e.mean(), e.halfWidth());
    }
    return List.of(t);
  }

  private static CalibrationResult fit(Scenario base, List<CalibrationTarget> targets) {
    CalibrationModel model =
        Calibration.scenarioModel(
            base, List.of(CalibrationKnob.HANDLING_SCALE), METRICS, REPLICATIONS, 42, 2);
    return Calibration.fit(
        model, List.of(new CalibrationParameter("handling-scale", 0.5, 3, 0.8)), targets, 30);
  }

  @Test
  void recoversPlantedHandlingScalesWithinTheirIntervals() {
    Scenario base = TestScenarios.small().build();
    CalibrationResult slow = fit(base, plantedTargets(base, 1.5));
    CalibrationResult.Fitted s = slow.parameters().get(0);
    assertThat(s.covers(1.5)).as("fit %s ± %s covers 1.5", s.value(), s.standardError()).isTrue();
    assertThat(s.upper() - s.lower()).isLessThan(1.0);

    CalibrationResult fast = fit(base, plantedTargets(base, 2.5));
    CalibrationResult.Fitted f = fast.parameters().get(0);
    assertThat(f.covers(2.5)).as("fit %s ± %s covers 2.5", f.value(), f.standardError()).isTrue();
    assertThat(f.covers(1.5)).isFalse();
    assertThat(s.covers(2.5)).isFalse();
  }
}
