package org.gridgov.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The documented ranges and renderings of {@link SnapshotPolicy}: a period of at least 1 event, a
 * keep count of 1 to 100, and {@code keep} changing only the count (issue 17).
 */
class SnapshotPolicyEdgesTest {

  @Test
  void periodMustBeAtLeastOneEvent() {
    assertThat(SnapshotPolicy.everyEvents(1).everyEventsOrZero()).isEqualTo(1);
    assertThatThrownBy(() -> SnapshotPolicy.everyEvents(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 events");
    assertThatThrownBy(() -> SnapshotPolicy.everyEvents(-5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keepAcceptsOneToHundredOnly() {
    SnapshotPolicy base = SnapshotPolicy.onDemand();
    assertThat(base.keep()).as("default").isEqualTo(2);
    assertThat(base.keep(1).keep()).isEqualTo(1);
    assertThat(base.keep(100).keep()).isEqualTo(100);
    assertThatThrownBy(() -> base.keep(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keep 0 snapshots");
    assertThatThrownBy(() -> base.keep(101))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keep 101 snapshots");
  }

  @Test
  void keepChangesOnlyTheCount() {
    SnapshotPolicy every = SnapshotPolicy.everyEvents(7).keep(5);
    assertThat(every.everyEventsOrZero()).isEqualTo(7);
    assertThat(every.readsSnapshots()).isTrue();
    assertThat(every.keep()).isEqualTo(5);

    SnapshotPolicy replay = SnapshotPolicy.replayOnly().keep(3);
    assertThat(replay.everyEventsOrZero()).isZero();
    assertThat(replay.readsSnapshots()).isFalse();
    assertThat(replay.keep()).isEqualTo(3);

    SnapshotPolicy onDemand = SnapshotPolicy.onDemand();
    assertThat(onDemand.everyEventsOrZero()).isZero();
    assertThat(onDemand.readsSnapshots()).isTrue();
  }

  @Test
  void rendersPeriodReadingAndCount() {
    assertThat(SnapshotPolicy.everyEvents(10_000))
        .hasToString("SnapshotPolicy[every 10000 events, read at open, keep 2]");
    assertThat(SnapshotPolicy.onDemand())
        .hasToString("SnapshotPolicy[on demand, read at open, keep 2]");
    assertThat(SnapshotPolicy.replayOnly().keep(4))
        .hasToString("SnapshotPolicy[on demand, replay at open, keep 4]");
  }
}
