package org.gridgov.sla;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.gridgov.internal.Problems;
import org.gridgov.internal.TextLines;

/**
 * The built-in calendar of mainland China: public holidays and make-up workdays (调休) from the State Council
 * notices 2007–2026, as published by <a href="https://github.com/NateScarlet/holiday-cn">NateScarlet/holiday-cn</a>
 * (MIT licence; the notice ships next to the data as {@code org/gridgov/sla/holiday-cn-LICENSE.txt}).
 *
 * <p>Rules: a listed day with {@code isOffDay: true} is a holiday; with {@code isOffDay: false} a make-up workday;
 * an unlisted Saturday or Sunday is off; an unlisted Monday–Friday is a workday. Working windows are
 * {@link WorkingWindow#CHINA_OFFICE_HOURS} (09:00–12:00, 13:30–17:30) on workdays, also on make-up workdays; an
 * embedder overrides them through {@link #builder()}. Zone Asia/Shanghai. Coverage 2007-01-01..2026-12-31, edition
 * {@value #EDITION}. The 2007 notice's make-up days of 2006-12-30/31 are outside the coverage.
 *
 * <p>Caveat: a notice for year Y can change late-December dates of Y-1 (the 2007 notice did). When the 2027
 * notice is published, add it as a new edition ({@link #applyDayList}); December 2026 may change with it.
 */
public final class ChinaCalendar {

  /** The edition name of the built-in calendar. */
  public static final String EDITION = "cn-2007-2026";

  /** The classpath resource with the day list, relative to this class. */
  static final String RESOURCE = "cn-holidays.txt";

  private ChinaCalendar() {}

  private static final class Holder {
    static final BusinessCalendar CALENDAR = builder().build();
  }

  /**
   * Returns the built-in calendar (built once, then shared; immutable).
   *
   * @return the China calendar, edition {@value #EDITION}
   */
  public static BusinessCalendar calendar() {
    return Holder.CALENDAR;
  }

  /**
   * Returns a builder holding the built-in definition, to derive an edition with other windows, a local rule or a
   * newly announced year.
   *
   * @return a builder
   */
  public static BusinessCalendar.Builder builder() {
    BusinessCalendar.Builder b =
        BusinessCalendar.builder()
            .edition(EDITION)
            .zone(BusinessCalendar.DEFAULT_ZONE)
            .coverage(LocalDate.of(2007, 1, 1), LocalDate.of(2026, 12, 31))
            .weekly(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), WorkingWindow.CHINA_OFFICE_HOURS)
            .weekly(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), ImmutableList.of())
            .makeUpWindows(WorkingWindow.CHINA_OFFICE_HOURS);
    try (InputStream in =
        Objects.requireNonNull(
            ChinaCalendar.class.getResourceAsStream(RESOURCE), "missing resource org/gridgov/sla/" + RESOURCE)) {
      applyDayList(b, new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read org/gridgov/sla/" + RESOURCE, e);
    }
    return b;
  }

  /**
   * Reads a day list and declares its days on a builder. The format is the built-in resource's: one day per line,
   * {@code <yyyy-MM-dd> <off|work> [anything else, e.g. notice year and name]}; blank lines and lines starting with
   * {@code #} are ignored. {@code off} declares a holiday, {@code work} a make-up workday with the builder's
   * make-up windows. Either every line is applied or none is.
   *
   * @param builder the builder to declare on
   * @param in the text; the caller opens and closes it
   * @param source the input's name for error messages
   * @throws org.gridgov.TextParseException listing every bad line (line, column, value, expected form)
   * @throws UncheckedIOException if reading fails
   */
  public static void applyDayList(BusinessCalendar.Builder builder, Reader in, String source) {
    Problems problems = new Problems(source);
    List<LocalDate> off = new ArrayList<>();
    List<LocalDate> work = new ArrayList<>();
    TextLines.forEach(
        in,
        source,
        (lineNo, t) -> {
          String[] f = t.split("\\s+", 3);
          LocalDate date;
          try {
            date = LocalDate.parse(f[0]);
          } catch (DateTimeParseException e) {
            problems.add(lineNo, 1, "date", f[0], "expected a date yyyy-MM-dd");
            return;
          }
          if (f.length < 2 || !(f[1].equals("off") || f[1].equals("work"))) {
            problems.add(lineNo, 2, "flag", f.length < 2 ? "" : f[1], "expected \"off\" or \"work\"");
            return;
          }
          (f[1].equals("off") ? off : work).add(date);
        });
    problems.throwIfAny();
    off.forEach(builder::holiday);
    work.forEach(builder::makeUpWorkday);
  }
}
