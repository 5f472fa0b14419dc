package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExperimentsTest {

  private static Sweep sweep(int parallelism) {
    return new Sweep(
        TestScenarios.small().build(),
        SweepParameter.WORKERS_PER_GRID,
        ImmutableList.of("1", "2"),
        3,
        99,
        parallelism);
  }

  @Test
  void parallelRunsEqualSequentialRuns() {
    SweepResult sequential = Experiments.run(sweep(1), Progress.NONE);
    SweepResult parallel = Experiments.run(sweep(3), Progress.NONE);

    assertThat(parallel.runs()).isEqualTo(sequential.runs());
    assertThat(parallel.points()).isEqualTo(sequential.points());
  }

  @Test
  void runsAreOrderedByValueThenReplicationAndSummarisedPerValue() {
    SweepResult r = Experiments.run(sweep(2), Progress.NONE);

    assertThat(r.runs())
        .extracting(ReplicationResult::parameterValue)
        .containsExactly("1", "1", "1", "2", "2", "2");
    assertThat(r.runs())
        .extracting(ReplicationResult::replication)
        .containsExactly(0, 1, 2, 0, 1, 2);
    assertThat(r.points()).extracting(SweepPoint::parameterValue).containsExactly("1", "2");
    double[] waits =
        r.runs().subList(0, 3).stream()
            .mapToDouble(x -> x.value(Metric.MEAN_WAIT_MINUTES))
            .toArray();
    assertThat(r.points().get(0).estimate(Metric.MEAN_WAIT_MINUTES)).isEqualTo(Estimate.of(waits));
  }

  @Test
  void replicationRUsesTheSameArrivalsForEveryValue() {
    SweepResult r = Experiments.run(sweep(2), Progress.NONE);

    for (int rep = 0; rep < 3; rep++) {
      assertThat(r.runs().get(rep).value(Metric.CASES_REPORTED))
          .isEqualTo(r.runs().get(3 + rep).value(Metric.CASES_REPORTED));
    }
    assertThat(r.runs().get(0).value(Metric.CASES_REPORTED))
        .isNotEqualTo(r.runs().get(1).value(Metric.CASES_REPORTED));
  }

  @Test
  void progressSumsOverRunsToTheTotal() {
    AtomicLong last = new AtomicLong();
    AtomicLong totalSeen = new AtomicLong();
    List<Long> dones = new ArrayList<>();
    var unused =
        Experiments.run(
            sweep(2),
            (done, total) -> {
              synchronized (dones) {
                dones.add(done);
              }
              last.accumulateAndGet(done, Math::max);
              totalSeen.set(total);
            });

    long perRun = Duration.ofDays(1 + 3 + 14).toHours();
    assertThat(totalSeen.get()).isEqualTo(6 * perRun);
    assertThat(last.get()).isEqualTo(6 * perRun);
  }

  /**
   * Finer grids with the same workers per grid: more workers for the same cases, so each is less
   * busy.
   */
  @Test
  void fewerHouseholdsPerGridLowerGridWorkerUtilisation() {
    Scenario putian =
        Scenario.builder()
            .name("putian-light")
            .city(new CitySpec.Putian(1))
            .casesPerResidentPerYear(0.05)
            .warmUp(Duration.ofDays(1))
            .horizon(Duration.ofDays(3))
            .drain(Duration.ofDays(7))
            .addAllCategories(BuiltInScenarios.putian().categories())
            .staffing(BuiltInScenarios.putian().staffing())
            .build();
    Sweep sweep =
        new Sweep(
            putian, SweepParameter.HOUSEHOLDS_PER_GRID, ImmutableList.of("150", "600"), 1, 5, 2);

    SweepResult r = Experiments.run(sweep, Progress.NONE);

    double fine = r.runs().get(0).value(Metric.WORKER_UTILISATION);
    double coarse = r.runs().get(1).value(Metric.WORKER_UTILISATION);
    assertThat(fine).isGreaterThan(0).isLessThan(coarse);
    // Four times the households per grid, a quarter of the grids: about four times the load per
    // worker.
    assertThat(coarse / fine).isBetween(3.0, 5.0);
  }

  @Test
  void summariesSkipUndefinedValuesAndOmitMetricsUndefinedEverywhere() {
    Map<Metric, Double> a = new EnumMap<>(Metric.class);
    Map<Metric, Double> b = new EnumMap<>(Metric.class);
    for (Metric m : Metric.values()) {
      a.put(m, 1.0);
      b.put(m, 3.0);
    }
    a.put(Metric.MEAN_HOURS_TO_CLOSE, Double.NaN);
    a.put(Metric.P90_HOURS_TO_CLOSE, Double.NaN);
    b.put(Metric.P90_HOURS_TO_CLOSE, Double.NaN);

    SweepPoint p =
        Experiments.summarise(
            "x",
            List.of(ReplicationResult.of("x", 0, a, 0, 0), ReplicationResult.of("x", 1, b, 0, 0)));

    assertThat(p.estimate(Metric.CLOSING_RATE)).isEqualTo(Estimate.of(1.0, 3.0));
    assertThat(p.estimate(Metric.MEAN_HOURS_TO_CLOSE)).isEqualTo(Estimate.of(3.0));
    assertThat(p.estimates()).doesNotContainKey(Metric.P90_HOURS_TO_CLOSE);
    assertThat(p.estimates()).isInstanceOf(ImmutableMap.class);
  }
}
