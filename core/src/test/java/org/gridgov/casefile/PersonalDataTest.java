package org.gridgov.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalDataTest {

  @Test
  void toString_showsOnlyMaskedValues() {
    PersonalData p = PersonalData.of("张三丰", "13812345678");
    assertThat(p.toString()).isEqualTo("PersonalData[name=张**, phone=138****5678]");
    assertThat(p.toString()).doesNotContain("三丰").doesNotContain("1234");
  }

  @Test
  void reveal_returnsTheClearValues() {
    PersonalData p = PersonalData.of("张三丰", "13812345678");
    assertThat(p.revealName()).isEqualTo("张三丰");
    assertThat(p.revealPhone()).contains("13812345678");
    assertThat(p.maskedName()).isEqualTo("张**");
    assertThat(p.maskedPhone()).contains("138****5678");
  }

  @Test
  void nameOnly_hasNoPhone() {
    PersonalData p = PersonalData.ofName("李四");
    assertThat(p.maskedPhone()).isEmpty();
    assertThat(p.revealPhone()).isEmpty();
    assertThat(p.toString()).isEqualTo("PersonalData[name=李*, phone=]");
  }

  @ParameterizedTest
  @CsvSource({"张三丰,张**", "张三,张*", "张,*", "Alice,A****", "\uD840\uDC00名,\uD840\uDC00*"})
  void maskName_keepsTheFirstCodePoint(String name, String masked) {
    assertThat(PersonalData.maskName(name)).isEqualTo(masked);
  }

  @ParameterizedTest
  @CsvSource({
    "13812345678,138****5678",
    "02988776655,029****6655",
    "+8613812345678,+86*******5678",
    "+85291234567,+85*****4567",
    "0591234567,******4567",
    "12345678,****5678",
    "1234567,*****67",
    "12345,***45",
    "1234,****"
  })
  void maskPhone_keepsHeadAndTailByLength(String phone, String masked) {
    assertThat(PersonalData.maskPhone(phone)).isEqualTo(masked);
    long shown = masked.chars().filter(Character::isDigit).count();
    assertThat(shown)
        .as("at most 7 digits shown, and at most half of the digits (issue 16: 8 digits showed 7)")
        .isLessThanOrEqualTo(Math.min(7, phone.chars().filter(Character::isDigit).count() / 2 + 2));
  }

  @Test
  void blankValues_areRejected() {
    assertThatThrownBy(() -> PersonalData.of(" ", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(() -> PersonalData.of("a", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("phone");
    assertThatThrownBy(() -> PersonalData.ofName("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equality_comparesClearValues() {
    new EqualsTester()
        .addEqualityGroup(
            PersonalData.of("张三", "13812345678"), PersonalData.of("张三", "13812345678"))
        .addEqualityGroup(PersonalData.of("张四", "13812345678"))
        .addEqualityGroup(PersonalData.of("张三", "13812345679"))
        .addEqualityGroup(PersonalData.ofName("张三"))
        .testEquals();
    new NullPointerTester().testAllPublicStaticMethods(PersonalData.class);
  }
}
