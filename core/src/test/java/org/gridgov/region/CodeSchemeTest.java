package org.gridgov.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.EqualsTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeSchemeTest {
  private final CodeScheme s = CodeScheme.standard();

  @Test
  void standardAndCjt213Layouts() {
    assertThat(s.digits(RegionLevel.UNIT)).isEqualTo(18);
    assertThat(s.digits(RegionLevel.STREET)).isEqualTo(9);
    assertThat(s.width(RegionLevel.GRID)).isEqualTo(3);
    CodeScheme c = CodeScheme.cjt213();
    assertThat(c.width(RegionLevel.GRID)).isEqualTo(2);
    assertThat(c.digits(RegionLevel.GRID)).isEqualTo(14);
    assertThat(c.maxLocalNumber(RegionLevel.GRID)).isEqualTo(99);
    assertThat(c.toString()).isEqualTo("CodeScheme[6+3+3+2+3]");
  }

  @Test
  void widthsAreValidated() {
    assertThatThrownBy(() -> CodeScheme.of(6, 3, 3, 3, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 18")
        .hasMessageContaining("19");
    assertThatThrownBy(() -> CodeScheme.of(6, 0, 3, 3, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("STREET");
  }

  @Test
  void parseAndFormat() {
    assertThat(s.parse("350302001")).isEqualTo(350302001L);
    assertThat(s.parse("350302001", RegionLevel.STREET)).isEqualTo(350302001L);
    assertThat(s.format(350302001001001001L)).isEqualTo("350302001001001001");
    assertThatThrownBy(() -> s.parse("35030200x", RegionLevel.STREET))
        .hasMessageContaining("digits only");
    assertThatThrownBy(() -> s.parse("3503020011", RegionLevel.STREET))
        .hasMessageContaining("exactly 9 digits");
    assertThat(s.parse("350527000", RegionLevel.STREET))
        .isEqualTo(350527000L); // real placeholder row
    assertThatThrownBy(() -> s.parse("050302", RegionLevel.DISTRICT))
        .hasMessageContaining("start with 0");
    assertThatThrownBy(() -> s.parse("12345678")).hasMessageContaining("8 characters");
    assertThatThrownBy(() -> s.format(35030200L)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void levelsOfCodes() {
    assertThat(s.levelOf(350302L)).contains(RegionLevel.DISTRICT);
    assertThat(s.levelOf(350302001001L)).contains(RegionLevel.COMMUNITY);
    assertThat(s.levelOf(350302001000L)).contains(RegionLevel.COMMUNITY);
    assertThat(s.levelOf(35030200100L)).isEmpty();
    assertThat(s.levelOf(1234567L)).isEmpty();
    assertThat(s.levelOfDigits(15)).contains(RegionLevel.GRID);
    assertThat(s.levelOfDigits(7)).isEmpty();
    assertThat(s.isValid(350302001L, RegionLevel.STREET)).isTrue();
    assertThat(s.isValid(350302001L, RegionLevel.DISTRICT)).isFalse();
  }

  @Test
  void childParentAndLocalNumbers() {
    assertThat(s.childCode(350302L, 1)).isEqualTo(350302001L);
    assertThat(s.childCode(350302001L, 999)).isEqualTo(350302001999L);
    assertThatThrownBy(() -> s.childCode(350302001L, 1000)).hasMessageContaining("1 to 999");
    assertThatThrownBy(() -> s.childCode(350302001L, 0)).hasMessageContaining("1 to 999");
    assertThatThrownBy(() -> s.childCode(350302001001001001L, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(s.parentCode(350302001002L)).isEqualTo(350302001L);
    assertThatThrownBy(() -> s.parentCode(350302L)).isInstanceOf(IllegalArgumentException.class);
    assertThat(s.localNumber(350302001002L)).isEqualTo(2);
    assertThat(s.localNumber(350302L)).isEqualTo(350302L);
    assertThat(s.isChildCode(350302001L, 350302001002L)).isTrue();
    assertThat(s.isChildCode(350302002L, 350302001002L)).isFalse();
    assertThat(s.isChildCode(350302L, 350302001002L)).isFalse();
    assertThat(s.isSelfOrDescendantCode(350302L, 350302001002L)).isTrue();
    assertThat(s.isSelfOrDescendantCode(350302L, 350302L)).isTrue();
    assertThat(s.isSelfOrDescendantCode(350303L, 350302001002L)).isFalse();
    assertThat(s.isSelfOrDescendantCode(350302001002L, 350302L)).isFalse();
  }

  @Test
  void paddedCodesSortInPreOrder() {
    long d = s.preOrderKey(350302L, 0);
    long st0 = s.preOrderKey(350302000L, 1);
    long c00 = s.preOrderKey(350302000000L, 2);
    long c01 = s.preOrderKey(350302000001L, 2);
    long st = s.preOrderKey(350302001L, 1);
    long st2 = s.preOrderKey(350302002L, 1);
    long c = s.preOrderKey(350302001999L, 2);
    assertThat(List.of(d, st0, c00, c01, st, c, st2)).isSorted().doesNotHaveDuplicates();
    assertThat(s.codeOfPreOrderKey(c00)).isEqualTo(350302000000L);
    assertThat(s.codeOfPreOrderKey(s.preOrderKey(350302001001001001L, 4)))
        .isEqualTo(350302001001001001L);
  }

  @Test
  void equality() {
    new EqualsTester()
        .addEqualityGroup(CodeScheme.standard(), CodeScheme.of(6, 3, 3, 3, 3))
        .addEqualityGroup(CodeScheme.cjt213(), CodeScheme.of(6, 3, 3, 2, 3))
        .testEquals();
  }
}
