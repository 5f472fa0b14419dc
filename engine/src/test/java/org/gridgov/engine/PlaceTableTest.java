package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceTableTest {
  private record Key(String category, long code) {}

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void behavesLikeAHashMapUnderRandomPutsAndRemoves(long seed) {
    Random r = new Random(seed);
    String[] categories = {"0401", "0402", "1203", "new category"};
    // few codes and categories, so that probe runs are long and deletions shift entries back
    int codeRange = 30 + r.nextInt(300);
    PlaceTable<Integer> table = new PlaceTable<>();
    Map<Key, Integer> model = new HashMap<>();
    for (int step = 0; step < 20_000; step++) {
      // a fresh String each time: the table must not rely on the instance
      String category = new String(categories[r.nextInt(categories.length)]);
      long code = 350302_001_001_001_001L + r.nextInt(codeRange) * 1_000L;
      Key k = new Key(category, code);
      switch (r.nextInt(4)) {
        case 0, 1 -> {
          table.put(category, code, step);
          model.put(k, step);
        }
        case 2 -> {
          table.remove(category, code);
          model.remove(k);
        }
        default ->
            assertThat(table.get(category, code))
                .as("step %s seed %s", step, seed)
                .isEqualTo(model.get(k));
      }
      assertThat(table.size()).isEqualTo(model.size());
      if (step % 500 == 0) {
        assertThat(table.probesIntact()).as("step %s seed %s", step, seed).isTrue();
      }
    }
    for (Map.Entry<Key, Integer> e : model.entrySet()) {
      assertThat(table.get(e.getKey().category(), e.getKey().code())).isEqualTo(e.getValue());
    }
    assertThat(table.get("never seen", 1L)).isNull();
    assertThat(table.probesIntact()).isTrue();
  }
}
