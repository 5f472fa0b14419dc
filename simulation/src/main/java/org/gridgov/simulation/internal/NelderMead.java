package org.gridgov.simulation.internal;

import com.google.common.primitives.ImmutableDoubleArray;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.ToDoubleFunction;

/**
 * Nelder–Mead downhill simplex minimisation on the unit cube, with the standard coefficients
 * (reflection 1, expansion 2, contraction ½, shrink ½; Nelder &amp; Mead 1965, as stated by
 * Lagarias et al. 1998, SIAM J. Optim. 9(1)). Points outside the cube are projected onto it.
 * Deterministic: no random choices; ties keep the earlier vertex.
 */
public final class NelderMead {
  private NelderMead() {}

  /**
   * The search's outcome.
   *
   * @param point the best vertex, in the unit cube
   * @param value the objective there
   * @param evaluations how many times the objective was called
   * @param converged whether the simplex shrank below the tolerance before the evaluation budget
   *     ran out
   */
  public record Outcome(
      ImmutableDoubleArray point, double value, int evaluations, boolean converged) {}

  /**
   * Minimises a function of the unit cube.
   *
   * @param f the objective; called with points in [0, 1]^d
   * @param start the starting point, in the unit cube
   * @param step the initial simplex's edge along each axis (away from the nearer face)
   * @param tolerance stop when every vertex lies within this distance (per axis) of the best one
   * @param maxEvaluations the evaluation budget
   * @return the best point found
   */
  public static Outcome minimise(
      ToDoubleFunction<double[]> f,
      double[] start,
      double step,
      double tolerance,
      int maxEvaluations) {
    int d = start.length;
    double[][] x = new double[d + 1][];
    double[] fx = new double[d + 1];
    x[0] = clamp(start);
    for (int i = 0; i < d; i++) {
      double[] v = x[0].clone();
      v[i] += v[i] + step <= 1 ? step : -step;
      x[i + 1] = clamp(v);
    }
    int evals = 0;
    for (int i = 0; i <= d; i++) {
      fx[i] = f.applyAsDouble(x[i]);
      evals++;
    }
    while (true) {
      sort(x, fx);
      if (diameter(x) <= tolerance) {
        return new Outcome(ImmutableDoubleArray.copyOf(x[0]), fx[0], evals, true);
      }
      if (evals >= maxEvaluations) {
        return new Outcome(ImmutableDoubleArray.copyOf(x[0]), fx[0], evals, false);
      }
      evals += iterate(f, x, fx);
    }
  }

  /** One Nelder–Mead step on a sorted simplex; returns the evaluations it used. */
  private static int iterate(ToDoubleFunction<double[]> f, double[][] x, double[] fx) {
    int d = x.length - 1;
    double[] centroid = new double[d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        centroid[j] += x[i][j] / d;
      }
    }
    double[] r = along(centroid, x[d], -1);
    double fr = f.applyAsDouble(r);
    if (fr < fx[0]) {
      double[] e = along(centroid, x[d], -2);
      double fe = f.applyAsDouble(e);
      replaceWorst(x, fx, fe < fr ? e : r, Math.min(fe, fr));
      return 2;
    }
    if (fr < fx[d - 1]) {
      replaceWorst(x, fx, r, fr);
      return 1;
    }
    boolean outside = fr < fx[d];
    double[] c = along(centroid, outside ? r : x[d], 0.5);
    double fc = f.applyAsDouble(c);
    if (fc < (outside ? fr : fx[d])) {
      replaceWorst(x, fx, c, fc);
      return 2;
    }
    for (int i = 1; i <= d; i++) {
      x[i] = along(x[0], x[i], 0.5);
      fx[i] = f.applyAsDouble(x[i]);
    }
    return 1 + d + 1;
  }

  /** {@code from + t * (to - from)}, projected onto the cube. */
  private static double[] along(double[] from, double[] to, double t) {
    double[] p = new double[from.length];
    for (int j = 0; j < p.length; j++) {
      p[j] = from[j] + t * (to[j] - from[j]);
    }
    return clamp(p);
  }

  private static void replaceWorst(double[][] x, double[] fx, double[] p, double fp) {
    x[x.length - 1] = p;
    fx[fx.length - 1] = fp;
  }

  private static double[] clamp(double[] p) {
    double[] c = new double[p.length];
    for (int j = 0; j < p.length; j++) {
      c[j] = Math.min(1, Math.max(0, p[j]));
    }
    return c;
  }

  private static double diameter(double[][] x) {
    double m = 0;
    for (int i = 1; i < x.length; i++) {
      for (int j = 0; j < x[0].length; j++) {
        m = Math.max(m, Math.abs(x[i][j] - x[0][j]));
      }
    }
    return m;
  }

  /** Stable sort of the vertices by value. */
  private static void sort(double[][] x, double[] fx) {
    Integer[] idx = new Integer[fx.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, Comparator.comparingDouble(i -> fx[i]));
    double[][] xs = new double[x.length][];
    double[] fs = new double[fx.length];
    for (int i = 0; i < idx.length; i++) {
      xs[i] = x[idx[i]];
      fs[i] = fx[idx[i]];
    }
    System.arraycopy(xs, 0, x, 0, x.length);
    System.arraycopy(fs, 0, fx, 0, fx.length);
  }
}
