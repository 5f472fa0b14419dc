package org.gridgov.internal;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.gridgov.TextParseException;

/**
 * Collects the {@link TextParseException.Problem problems} a parser finds in one input, so that it
 * can report all of them at once instead of stopping at the first. They are reported sorted by line
 * and column.
 *
 * <p>Usage: add problems while reading, and call {@link #throwIfAny()} before building the result,
 * so that nothing half-built ever escapes. Keeps at most {@link #MAX_KEPT} problems: an input that
 * is wrong on every line does not need millions of them.
 */
public final class Problems {
  /** The most problems kept; further ones are counted in a final summary problem. */
  public static final int MAX_KEPT = 1000;

  private final String source;
  private final List<TextParseException.Problem> problems = new ArrayList<>();
  private long dropped;
  private int firstDroppedLine;

  /**
   * Creates a collector for one input.
   *
   * @param source the input's name as the caller gave it, e.g. {@code regions.csv}
   */
  public Problems(String source) {
    this.source = source;
  }

  /**
   * Returns the input's name.
   *
   * @return the source name
   */
  public String source() {
    return source;
  }

  /**
   * Records a problem.
   *
   * @param line the 1-based line, or 0 for the input as a whole
   * @param column the 1-based column, or 0 for the whole line
   * @param field the field name, or {@code ""}
   * @param value the offending text
   * @param reasonFormat the reason, a {@link String#format} pattern formatted with {@link
   *     Locale#ROOT}
   * @param args the pattern's arguments
   */
  @FormatMethod
  public void add(
      int line,
      int column,
      String field,
      String value,
      @FormatString String reasonFormat,
      Object... args) {
    if (problems.size() >= MAX_KEPT) {
      noteDropped(line);
      return;
    }
    problems.add(
        new TextParseException.Problem(
            source, line, column, field, value, String.format(Locale.ROOT, reasonFormat, args)));
  }

  private void noteDropped(int line) {
    if (line > 0 && (firstDroppedLine == 0 || line < firstDroppedLine)) {
      firstDroppedLine = line;
    }
    dropped++;
  }

  /**
   * Records a problem that ends the reading (a limit was met) and throws every problem recorded so
   * far. The problem is kept even when {@link #MAX_KEPT} others were.
   *
   * @param line the 1-based line, or 0 for the input as a whole
   * @param column the 1-based column, or 0 for the whole line
   * @param field the field name, or {@code ""}
   * @param reasonFormat the reason, a {@link String#format} pattern formatted with {@link
   *     Locale#ROOT}
   * @param args the pattern's arguments
   * @return never returns normally; declared so that callers can write {@code throw
   *     problems.stop(...)}
   * @throws TextParseException always
   */
  @FormatMethod
  public TextParseException stop(
      int line, int column, String field, @FormatString String reasonFormat, Object... args) {
    problems.add(
        new TextParseException.Problem(
            source, line, column, field, "", String.format(Locale.ROOT, reasonFormat, args)));
    throw new TextParseException(sorted());
  }

  /**
   * Returns whether no problem has been recorded.
   *
   * @return {@code true} if the input is clean so far
   */
  public boolean isEmpty() {
    return problems.isEmpty();
  }

  /**
   * Returns the number of problems recorded, including those beyond {@link #MAX_KEPT}.
   *
   * @return the count
   */
  public long count() {
    return problems.size() + dropped;
  }

  /**
   * Returns every recorded problem in input order (by line, then column; a line's problems in
   * recording order), followed by a summary problem if some were not kept. The summary counts them
   * and carries the first line any of them is on (0 only if none names a line), so that a reader
   * knows where to look next.
   *
   * @return the problems, empty if none
   */
  public ImmutableList<TextParseException.Problem> sorted() {
    ImmutableList.Builder<TextParseException.Problem> all = ImmutableList.builder();
    // Input order, whatever order the checks ran in (a stable sort keeps a line's problems in
    // recording order).
    all.addAll(
        ImmutableList.sortedCopyOf(
            Comparator.comparingInt(TextParseException.Problem::line)
                .thenComparingInt(TextParseException.Problem::column),
            problems));
    if (dropped > 0) {
      all.add(
          new TextParseException.Problem(
              source,
              firstDroppedLine,
              0,
              "",
              "",
              dropped
                  + " further problems were not kept (limit "
                  + MAX_KEPT
                  + ")"
                  + (firstDroppedLine > 0
                      ? "; the first of them is on line " + firstDroppedLine
                      : "")));
    }
    return all.build();
  }

  /**
   * Throws a {@link TextParseException} with every recorded problem, if there is any.
   *
   * @throws TextParseException if at least one problem was recorded
   */
  public void throwIfAny() {
    if (problems.isEmpty()) {
      return;
    }
    throw new TextParseException(sorted());
  }
}
