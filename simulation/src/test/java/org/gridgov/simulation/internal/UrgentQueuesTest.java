package org.gridgov.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The per-station urgent queues against one {@link ArrayDeque} per station as the oracle. */
class UrgentQueuesTest {

  @Test
  void eachStationIsFirstInFirstOutThroughGrowthAndWrapAround() {
    int stations = 3;
    UrgentQueues q = new UrgentQueues(stations);
    List<ArrayDeque<Long>> oracle = new ArrayList<>();
    for (int i = 0; i < stations; i++) {
      oracle.add(new ArrayDeque<>());
    }
    Random r = new Random(7);
    for (int step = 0; step < 20_000; step++) {
      int st = r.nextInt(stations);
      assertThat(q.has(st)).isEqualTo(!oracle.get(st).isEmpty());
      if (r.nextInt(5) < 3 || oracle.get(st).isEmpty()) {
        long e = r.nextLong();
        q.push(st, e);
        oracle.get(st).addLast(e);
      } else {
        assertThat(q.pop(st)).isEqualTo(oracle.get(st).removeFirst());
      }
    }
    for (int st = 0; st < stations; st++) {
      while (!oracle.get(st).isEmpty()) {
        assertThat(q.pop(st)).isEqualTo(oracle.get(st).removeFirst());
      }
      assertThat(q.has(st)).isFalse();
    }
  }
}
