package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WakeHeapTest {
  private record Wake(Instant at, long ordinal) {}

  // the oracle orders by Instant.compareTo, not by the heap's seconds and nanoseconds
  private static final Comparator<Wake> ORDER =
      Comparator.comparing(Wake::at).thenComparingLong(Wake::ordinal);

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void removesWakesInInstantThenOrdinalOrderUnderRandomInterleaving(long seed) {
    Random r = new Random(seed);
    WakeHeap heap = new WakeHeap(r.nextInt(4)); // starts tiny, so it grows
    List<Wake> model = new ArrayList<>();
    for (int step = 0; step < 4_000; step++) {
      if (model.isEmpty() || r.nextInt(3) > 0) {
        Wake w = new Wake(instant(r), r.nextInt(50));
        heap.add(w.at(), w.ordinal());
        model.add(w);
      } else {
        Wake expected = model.stream().min(ORDER).orElseThrow();
        assertThat(heap.isEmpty()).isFalse();
        assertThat(new Wake(heap.firstAt(), heap.firstOrdinal()))
            .as("step %s, seed %s", step, seed)
            .isEqualTo(expected);
        heap.removeFirst();
        model.remove(expected);
      }
      assertThat(heap.isEmpty()).isEqualTo(model.isEmpty());
    }
    model.sort(ORDER);
    for (Wake expected : model) {
      assertThat(new Wake(heap.firstAt(), heap.firstOrdinal())).isEqualTo(expected);
      heap.removeFirst();
    }
    assertThat(heap.isEmpty()).isTrue();
  }

  /** Instants that share seconds, share everything, straddle the epoch and differ by one nano. */
  private static Instant instant(Random r) {
    long second = -3L + r.nextInt(7);
    int nano =
        switch (r.nextInt(4)) {
          case 0 -> 0;
          case 1 -> 999_999_999;
          case 2 -> r.nextInt(3);
          default -> r.nextInt(1_000_000_000);
        };
    return Instant.ofEpochSecond(second, nano);
  }
}
