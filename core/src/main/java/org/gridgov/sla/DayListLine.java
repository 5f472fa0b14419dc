package org.gridgov.sla;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.gridgov.internal.Problems;
import org.jspecify.annotations.Nullable;

/**
 * One line of gridgov's day-list text, {@code <yyyy-MM-dd> <off|work> [name or note]}, parsed;
 * shared by {@link ChinaCalendar#applyDayList} and {@link HolidayNotice#parseDayList}.
 *
 * @param date the date
 * @param offDay {@code true} for {@code off}, {@code false} for {@code work}
 * @param name the rest of the line, stripped (may be empty)
 */
record DayListLine(LocalDate date, boolean offDay, String name) {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /**
   * Parses a stripped, non-comment line, recording what is wrong with it.
   *
   * @param lineNo the 1-based line number
   * @param text the line
   * @param problems where a bad line is reported
   * @return the line, or null if it is bad (then a problem was recorded)
   */
  static @Nullable DayListLine parse(int lineNo, String text, Problems problems) {
    String[] f = WHITESPACE.split(text, 3);
    LocalDate date;
    try {
      date = LocalDate.parse(f[0]);
    } catch (DateTimeParseException e) {
      problems.add(lineNo, 1, "date", f[0], "expected a date yyyy-MM-dd");
      return null;
    }
    if (f.length < 2 || !(f[1].equals("off") || f[1].equals("work"))) {
      problems.add(
          lineNo,
          f[0].length() + 2,
          "flag",
          f.length < 2 ? "" : f[1],
          "expected \"off\" or \"work\"");
      return null;
    }
    return new DayListLine(date, f[1].equals("off"), f.length > 2 ? f[2].strip() : "");
  }
}
