package org.gridgov.store.jdbc;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;

/**
 * Size limits a {@link DurableCaseEngine} checks on every command <em>before</em> it runs, so that
 * a command the database could not hold is refused with a {@link CommandTooLargeException} instead
 * of failing the append (which would leave the engine ahead of the store). The store's text columns
 * hold 1,000,000 characters; the defaults stay well below.
 *
 * <p>Checked: every text of the command's action (a reason, a feedback, a handler id, each id of a
 * list), against {@link #maxTextLength()}; a report's facts, written as the store writes them
 * (JSON), against {@link #maxFactsLength()}. The case model has no attachments; their metadata is
 * the facts' (category, location, reporter). Immutable.
 */
public final class StoreLimits {
  /** The default longest text, in characters. */
  public static final int DEFAULT_MAX_TEXT_LENGTH = 16_384;

  /** The default longest facts JSON, in characters. */
  public static final int DEFAULT_MAX_FACTS_LENGTH = 65_536;

  /**
   * The largest value either limit may take: the store's text columns hold this many characters.
   */
  public static final int MAX_COLUMN_LENGTH = 1_000_000;

  private static final StoreLimits DEFAULTS =
      new StoreLimits(DEFAULT_MAX_TEXT_LENGTH, DEFAULT_MAX_FACTS_LENGTH);

  private final int maxTextLength;
  private final int maxFactsLength;

  private StoreLimits(int maxTextLength, int maxFactsLength) {
    this.maxTextLength = maxTextLength;
    this.maxFactsLength = maxFactsLength;
  }

  /**
   * Returns the default limits: {@value #DEFAULT_MAX_TEXT_LENGTH} characters per text, {@value
   * #DEFAULT_MAX_FACTS_LENGTH} per report's facts.
   *
   * @return the defaults
   */
  public static StoreLimits defaults() {
    return DEFAULTS;
  }

  /**
   * Returns limits.
   *
   * @param maxTextLength the longest text of a command, 1 to {@value #MAX_COLUMN_LENGTH} characters
   * @param maxFactsLength the longest facts JSON of a report, 1 to {@value #MAX_COLUMN_LENGTH}
   *     characters
   * @return the limits
   * @throws IllegalArgumentException if a limit is out of range, naming it
   */
  public static StoreLimits of(int maxTextLength, int maxFactsLength) {
    checkArgument(
        maxTextLength >= 1 && maxTextLength <= MAX_COLUMN_LENGTH,
        "maxTextLength must be 1 to %s characters but was %s",
        MAX_COLUMN_LENGTH,
        maxTextLength);
    checkArgument(
        maxFactsLength >= 1 && maxFactsLength <= MAX_COLUMN_LENGTH,
        "maxFactsLength must be 1 to %s characters but was %s",
        MAX_COLUMN_LENGTH,
        maxFactsLength);
    return new StoreLimits(maxTextLength, maxFactsLength);
  }

  /**
   * Returns the longest text of a command.
   *
   * @return characters
   */
  public int maxTextLength() {
    return maxTextLength;
  }

  /**
   * Returns the longest facts JSON of a report.
   *
   * @return characters
   */
  public int maxFactsLength() {
    return maxFactsLength;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "StoreLimits[maxTextLength=%d, maxFactsLength=%d]",
        maxTextLength,
        maxFactsLength);
  }
}
