package org.gridgov.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventListTest {

  static LongStream seeds() {
    return new SplittableRandom(20261122).longs(20);
  }

  private record Ev(long time, long seq, int kind, int arg) {}

  /**
   * Against a reference queue ordered by (time, insertion order), under random interleavings of
   * both operations.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void pollsInOrderOfTimeThenInsertion(long seed) {
    pollsInOrder(seed, new EventList(1), 3);
  }

  /** With sequence numbers running out every few schedules, renumbering keeps the order exact. */
  @ParameterizedTest
  @MethodSource("seeds")
  void renumberingSequenceNumbersKeepsTheOrder(long seed) {
    pollsInOrder(seed, new EventList(1, 2 + new SplittableRandom(seed).nextInt(40)), 2);
  }

  private static void pollsInOrder(long seed, EventList list, int scheduleOdds) {
    SplittableRandom r = new SplittableRandom(seed);
    PriorityQueue<Ev> ref =
        new PriorityQueue<>(Comparator.comparingLong(Ev::time).thenComparingLong(Ev::seq));
    long seq = 0;
    long now = 0;
    for (int step = 0; step < 5_000; step++) {
      if (ref.isEmpty() || r.nextInt(scheduleOdds) > 0) {
        long t = now + r.nextInt(20); // many ties on purpose
        int kind = r.nextInt(EventList.KINDS);
        int arg = r.nextInt();
        list.schedule(t, kind, arg);
        ref.add(new Ev(t, seq++, kind, arg));
      } else {
        Ev e = ref.poll();
        if (r.nextBoolean()) { // sometimes a peek fills the root's place, sometimes the poll must
          assertThat(list.peekTime()).as("seed %s step %s", seed, step).isEqualTo(e.time());
        }
        list.poll();
        assertThat(new long[] {list.time(), list.kind(), list.argument()})
            .as("seed %s step %s", seed, step)
            .containsExactly(e.time(), e.kind(), e.arg());
        now = e.time();
      }
      assertThat(list.size()).isEqualTo(ref.size());
    }
  }

  @Test
  void anEmptyListHasNoNextEvent() {
    EventList list = new EventList(4);

    assertThat(list.isEmpty()).isTrue();
    assertThatThrownBy(list::poll)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no pending");
    assertThatThrownBy(list::peekTime).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new EventList(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0");
    assertThatThrownBy(() -> list.schedule(0, EventList.KINDS, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16");
    assertThatThrownBy(() -> list.schedule(0, -1, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
