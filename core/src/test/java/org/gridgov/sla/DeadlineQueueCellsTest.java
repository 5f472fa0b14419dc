package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The wheel's buckets are arrays of cells in scheduling order, with tombstones for cancelled
 * entries: churn must not make them grow without bound, and squeezing the tombstones out must keep
 * the order.
 */
class DeadlineQueueCellsTest {

  private static final long START = 1_767_571_200_000L;

  private static List<Long> drainKeys(DeadlineQueue q) {
    List<Long> keys = new ArrayList<>();
    var unused = q.pollDue(Long.MAX_VALUE, (k, d) -> keys.add(k));
    return keys;
  }

  @Test
  void cancellingTheOldestOverAndOverKeepsBucketsSmallAndInOrder() {
    DeadlineQueue q = new DeadlineQueue();
    var unused = q.pollDue(START, (k, d) -> {});
    long far = START + 30L * 24 * 3_600_000; // one bucket on a high level of the wheel
    int live = 8;
    for (long k = 0; k < live; k++) {
      q.schedule(k, far);
    }
    long rounds = 100_000;
    for (long k = live; k < live + rounds; k++) {
      assertThat(q.cancel(k - live)).isTrue(); // the oldest: a tombstone at the front
      q.schedule(k, far); // appended at the end
    }
    assertThat(q.size()).isEqualTo(live);
    // without squeezing tombstones out the bucket would hold 100,008 cells
    assertThat(q.cellCapacity()).isLessThanOrEqualTo(64);
    List<Long> expected = new ArrayList<>();
    for (long k = rounds; k < rounds + live; k++) {
      expected.add(k);
    }
    assertThat(drainKeys(q)).isEqualTo(expected);
  }

  @Test
  void cancellingInTheMiddleThenCascadingKeepsSchedulingOrder() {
    DeadlineQueue q = DeadlineQueue.issuingHandles();
    var unused = q.pollDue(START, (k, d) -> {});
    long far = START + 3_600_000; // an hour ahead: cascades through the lower levels
    long[] h = new long[1000];
    for (int i = 0; i < h.length; i++) {
      h[i] = q.add(far + (i % 3)); // three deadlines, interleaved
    }
    List<Long> expected = new ArrayList<>();
    for (int r = 0; r < 3; r++) {
      for (int i = 0; i < h.length; i++) {
        if (i % 3 == r && i % 5 != 0) {
          expected.add(h[i]);
        }
      }
    }
    for (int i = 0; i < h.length; i += 5) {
      assertThat(q.cancel(h[i])).isTrue();
    }
    for (int i = 0; i < 2000; i++) { // churn that fills and squeezes the same bucket
      assertThat(q.cancel(q.add(far))).isTrue();
    }
    assertThat(drainKeys(q)).isEqualTo(expected);
  }
}
