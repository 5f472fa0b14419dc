package org.gridgov.routing.internal;

import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.gridgov.TextParseException;

/**
 * Collects parse problems of one input and throws them together. (core's {@code org.gridgov.internal.Problems} is
 * not exported to this module, so routing keeps this small equivalent.)
 */
public final class ParseProblems {
  private final String source;
  private final List<TextParseException.Problem> problems = new ArrayList<>();

  /**
   * Creates a collector.
   *
   * @param source the input's name
   */
  public ParseProblems(String source) {
    this.source = source;
  }

  /**
   * Records a problem.
   *
   * @param line 1-based line, 0 for the whole input
   * @param column 1-based column (field number), 0 for the whole line
   * @param field the field name
   * @param value the offending text
   * @param format the reason, formatted with {@link Locale#ROOT}
   * @param args its arguments
   */
  @FormatMethod
  public void add(int line, int column, String field, String value, @FormatString String format, Object... args) {
    problems.add(
        new TextParseException.Problem(source, line, column, field, value, String.format(Locale.ROOT, format, args)));
  }

  /**
   * Returns how many problems were recorded.
   *
   * @return the count
   */
  public int count() {
    return problems.size();
  }

  /**
   * Throws every recorded problem, sorted by line and column, if there is any.
   *
   * @throws TextParseException if a problem was recorded
   */
  public void throwIfAny() {
    if (!problems.isEmpty()) {
      List<TextParseException.Problem> sorted = new ArrayList<>(problems);
      sorted.sort(
          Comparator.comparingInt(TextParseException.Problem::line).thenComparingInt(TextParseException.Problem::column));
      throw new TextParseException(sorted);
    }
  }
}
