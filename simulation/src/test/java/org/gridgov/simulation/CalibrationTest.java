package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Calibration against a linear model with noise, where the best fit and its delta-method standard
 * errors have closed forms (the test's own 2 × 2 algebra is the oracle).
 */
class CalibrationTest {
  /** Means of the three targets: A θ + B. */
  private static final double[][] A = {{2, 0.5}, {-1, 1.5}, {0.3, -0.8}};

  private static final double[] B = {1, 2, 3};
  private static final double[] NOISE_SD = {0.4, 0.3, 0.5};
  private static final int REPLICATIONS = 8;

  private static final List<CalibrationParameter> PARAMETERS =
      List.of(new CalibrationParameter("a", -5, 5, -4), new CalibrationParameter("b", -5, 5, 4.5));

  /** Replication r's noise is the same at every point (common random numbers). */
  private static CalibrationModel linear(long seed) {
    double[][] noise = noise(seed, REPLICATIONS);
    return p -> {
      double[][] v = new double[REPLICATIONS][3];
      for (int r = 0; r < REPLICATIONS; r++) {
        for (int k = 0; k < 3; k++) {
          v[r][k] = A[k][0] * p[0] + A[k][1] * p[1] + B[k] + noise[r][k];
        }
      }
      return v;
    };
  }

  private static double[][] noise(long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] e = new double[n][3];
    for (int r = 0; r < n; r++) {
      for (int k = 0; k < 3; k++) {
        e[r][k] = NOISE_SD[k] * gaussian(random);
      }
    }
    return e;
  }

  private static double gaussian(SplittableRandom random) {
    double u1 = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  /** Targets simulated at a planted point from independent "data" (n = 20 observations). */
  private static List<CalibrationTarget> targets(double[] planted, long seed) {
    int n = 20;
    double[][] e = noise(seed, n);
    Metric[] metrics = {Metric.CLOSING_RATE, Metric.ON_TIME_CLOSING_RATE, Metric.ESCALATION_RATE};
    CalibrationTarget[] t = new CalibrationTarget[3];
    for (int k = 0; k < 3; k++) {
      double mean = A[k][0] * planted[0] + A[k][1] * planted[1] + B[k];
      for (int r = 0; r < n; r++) {
        mean += e[r][k] / n;
      }
      t[k] = new CalibrationTarget(metrics[k], mean, 1.959964 * NOISE_SD[k] / Math.sqrt(n));
    }
    return List.of(t);
  }

  @Test
  void findsTheWeightedLeastSquaresSolutionAndItsSandwichErrors() {
    List<CalibrationTarget> targets = targets(new double[] {1.2, -0.7}, 99);
    CalibrationModel model = linear(5);
    CalibrationResult r = Calibration.fit(model, PARAMETERS, targets, 400);

    double[][] atAnyPoint = model.simulate(new double[] {0, 0});
    double[] w = new double[3];
    double[] y = new double[3];
    for (int k = 0; k < 3; k++) {
      w[k] = 1 / (targets.get(k).sigma() * targets.get(k).sigma());
      double noiseMean = 0;
      for (double[] row : atAnyPoint) {
        noiseMean += (row[k] - B[k]) / REPLICATIONS;
      }
      y[k] = targets.get(k).value() - B[k] - noiseMean;
    }
    double[][] ata = new double[2][2];
    double[] aty = new double[2];
    for (int k = 0; k < 3; k++) {
      for (int i = 0; i < 2; i++) {
        aty[i] += A[k][i] * w[k] * y[k];
        for (int j = 0; j < 2; j++) {
          ata[i][j] += A[k][i] * w[k] * A[k][j];
        }
      }
    }
    double det = ata[0][0] * ata[1][1] - ata[0][1] * ata[1][0];
    double[][] inv = {{ata[1][1] / det, -ata[0][1] / det}, {-ata[1][0] / det, ata[0][0] / det}};
    double best0 = inv[0][0] * aty[0] + inv[0][1] * aty[1];
    double best1 = inv[1][0] * aty[0] + inv[1][1] * aty[1];

    assertThat(r.converged()).isTrue();
    assertThat(r.parameters().get(0).value()).isCloseTo(best0, within(0.03));
    assertThat(r.parameters().get(1).value()).isCloseTo(best1, within(0.03));

    // Σ = diag(σ²) + sample covariance / n; with targets' noise independent of the model's, the
    // sandwich's diagonal for a linear model is computed here from scratch.
    double[][] sigma = new double[3][3];
    for (int k = 0; k < 3; k++) {
      for (int l = 0; l < 3; l++) {
        double mk = 0;
        double ml = 0;
        for (double[] row : atAnyPoint) {
          mk += row[k] / REPLICATIONS;
          ml += row[l] / REPLICATIONS;
        }
        double c = 0;
        for (double[] row : atAnyPoint) {
          c += (row[k] - mk) * (row[l] - ml) / (REPLICATIONS - 1);
        }
        sigma[k][l] = c / REPLICATIONS + (k == l ? 1 / w[k] : 0);
      }
    }
    for (int i = 0; i < 2; i++) {
      // row i of (AᵀWA)⁻¹ AᵀW: g[k]
      double[] g = new double[3];
      for (int k = 0; k < 3; k++) {
        g[k] = (inv[i][0] * A[k][0] + inv[i][1] * A[k][1]) * w[k];
      }
      double var = 0;
      for (int k = 0; k < 3; k++) {
        for (int l = 0; l < 3; l++) {
          var += g[k] * sigma[k][l] * g[l];
        }
      }
      assertThat(r.parameters().get(i).standardError())
          .isCloseTo(Math.sqrt(var), within(1e-6 * Math.sqrt(var)));
    }
    // the fit reports the simulated means at the fitted values beside the targets
    assertThat(r.fit()).hasSize(3);
    assertThat(r.fit().get(0).simulated().n()).isEqualTo(REPLICATIONS);
  }

  @Test
  void intervalsCoverThePlantedValuesAboutNinetyFivePercentOfTheTime() {
    double[] planted = {1.2, -0.7};
    int runs = 300;
    int[] covered = new int[2];
    for (int s = 0; s < runs; s++) {
      CalibrationResult r =
          Calibration.fit(linear(1_000 + s), PARAMETERS, targets(planted, 50_000 + s), 400);
      for (int i = 0; i < 2; i++) {
        if (r.parameters().get(i).covers(planted[i])) {
          covered[i]++;
        }
      }
    }
    // binomial(300, 0.95): sd 1.3 points; [0.90, 0.99] is beyond 3 sd either side
    for (int i = 0; i < 2; i++) {
      assertThat(covered[i] / (double) runs).isBetween(0.90, 0.99);
    }
  }

  @Test
  void aDifferentPlantedValueGivesADifferentFit() {
    CalibrationResult first =
        Calibration.fit(linear(3), PARAMETERS, targets(new double[] {1.2, -0.7}, 4), 400);
    CalibrationResult second =
        Calibration.fit(linear(3), PARAMETERS, targets(new double[] {2.5, 0.5}, 4), 400);
    assertThat(second.parameters().get(0).covers(2.5)).isTrue();
    assertThat(second.parameters().get(0).covers(1.2)).isFalse();
    assertThat(first.parameters().get(0).covers(2.5)).isFalse();
  }

  @Test
  void sameInputsGiveTheSameResult() {
    List<CalibrationTarget> t = targets(new double[] {0.3, 0.3}, 8);
    assertThat(Calibration.fit(linear(9), PARAMETERS, t, 400))
        .isEqualTo(Calibration.fit(linear(9), PARAMETERS, t, 400));
  }

  @Test
  void refusesFewerTargetsThanParameters() {
    assertThatThrownBy(
            () ->
                Calibration.fit(
                    linear(1),
                    PARAMETERS,
                    List.of(new CalibrationTarget(Metric.CLOSING_RATE, 0.9, 0.01)),
                    100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 parameters")
        .hasMessageContaining("has 1");
  }

  @Test
  void aModelValueThatIsNotFiniteIsNamedWithItsPointAndTarget() {
    CalibrationModel bad = p -> new double[][] {{1, Double.NaN}, {1, 2}};
    assertThatThrownBy(
            () ->
                Calibration.fit(
                    bad,
                    List.of(new CalibrationParameter("a", 0, 1, 0.5)),
                    List.of(
                        new CalibrationTarget(Metric.CLOSING_RATE, 0.9, 0.01),
                        new CalibrationTarget(Metric.MEAN_HOURS_TO_CLOSE, 30, 1)),
                    100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("calibration point [0.5]")
        .hasMessageContaining("replication 0")
        .hasMessageContaining("mean_hours_to_close");
  }

  @Test
  void badParametersAndTargetsAreNamed() {
    assertThatThrownBy(() -> new CalibrationParameter("handling-scale", 2, 1, 1.5))
        .hasMessageContaining("handling-scale")
        .hasMessageContaining("[2.0, 1.0]");
    assertThatThrownBy(() -> new CalibrationParameter("handling-scale", 1, 2, 3))
        .hasMessageContaining("start 3.0");
    assertThatThrownBy(() -> new CalibrationTarget(Metric.CLOSING_RATE, 0.9, 0))
        .hasMessageContaining("closing_rate")
        .hasMessageContaining("half-width");
  }

  @Test
  void knobsChangeTheScenario() {
    Scenario s = TestScenarios.small().build();
    Scenario slower = CalibrationKnob.HANDLING_SCALE.apply(s, 2);
    for (int i = 0; i < s.categories().size(); i++) {
      assertThat(slower.categories().get(i).handling().meanMinutes())
          .isCloseTo(2 * s.categories().get(i).handling().meanMinutes(), within(1e-9));
    }
    Scenario solved = CalibrationKnob.SOLVED_BY_HOLDER.apply(s, 0.25);
    assertThat(solved.categories()).allMatch(c -> c.solvedByHolder() == 0.25);
    assertThat(
            CalibrationKnob.parse("cases-per-resident-per-year")
                .apply(s, 3.5)
                .casesPerResidentPerYear())
        .isEqualTo(3.5);
    assertThatThrownBy(() -> CalibrationKnob.HANDLING_SCALE.apply(s, -1))
        .hasMessageContaining("handling-scale=-1.0");
    assertThatThrownBy(() -> CalibrationKnob.parse("handling"))
        .hasMessageContaining("'handling'")
        .hasMessageContaining("handling-scale");
  }
}
