package org.gridgov.benchmarks.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gridgov.simulation.MmcModel;
import org.junit.jupiter.api.Test;

class MmcKernelsTest {

  /** Both kernels simulate the benchmark's model: their mean waits agree with Erlang-C and with each other. */
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
}
