package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.gridgov.casefile.CaseId;

/**
 * The store's open-addressing index from case id to ordinal against a {@link HashMap}: random puts
 * and removes over a small id pool (so probe runs form, wrap and are shifted back on removal), then
 * every id of the pool looked up.
 */
class CaseIndexPropertyTest {

  @Property(tries = 300, seed = "20261204")
  void agreesWithAHashMap(
      @ForAll @IntRange(min = 1, max = 200) int pool,
      @ForAll @Size(min = 1, max = 600) List<@IntRange(min = 0, max = 99_999) Integer> ops) {
    CaseIndex index = new CaseIndex();
    Map<CaseId, Long> oracle = new HashMap<>();
    long ordinal = 0;
    for (int op : ops) {
      CaseId id = CaseId.of("C-" + (op % pool));
      if (op % 3 == 0) {
        assertThat(index.remove(id)).isEqualTo(oracle.remove(id) != null);
      } else {
        index.put(id, ordinal);
        oracle.put(id, ordinal);
        ordinal++;
      }
      assertThat(index.size()).isEqualTo(oracle.size());
    }
    for (int i = 0; i < pool; i++) {
      CaseId id = CaseId.of("C-" + i);
      assertThat(index.get(id)).as("%s", id).isEqualTo(oracle.getOrDefault(id, -1L));
    }
  }
}
