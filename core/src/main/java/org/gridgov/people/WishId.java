package org.gridgov.people;

import java.util.Objects;

/**
 * A small wish's id (微心愿编号): the same characters as a {@link PersonId}, never a resident's name.
 *
 * @param value the id text
 */
public record WishId(String value) implements Comparable<WishId> {

  /**
   * Validates.
   *
   * @param value the id text
   * @throws IllegalArgumentException if the text is not a valid id
   */
  public WishId {
    Objects.requireNonNull(value, "value");
    String problem = PersonId.problem(value);
    if (problem != null) {
      throw new IllegalArgumentException(problem.replace("person id", "wish id"));
    }
  }

  /**
   * Parses an id.
   *
   * @param value the id text
   * @return the id
   */
  public static WishId of(String value) {
    return new WishId(value);
  }

  @Override
  public int compareTo(WishId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
