package org.gridgov.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The guide-table pick against the definition (the first index whose running sum exceeds the draw,
 * found by a linear scan): every draw of small random weight lists with zero weights among them,
 * random draws of large ones, and totals so large that the table needs fewer buckets than weights.
 */
class WeightedPickTest {

  @Test
  void everyDrawOfSmallListsPicksTheFirstIndexWhoseRunningSumExceedsIt() {
    SplittableRandom rnd = new SplittableRandom(20261206L);
    for (int trial = 0; trial < 300; trial++) {
      long[] cumulative = runningSums(rnd, 1 + rnd.nextInt(40), 1 + rnd.nextInt(50));
      WeightedPick pick = new WeightedPick(cumulative);
      assertThat(pick.total()).isEqualTo(cumulative[cumulative.length - 1]);
      for (long d = 0; d < pick.total(); d++) {
        int i = pick.pick(d);
        assertThat(i).as("trial %d, draw %d", trial, d).isEqualTo(linearScan(cumulative, d));
        assertThat(cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]))
            .as("the weight of the picked index")
            .isPositive();
      }
    }
  }

  @Test
  void randomDrawsOfLargeListsAgreeWithTheScan() {
    SplittableRandom rnd = new SplittableRandom(7L);
    for (int trial = 0; trial < 20; trial++) {
      long[] cumulative = runningSums(rnd, 5_000 + rnd.nextInt(5_000), 1 + rnd.nextInt(1_000));
      WeightedPick pick = new WeightedPick(cumulative);
      for (int k = 0; k < 5_000; k++) {
        long d = rnd.nextLong(pick.total());
        assertThat(pick.pick(d)).isEqualTo(linearScan(cumulative, d));
      }
      assertThat(pick.pick(pick.total() - 1)).isEqualTo(linearScan(cumulative, pick.total() - 1));
    }
  }

  @Test
  void totalsNearTheLongRangeStillPickExactly() {
    SplittableRandom rnd = new SplittableRandom(11L);
    long big = Long.MAX_VALUE / 8;
    long[] cumulative = {big, big, 2 * big, 3 * big, 3 * big, 5 * big, 7 * big};
    WeightedPick pick = new WeightedPick(cumulative);
    for (int k = 0; k < 20_000; k++) {
      long d = rnd.nextLong(pick.total());
      assertThat(pick.pick(d)).isEqualTo(linearScan(cumulative, d));
    }
    for (long edge : new long[] {0, big - 1, big, 2 * big - 1, 3 * big, 7 * big - 1}) {
      assertThat(pick.pick(edge)).as("draw %d", edge).isEqualTo(linearScan(cumulative, edge));
    }
  }

  @Test
  void noPositiveWeightIsRefusedNamingTheTotal() {
    assertThatThrownBy(() -> new WeightedPick(new long[] {0, 0, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sum to 0");
    assertThatThrownBy(() -> new WeightedPick(new long[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no weights");
  }

  /** Running sums of n weights in [0, max], about a quarter of them zero, the total positive. */
  private static long[] runningSums(SplittableRandom rnd, int n, int max) {
    long[] c = new long[n];
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(max + 1);
      c[i] = sum;
    }
    if (sum == 0) {
      c[n - 1] = 1;
    }
    return c;
  }

  private static int linearScan(long[] cumulative, long draw) {
    int i = 0;
    while (cumulative[i] <= draw) {
      i++;
    }
    return i;
  }
}
