package org.gridgov.examples;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.gridgov.simulation.Calibration;
import org.gridgov.simulation.CalibrationKnob;
import org.gridgov.simulation.CalibrationResult;
import org.gridgov.simulation.CalibrationSpec;
import org.gridgov.simulation.Metric;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.ScenarioFiles;

/**
 * Calibration, checked by recovery: plant known parameter values in the simulator, simulate the
 * indicators a city would publish (on other random streams than the fit's), then calibrate the
 * scenario of {@code examples/scenarios/calibration-example.yaml} to those indicators and see
 * whether the fitted 95% intervals hold the planted values.
 *
 * <p>Run: {@code mvn -B -ntp -q -Pmain-job -DskipTests -pl examples -am verify
 * -Dgridgov.main=org.gridgov.examples.CalibrationExample}; {@code CalibrationExampleTest} runs it
 * in the build.
 */
public final class CalibrationExample {
  /** The planted handling-time scale (every handling time × 1.5). */
  static final double PLANTED_HANDLING_SCALE = 1.5;

  /** The planted demand, cases per resident per year. */
  static final double PLANTED_CASES_PER_RESIDENT = 1.6;

  /** The seed of the planted "published" indicators; the fit uses {@link #FIT_SEED}. */
  static final long DATA_SEED = 7;

  /** The seed of the fit: other random streams than the data's. */
  static final long FIT_SEED = 42;

  /** How many replications make the planted indicators. */
  static final int DATA_REPLICATIONS = 8;

  private CalibrationExample() {}

  /**
   * What the example found.
   *
   * @param spec the calibration run, with the planted targets
   * @param result its result
   */
  record Outcome(CalibrationSpec spec, CalibrationResult result) {}

  /**
   * Runs the example and prints the planted values beside the fitted ones.
   *
   * @param args the scenario file (default {@code examples/scenarios/calibration-example.yaml})
   */
  public static void main(String[] args) {
    Path file = Path.of(args.length > 0 ? args[0] : "examples/scenarios/calibration-example.yaml");
    Outcome o = run(ScenarioFiles.read(file));
    double[] planted = {PLANTED_HANDLING_SCALE, PLANTED_CASES_PER_RESIDENT};
    for (int i = 0; i < planted.length; i++) {
      CalibrationResult.Fitted f = o.result().parameters().get(i);
      System.out.println(
          String.format(
              Locale.ROOT,
              "%-28s planted %.3f  fitted %.3f, 95%% CI [%.3f, %.3f]: %s",
              f.parameter().name(),
              planted[i],
              f.value(),
              f.lower(),
              f.upper(),
              f.covers(planted[i]) ? "recovered" : "NOT recovered"));
    }
  }

  /**
   * Plants the values, simulates the targets and calibrates.
   *
   * @param scenario a scenario with a {@code calibration:} section over handling-scale and
   *     cases-per-resident-per-year (in that order); its targets' metrics are kept, their values
   *     and standard errors replaced by the planted simulation's
   * @return the calibration and its result
   */
  static Outcome run(Scenario scenario) {
    CalibrationSpec file = scenario.calibration().orElseThrow();
    List<Metric> metrics = file.targets().stream().map(CalibrationSpec.Target::metric).toList();
    double[][] data =
        Calibration.scenarioModel(
                scenario,
                List.of(
                    CalibrationKnob.HANDLING_SCALE, CalibrationKnob.CASES_PER_RESIDENT_PER_YEAR),
                metrics,
                DATA_REPLICATIONS,
                DATA_SEED,
                2)
            .simulate(new double[] {PLANTED_HANDLING_SCALE, PLANTED_CASES_PER_RESIDENT});
    ImmutableList.Builder<CalibrationSpec.Target> targets = ImmutableList.builder();
    for (int k = 0; k < metrics.size(); k++) {
      double[] v = new double[data.length];
      for (int r = 0; r < data.length; r++) {
        v[r] = data[r][k];
      }
      targets.add(new CalibrationSpec.Target(metrics.get(k), mean(v), standardError(v)));
    }
    CalibrationSpec spec =
        new CalibrationSpec(
            file.parameters(), targets.build(), file.replications(), file.maxEvaluations());
    return new Outcome(spec, spec.fit(scenario, FIT_SEED, 2));
  }

  static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  static double standardError(double[] v) {
    double m = mean(v);
    double ss = 0;
    for (double x : v) {
      ss += (x - m) * (x - m);
    }
    return Math.sqrt(ss / (v.length - 1) / v.length);
  }
}
