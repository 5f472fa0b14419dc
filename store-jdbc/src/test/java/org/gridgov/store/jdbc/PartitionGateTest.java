package org.gridgov.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The keys {@link Partition} accepts, as its Javadoc states them: 1 to 64 characters of {@code A-Z
 * a-z 0-9 . _ : -}, not starting with {@code _} (reserved: only {@code _default}); a district's key
 * its positive code in decimal (issue 17, the mutation-testing gate).
 */
class PartitionGateTest {

  @Test
  void keysOfOneToSixtyFourCharacters() {
    assertThat(Partition.of("a").key()).isEqualTo("a");
    String max = "A".repeat(64);
    assertThat(Partition.of(max).key()).hasSize(Partition.MAX_KEY_LENGTH);
    assertThatThrownBy(() -> Partition.of(max + "A"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not 1 to 64 characters");
    assertThatThrownBy(() -> new Partition(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("partition key '' is not 1 to 64 characters");
  }

  @Test
  void theCharactersAllowedAndOthersRefused() {
    assertThat(Partition.of("Za9.:-_z").key()).isEqualTo("Za9.:-_z");
    for (String bad : new String[] {"a b", "a/b", "街道", "a@b", "a,b"}) {
      assertThatThrownBy(() -> Partition.of(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("partition key '" + bad + "'");
    }
  }

  @Test
  void anUnderscoreStartIsReservedForTheDefault() {
    assertThat(Partition.DEFAULT.key()).isEqualTo("_default");
    assertThat(new Partition("_default")).isEqualTo(Partition.DEFAULT);
    assertThatThrownBy(() -> Partition.of("_default"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("partition key '_default' starts with _ (reserved for the store)");
    assertThatThrownBy(() -> new Partition("_other"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(not starting with _)");
  }

  @Test
  void aDistrictsKeyIsItsPositiveCode() {
    assertThat(Partition.district(1).key()).isEqualTo("1");
    assertThat(Partition.district(350_304).key()).isEqualTo("350304");
    assertThatThrownBy(() -> Partition.district(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("district code 0 is not positive");
    assertThatThrownBy(() -> Partition.district(-5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("district code -5 is not positive");
  }

  @Test
  void itsTextIsTheKey() {
    assertThat(Partition.of("street-7")).hasToString("street-7");
    assertThat(Partition.DEFAULT).hasToString("_default");
  }
}
