package org.gridgov.routing.internal;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV records with their starting line numbers from a caller's reader; lines starting with {@code #}
 * and blank lines are skipped. Does not close the reader.
 */
public final class CsvLines {
  /**
   * One record.
   *
   * @param line the 1-based line it starts on
   * @param fields its fields
   */
  public record Line(int line, ImmutableList<String> fields) {}

  private CsvLines() {}

  /**
   * Reads every record.
   *
   * @param in the text
   * @param problems where an unterminated quote is reported
   * @return the records
   * @throws UncheckedIOException if the reader fails
   */
  public static List<Line> read(Reader in, ParseProblems problems) {
    StringBuilder text = new StringBuilder();
    char[] buf = new char[8192];
    try {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        text.append(buf, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Line> out = new ArrayList<>();
    int i = 0;
    int line = 1;
    int len = text.length();
    if (len > 0 && text.charAt(0) == '\uFEFF') {
      i = 1;
    }
    while (i < len) {
      int start = line;
      int eol = i;
      while (eol < len && text.charAt(eol) != '\n') {
        eol++;
      }
      String raw = text.substring(i, eol).strip();
      if (raw.isEmpty() || raw.startsWith("#")) {
        i = eol + 1;
        line++;
        continue;
      }
      List<String> fields = new ArrayList<>();
      StringBuilder f = new StringBuilder();
      boolean quoted = false;
      boolean done = false;
      while (!done) {
        if (i >= len) {
          if (quoted) {
            problems.add(start, 0, "", f.toString(), "unterminated quoted field");
          }
          fields.add(f.toString());
          done = true;
          continue;
        }
        char c = text.charAt(i++);
        if (quoted) {
          if (c == '"') {
            if (i < len && text.charAt(i) == '"') {
              f.append('"');
              i++;
            } else {
              quoted = false;
            }
          } else {
            if (c == '\n') {
              line++;
            }
            f.append(c);
          }
        } else if (c == '"' && f.length() == 0) {
          quoted = true;
        } else if (c == ',') {
          fields.add(f.toString());
          f.setLength(0);
        } else if (c == '\n') {
          line++;
          fields.add(f.toString());
          done = true;
        } else if (c != '\r') {
          f.append(c);
        }
      }
      out.add(new Line(start, ImmutableList.copyOf(fields)));
    }
    return out;
  }
}
