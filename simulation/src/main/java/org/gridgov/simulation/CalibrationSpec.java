package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A calibration as a scenario file's {@code calibration:} section states it: the knobs to fit with
 * their bounds, the published targets with their standard errors, and the simulation budget. {@link
 * #fit(Scenario, long, int)} runs {@link Calibration#fit} over the scenario.
 *
 * <pre>{@code
 * CalibrationSpec c = new CalibrationSpec(
 *     ImmutableList.of(new CalibrationParameter("handling-scale", 0.5, 3, 1)),
 *     ImmutableList.of(new CalibrationSpec.Target(Metric.WORKER_UTILISATION, 0.3, 0.005)),
 *     5, 40);
 * CalibrationResult r = c.fit(scenario, 1, 2);
 * }</pre>
 *
 * @param parameters the knobs to fit, each named by a {@link CalibrationKnob#id()}; at least one,
 *     distinct
 * @param targets the indicators to match; at least as many as parameters, distinct metrics
 * @param replications replications per simulated point, {@code >= 2}
 * @param maxEvaluations the search's budget of simulated points, {@code >} the number of parameters
 */
public record CalibrationSpec(
    ImmutableList<CalibrationParameter> parameters,
    ImmutableList<Target> targets,
    int replications,
    int maxEvaluations) {

  /** 1.96: the 95% normal quantile, from a standard error to a half-width. */
  static final double Z95 = 1.959964;

  /**
   * A published indicator with its standard error.
   *
   * @param metric the simulated indicator compared with it
   * @param value the published value, in the metric's unit (rates as fractions)
   * @param standardError the published value's standard error, {@code > 0}
   */
  public record Target(Metric metric, double value, double standardError) {
    /**
     * Validates.
     *
     * @param metric the indicator
     * @param value the published value
     * @param standardError its standard error, {@code > 0}
     * @throws IllegalArgumentException naming the metric if a value is not finite or the error is
     *     not positive
     */
    public Target {
      var unused = new CalibrationTarget(metric, value, standardError * Z95);
    }

    /**
     * Returns the target as {@link Calibration} takes it (95% half-width = 1.96 × standard error).
     *
     * @return the target
     */
    public CalibrationTarget toTarget() {
      return new CalibrationTarget(metric, value, standardError * Z95);
    }
  }

  /**
   * Validates.
   *
   * @param parameters the knobs to fit
   * @param targets the indicators to match
   * @param replications replications per point, {@code >= 2}
   * @param maxEvaluations the search's budget
   * @throws IllegalArgumentException naming an unknown knob, a repeated knob or metric, or a count
   *     out of range
   */
  public CalibrationSpec {
    checkArgument(!parameters.isEmpty(), "a calibration needs at least one parameter");
    checkArgument(
        targets.size() >= parameters.size(),
        "a calibration of %s parameters needs at least as many targets but has %s",
        parameters.size(),
        targets.size());
    checkArgument(replications >= 2, "replications must be >= 2 but was %s", replications);
    checkArgument(
        maxEvaluations > parameters.size(),
        "max-evaluations must be > %s (the number of parameters) but was %s",
        parameters.size(),
        maxEvaluations);
    for (CalibrationParameter p : parameters) {
      var unused = CalibrationKnob.parse(p.name());
    }
    checkArgument(
        parameters.stream().map(CalibrationParameter::name).distinct().count() == parameters.size(),
        "calibration parameters must be distinct but were %s",
        parameters.stream().map(CalibrationParameter::name).collect(Collectors.toList()));
    checkArgument(
        targets.stream().map(Target::metric).distinct().count() == targets.size(),
        "calibration targets must name distinct metrics");
  }

  /**
   * Fits the parameters on a scenario.
   *
   * @param scenario the base scenario (its own {@code calibration:} section is not consulted)
   * @param seed the experiment seed: every point runs replications 0..r-1 of it
   * @param parallelism how many replications at once, {@code >= 1}; the result does not depend on
   *     it
   * @return the fitted values with their intervals and the fit
   */
  public CalibrationResult fit(Scenario scenario, long seed, int parallelism) {
    ImmutableList<CalibrationKnob> knobs =
        parameters.stream()
            .map(p -> CalibrationKnob.parse(p.name()))
            .collect(ImmutableList.toImmutableList());
    ImmutableList<Metric> metrics =
        targets.stream().map(Target::metric).collect(ImmutableList.toImmutableList());
    CalibrationModel model =
        Calibration.scenarioModel(scenario, knobs, metrics, replications, seed, parallelism);
    return Calibration.fit(
        model,
        parameters,
        targets.stream().map(Target::toTarget).collect(ImmutableList.toImmutableList()),
        maxEvaluations);
  }

  /**
   * Finds a metric by its CSV column name.
   *
   * @param id e.g. {@code on_time_closing_rate}
   * @return the metric
   * @throws IllegalArgumentException naming the unknown id and listing the known ones
   */
  public static Metric metric(String id) {
    for (Metric m : Metric.values()) {
      if (m.id().equals(id)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "unknown metric '%s'; expected one of: %s",
            id,
            Arrays.stream(Metric.values()).map(Metric::id).collect(Collectors.joining(", "))));
  }
}
