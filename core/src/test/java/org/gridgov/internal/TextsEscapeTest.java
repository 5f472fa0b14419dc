package org.gridgov.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link Texts#escape} writes exactly the characters {@link Texts#firstControl} refuses as {@code
 * \\uXXXX}: ISO controls, the line and paragraph separators, lone surrogates; a well-formed
 * surrogate pair and every other character stay as they are.
 */
class TextsEscapeTest {

  @Test
  void textWithoutControls_isReturnedAsItIs() {
    String plain = "网格 A-1 \uD83D\uDE00"; // CJK, ASCII and a pair (an emoji)
    assertThat(Texts.firstControl(plain)).isEqualTo(-1);
    assertThat(Texts.escape(plain)).isSameAs(plain);
  }

  @Test
  void controlsAndSeparators_areWrittenAsUnicodeEscapes() {
    assertThat(Texts.escape("a\u0000b")).isEqualTo("a\\u0000b");
    assertThat(Texts.escape("\tx\n")).isEqualTo("\\u0009x\\u000A");
    assertThat(Texts.escape("x\u007F\u009F")).isEqualTo("x\\u007F\\u009F");
    assertThat(Texts.escape("1\u20282\u20293")).isEqualTo("1\\u20282\\u20293");
    assertThat(Texts.escape("\u00A0\u0000")).isEqualTo("\u00A0\\u0000"); // U+00A0 is no control
  }

  @Test
  void loneSurrogatesAreEscaped_aPairBesideAControlIsKept() {
    String pair = "\uD83D\uDE00";
    assertThat(Texts.escape("\u0001" + pair)).isEqualTo("\\u0001" + pair);
    assertThat(Texts.escape(pair + "\u0001")).isEqualTo(pair + "\\u0001");
    assertThat(Texts.escape("a\uD83D")).isEqualTo("a\\uD83D"); // high at the end
    assertThat(Texts.escape("\uDE00a")).isEqualTo("\\uDE00a"); // low alone
    assertThat(Texts.escape("\uD83Dx\u0001")).isEqualTo("\\uD83Dx\\u0001"); // high, then no low
    assertThat(Texts.escape("\uDE00\uD83D")).isEqualTo("\\uDE00\\uD83D"); // low before high
  }

  @Test
  void firstControl_givesTheIndexOfTheFirstRefusedCharacter() {
    assertThat(Texts.firstControl("ab\u0001c\u0002")).isEqualTo(2);
    assertThat(Texts.firstControl("\uD83D\uDE00x\uDE00")).isEqualTo(3); // after a pair
    assertThat(Texts.firstControl("abc\uD83D")).isEqualTo(3);
    assertThat(Texts.firstControl("")).isEqualTo(-1);
  }
}
