package org.gridgov.people;

import java.util.regex.Pattern;

/**
 * The shapes of the people files' codes, compiled once: {@code String.matches} compiles its pattern
 * on every call, which the readers make per row and per field.
 */
final class PeopleCodes {
  private static final Pattern CODE = Pattern.compile("[a-z0-9_-]{1,64}");
  private static final Pattern CATEGORY_PREFIX = Pattern.compile("[0-9]{1,16}");

  private PeopleCodes() {}

  /**
   * Returns whether {@code s} is a code of shifts, bodies and deliberation rules: 1 to 64 of {@code
   * a-z}, {@code 0-9}, {@code _} and {@code -}.
   */
  static boolean isCode(String s) {
    return CODE.matcher(s).matches();
  }

  /** Returns whether {@code s} is a category code prefix: 1 to 16 ASCII digits. */
  static boolean isCategoryPrefix(String s) {
    return CATEGORY_PREFIX.matcher(s).matches();
  }
}
