package org.gridgov.casefile;

import static com.google.common.base.Preconditions.checkArgument;

import org.gridgov.internal.TupleStyle;
import org.immutables.value.Value;

/**
 * The identifier of a case, as the embedder assigns it (a hotline ticket number, a database key).
 *
 * <p>Immutable; equal when the texts are equal; ordered by text. {@link #toString()} is the text
 * itself.
 */
@Value.Immutable
@TupleStyle
public abstract class CaseId implements Comparable<CaseId> {

  /** The longest id accepted, in chars. */
  public static final int MAX_LENGTH = 128;

  CaseId() {}

  /**
   * Returns the id text.
   *
   * @return the text, 1 to {@value #MAX_LENGTH} chars without whitespace at either end
   */
  public abstract String value();

  /**
   * Returns the case id for a text.
   *
   * @param value the id text
   * @return the id
   * @throws IllegalArgumentException if the text is empty, longer than {@value #MAX_LENGTH} chars,
   *     or has whitespace at either end
   */
  public static CaseId of(String value) {
    return ImmutableCaseId.of(value);
  }

  @Value.Check
  void check() {
    checkArgument(
        !value().isEmpty() && value().length() <= MAX_LENGTH,
        "a case id must have 1 to %s chars but had %s",
        MAX_LENGTH,
        value().length());
    checkArgument(
        value().strip().equals(value()),
        "a case id must not start or end with whitespace: \"%s\"",
        value());
  }

  /** Orders by the id text. */
  @Override
  public int compareTo(CaseId other) {
    return value().compareTo(other.value());
  }

  /** Returns the id text. */
  @Override
  public String toString() {
    return value();
  }
}
