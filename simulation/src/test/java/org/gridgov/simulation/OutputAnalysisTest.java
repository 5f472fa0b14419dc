package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OutputAnalysisTest {

  /** Oracle: MSER of every admissible d computed directly from its definition. */
  private static int naiveMser5(double[] x) {
    int m = x.length / 5;
    double[] z = new double[m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < 5; j++) {
        z[i] += x[5 * i + j] / 5;
      }
    }
    int best = 0;
    double bestScore = Double.MAX_VALUE;
    for (int d = 0; d <= m / 2; d++) {
      double mean = 0;
      for (int i = d; i < m; i++) {
        mean += z[i];
      }
      mean /= m - d;
      double ss = 0;
      for (int i = d; i < m; i++) {
        ss += (z[i] - mean) * (z[i] - mean);
      }
      double score = ss / ((double) (m - d) * (m - d));
      if (score < bestScore - 1e-12 * Math.abs(bestScore)) {
        bestScore = score;
        best = d;
      }
    }
    return 5 * best;
  }

  @Test
  void mser5AgreesWithTheDefinitionOnRandomSeriesWithAndWithoutTransients() {
    SplittableRandom random = new SplittableRandom(11);
    for (int trial = 0; trial < 300; trial++) {
      int n = 10 + random.nextInt(400);
      double[] x = new double[n];
      int warm = random.nextInt(n / 2 + 1);
      double start = random.nextDouble() * 20 - 10;
      for (int i = 0; i < n; i++) {
        x[i] = random.nextGaussian() + (i < warm ? start * (warm - i) / warm : 0);
      }
      assertThat(OutputAnalysis.mser5(x)).as("trial %s", trial).isEqualTo(naiveMser5(x));
    }
  }

  @Test
  void mser5CutsAPlantedTransientAndLittleOfAStationarySeries() {
    SplittableRandom random = new SplittableRandom(5);
    double[] x = new double[1000];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian() + (i < 100 ? 20 : 0);
    }
    assertThat(OutputAnalysis.mser5(x)).isBetween(100, 110);

    double[] flat = new double[1000];
    for (int i = 0; i < flat.length; i++) {
      flat[i] = random.nextGaussian();
    }
    assertThat(OutputAnalysis.mser5(flat)).isLessThan(100);
  }

  @Test
  void mser5RefusesShortOrNonFiniteSeries() {
    assertThatThrownBy(() -> OutputAnalysis.mser5(new double[9]))
        .hasMessageContaining("at least 10 observations but got 9");
    double[] x = new double[20];
    x[7] = Double.NaN;
    assertThatThrownBy(() -> OutputAnalysis.mser5(x)).hasMessageContaining("observation 7 is NaN");
  }

  @Test
  void batchMeansIsTheTIntervalOfConsecutiveBatchMeans() {
    double[] x = {1, 3, 2, 4, 6, 8, 5, 7, 100};
    Estimate e = OutputAnalysis.batchMeans(x, 2); // batches {1,3,2,4} and {6,8,5,7}; 100 dropped
    // batch means 2.5 and 6.5: sample variance 8
    assertThat(e.mean()).isCloseTo(4.5, within(1e-12));
    assertThat(e.halfWidth()).isCloseTo(12.706 * Math.sqrt(8) / Math.sqrt(2), within(1e-9));
    assertThatThrownBy(() -> OutputAnalysis.batchMeans(x, 1)).hasMessageContaining("was 1");
  }

  /** On an AR(1) series batch means cover the true mean about 95% of the time (within noise). */
  @Test
  void batchMeansIntervalsCoverTheMeanOfAnAutocorrelatedSeries() {
    SplittableRandom random = new SplittableRandom(3);
    int covered = 0;
    int trials = 400;
    for (int t = 0; t < trials; t++) {
      double[] x = new double[4000];
      double y = random.nextGaussian() / Math.sqrt(1 - 0.81);
      for (int i = 0; i < x.length; i++) {
        y = 0.9 * y + random.nextGaussian();
        x[i] = 5 + y;
      }
      if (OutputAnalysis.batchMeans(x, 20).covers(5)) {
        covered++;
      }
    }
    // 95% of 400 = 380, binomial sd ≈ 4.4; 20 batches of 200 (≫ the correlation time 10)
    assertThat(covered).isBetween(364, 396);
  }
}
