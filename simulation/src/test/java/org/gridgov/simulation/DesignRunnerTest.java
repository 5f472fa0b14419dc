package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DesignRunnerTest {

  private static Design design(int parallelism) {
    DesignPlan plan =
        FactorialDesigns.full(
            List.of(
                Factor.of(SweepParameter.WORKERS_PER_GRID, "1", "2"),
                Factor.of(SweepParameter.DEPARTMENT_CAPACITY, "1", "4")));
    return new Design(TestScenarios.small().build(), plan, 3, 77, parallelism);
  }

  @Test
  void parallelEqualsSequentialAndRunsAreOrderedByPointThenReplication() {
    DesignResult sequential = DesignRunner.run(design(1), Progress.NONE);
    DesignResult parallel = DesignRunner.run(design(3), Progress.NONE);

    assertThat(parallel.runs()).isEqualTo(sequential.runs());
    assertThat(parallel.points()).isEqualTo(sequential.points());
    assertThat(sequential.runs())
        .extracting(ReplicationResult::replication)
        .containsExactly(0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2);
    assertThat(sequential.points())
        .extracting(SweepPoint::parameterValue)
        .containsExactly(
            "workers-per-grid=1, department-capacity=1",
            "workers-per-grid=1, department-capacity=4",
            "workers-per-grid=2, department-capacity=1",
            "workers-per-grid=2, department-capacity=4");
  }

  /**
   * Common random numbers hold for both factors: replication r sees the same arrivals at every
   * point.
   */
  @Test
  void replicationRHasTheSameArrivalsAtEveryPoint() {
    DesignResult r = DesignRunner.run(design(2), Progress.NONE);

    for (int rep = 0; rep < 3; rep++) {
      double cases = r.runsOf(0).get(rep).value(Metric.CASES_REPORTED);
      for (int p = 1; p < 4; p++) {
        assertThat(r.runsOf(p).get(rep).value(Metric.CASES_REPORTED)).isEqualTo(cases);
      }
    }
    assertThat(r.runsOf(0).get(0).value(Metric.CASES_REPORTED))
        .isNotEqualTo(r.runsOf(0).get(1).value(Metric.CASES_REPORTED));
  }

  @Test
  void pairedDifferenceIsTheTIntervalOfThePerReplicationDifferences() {
    DesignResult r = DesignRunner.run(design(2), Progress.NONE);

    PairedDifference d = r.paired(Metric.WORKER_UTILISATION, 0, 2);
    double[] diffs = new double[3];
    for (int rep = 0; rep < 3; rep++) {
      diffs[rep] =
          r.runsOf(2).get(rep).value(Metric.WORKER_UTILISATION)
              - r.runsOf(0).get(rep).value(Metric.WORKER_UTILISATION);
    }
    double mean = (diffs[0] + diffs[1] + diffs[2]) / 3;
    double ss = 0;
    for (double x : diffs) {
      ss += (x - mean) * (x - mean);
    }
    double half = 4.303 * Math.sqrt(ss / 2) / Math.sqrt(3);
    assertThat(d.difference().mean()).isCloseTo(mean, within(1e-12));
    assertThat(d.difference().halfWidth()).isCloseTo(half, within(1e-12));
    // twice the workers per grid roughly halves their utilisation: clearly significant
    assertThat(d.difference().mean()).isNegative();
    assertThat(d.significant()).isTrue();
    assertThat(r.pairedAgainst(Metric.WORKER_UTILISATION, 0))
        .extracting(PairedDifference::to)
        .containsExactly(1, 2, 3);
  }
}
