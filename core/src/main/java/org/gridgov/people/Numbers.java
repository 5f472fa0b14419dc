package org.gridgov.people;

/** Small whole numbers in the people formats, parsed without exceptions. */
final class Numbers {
  private Numbers() {}

  /**
   * Parses 1 to 7 ASCII digits.
   *
   * @return the number, or -1 if the text is not 1 to 7 digits or the number exceeds {@code max}
   */
  static int parse(String s, int max) {
    if (s.isEmpty() || s.length() > 7) {
      return -1;
    }
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n <= max ? n : -1;
  }
}
