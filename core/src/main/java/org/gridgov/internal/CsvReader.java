package org.gridgov.internal;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.InputLimits;
import org.jspecify.annotations.Nullable;

/**
 * A small, strict RFC 4180 CSV reader over a caller-owned {@link Reader}, with line numbers for
 * error messages.
 *
 * <p>Fields are separated by commas; a field may be double-quoted, and inside quotes {@code ""} is
 * a quote and line breaks are data. A UTF-8 byte-order mark at the start is skipped; {@code \r\n},
 * {@code \n} and {@code \r} all end a record. Blank lines are skipped, and so are lines starting
 * with {@code #} when comments are allowed. A malformed record (text after a closing quote, a quote
 * that never closes) is reported to the {@link Problems} and skipped; reading goes on with the next
 * line.
 *
 * <p>The {@link InputLimits} are checked while reading: an input longer than {@link
 * InputLimits#maxChars()}, a record longer than {@link InputLimits#maxLineLength()} or more than
 * {@link InputLimits#maxRows()} records (the header included) stop the reading with a {@link
 * org.gridgov.TextParseException} that holds every problem so far and one naming the limit, its
 * value and the line.
 *
 * <p>The reader does not close the underlying {@link Reader}: the caller opened it and closes it.
 */
public final class CsvReader {
  private static final int BUFFER = 1 << 16;

  private final Reader in;
  private final Problems problems;
  private final boolean allowComments;
  private final InputLimits limits;
  private long total;
  private int rows;
  private int recordChars;
  private final char[] buf = new char[BUFFER];
  private int pos;
  private int limit;
  private int line = 1;
  private boolean started;
  private final StringBuilder field = new StringBuilder(64);

  /**
   * Creates a reader.
   *
   * @param in the text, opened and later closed by the caller
   * @param problems where malformed records are reported
   * @param allowComments whether lines starting with {@code #} are skipped
   */
  public CsvReader(Reader in, Problems problems, boolean allowComments) {
    this(in, problems, allowComments, InputLimits.defaults());
  }

  /**
   * Creates a reader with limits.
   *
   * @param in the text, opened and later closed by the caller
   * @param problems where malformed records are reported
   * @param allowComments whether lines starting with {@code #} are skipped
   * @param limits the limits on characters, record length and records
   */
  public CsvReader(Reader in, Problems problems, boolean allowComments, InputLimits limits) {
    this.in = in;
    this.problems = problems;
    this.allowComments = allowComments;
    this.limits = limits;
  }

  /**
   * One row: its fields and the line it starts on.
   *
   * @param line the 1-based line number where the record starts
   * @param fields the fields, unquoted
   */
  public record Row(int line, ImmutableList<String> fields) {
    /**
     * Returns the field at a 0-based index, or {@code ""} if the record is shorter.
     *
     * @param index the 0-based index
     * @return the field text
     */
    public String get(int index) {
      return index < fields.size() ? fields.get(index) : "";
    }

    /**
     * Returns the number of fields.
     *
     * @return the field count
     */
    public int size() {
      return fields.size();
    }
  }

  /**
   * Reads the next well-formed record.
   *
   * @return the record, or {@code null} at the end of the input
   * @throws org.gridgov.TextParseException with every problem so far, if the input exceeds a limit
   * @throws UncheckedIOException if the underlying reader fails
   */
  public @Nullable Row next() {
    try {
      if (!started) {
        started = true;
        if (fill() && buf[pos] == '\uFEFF') {
          pos++;
        }
      }
      while (true) {
        if (!fill()) {
          return null;
        }
        char c = buf[pos];
        if (c == '\n' || c == '\r') {
          consumeLineBreak();
          continue;
        }
        if (allowComments && c == '#') {
          skipRestOfLine();
          continue;
        }
        recordChars = 0;
        Row record = readRecord();
        if (record != null) {
          if (++rows > limits.maxRows()) {
            throw problems.stop(
                record.line(),
                0,
                "",
                "more than the limit of %d records (InputLimits.maxRows)",
                limits.maxRows());
          }
          return record;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + problems.source(), e);
    }
  }

  private @Nullable Row readRecord() throws IOException {
    int startLine = line;
    List<String> fields = new ArrayList<>(8);
    while (true) {
      field.setLength(0);
      boolean quoted = fill() && buf[pos] == '"';
      if (quoted) {
        pos++;
        int quoteLine = line;
        while (true) {
          if (!fill()) {
            problems.add(quoteLine, fields.size() + 1, "", "", "quoted field never closes");
            return null;
          }
          char c = buf[pos++];
          countRecordChar(startLine);
          if (c == '"') {
            if (fill() && buf[pos] == '"') {
              field.append('"');
              pos++;
            } else {
              break;
            }
          } else {
            if (c == '\n' || (c == '\r' && !(fill() && buf[pos] == '\n'))) {
              line++;
            }
            field.append(c);
          }
        }
        if (fill() && buf[pos] != ',' && buf[pos] != '\n' && buf[pos] != '\r') {
          problems.add(
              startLine,
              fields.size() + 1,
              "",
              field.toString(),
              "text after the closing quote of a field");
          skipRestOfLine();
          return null;
        }
      } else {
        while (fill()) {
          char c = buf[pos];
          if (c == ',' || c == '\n' || c == '\r') {
            break;
          }
          if (c == '"') {
            problems.add(startLine, fields.size() + 1, "", "", "quote inside an unquoted field");
            skipRestOfLine();
            return null;
          }
          countRecordChar(startLine);
          field.append(c);
          pos++;
        }
      }
      fields.add(field.toString());
      if (!fill()) {
        return new Row(startLine, ImmutableList.copyOf(fields));
      }
      char c = buf[pos];
      if (c == ',') {
        countRecordChar(startLine);
        pos++;
        continue;
      }
      consumeLineBreak();
      return new Row(startLine, ImmutableList.copyOf(fields));
    }
  }

  private void countRecordChar(int startLine) {
    if (++recordChars > limits.maxLineLength()) {
      throw problems.stop(
          startLine,
          0,
          "",
          "the record is longer than the limit of %d characters (InputLimits.maxLineLength)",
          limits.maxLineLength());
    }
  }

  private void consumeLineBreak() throws IOException {
    char c = buf[pos++];
    if (c == '\r' && fill() && buf[pos] == '\n') {
      pos++;
    }
    line++;
  }

  private void skipRestOfLine() throws IOException {
    while (fill()) {
      char c = buf[pos];
      if (c == '\n' || c == '\r') {
        consumeLineBreak();
        return;
      }
      pos++;
    }
  }

  /** Ensures at least one char is buffered; returns false at end of input. */
  private boolean fill() throws IOException {
    if (pos < limit) {
      return true;
    }
    int n;
    do {
      n = in.read(buf, 0, buf.length);
    } while (n == 0);
    if (n < 0) {
      limit = pos = 0;
      return false;
    }
    total += n;
    if (total > limits.maxChars()) {
      throw problems.stop(
          line,
          0,
          "",
          "the input is longer than the limit of %d characters (InputLimits.maxChars)",
          limits.maxChars());
    }
    pos = 0;
    limit = n;
    return true;
  }
}
