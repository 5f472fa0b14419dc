package org.gridgov.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The name index against a {@code HashMap} built from the same list: every held name (as the held
 * instance and as an equal copy), and names it does not hold, over lists of many sizes, including
 * names whose hash codes collide.
 */
class NameIndexTest {

  @Test
  void everyNameFindsItsPositionAndNoOtherNameIsFound() {
    SplittableRandom rnd = new SplittableRandom(42);
    for (int size : new int[] {0, 1, 2, 3, 7, 64, 1_000, 11_000}) {
      List<String> names = new ArrayList<>();
      Map<String, Integer> oracle = new HashMap<>();
      while (names.size() < size) {
        String n = "office:" + rnd.nextLong(1_000_000_000_000L);
        if (oracle.putIfAbsent(n, names.size()) == null) {
          names.add(n);
        }
      }
      NameIndex index = new NameIndex(names);
      for (int p = 0; p < names.size(); p++) {
        assertThat(index.indexOf(names.get(p))).isEqualTo(p);
        assertThat(index.indexOf(new String(names.get(p).toCharArray()))).isEqualTo(p);
      }
      for (int k = 0; k < 2_000; k++) {
        String other = "dept:" + rnd.nextLong(1_000_000L);
        assertThat(index.indexOf(other)).isEqualTo(oracle.getOrDefault(other, -1));
      }
    }
  }

  @Test
  void namesWithOneHashCodeAreToldApart() {
    // "Aa" and "BB" have the same hash code, so do all their concatenations
    List<String> names = new ArrayList<>();
    for (String a : List.of("Aa", "BB")) {
      for (String b : List.of("Aa", "BB")) {
        for (String c : List.of("Aa", "BB")) {
          names.add(a + b + c);
        }
      }
    }
    assertThat(names.stream().map(String::hashCode).distinct()).hasSize(1);
    NameIndex index = new NameIndex(names);
    for (int p = 0; p < names.size(); p++) {
      assertThat(index.indexOf(names.get(p))).isEqualTo(p);
    }
    assertThat(index.indexOf("AaAaBc")).isEqualTo(-1);
  }

  @Test
  void aRepeatedNameIsRefusedWithBothPositions() {
    assertThatThrownBy(() -> new NameIndex(List.of("a", "b", "a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a is at positions 0 and 2");
  }
}
