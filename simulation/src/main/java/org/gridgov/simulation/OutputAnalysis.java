package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Output analysis of one replication's time series of a metric (e.g. daily open-case counts, or
 * waits in order of arrival): warm-up detection by MSER-5 and batch means.
 *
 * <p>MSER-5 (White 1997; Franklin and White 2008) averages the series in batches of 5 and picks the
 * truncation point {@code d} (in batches, within the first half) that minimises the marginal
 * standard error {@code sum_{i>d} (Z_i - mean_d)^2 / (m-d)^2} of the batches that remain. Batch
 * means treat the means of {@code b} consecutive, equally long batches of one long run as nearly
 * independent observations and give a Student-t interval with {@code b - 1} degrees of freedom, an
 * alternative to independent replications.
 */
public final class OutputAnalysis {
  private static final int MSER_BATCH = 5;

  private OutputAnalysis() {}

  /**
   * Returns the MSER-5 warm-up: how many leading observations to discard.
   *
   * @param series the observations in time order, at least 10 (two batches of 5)
   * @return a multiple of 5, at most half the series
   * @throws IllegalArgumentException if the series is shorter than 10 or has a non-finite value
   *     (naming its index)
   */
  public static int mser5(double[] series) {
    checkArgument(
        series.length >= 2 * MSER_BATCH,
        "MSER-5 needs at least %s observations but got %s",
        2 * MSER_BATCH,
        series.length);
    int m = series.length / MSER_BATCH;
    double[] z = new double[m];
    for (int i = 0; i < m * MSER_BATCH; i++) {
      checkArgument(
          Double.isFinite(series[i]), "observation %s is %s", i, String.valueOf(series[i]));
      z[i / MSER_BATCH] += series[i] / MSER_BATCH;
    }
    // suffix sums let each d be scored in O(1)
    double[] sum = new double[m + 1];
    double[] sumSq = new double[m + 1];
    for (int i = m - 1; i >= 0; i--) {
      sum[i] = sum[i + 1] + z[i];
      sumSq[i] = sumSq[i + 1] + z[i] * z[i];
    }
    int best = 0;
    double bestScore = Double.POSITIVE_INFINITY;
    for (int d = 0; d <= m / 2; d++) {
      int k = m - d;
      double ss = Math.max(0, sumSq[d] - sum[d] * sum[d] / k);
      double score = ss / ((double) k * k);
      if (score < bestScore) {
        bestScore = score;
        best = d;
      }
    }
    return best * MSER_BATCH;
  }

  /**
   * Returns the batch-means estimate of a series' mean: the series (after any warm-up the caller
   * removed) cut into {@code batches} equal consecutive batches, trailing remainder dropped.
   *
   * @param series the observations in time order
   * @param batches the number of batches, {@code >= 2}, at most the series length
   * @return the mean of the batch means with its 95% interval ({@code batches - 1} degrees of
   *     freedom)
   * @throws IllegalArgumentException if {@code batches} is out of range
   */
  public static Estimate batchMeans(double[] series, int batches) {
    checkArgument(
        batches >= 2 && batches <= series.length,
        "batches must be in 2..%s (the series length) but was %s",
        series.length,
        batches);
    int size = series.length / batches;
    double[] means = new double[batches];
    for (int b = 0; b < batches; b++) {
      double s = 0;
      for (int i = b * size; i < (b + 1) * size; i++) {
        s += series[i];
      }
      means[b] = s / size;
    }
    return Estimate.of(means);
  }
}
