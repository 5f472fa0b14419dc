package org.gridgov.sla;

import com.ibm.icu.impl.CalendarAstronomer;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import com.ibm.icu.util.VersionInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.JulianFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Computes {@code cn-lunar-dates.txt} with ICU4J (a test-scoped dependency, so ICU stays off core's
 * run time). {@link LunarDatesTableTest} recomputes every row with the same code; {@link #main}
 * rewrites the file.
 */
public final class LunarDatesGenerator {

  /**
   * The command that regenerates the table, run from the repository root; quoted in the file's
   * header.
   */
  static final String COMMAND =
      "mvn -B -ntp -q -pl core test-compile exec:java -Dexec.classpathScope=test"
          + " -Dexec.mainClass=org.gridgov.sla.LunarDatesGenerator"
          + " -Dexec.args=core/src/main/resources/org/gridgov/sla/cn-lunar-dates.txt";

  /** China standard time, in which the Chinese calendar and the solar terms are dated. */
  private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

  /** The solar term 清明: the sun's apparent ecliptic longitude reaches 15 degrees. */
  private static final double QINGMING_LONGITUDE = Math.toRadians(15);

  private LunarDatesGenerator() {}

  /**
   * Computes one row of the table.
   *
   * @param year a Gregorian year
   * @return its lunar and solar-term dates
   */
  static LunarDates.Year compute(int year) {
    LocalDate newYear = chinese(year, 0, 1);
    return new LunarDates.Year(
        year,
        newYear.minusDays(1),
        newYear,
        qingming(year),
        chinese(year, 4, 5),
        chinese(year, 7, 15));
  }

  /**
   * The Gregorian date of a day of a (never leap) month of the Chinese year that begins in {@code
   * year}.
   */
  private static LocalDate chinese(int year, int monthIndex, int day) {
    ChineseCalendar cc = new ChineseCalendar(TimeZone.GMT_ZONE, ULocale.ROOT);
    // Every Chinese year that begins in Gregorian `year` is current on 1 July of it (new year is 21
    // Jan..20 Feb).
    cc.setTimeInMillis(
        LocalDate.of(year, 7, 1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli());
    int extendedYear = cc.get(Calendar.EXTENDED_YEAR);
    cc.clear();
    cc.set(Calendar.EXTENDED_YEAR, extendedYear);
    cc.set(Calendar.MONTH, monthIndex);
    cc.set(ChineseCalendar.IS_LEAP_MONTH, 0);
    cc.set(Calendar.DAY_OF_MONTH, day);
    LocalDate date = LocalDate.MIN.with(JulianFields.JULIAN_DAY, cc.get(Calendar.JULIAN_DAY));
    if (cc.get(ChineseCalendar.IS_LEAP_MONTH) != 0 || cc.get(Calendar.MONTH) != monthIndex) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "ICU moved month %d day %d of %d to %s",
              monthIndex + 1,
              day,
              year,
              date));
    }
    return date;
  }

  /**
   * The China-time date of 清明: the first day of April whose next midnight (UTC+8) sees the sun's
   * longitude at 15 degrees or more, by ICU's {@link CalendarAstronomer#getSunLongitude()} (the
   * model ICU's Chinese calendar uses for its solar terms).
   */
  static LocalDate qingming(int year) {
    for (LocalDate d = LocalDate.of(year, 4, 1); d.getMonthValue() == 4; d = d.plusDays(1)) {
      if (longitudeAt(d.plusDays(1).atStartOfDay().toInstant(CHINA)) >= QINGMING_LONGITUDE) {
        return d;
      }
    }
    throw new IllegalStateException("no 清明 in April " + year);
  }

  /**
   * The instant of 清明 by bisection on ICU's solar longitude, to a second; for the header's list of
   * close calls.
   */
  static Instant qingmingInstant(int year) {
    long lo = LocalDate.of(year, 3, 25).atStartOfDay().toInstant(CHINA).toEpochMilli();
    long hi = LocalDate.of(year, 4, 15).atStartOfDay().toInstant(CHINA).toEpochMilli();
    while (hi - lo > 1000) {
      long mid = lo + (hi - lo) / 2;
      if (longitudeAt(Instant.ofEpochMilli(mid)) < QINGMING_LONGITUDE) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return Instant.ofEpochMilli(hi);
  }

  /**
   * ICU's apparent solar longitude in radians, taken into (-pi, pi] so that spring is around zero.
   */
  private static double longitudeAt(Instant t) {
    double lon = new CalendarAstronomer(t.toEpochMilli()).getSunLongitude();
    return lon > Math.PI ? lon - 2 * Math.PI : lon;
  }

  /**
   * Renders the whole file.
   *
   * @return the file's text, header and rows
   */
  static String render() {
    List<String> close = new ArrayList<>();
    StringBuilder rows = new StringBuilder();
    for (int y = LunarDates.FIRST_YEAR; y <= LunarDates.LAST_YEAR; y++) {
      rows.append(compute(y).toLine()).append('\n');
      LocalDateTime q = LocalDateTime.ofInstant(qingmingInstant(y), CHINA);
      long minutesFromMidnight =
          Math.min(q.getHour() * 60L + q.getMinute(), 24 * 60L - q.getHour() * 60L - q.getMinute());
      if (minutesFromMidnight < 60) {
        close.add(
            String.format(
                Locale.ROOT, "%d (%s)", y, q.toString().replace('T', ' ').substring(0, 16)));
      }
    }
    return header(String.join(", ", close)) + rows;
  }

  private static String header(String closeCalls) {
    return String.join(
            "\n",
            "# Lunar and solar-term dates of the Chinese statutory holidays, "
                + LunarDates.FIRST_YEAR
                + ".."
                + LunarDates.LAST_YEAR
                + ".",
            "# GENERATED: do not edit by hand. Regenerate from the repository root with:",
            "#   " + COMMAND,
            "# Computed with ICU4J "
                + VersionInfo.ICU_VERSION
                + " (com.ibm.icu:icu4j, test scope only):",
            "#   eve        除夕, the day before 正月初一",
            "#   new-year   正月初一 (first day of the first month), com.ibm.icu.util.ChineseCalendar",
            "#   qingming   清明, the day (China time, UTC+8) on which the sun's apparent ecliptic longitude reaches",
            "#              15 degrees, by com.ibm.icu.impl.CalendarAstronomer#getSunLongitude()",
            "#   duanwu     端午, day 5 of month 5 (never the leap month), ChineseCalendar",
            "#   zhongqiu   中秋, day 15 of month 8 (never the leap month), ChineseCalendar",
            "# ICU's solar model is a low-precision one: its 清明 instants differ from a precise ephemeris by some",
            "# minutes (2025: ICU 20:33, published 20:48). Years whose ICU instant lies within an hour of midnight,",
            "# where the date is least certain:",
            "#   " + (closeCalls.isEmpty() ? "none" : closeCalls.replace("), ", "),\n#   ")),
            "# LunarDatesTableTest recomputes every row with ICU and checks 2007-2026 against the State Council notices.",
            "# year eve new-year qingming duanwu zhongqiu",
            "")
        + "";
  }

  /**
   * Writes the table.
   *
   * @param args the file to write, e.g. {@code
   *     core/src/main/resources/org/gridgov/sla/cn-lunar-dates.txt}
   * @throws IOException if writing fails
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException(
          "usage: LunarDatesGenerator <output file>; got " + args.length + " arguments");
    }
    Files.writeString(Path.of(args[0]), render(), StandardCharsets.UTF_8);
  }
}
