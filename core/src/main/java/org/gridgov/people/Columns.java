package org.gridgov.people;

import com.google.common.collect.ImmutableList;
import java.io.Reader;
import java.util.Arrays;
import java.util.Objects;
import org.gridgov.InputLimits;
import org.gridgov.internal.CsvReader;
import org.gridgov.internal.Problems;

/** Header handling shared by the people formats: columns found by name, in any order. */
final class Columns {
  private Columns() {}

  /**
   * Opens a CSV reader over {@code in} that expects a header line, reporting into {@code problems}.
   *
   * @param in the text; not null
   * @param problems where problems are collected
   * @param limits the input limits; not null
   * @return the reader
   */
  static CsvReader open(Reader in, Problems problems, InputLimits limits) {
    return new CsvReader(
        Objects.requireNonNull(in, "in"), problems, true, Objects.requireNonNull(limits, "limits"));
  }

  /**
   * Reads the header and maps each known column to its index (-1 when absent); reports unknown,
   * repeated and missing required columns and throws if any.
   *
   * @param required how many leading names of {@code names} are required
   */
  static int[] header(CsvReader csv, Problems problems, ImmutableList<String> names, int required) {
    CsvReader.Row header = csv.next();
    if (header == null) {
      problems.add(0, 0, "", "", "the input is empty; expected the header %s", names);
      problems.throwIfAny();
      throw new AssertionError("unreachable");
    }
    int[] col = new int[names.size()];
    Arrays.fill(col, -1);
    for (int k = 0; k < header.size(); k++) {
      String h = header.get(k).trim();
      int which = names.indexOf(h);
      if (which < 0) {
        problems.add(
            header.line(), k + 1, "", h, "unknown column \"%s\"; known columns are %s", h, names);
      } else if (col[which] >= 0) {
        problems.add(header.line(), k + 1, "", h, "column \"%s\" appears twice", h);
      } else {
        col[which] = k;
      }
    }
    for (int r = 0; r < required; r++) {
      if (col[r] < 0) {
        problems.add(
            header.line(), 0, "", "", "the header lacks the required column \"%s\"", names.get(r));
      }
    }
    problems.throwIfAny();
    return col;
  }

  /** The field of a named column, or "" if the column is absent. */
  static String get(CsvReader.Row row, int[] col, int which) {
    return col[which] < 0 ? "" : row.get(col[which]);
  }

  /** The 1-based column number of a named column, or 0 if absent. */
  static int column(int[] col, int which) {
    return col[which] + 1;
  }
}
