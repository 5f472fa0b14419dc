package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

  private static long[] draw(SplittableRandom random, int n) {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = random.nextLong();
    }
    return out;
  }

  @Test
  void sameSeedPurposeAndReplicationGiveTheSameSequenceWhateverElseWasDrawn() {
    RandomStreams streams = RandomStreams.of(42);
    long[] first = draw(streams.stream("arrivals", 3), 100);
    var unused = draw(streams.stream("service", 3), 1000);
    long[] again = draw(RandomStreams.of(42).stream("arrivals", 3), 100);

    assertThat(again).isEqualTo(first);
  }

  @Test
  void purposesReplicationsAndSeedsGiveDifferentSequences() {
    long[] base = draw(RandomStreams.of(42).stream("arrivals", 0), 8);

    assertThat(draw(RandomStreams.of(42).stream("service", 0), 8)).isNotEqualTo(base);
    assertThat(draw(RandomStreams.of(42).stream("arrivals", 1), 8)).isNotEqualTo(base);
    assertThat(draw(RandomStreams.of(43).stream("arrivals", 0), 8)).isNotEqualTo(base);
  }

  @Test
  void rejectsEmptyPurposeAndNegativeReplication() {
    assertThatThrownBy(() -> RandomStreams.of(1).stream("", 0)).hasMessageContaining("purpose");
    assertThatThrownBy(() -> RandomStreams.of(1).stream("x", -1)).hasMessageContaining("-1");
  }
}
