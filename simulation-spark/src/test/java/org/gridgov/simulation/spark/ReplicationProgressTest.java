package org.gridgov.simulation.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Counting replications done, once each, and the ETA line; no Spark context needed. */
class ReplicationProgressTest {
  private static final long SECOND = 1_000_000_000L;

  private final List<String> lines = new ArrayList<>();
  private final List<long[]> updates = new ArrayList<>();

  private ReplicationProgress progress(int tasks) {
    long[] hours = new long[tasks];
    for (int i = 0; i < tasks; i++) {
      hours[i] = 10L + i;
    }
    ReplicationProgress p =
        new ReplicationProgress(
            "g", hours, (done, total) -> updates.add(new long[] {done, total}), lines::add, 0);
    p.addStage(7);
    return p;
  }

  @Test
  void countsEachTaskOnceAndOnlyForTheSweepsStages() {
    ReplicationProgress p = progress(4);
    p.taskDone(7, 0, SECOND);
    p.taskDone(7, 0, 2 * SECOND); // a retry or speculative copy of the same task
    p.taskDone(8, 1, 2 * SECOND); // another job's stage
    assertThat(updates).hasSize(1);
    assertThat(updates.get(0)).containsExactly(10, 10 + 11 + 12 + 13);
    assertThat(lines).containsExactly("spark sweep: 1 of 4 replications done (25%), ETA 0:00:03");
  }

  @Test
  void logsEveryTenPercentWithAnEtaFromTheRateSoFar() {
    ReplicationProgress p = progress(20);
    for (int i = 0; i < 20; i++) {
      p.taskDone(7, i, (i + 1) * 30L * SECOND);
    }
    assertThat(lines).hasSize(10);
    assertThat(lines.get(0)).isEqualTo("spark sweep: 2 of 20 replications done (10%), ETA 0:09:00");
    assertThat(lines.get(9))
        .isEqualTo("spark sweep: 20 of 20 replications done (100%), ETA 0:00:00");
  }

  @Test
  void finishCompletesTheCountWhenEventsArriveLate() {
    ReplicationProgress p = progress(3);
    p.taskDone(7, 2, SECOND);
    p.finish(5 * SECOND);
    p.taskDone(7, 0, 6 * SECOND); // late event: nothing more
    assertThat(updates.get(updates.size() - 1)).containsExactly(33, 33);
    assertThat(lines).last().isEqualTo("spark sweep: 3 of 3 replications done (100%), ETA 0:00:00");
    assertThat(lines).hasSize(2);
  }
}
