package org.gridgov.people;

import java.util.Locale;
import java.util.Objects;

/**
 * A person's pseudonymous id (a staff number such as {@code p-000173}), never a name, phone or ID
 * number: 1 to 64 characters from {@code A-Z a-z 0-9 . _ : -}, starting with a letter or digit.
 *
 * @param value the id text
 */
public record PersonId(String value) implements Comparable<PersonId> {

  /** The longest id accepted. */
  public static final int MAX_LENGTH = 64;

  /**
   * Validates.
   *
   * @param value the id text
   * @throws IllegalArgumentException if the text is not a valid id
   */
  public PersonId {
    Objects.requireNonNull(value, "value");
    String problem = problem(value);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /**
   * Parses an id.
   *
   * @param value the id text
   * @return the id
   * @throws IllegalArgumentException if the text is not a valid id
   */
  public static PersonId of(String value) {
    return new PersonId(value);
  }

  /**
   * Returns whether a text is a valid person id.
   *
   * @param value the text
   * @return whether {@link #of} accepts it
   */
  public static boolean isValid(String value) {
    return problem(value) == null;
  }

  /**
   * Returns why a text is not a person id, or {@code null} if it is one. The message quotes the
   * text only when it is short and made of id characters, so that it cannot echo personal data.
   *
   * @param value the text
   * @return the problem, or null
   */
  static @org.jspecify.annotations.Nullable String problem(String value) {
    if (value.isEmpty()) {
      return "a person id must not be empty";
    }
    if (value.length() > MAX_LENGTH) {
      return String.format(
          Locale.ROOT, "a person id has at most %d characters, not %d", MAX_LENGTH, value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alnum && (i == 0 || (c != '.' && c != '_' && c != ':' && c != '-'))) {
        return String.format(
            Locale.ROOT,
            "a person id is a pseudonym of letters A-Z, digits and . _ : - (starting with a letter"
                + " or digit); character %d is not allowed",
            i + 1);
      }
    }
    return null;
  }

  @Override
  public int compareTo(PersonId o) {
    return value.compareTo(o.value);
  }

  /** Returns the id text. */
  @Override
  public String toString() {
    return value;
  }
}
