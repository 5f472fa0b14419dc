package org.gridgov.region.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodeIndexTest {
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 99})
  void findsEveryCodeAndReportsDuplicatesLikeAHashMap(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 5_000;
    long[] codes = new long[n];
    for (int i = 0; i < n; i++) {
      codes[i] =
          r.nextInt(4) == 0 && i > 0
              ? codes[r.nextInt(i)]
              : 350302_000_000L + r.nextLong(1_000_000_000L);
    }
    int[] dup = new int[n];
    CodeIndex index = CodeIndex.build(codes, n, dup);
    Map<Long, Integer> naive = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Integer first = naive.putIfAbsent(codes[i], i);
      assertThat(dup[i]).as("seed %d i %d", seed, i).isEqualTo(first == null ? -1 : first);
    }
    for (Map.Entry<Long, Integer> e : naive.entrySet()) {
      assertThat(index.find(codes, e.getKey())).as("seed %d", seed).isEqualTo(e.getValue());
    }
    for (int k = 0; k < 1000; k++) {
      long absent = 1 + r.nextLong(350302_000_000L);
      assertThat(index.find(codes, absent))
          .isEqualTo(naive.containsKey(absent) ? naive.get(absent) : -1);
    }
    assertThat(index.capacity()).isGreaterThan(n);
  }
}
