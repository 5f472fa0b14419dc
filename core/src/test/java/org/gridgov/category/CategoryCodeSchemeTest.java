package org.gridgov.category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.EqualsTester;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CategoryCodeSchemeTest {

  @Test
  void standard_isTwoPlusTwo() {
    CategoryCodeScheme s = CategoryCodeScheme.standard();
    assertThat(s.widths().asList()).containsExactly(2, 2);
    assertThat(s.levels()).isEqualTo(2);
    assertThat(s.levelOf("01")).isEqualTo(1);
    assertThat(s.levelOf("0102")).isEqualTo(2);
    assertThat(s.levelOf("010")).isZero();
    assertThat(s.levelOf("0a")).isZero();
    assertThat(s.levelOf("")).isZero();
    assertThat(s.parentOf("0102")).isEqualTo("01");
    assertThat(s.parentOf("01")).isNull();
    assertThat(s.toString()).isEqualTo("CategoryCodeScheme[2+2]");
  }

  @Test
  void of_validatesWidths() {
    assertThatThrownBy(() -> CategoryCodeScheme.of()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CategoryCodeScheme.of(2, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("width of level 2");
    assertThatThrownBy(() -> CategoryCodeScheme.of(1, 1, 1, 1, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CategoryCodeScheme.of(7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 1 and 6 but was 7");
    assertThat(CategoryCodeScheme.of(1, 1, 1, 1, 1, 6).levels()).isEqualTo(6);
    assertThat(CategoryCodeScheme.of(1, 1, 1, 1, 1, 6).levelOf("12345123456")).isEqualTo(6);
    assertThat(CategoryCodeScheme.of(1).levelOf("9")).isEqualTo(1);
    assertThatThrownBy(() -> CategoryCodeScheme.standard().parentOf("012"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"012\"");
    new EqualsTester()
        .addEqualityGroup(CategoryCodeScheme.of(2, 2), CategoryCodeScheme.standard())
        .addEqualityGroup(CategoryCodeScheme.of(2, 2, 3))
        .testEquals();
  }

  @Test
  void category_checksItsFields() {
    assertThatThrownBy(() -> Category.of("01", 2, Optional.empty(), "a", "b", CategoryKind.EVENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parent code is required");
    assertThatThrownBy(
            () -> Category.of("0102", 2, Optional.of("02"), "a", "b", CategoryKind.EVENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("proper prefix");
    assertThatThrownBy(() -> Category.of("01", 1, Optional.empty(), " ", "b", CategoryKind.EVENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Chinese name");
    assertThat(
            Category.of("01", 1, Optional.empty(), "市容环境", "City", CategoryKind.EVENT).toString())
        .isEqualTo("01 市容环境 (City, EVENT)");
  }
}
