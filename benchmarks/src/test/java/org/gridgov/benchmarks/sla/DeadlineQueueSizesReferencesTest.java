package org.gridgov.benchmarks.sla;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The references of {@link DeadlineQueueSizesBenchmark}: the floor draws the very deadlines the
 * queues get, and {@code SlotsOnly} does the work of safe handles (a stale handle is refused), or
 * the lower bound they give would be of something else.
 */
class DeadlineQueueSizesReferencesTest {

  private static <T extends DeadlineQueueSizesBenchmark.Base> T sized(
      T state, String distribution) {
    state.pending = 1000;
    state.distribution = distribution;
    return state;
  }

  @Test
  void theFloorDrawsTheSameDeadlinesAsTheQueuesStates() {
    for (String distribution : new String[] {"uniform", "exponential", "workday"}) {
      var floor = sized(new DeadlineQueueSizesBenchmark.Floor(), distribution);
      floor.setUp();
      var handles = sized(new DeadlineQueueSizesBenchmark.GridgovHandles(), distribution);
      handles.draws(); // the queue's own setUp also fills it, which moves its draw index
      for (int i = 0; i < 100_000; i++) {
        assertThat(floor.nextDeadline())
            .as("%s draw %d", distribution, i)
            .isEqualTo(handles.nextDeadline());
        floor.tick();
        handles.tick();
      }
    }
  }

  @Test
  void slotsOnlyRefusesAStaleHandleAndReusesItsSlotWithTheNextGeneration() {
    var slots = sized(new DeadlineQueueSizesBenchmark.SlotsOnly(), "uniform");
    slots.setUp();
    int free = slots.freeCount;
    long h = slots.add(123);
    assertThat(slots.freeCount).isEqualTo(free - 1);
    assertThat(slots.deadlines[(int) h]).isEqualTo(123);
    assertThat(slots.cancel(h)).isTrue();
    assertThat(slots.cancel(h)).as("a stale handle").isFalse();
    assertThat(slots.freeCount).isEqualTo(free);

    long again = slots.add(456);
    assertThat((int) again).as("the same slot, last in first out").isEqualTo((int) h);
    assertThat(again).as("but not the same handle").isNotEqualTo(h);
    assertThat(slots.cancel(h)).isFalse();
    assertThat(slots.cancel(again)).isTrue();
  }

  @Test
  void scheduleCancelOfEachQueueAndOfSlotsOnlyFindsWhatItScheduled() {
    var bench = new DeadlineQueueSizesBenchmark();
    var slots = sized(new DeadlineQueueSizesBenchmark.SlotsOnly(), "exponential");
    slots.setUp();
    var handles = sized(new DeadlineQueueSizesBenchmark.GridgovHandles(), "exponential");
    handles.setUp();
    for (int i = 0; i < 10_000; i++) {
      assertThat(bench.scheduleCancelSlotsOnly(slots)).isTrue();
      assertThat(bench.scheduleCancelGridgovHandles(handles)).isTrue();
    }
    assertThat(handles.queue.size()).isEqualTo(1000);
    assertThat(slots.freeCount).isEqualTo(1000);
  }
}
