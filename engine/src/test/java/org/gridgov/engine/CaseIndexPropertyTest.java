package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.gridgov.casefile.CaseId;

/**
 * The store's open-addressing index from case id to ordinal against a {@link HashMap}: random puts
 * and removes over a small id pool (so probe runs form, wrap and are shifted back on removal), then
 * every id of the pool looked up. A second property draws its ids from strings with one hash code
 * (sequences of "Aa" and "BB"), so every probe meets entries whose hashes agree and only the ids
 * tell them apart.
 */
class CaseIndexPropertyTest {

  @Property(tries = 300, seed = "20261204")
  void agreesWithAHashMap(
      @ForAll @IntRange(min = 1, max = 200) int pool,
      @ForAll @Size(min = 1, max = 600) List<@IntRange(min = 0, max = 99_999) Integer> ops) {
    replay(ops, 0, pool, i -> "C-" + i, op -> op % 3 == 0);
  }

  @Property(tries = 200, seed = "20261205")
  void agreesWithAHashMap_whenEveryHashCollides(
      @ForAll @Size(min = 1, max = 400) List<@IntRange(min = 0, max = 63) Integer> ops) {
    // the highest ordinals the cells hold
    replay(ops, Integer.MAX_VALUE - 1_000L, 32, CaseIndexPropertyTest::colliding, op -> op >= 48);
  }

  /**
   * Puts (ordinals counting up from {@code firstOrdinal}) or removes ({@code removes}) the id
   * {@code op % pool} named by {@code name} for each op, in the index and in a HashMap, comparing
   * sizes after each; then looks up every id of the pool in both.
   */
  private static void replay(
      List<Integer> ops,
      long firstOrdinal,
      int pool,
      IntFunction<String> name,
      IntPredicate removes) {
    CaseIndex index = new CaseIndex();
    Map<CaseId, Long> oracle = new HashMap<>();
    long ordinal = firstOrdinal;
    for (int op : ops) {
      CaseId id = CaseId.of(name.apply(op % pool));
      if (removes.test(op)) {
        assertThat(index.remove(id)).isEqualTo(oracle.remove(id) != null);
      } else {
        index.put(id, ordinal);
        oracle.put(id, ordinal);
        ordinal++;
      }
      assertThat(index.size()).isEqualTo(oracle.size());
    }
    for (int i = 0; i < pool; i++) {
      CaseId id = CaseId.of(name.apply(i));
      assertThat(index.get(id)).as("%s", id).isEqualTo(oracle.getOrDefault(id, -1L));
    }
  }

  @Property(tries = 1)
  void collidingIdsShareOneHash() {
    assertThat(CaseId.of(colliding(0)).hashCode()).isEqualTo(CaseId.of(colliding(31)).hashCode());
    assertThat(CaseId.of(colliding(0))).isNotEqualTo(CaseId.of(colliding(31)));
  }

  @Property(tries = 1)
  void theLargestOrdinalIsHeldAndOneMoreRefused() {
    CaseIndex index = new CaseIndex();
    index.put(CaseId.of("C-1"), Integer.MAX_VALUE);
    assertThat(index.get(CaseId.of("C-1"))).isEqualTo(Integer.MAX_VALUE);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> index.put(CaseId.of("C-2"), Integer.MAX_VALUE + 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2147483648");
  }

  /** The 5-block string of "Aa" and "BB" given by the bits of {@code n}: all share a hash code. */
  private static String colliding(int n) {
    StringBuilder b = new StringBuilder();
    for (int bit = 0; bit < 5; bit++) {
      b.append((n >> bit & 1) == 0 ? "Aa" : "BB");
    }
    return b.toString();
  }
}
