package org.gridgov.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OrdinalTableTest {

  @Test
  void addHandsOutDenseOrdinalsAndGetReturnsTheValues() {
    OrdinalTable<String> t = new OrdinalTable<>();
    assertThat(t.add("a")).isZero();
    assertThat(t.add("b")).isEqualTo(1);
    assertThat(t.nextOrdinal()).isEqualTo(2);
    assertThat(t.get(0)).isEqualTo("a");
    assertThat(t.get(1)).isEqualTo("b");
    assertThat(t.get(2)).isNull();
    assertThat(t.get(-1)).isNull();
    assertThat(t.size()).isEqualTo(2);
  }

  @Test
  void removedOrdinalsAreNotReused_andAbsentOnesCannotBeSetOrRemoved() {
    OrdinalTable<String> t = new OrdinalTable<>();
    long a = t.add("a");
    t.remove(a);
    assertThat(t.get(a)).isNull();
    assertThat(t.add("b")).isEqualTo(1);
    assertThatThrownBy(() -> t.remove(a))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ordinal 0");
    assertThatThrownBy(() -> t.set(5, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ordinal 5");
  }

  @Test
  void aChunkIsFreedOnceAllItsOrdinalsWereHandedOutAndRemoved() {
    OrdinalTable<Integer> t = new OrdinalTable<>();
    int n = 3 * OrdinalTable.CHUNK;
    for (int i = 0; i < n; i++) {
      var unused = t.add(i);
    }
    assertThat(t.allocatedChunks()).isEqualTo(3);
    for (int i = 0; i < OrdinalTable.CHUNK; i++) {
      t.remove(i);
    }
    assertThat(t.allocatedChunks()).isEqualTo(2);
    // the last chunk is not full yet after one more add: emptying it keeps it for the ordinals
    // still to come
    var unused = t.add(n);
    t.remove(n);
    assertThat(t.allocatedChunks()).isEqualTo(3);
    assertThat(t.size()).isEqualTo(2 * OrdinalTable.CHUNK);
    assertThat(t.get(OrdinalTable.CHUNK)).isEqualTo(OrdinalTable.CHUNK);
  }

  static Stream<Long> seeds() {
    return LongStream.range(0, 16).map(i -> 0x0DD1L * 131 + i * 7919).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void behavesLikeASortedMapOfOrdinals(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    OrdinalTable<Long> t = new OrdinalTable<>();
    TreeMap<Long, Long> model = new TreeMap<>();
    for (int step = 0; step < 30_000; step++) {
      int k = r.nextInt(10);
      if (k < 5 || model.isEmpty()) {
        long v = r.nextLong();
        long o = t.add(v);
        model.put(o, v);
      } else {
        Long ceiling = model.ceilingKey(r.nextLong(t.nextOrdinal()));
        long o = ceiling == null ? model.firstKey() : ceiling;
        if (k < 9) {
          t.remove(o);
          model.remove(o);
        } else {
          long v = r.nextLong();
          t.set(o, v);
          model.put(o, v);
        }
      }
    }
    assertThat(t.size()).as("seed %s", seed).isEqualTo(model.size());
    List<Long> values = new ArrayList<>();
    t.forEach(values::add);
    assertThat(values).as("seed %s", seed).containsExactlyElementsOf(model.values());
    for (long o = 0; o < t.nextOrdinal(); o++) {
      assertThat(t.get(o)).as("seed %s, ordinal %s", seed, o).isEqualTo(model.get(o));
    }
  }
}
