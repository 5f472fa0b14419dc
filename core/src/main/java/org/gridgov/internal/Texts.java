package org.gridgov.internal;

import java.util.Locale;

/** Checks on free text (names, tags) that people type and systems display. */
public final class Texts {
  private Texts() {}

  /**
   * Returns the index of the first character that has no place in a name: an ISO control character
   * (NUL, tab, line breaks, DEL, C1 controls), a Unicode line or paragraph separator, or a lone
   * surrogate.
   *
   * @param text the text
   * @return the 0-based index, or -1 if every character is allowed
   */
  public static int firstControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        return i;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns the text with every character {@link #firstControl} refuses written as {@code \\uXXXX},
   * so that a message can show it.
   *
   * @param text the text
   * @return the printable form
   */
  public static String escape(String text) {
    if (firstControl(text) < 0) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1));
      if (pair) {
        sb.append(c).append(text.charAt(++i));
      } else if (Character.isISOControl(c)
          || c == '\u2028'
          || c == '\u2029'
          || Character.isSurrogate(c)) {
        sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Returns an English ordinal for messages: {@code 1st}, {@code 2nd}, {@code 3rd}, {@code 4th},
   * {@code 11th}, {@code 12th}, {@code 13th}, {@code 21st}, {@code 101st}, {@code 111th}.
   *
   * @param n the number, {@code >= 0}
   * @return the number with its suffix
   */
  public static String ordinal(int n) {
    int lastTwo = n % 100;
    String suffix =
        lastTwo >= 11 && lastTwo <= 13
            ? "th"
            : switch (n % 10) {
              case 1 -> "st";
              case 2 -> "nd";
              case 3 -> "rd";
              default -> "th";
            };
    return n + suffix;
  }
}
