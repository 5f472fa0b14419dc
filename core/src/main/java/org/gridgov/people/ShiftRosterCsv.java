package org.gridgov.people;

import com.google.common.collect.ImmutableList;
import java.io.Reader;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridgov.InputLimits;
import org.gridgov.TextParseException;
import org.gridgov.internal.CsvReader;
import org.gridgov.internal.Problems;
import org.gridgov.sla.BusinessCalendar;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@link ShiftRoster} from CSV (排班表).
 *
 * <h2>Format</h2>
 *
 * RFC 4180 CSV (UTF-8, {@code #} comment lines), a header naming the columns in any order, all
 * required: {@code person} (a {@link PersonId}), {@code pattern} (the code of the person's {@link
 * ShiftPattern}, 1 to 64 characters of {@code a-z 0-9 _ -}), {@code days} ({@code working_days},
 * {@code rest_days} or {@code every_day}), {@code start} and {@code end} ({@code HH:MM}; an end not
 * after the start runs past midnight). One row per window; a person's rows are the windows of their
 * pattern and must all name the same pattern code.
 *
 * <p>Every bad row is reported with source, line, column, field and the rule, and the whole input
 * is read before one {@link TextParseException} with all problems is thrown; nothing is returned
 * then. A bad person field is never echoed (it may hold a name or a phone number).
 */
public final class ShiftRosterCsv {
  /** The columns. */
  public static final ImmutableList<String> HEADER =
      ImmutableList.of("person", "pattern", "days", "start", "end");

  /** Limits for a city's roster: 64 MiB, 1M rows. */
  public static final InputLimits DEFAULT_LIMITS = InputLimits.defaults();

  private static final int PERSON = 0;
  private static final int PATTERN = 1;
  private static final int DAYS = 2;
  private static final int START = 3;
  private static final int END = 4;

  private ShiftRosterCsv() {}

  /**
   * Reads a roster with {@link #DEFAULT_LIMITS}.
   *
   * @param in the text, opened and closed by the caller
   * @param sourceName the name used in problem messages
   * @param calendar the calendar the shifts fall on
   * @return the roster
   * @throws TextParseException with every problem, if any
   */
  public static ShiftRoster read(Reader in, String sourceName, BusinessCalendar calendar) {
    return read(in, sourceName, calendar, DEFAULT_LIMITS);
  }

  /**
   * Reads a roster.
   *
   * @param in the text, opened and closed by the caller
   * @param sourceName the name used in problem messages
   * @param calendar the calendar the shifts fall on
   * @param limits the input limits (characters, line length, rows)
   * @return the roster
   * @throws TextParseException with every problem, if any
   */
  public static ShiftRoster read(
      Reader in, String sourceName, BusinessCalendar calendar, InputLimits limits) {
    Objects.requireNonNull(calendar, "calendar");
    Problems problems = new Problems(Objects.requireNonNull(sourceName, "sourceName"));
    CsvReader csv = Columns.open(in, problems, limits);
    int[] col = Columns.header(csv, problems, HEADER, HEADER.size());
    Map<PersonId, String> codes = new LinkedHashMap<>();
    Map<PersonId, Integer> firstLine = new HashMap<>();
    Map<PersonId, List<ShiftPattern.Window>> windows = new LinkedHashMap<>();
    for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
      PersonId person = person(row, col, problems);
      String code = Columns.get(row, col, PATTERN).trim();
      boolean codeOk = PeopleCodes.isCode(code);
      if (!codeOk) {
        problems.add(
            row.line(),
            Columns.column(col, PATTERN),
            "pattern",
            code,
            "a shift pattern code is 1 to 64 characters of a-z 0-9 _ -");
      }
      ShiftPattern.Window w = window(row, col, problems);
      if (person == null || !codeOk || w == null) {
        continue;
      }
      String before = codes.putIfAbsent(person, code);
      if (before != null && !before.equals(code)) {
        problems.add(
            row.line(),
            Columns.column(col, PATTERN),
            "pattern",
            code,
            "person %s works pattern %s from line %d; a person has one pattern",
            person,
            before,
            firstLine.getOrDefault(person, 0));
        continue;
      }
      firstLine.putIfAbsent(person, row.line());
      windows.computeIfAbsent(person, p -> new ArrayList<>()).add(w);
    }
    problems.throwIfAny();
    Map<PersonId, ShiftPattern> patterns = new LinkedHashMap<>();
    windows.forEach(
        (p, ws) -> patterns.put(p, ShiftPattern.of(Objects.requireNonNull(codes.get(p)), ws)));
    return ShiftRoster.of(calendar, patterns);
  }

  private static @Nullable PersonId person(CsvReader.Row row, int[] col, Problems problems) {
    String person = Columns.get(row, col, PERSON).trim();
    String problem = PersonId.problem(person);
    if (problem != null) {
      // The value is not echoed: a bad person field may hold a name or a phone number.
      problems.add(row.line(), Columns.column(col, PERSON), "person", "", "%s", problem);
      return null;
    }
    return PersonId.of(person);
  }

  private static ShiftPattern.@Nullable Window window(
      CsvReader.Row row, int[] col, Problems problems) {
    String daysText = Columns.get(row, col, DAYS).trim();
    ShiftPattern.Days days = null;
    for (ShiftPattern.Days d : ShiftPattern.Days.values()) {
      if (d.name().equalsIgnoreCase(daysText)) {
        days = d;
      }
    }
    if (days == null) {
      problems.add(
          row.line(),
          Columns.column(col, DAYS),
          "days",
          daysText,
          "expected working_days, rest_days or every_day");
    }
    LocalTime start = time(row, col, START, "start", problems);
    LocalTime end = time(row, col, END, "end", problems);
    return days == null || start == null || end == null
        ? null
        : new ShiftPattern.Window(days, start, end);
  }

  private static @Nullable LocalTime time(
      CsvReader.Row row, int[] col, int which, String field, Problems problems) {
    String text = Columns.get(row, col, which).trim();
    if (text.length() == 5) {
      try {
        return LocalTime.parse(text);
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    problems.add(
        row.line(),
        Columns.column(col, which),
        field,
        text,
        "expected a clock time HH:MM such as 08:30");
    return null;
  }
}
