package org.gridgov.internal;

import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.gridgov.InputLimits;
import org.gridgov.TextParseException;

/**
 * Reads a line-oriented text format from a caller-owned {@link Reader}: hands each meaningful line,
 * stripped, to a consumer with its 1-based line number. Blank lines and lines starting with {@code
 * #} are skipped; a UTF-8 byte-order mark at the start is skipped; {@code \r\n}, {@code \n} and
 * {@code \r} all end a line. Does not close the reader.
 *
 * <p>The {@link InputLimits} are checked while reading, before a line is kept: an input that is too
 * long, a line that is too long, or too many meaningful lines stop the reading with a {@link
 * TextParseException} naming the limit, its value and the position.
 */
public final class TextLines {
  /** Receives one meaningful line. */
  @FunctionalInterface
  public interface LineConsumer {
    /**
     * Called for each non-blank, non-comment line.
     *
     * @param lineNumber the 1-based line number
     * @param text the line, stripped of leading and trailing white space
     */
    void accept(int lineNumber, String text);
  }

  private static final char BOM = '\uFEFF';

  private TextLines() {}

  /**
   * Reads every line of the input within the {@link InputLimits#defaults() default limits}.
   *
   * @param in the text, opened and closed by the caller
   * @param source the input's name, for the exception if reading fails
   * @param consumer receives each meaningful line
   * @throws TextParseException if the input exceeds a limit
   * @throws UncheckedIOException if reading fails
   */
  public static void forEach(Reader in, String source, LineConsumer consumer) {
    forEach(in, source, InputLimits.defaults(), consumer);
  }

  /**
   * Reads every line of the input.
   *
   * @param in the text, opened and closed by the caller
   * @param source the input's name, for the exception if reading fails
   * @param limits the limits on characters, line length and meaningful lines (rows)
   * @param consumer receives each meaningful line
   * @throws TextParseException if the input exceeds a limit, naming it, its value and the line
   * @throws UncheckedIOException if reading fails
   */
  public static void forEach(Reader in, String source, InputLimits limits, LineConsumer consumer) {
    char[] buf = new char[8192];
    StringBuilder line = new StringBuilder(128);
    int lineNumber = 1;
    int rows = 0;
    long total = 0;
    boolean first = true;
    boolean afterCr = false;
    try {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        for (int i = 0; i < n; i++) {
          char c = buf[i];
          if (first) {
            first = false;
            if (c == BOM) {
              continue;
            }
          }
          if (++total > limits.maxChars()) {
            throw limit(
                source,
                lineNumber,
                line.length() + 1,
                "the input is longer than the limit of %d characters" + " (InputLimits.maxChars)",
                limits.maxChars());
          }
          if (c == '\n' && afterCr) {
            afterCr = false;
            continue;
          }
          afterCr = c == '\r';
          if (c == '\n' || c == '\r') {
            rows = deliver(line, lineNumber, rows, source, limits, consumer);
            line.setLength(0);
            lineNumber++;
            continue;
          }
          if (line.length() >= limits.maxLineLength()) {
            throw limit(
                source,
                lineNumber,
                line.length() + 1,
                "the line is longer than the limit of %d characters"
                    + " (InputLimits.maxLineLength)",
                limits.maxLineLength());
          }
          line.append(c);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
    var unused = deliver(line, lineNumber, rows, source, limits, consumer);
  }

  private static int deliver(
      StringBuilder line,
      int lineNumber,
      int rows,
      String source,
      InputLimits limits,
      LineConsumer consumer) {
    String text = line.toString().strip();
    if (text.isEmpty() || text.startsWith("#")) {
      return rows;
    }
    if (rows >= limits.maxRows()) {
      throw limit(
          source,
          lineNumber,
          0,
          "more than the limit of %d lines (InputLimits.maxRows)",
          limits.maxRows());
    }
    consumer.accept(lineNumber, text);
    return rows + 1;
  }

  @FormatMethod
  private static TextParseException limit(
      String source, int line, int column, @FormatString String format, long value) {
    return new TextParseException(
        List.of(
            new TextParseException.Problem(
                source, line, column, "", "", String.format(Locale.ROOT, format, value))));
  }
}
