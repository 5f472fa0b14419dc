package org.gridgov;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How much text a gridgov reader accepts before it stops reading: the whole input, one line, the
 * number of rows (lines or records that carry data), and the nesting depth of structured formats
 * (YAML, JSON).
 *
 * <p>Every reader checks these limits while it reads, so that a file that is far too big (or
 * endless, like {@code /dev/zero}) is refused before memory is spent on it. A reader that meets a
 * limit stops and throws a {@link TextParseException} whose problem names the limit, its value and
 * the position where it was exceeded.
 *
 * <p>The {@link #defaults() defaults} suit policies, calendars and scenario files; readers of
 * bigger inputs (a national region CSV) document their own defaults. Immutable value; the {@code
 * withX} methods return a copy.
 */
public final class InputLimits {
  /** Default most characters in one input: 64 Mi (64 × 2<sup>20</sup>). */
  public static final long DEFAULT_MAX_CHARS = 64L << 20;

  /** Default most characters in one line or record: 64 Ki (65,536). */
  public static final int DEFAULT_MAX_LINE_LENGTH = 1 << 16;

  /** Default most rows (data lines or records) in one input: 1,000,000. */
  public static final int DEFAULT_MAX_ROWS = 1_000_000;

  /** Default deepest nesting of maps and lists in a structured input: 32. */
  public static final int DEFAULT_MAX_NESTING = 32;

  private static final InputLimits DEFAULTS =
      new InputLimits(
          DEFAULT_MAX_CHARS, DEFAULT_MAX_LINE_LENGTH, DEFAULT_MAX_ROWS, DEFAULT_MAX_NESTING);

  private final long maxChars;
  private final int maxLineLength;
  private final int maxRows;
  private final int maxNesting;

  private InputLimits(long maxChars, int maxLineLength, int maxRows, int maxNesting) {
    checkArgument(maxChars >= 1, "maxChars must be >= 1 but was %s", maxChars);
    checkArgument(maxLineLength >= 1, "maxLineLength must be >= 1 but was %s", maxLineLength);
    checkArgument(maxRows >= 1, "maxRows must be >= 1 but was %s", maxRows);
    checkArgument(maxNesting >= 1, "maxNesting must be >= 1 but was %s", maxNesting);
    this.maxChars = maxChars;
    this.maxLineLength = maxLineLength;
    this.maxRows = maxRows;
    this.maxNesting = maxNesting;
  }

  /**
   * Returns the default limits: {@value #DEFAULT_MAX_CHARS} characters, lines of {@value
   * #DEFAULT_MAX_LINE_LENGTH} characters, {@value #DEFAULT_MAX_ROWS} rows, nesting {@value
   * #DEFAULT_MAX_NESTING} deep.
   *
   * @return the defaults
   */
  public static InputLimits defaults() {
    return DEFAULTS;
  }

  /**
   * Returns limits with every value given.
   *
   * @param maxChars the most characters in one input, at least 1
   * @param maxLineLength the most characters in one line or record, at least 1
   * @param maxRows the most rows in one input, at least 1
   * @param maxNesting the deepest nesting of a structured input, at least 1
   * @return the limits
   * @throws IllegalArgumentException if a value is below 1, naming it
   */
  public static InputLimits of(long maxChars, int maxLineLength, int maxRows, int maxNesting) {
    return new InputLimits(maxChars, maxLineLength, maxRows, maxNesting);
  }

  /**
   * Returns the most characters (UTF-16 chars) read from one input.
   *
   * @return the limit
   */
  public long maxChars() {
    return maxChars;
  }

  /**
   * Returns the most characters in one line (for CSV: one record, quoted line breaks included).
   *
   * @return the limit
   */
  public int maxLineLength() {
    return maxLineLength;
  }

  /**
   * Returns the most rows: meaningful lines of a line format, records of a CSV (the header
   * included).
   *
   * @return the limit
   */
  public int maxRows() {
    return maxRows;
  }

  /**
   * Returns the deepest nesting of maps and lists in a structured input (YAML, JSON).
   *
   * @return the limit
   */
  public int maxNesting() {
    return maxNesting;
  }

  /**
   * Returns a copy with another character limit.
   *
   * @param value the most characters, at least 1
   * @return the limits
   */
  public InputLimits withMaxChars(long value) {
    return new InputLimits(value, maxLineLength, maxRows, maxNesting);
  }

  /**
   * Returns a copy with another line length limit.
   *
   * @param value the most characters per line, at least 1
   * @return the limits
   */
  public InputLimits withMaxLineLength(int value) {
    return new InputLimits(maxChars, value, maxRows, maxNesting);
  }

  /**
   * Returns a copy with another row limit.
   *
   * @param value the most rows, at least 1
   * @return the limits
   */
  public InputLimits withMaxRows(int value) {
    return new InputLimits(maxChars, maxLineLength, value, maxNesting);
  }

  /**
   * Returns a copy with another nesting limit.
   *
   * @param value the deepest nesting, at least 1
   * @return the limits
   */
  public InputLimits withMaxNesting(int value) {
    return new InputLimits(maxChars, maxLineLength, maxRows, value);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof InputLimits other
        && maxChars == other.maxChars
        && maxLineLength == other.maxLineLength
        && maxRows == other.maxRows
        && maxNesting == other.maxNesting;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(maxChars) * 31 * 31 * 31
        + maxLineLength * 31 * 31
        + maxRows * 31
        + maxNesting;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "InputLimits[maxChars=%d, maxLineLength=%d, maxRows=%d, maxNesting=%d]",
        maxChars,
        maxLineLength,
        maxRows,
        maxNesting);
  }
}
