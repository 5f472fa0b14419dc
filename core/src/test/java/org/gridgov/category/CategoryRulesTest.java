package org.gridgov.category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.util.Optional;
import org.gridgov.TextParseException;
import org.junit.jupiter.api.Test;

/**
 * The rules {@link Category#of} states in its Javadoc, each at its edge; the kinds' Chinese names;
 * a catalogue with a wrong header stops at the header; schemes equal by their widths.
 */
class CategoryRulesTest {

  private static Category category(String code, int level, Optional<String> parent) {
    return Category.of(code, level, parent, "名称", "Name", CategoryKind.EVENT);
  }

  @Test
  void codes_areNonEmptyAsciiDigits_bothEndsOfTheRangeAccepted() {
    assertThat(category("0", 1, Optional.empty()).code()).isEqualTo("0");
    assertThat(category("9", 1, Optional.empty()).code()).isEqualTo("9");
    for (String bad : new String[] {"", "/", ":", "0a", "٣"}) { // '/' and ':' flank '0'..'9'
      assertThatThrownBy(() -> category(bad, 1, Optional.empty()))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("ASCII digits");
    }
  }

  @Test
  void level_isAtLeastOne_andAParentIsGivenExactlyBelowTheTop() {
    assertThatThrownBy(() -> category("01", 0, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("level must be >= 1 but was 0");
    assertThatThrownBy(() -> category("0101", 2, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parent code is required exactly when level > 1");
    assertThatThrownBy(() -> category("01", 1, Optional.of("0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parent code is required exactly when level > 1");
    assertThat(category("0101", 2, Optional.of("01")).parentCode()).contains("01");
  }

  @Test
  void theParent_isAProperPrefix() {
    assertThatThrownBy(() -> category("0101", 2, Optional.of("0101")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be a proper prefix");
    assertThatThrownBy(() -> category("0101", 2, Optional.of("02")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parent code 02 must be a proper prefix");
    assertThatThrownBy(() -> category("01", 2, Optional.of("010")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be a proper prefix");
    assertThat(category("0101", 2, Optional.of("0")).parentCode()).contains("0");
  }

  @Test
  void names_mustNotBeBlank() {
    assertThatThrownBy(
            () -> Category.of("01", 1, Optional.empty(), " ", "Name", CategoryKind.EVENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Chinese name must not be blank");
    assertThatThrownBy(
            () -> Category.of("01", 1, Optional.empty(), "名称", "\t", CategoryKind.COMPONENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("English name must not be blank");
  }

  @Test
  void rendersAsItsJavadocSays_andTheKindsHaveTheirChineseNames() {
    assertThat(
            Category.of("0102", 2, Optional.of("01"), "暴露垃圾", "Exposed rubbish", CategoryKind.EVENT)
                .toString())
        .isEqualTo("0102 暴露垃圾 (Exposed rubbish, EVENT)");
    assertThat(CategoryKind.EVENT.chineseName()).isEqualTo("事件");
    assertThat(CategoryKind.COMPONENT.chineseName()).isEqualTo("部件");
  }

  @Test
  void aWrongHeader_isTheOnlyProblem_rowsAreNotReadAgainstIt() {
    TextParseException e =
        catchThrowableOfType(
            TextParseException.class,
            () ->
                CategoryCatalog.parse(
                    new StringReader("code,name,kind\nx,a,b\n01,a,b,EVENT\n"), "cats.csv"));

    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).reason()).contains("expected the header");
  }

  @Test
  void schemes_equalByTheirWidths_withEqualHashes() {
    assertThat(CategoryCodeScheme.of(2, 2)).isEqualTo(CategoryCodeScheme.standard());
    assertThat(CategoryCodeScheme.of(2, 2).hashCode())
        .isEqualTo(CategoryCodeScheme.standard().hashCode());
    assertThat(CategoryCodeScheme.of(2, 3).hashCode())
        .isNotEqualTo(CategoryCodeScheme.of(3, 2).hashCode());
  }
}
