package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableDoubleArray;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.simulation.internal.NelderMead;

/**
 * Fits scenario parameters so that simulated indicators match published targets (calibration).
 *
 * <p>Method: the method of simulated moments (McFadden 1989, Econometrica 57(5); Pakes &amp;
 * Pollard 1989) with sample-path optimisation (Robinson 1996, Math. Oper. Res. 21(3); Kim,
 * Pasupathy &amp; Henderson 2015, "A guide to sample average approximation"). Every parameter point
 * is simulated with the same replications' random streams (common random numbers), so the objective
 * Σ ((simulated mean − target) / σ)² is a deterministic function of the parameters; Nelder–Mead
 * minimises it within the bounds. The fitted values' standard errors come from the delta method
 * (sandwich form): with J the derivatives of the simulated means at the fit (central differences,
 * common random numbers), W = diag(1/σ²), Σ = diag(σ²) + (covariance over replications) / n, the
 * covariance is (JᵀWJ)⁻¹ JᵀWΣWJ (JᵀWJ)⁻¹. It counts both the targets' published uncertainty and the
 * simulation's noise; it is a local, linearised estimate.
 *
 * <p>Deterministic: the same model, parameters and targets give the same result.
 *
 * <pre>{@code
 * CalibrationModel model = Calibration.scenarioModel(scenario,
 *     List.of(CalibrationKnob.HANDLING_SCALE), List.of(Metric.WORKER_UTILISATION), 10, 42, 2);
 * CalibrationResult r = Calibration.fit(model,
 *     List.of(new CalibrationParameter("handling-scale", 0.5, 2, 1)),
 *     List.of(new CalibrationTarget(Metric.WORKER_UTILISATION, 0.30, 0.01)), 60);
 * }</pre>
 */
public final class Calibration {
  /** Tolerance of the search, as a fraction of each parameter's range. */
  static final double TOLERANCE = 0.002;

  /** Initial simplex edge and difference step, as fractions of each parameter's range. */
  static final double STEP = 0.2;

  static final double DERIVATIVE_STEP = 0.05;

  private Calibration() {}

  /**
   * Fits the parameters.
   *
   * @param model simulates a parameter point: one value per replication and target
   * @param parameters what to fit, with bounds and starting values; at least one
   * @param targets what to match; at least as many as parameters
   * @param maxEvaluations the search's budget of simulated points, {@code >= parameters + 1}
   * @return the fitted values with their intervals and the fit
   * @throws IllegalArgumentException if there are fewer targets than parameters or the model
   *     returns values that do not fit the targets (naming the point and target)
   */
  public static CalibrationResult fit(
      CalibrationModel model,
      List<CalibrationParameter> parameters,
      List<CalibrationTarget> targets,
      int maxEvaluations) {
    int d = parameters.size();
    checkArgument(d >= 1, "calibration needs at least one parameter");
    checkArgument(
        targets.size() >= d,
        "calibration of %s parameters needs at least as many targets but has %s",
        d,
        targets.size());
    checkArgument(maxEvaluations > d, "maxEvaluations must be > %s but was %s", d, maxEvaluations);
    Evaluator ev = new Evaluator(model, parameters, targets);
    double[] start = new double[d];
    for (int i = 0; i < d; i++) {
      CalibrationParameter p = parameters.get(i);
      start[i] = (p.start() - p.lower()) / (p.upper() - p.lower());
    }
    NelderMead.Outcome o =
        NelderMead.minimise(ev::objective, start, STEP, TOLERANCE, maxEvaluations);
    double[] best = ev.toParameters(o.point().toArray());
    double[][] atBest = ev.simulate(best);
    double[][] jacobian = ev.jacobian(best);
    double[] se = CalibrationCovariance.standardErrors(jacobian, targets, atBest);
    ImmutableList.Builder<CalibrationResult.Fitted> fitted = ImmutableList.builder();
    for (int i = 0; i < d; i++) {
      fitted.add(new CalibrationResult.Fitted(parameters.get(i), best[i], se[i]));
    }
    ImmutableList.Builder<CalibrationResult.TargetFit> fit = ImmutableList.builder();
    for (int k = 0; k < targets.size(); k++) {
      double[] column = new double[atBest.length];
      for (int r = 0; r < atBest.length; r++) {
        column[r] = atBest[r][k];
      }
      fit.add(new CalibrationResult.TargetFit(targets.get(k), Estimate.of(column)));
    }
    return new CalibrationResult(
        fitted.build(), fit.build(), o.value(), ev.evaluations(), o.converged());
  }

  /**
   * Returns a model that runs a scenario with the knobs set to a point's values: {@code
   * replications} replications of seed {@code seed} (the same streams for every point), the
   * metrics' values per replication.
   *
   * @param scenario the base scenario
   * @param knobs one per calibration parameter, in their order
   * @param metrics one per target, in their order
   * @param replications replications per point, {@code >= 2}
   * @param seed the experiment seed
   * @param parallelism how many replications at once, {@code >= 1}; results do not depend on it
   * @return the model
   */
  public static CalibrationModel scenarioModel(
      Scenario scenario,
      List<CalibrationKnob> knobs,
      List<Metric> metrics,
      int replications,
      long seed,
      int parallelism) {
    checkArgument(replications >= 2, "replications must be >= 2 but was %s", replications);
    checkArgument(parallelism >= 1, "parallelism must be >= 1 but was %s", parallelism);
    ImmutableList<CalibrationKnob> ks = ImmutableList.copyOf(knobs);
    ImmutableList<Metric> ms = ImmutableList.copyOf(metrics);
    return point -> {
      checkArgument(
          point.length == ks.size(), "expected %s values but got %s", ks.size(), point.length);
      Scenario s = scenario;
      for (int i = 0; i < point.length; i++) {
        s = ks.get(i).apply(s, point[i]);
      }
      ImmutableList<ReplicationResult> runs =
          Experiments.runAll(
              List.of(s), List.of(""), replications, seed, parallelism, Progress.NONE);
      double[][] values = new double[replications][ms.size()];
      for (int r = 0; r < replications; r++) {
        for (int k = 0; k < ms.size(); k++) {
          values[r][k] = runs.get(r).value(ms.get(k));
        }
      }
      return values;
    };
  }

  /** Maps the unit cube to parameter values, simulates (once per point) and scores. */
  private static final class Evaluator {
    private final CalibrationModel model;
    private final List<CalibrationParameter> parameters;
    private final List<CalibrationTarget> targets;
    private final Map<ImmutableDoubleArray, double[][]> cache = new HashMap<>();

    Evaluator(
        CalibrationModel model,
        List<CalibrationParameter> parameters,
        List<CalibrationTarget> targets) {
      this.model = model;
      this.parameters = parameters;
      this.targets = targets;
    }

    int evaluations() {
      return cache.size();
    }

    double[] toParameters(double[] unit) {
      double[] p = new double[unit.length];
      for (int i = 0; i < p.length; i++) {
        CalibrationParameter c = parameters.get(i);
        p[i] = c.lower() + unit[i] * (c.upper() - c.lower());
      }
      return p;
    }

    double objective(double[] unit) {
      double[] means = means(simulate(toParameters(unit)));
      double s = 0;
      for (int k = 0; k < targets.size(); k++) {
        double z = (means[k] - targets.get(k).value()) / targets.get(k).sigma();
        s += z * z;
      }
      return s;
    }

    double[][] simulate(double[] point) {
      return cache.computeIfAbsent(ImmutableDoubleArray.copyOf(point), k -> checked(point));
    }

    private double[][] checked(double[] point) {
      double[][] v = model.simulate(point.clone());
      String where = "calibration point " + ImmutableDoubleArray.copyOf(point);
      checkArgument(
          v.length >= 2, "%s: the model returned %s replications; need >= 2", where, v.length);
      for (int r = 0; r < v.length; r++) {
        checkArgument(
            v[r].length == targets.size(),
            "%s: replication %s has %s values; expected one per target (%s)",
            where,
            r,
            v[r].length,
            targets.size());
        for (int k = 0; k < v[r].length; k++) {
          checkArgument(
              Double.isFinite(v[r][k]),
              "%s: replication %s gives %s for target %s; expected a finite value",
              where,
              r,
              v[r][k],
              targets.get(k).metric().id());
        }
      }
      return v;
    }

    /** Central differences of the means (one-sided at a bound): {@code [target][parameter]}. */
    double[][] jacobian(double[] at) {
      double[][] j = new double[targets.size()][at.length];
      for (int i = 0; i < at.length; i++) {
        CalibrationParameter c = parameters.get(i);
        double h = DERIVATIVE_STEP * (c.upper() - c.lower());
        double[] up = at.clone();
        double[] down = at.clone();
        up[i] = Math.min(c.upper(), at[i] + h);
        down[i] = Math.max(c.lower(), at[i] - h);
        double[] mu = means(simulate(up));
        double[] md = means(simulate(down));
        for (int k = 0; k < targets.size(); k++) {
          j[k][i] = (mu[k] - md[k]) / (up[i] - down[i]);
        }
      }
      return j;
    }
  }

  static double[] means(double[][] values) {
    double[] m = new double[values[0].length];
    for (double[] row : values) {
      for (int k = 0; k < m.length; k++) {
        m[k] += row[k] / values.length;
      }
    }
    return m;
  }
}
