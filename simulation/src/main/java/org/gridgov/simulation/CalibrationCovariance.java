package org.gridgov.simulation;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The delta-method (sandwich) standard errors of calibrated parameters; see {@link Calibration}.
 */
final class CalibrationCovariance {
  private CalibrationCovariance() {}

  /**
   * Returns the standard errors.
   *
   * @param j derivatives of the simulated means, {@code [target][parameter]}
   * @param targets the targets (their σ)
   * @param atFit the replications' values at the fit, {@code [replication][target]}
   * @return one standard error per parameter; {@code NaN} for all if JᵀWJ is singular
   */
  static double[] standardErrors(double[][] j, List<CalibrationTarget> targets, double[][] atFit) {
    int kk = targets.size();
    int d = j[0].length;
    double[][] sigma = covariance(atFit);
    for (int k = 0; k < kk; k++) {
      for (int l = 0; l < kk; l++) {
        sigma[k][l] /= atFit.length;
      }
      sigma[k][k] += targets.get(k).sigma() * targets.get(k).sigma();
    }
    double[][] wj = new double[kk][d]; // W J
    for (int k = 0; k < kk; k++) {
      double w = 1 / (targets.get(k).sigma() * targets.get(k).sigma());
      for (int i = 0; i < d; i++) {
        wj[k][i] = w * j[k][i];
      }
    }
    double[][] a = multiply(transpose(j), wj); // JᵀWJ
    double[][] b = multiply(transpose(wj), multiply(sigma, wj)); // JᵀWΣWJ
    double[][] ai = invert(a);
    double[] se = new double[d];
    if (ai == null) {
      Arrays.fill(se, Double.NaN);
      return se;
    }
    double[][] cov = multiply(ai, multiply(b, ai));
    for (int i = 0; i < d; i++) {
      se[i] = Math.sqrt(Math.max(0, cov[i][i]));
    }
    return se;
  }

  /** Sample covariance (n − 1) of the columns. */
  static double[][] covariance(double[][] rows) {
    double[] m = Calibration.means(rows);
    int k = m.length;
    double[][] c = new double[k][k];
    for (double[] row : rows) {
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < k; b++) {
          c[a][b] += (row[a] - m[a]) * (row[b] - m[b]) / (rows.length - 1);
        }
      }
    }
    return c;
  }

  static double[][] transpose(double[][] x) {
    double[][] t = new double[x[0].length][x.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x[0].length; j++) {
        t[j][i] = x[i][j];
      }
    }
    return t;
  }

  static double[][] multiply(double[][] x, double[][] y) {
    double[][] p = new double[x.length][y[0].length];
    for (int i = 0; i < x.length; i++) {
      for (int k = 0; k < y.length; k++) {
        for (int j = 0; j < y[0].length; j++) {
          p[i][j] += x[i][k] * y[k][j];
        }
      }
    }
    return p;
  }

  /** Gauss–Jordan inverse with partial pivoting; {@code null} if (numerically) singular. */
  static double @Nullable [][] invert(double[][] m) {
    int n = m.length;
    double[][] a = new double[n][2 * n];
    double scale = 0;
    for (int i = 0; i < n; i++) {
      System.arraycopy(m[i], 0, a[i], 0, n);
      a[i][n + i] = 1;
      for (int j = 0; j < n; j++) {
        scale = Math.max(scale, Math.abs(m[i][j]));
      }
    }
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
          p = r;
        }
      }
      if (!(Math.abs(a[p][c]) > 1e-12 * scale)) {
        return null;
      }
      double[] tmp = a[c];
      a[c] = a[p];
      a[p] = tmp;
      double piv = a[c][c];
      for (int j = 0; j < 2 * n; j++) {
        a[c][j] /= piv;
      }
      for (int r = 0; r < n; r++) {
        if (r != c && a[r][c] != 0) {
          double f = a[r][c];
          for (int j = 0; j < 2 * n; j++) {
            a[r][j] -= f * a[c][j];
          }
        }
      }
    }
    double[][] inv = new double[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], n, inv[i], 0, n);
    }
    return inv;
  }
}
