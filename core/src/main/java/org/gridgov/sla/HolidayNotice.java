package org.gridgov.sla;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridgov.internal.Problems;
import org.gridgov.internal.TextLines;

/**
 * One year's official holiday schedule (放假安排), as the State Council publishes it each autumn: the
 * public holidays and the make-up workdays (调休) of year {@code Y}. A notice may also list days of
 * late December of {@code Y-1} (the 2007 notice moved 2006-12-30/31): its dates lie in {@code
 * [Y-1-12-01, Y-12-31]}.
 *
 * <p>A notice is validated as a whole: a date listed both as a day off and as a workday, listed
 * twice, or outside those bounds is refused, and nothing of a refused notice is applied anywhere.
 * Load one with {@link #parseDayList} (gridgov's day-list text) or, from the holiday-cn JSON
 * format, with {@code gridgov-json}'s {@code HolidayNoticeJson}; apply it with {@link
 * ChinaCalendar#withNotice}. Immutable.
 */
public final class HolidayNotice {

  /**
   * One listed day.
   *
   * @param date the date
   * @param offDay {@code true} for a public holiday (day off), {@code false} for a make-up workday
   *     (a weekend day that is worked)
   * @param name the holiday's name as published, e.g. {@code 春节}; may be empty
   */
  public record Day(LocalDate date, boolean offDay, String name) {
    /**
     * Validates.
     *
     * @param date the date component
     * @param offDay the offDay component
     * @param name the name component
     */
    public Day {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(name, "name");
    }
  }

  private final int year;
  private final ImmutableList<Day> days;

  private HolidayNotice(int year, ImmutableList<Day> days) {
    this.year = year;
    this.days = days;
  }

  /**
   * Validates and returns a notice.
   *
   * @param year the notice's year, 1901..2199
   * @param days its days, in any order
   * @return the notice, days sorted by date
   * @throws IllegalArgumentException naming the first bad day (its index in {@code days}) and why
   */
  public static HolidayNotice of(int year, List<Day> days) {
    checkYear(year);
    Map<LocalDate, Integer> seen = new HashMap<>();
    for (int i = 0; i < days.size(); i++) {
      Day d = days.get(i);
      String problem = problem(year, d.date());
      checkArgument(
          problem == null, "holiday notice %s, days[%s] %s: %s", year, i, d.date(), problem);
      Integer first = seen.putIfAbsent(d.date(), i);
      checkArgument(
          first == null,
          "holiday notice %s, days[%s]: %s is already listed at days[%s] (as %s); a date is listed once",
          year,
          i,
          d.date(),
          first,
          first == null ? "" : flag(days.get(first).offDay()));
    }
    List<Day> sorted = new ArrayList<>(days);
    sorted.sort(Comparator.comparing(Day::date));
    return new HolidayNotice(year, ImmutableList.copyOf(sorted));
  }

  /**
   * Reads a notice from gridgov's day-list text: one day per line, {@code <yyyy-MM-dd> <off|work>
   * [name]}; blank lines and lines starting with {@code #} are ignored. Every bad line is reported.
   *
   * @param year the notice's year
   * @param in the text; the caller opens and closes it
   * @param source the input's name for error messages
   * @return the notice
   * @throws org.gridgov.TextParseException listing every bad line (line, column, field, value,
   *     expected form): unparsable dates, flags other than {@code off}/{@code work}, dates outside
   *     the notice's bounds, a date listed twice (naming the other line)
   * @throws IllegalArgumentException if the year is outside 1901..2199
   */
  public static HolidayNotice parseDayList(int year, Reader in, String source) {
    checkYear(year);
    Problems problems = new Problems(source);
    List<Day> days = new ArrayList<>();
    Map<LocalDate, Integer> lineOf = new HashMap<>();
    TextLines.forEach(
        in,
        source,
        (lineNo, t) -> {
          DayListLine line = DayListLine.parse(lineNo, t, problems);
          if (line == null) {
            return;
          }
          String problem = problem(year, line.date());
          if (problem != null) {
            problems.add(lineNo, 1, "date", line.date().toString(), "%s", problem);
            return;
          }
          Integer other = lineOf.putIfAbsent(line.date(), lineNo);
          if (other != null) {
            problems.add(
                lineNo,
                1,
                "date",
                line.date().toString(),
                "%s is already listed on line %d",
                line.date(),
                other);
            return;
          }
          days.add(new Day(line.date(), line.offDay(), line.name()));
        });
    problems.throwIfAny();
    return of(year, days);
  }

  /**
   * Returns the notice's year.
   *
   * @return the year
   */
  public int year() {
    return year;
  }

  /**
   * Returns the listed days, sorted by date.
   *
   * @return the days
   */
  public ImmutableList<Day> days() {
    return days;
  }

  /**
   * Returns the first date a notice of this year may list: 1 December of the year before.
   *
   * @return the first allowed date
   */
  public LocalDate firstAllowedDate() {
    return LocalDate.of(year - 1, 12, 1);
  }

  /**
   * Returns the last date a notice of this year may list: 31 December of its year.
   *
   * @return the last allowed date
   */
  public LocalDate lastAllowedDate() {
    return LocalDate.of(year, 12, 31);
  }

  private static void checkYear(int year) {
    checkArgument(
        year > 1900 && year < 2200,
        "a holiday notice's year must lie in 1901..2199 but was %s",
        year);
  }

  private static @org.jspecify.annotations.Nullable String problem(int year, LocalDate date) {
    LocalDate first = LocalDate.of(year - 1, 12, 1);
    LocalDate last = LocalDate.of(year, 12, 31);
    if (date.isBefore(first) || date.isAfter(last)) {
      return String.format(
          java.util.Locale.ROOT,
          "outside the notice of %d, which may list %s..%s (its year and the December before)",
          year,
          first,
          last);
    }
    return null;
  }

  private static String flag(boolean offDay) {
    return offDay ? "off" : "work";
  }

  @Override
  public boolean equals(@org.jspecify.annotations.Nullable Object o) {
    return o instanceof HolidayNotice n && year == n.year && days.equals(n.days);
  }

  @Override
  public int hashCode() {
    return Objects.hash(year, days);
  }

  @Override
  public String toString() {
    return "HolidayNotice[" + year + ", " + days.size() + " days]";
  }
}
