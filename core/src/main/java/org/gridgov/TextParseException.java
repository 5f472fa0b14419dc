package org.gridgov;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Thrown when text that the caller handed to a gridgov parser (a region CSV, a category catalogue,
 * a routing policy, a calendar) has one or more bad rows.
 *
 * <p>gridgov parsers never stop at the first problem and never return something half-built: they
 * read the whole input, collect every {@link Problem} and then either return a complete result or
 * throw this exception with all of them, in input order.
 */
public final class TextParseException extends GridgovException {
  private static final long serialVersionUID = 1L;

  /** How many problems the message spells out; {@link #problems()} always holds all of them. */
  static final int MAX_PROBLEMS_IN_MESSAGE = 20;

  @SuppressWarnings("serial") // ImmutableList of serializable records is serializable
  private final ImmutableList<Problem> problems;

  /**
   * Creates the exception for a non-empty list of problems.
   *
   * @param problems the problems in input order; must not be empty
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public TextParseException(List<Problem> problems) {
    super(message(ImmutableList.copyOf(problems)));
    this.problems = ImmutableList.copyOf(problems);
  }

  /**
   * Returns every problem found, in input order.
   *
   * @return the problems, never empty
   */
  public ImmutableList<Problem> problems() {
    return problems;
  }

  private static String message(ImmutableList<Problem> problems) {
    checkArgument(!problems.isEmpty(), "a TextParseException needs at least one problem");
    StringBuilder sb = new StringBuilder();
    sb.append(problems.size() == 1 ? "1 problem in " : problems.size() + " problems in ")
        .append(problems.get(0).source())
        .append(':');
    int shown = Math.min(problems.size(), MAX_PROBLEMS_IN_MESSAGE);
    for (int i = 0; i < shown; i++) {
      sb.append(System.lineSeparator()).append("  ").append(problems.get(i));
    }
    if (shown < problems.size()) {
      sb.append(System.lineSeparator())
          .append("  ... and ")
          .append(problems.size() - shown)
          .append(" more (see problems())");
    }
    return sb.toString();
  }

  /**
   * One bad spot in a text input.
   *
   * @param source the name of the input, as the caller gave it (usually a file name, e.g. {@code
   *     regions.csv})
   * @param line the 1-based line number, or 0 when the problem concerns the input as a whole
   * @param column the 1-based column (field) number, or 0 when the problem concerns the whole line
   * @param field the name of the field at that column (from the header or the format's
   *     documentation), or {@code ""} when the problem concerns the whole line
   * @param value the offending text as read (possibly {@code ""})
   * @param reason what is wrong and what was expected
   */
  public record Problem(
      String source, int line, int column, String field, String value, String reason) {

    /**
     * Validates the components.
     *
     * @param source the name of the input, as the caller gave it (usually a file name, e.g. {@code
     *     regions.csv})
     * @param line the 1-based line number, or 0 when the problem concerns the input as a whole
     * @param column the 1-based column (field) number, or 0 when the problem concerns the whole
     *     line
     * @param field the name of the field at that column (from the header or the format's
     *     documentation), or {@code ""} when the problem concerns the whole line
     * @param value the offending text as read (possibly {@code ""})
     * @param reason what is wrong and what was expected
     * @throws IllegalArgumentException if {@code line} or {@code column} is negative
     */
    public Problem {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(reason, "reason");
      checkArgument(line >= 0, "line must be >= 0 but was %s", line);
      checkArgument(column >= 0, "column must be >= 0 but was %s", column);
    }

    /**
     * Renders the problem as {@code source:line:column (field) "value": reason}, omitting the parts
     * that are absent.
     */
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(source);
      if (line > 0) {
        sb.append(':').append(line);
        if (column > 0) {
          sb.append(':').append(column);
        }
      }
      if (!field.isEmpty()) {
        sb.append(" (").append(field).append(')');
      }
      if (!value.isEmpty()) {
        sb.append(String.format(Locale.ROOT, " \"%s\"", value));
      }
      return sb.append(": ").append(reason).toString();
    }
  }
}
