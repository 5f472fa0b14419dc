package org.gridgov.benchmarks.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gridgov.simulation.MmcModel;
import org.junit.jupiter.api.Test;

class MmcKernelsTest {

  /**
   * Both kernels simulate the benchmark's model: their mean waits agree with Erlang-C and with each
   * other.
   */
  @Test
  void bothKernelsReproduceErlangCOnTheBenchmarkModel() {
    double theory = new MmcModel(9, 1, 10).meanWaitMinutes() / 60;
    double gridgov = 0;
    double ssj = 0;
    int runs = 10;
    for (long seed = 0; seed < runs; seed++) {
      gridgov += MmcKernels.gridgov(9, 1, 10, 50_000, seed) / runs;
      ssj += MmcKernels.ssj(9, 1, 10, 50_000, seed) / runs;
    }
    assertThat(gridgov).isCloseTo(theory, within(0.15 * theory));
    assertThat(ssj).isCloseTo(theory, within(0.15 * theory));
    // Same random numbers in the same order: only millisecond rounding separates them.
    assertThat(gridgov).isCloseTo(ssj, within(0.01 * ssj));
  }

  /** Over the same pre-drawn variates both kernels simulate exactly the same queue: equal waits. */
  @Test
  void overPreDrawnVariatesBothKernelsGiveTheSameWaits() {
    for (int servers : new int[] {1, 10, 100}) {
      MmcKernels.Variates v = MmcKernels.Variates.draw(0.9 * servers, 1, 20_000, servers);
      double gridgov = MmcKernels.gridgov(v, servers);
      double ssj = MmcKernels.ssj(v, servers);
      assertThat(gridgov).as("c = %s", servers).isGreaterThan(0).isCloseTo(ssj, within(1e-6 * ssj));
    }
  }
}
