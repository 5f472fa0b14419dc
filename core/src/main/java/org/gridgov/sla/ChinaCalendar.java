package org.gridgov.sla;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.gridgov.internal.Problems;
import org.gridgov.internal.TextLines;

/**
 * The built-in calendar of mainland China: public holidays and make-up workdays (调休) from the State
 * Council notices 2007–{@value #LAST_OFFICIAL_YEAR}, as published by <a
 * href="https://github.com/NateScarlet/holiday-cn">NateScarlet/holiday-cn</a> (MIT licence; the
 * notice ships next to the data as {@code org/gridgov/sla/holiday-cn-LICENSE.txt}), followed by
 * {@linkplain DayProvenance#PROVISIONAL provisional} years predicted from the statutory rules
 * ({@link ChinaHolidayRules#predict}), so that deadlines do not stop at the end of the last
 * published year.
 *
 * <p>Rules: a listed day with {@code isOffDay: true} is a holiday; with {@code isOffDay: false} a
 * make-up workday; an unlisted Saturday or Sunday is off; an unlisted Monday–Friday is a workday.
 * Working windows are {@link WorkingWindow#CHINA_OFFICE_HOURS} (09:00–12:00, 13:30–17:30) on
 * workdays, also on make-up workdays; an embedder overrides them through {@link #builder()}. Zone
 * Asia/Shanghai. Official coverage 2007-01-01..{@value #LAST_OFFICIAL_YEAR}-12-31; the 2007
 * notice's make-up days of 2006-12-30/31 are outside it.
 *
 * <p>Provisional years: {@link #calendar()} adds {@value #DEFAULT_HORIZON_YEARS} of them (edition
 * {@value #EDITION}); {@link #calendar(int)} another number. Each predicted day is declared and its
 * year marked provisional; what the principles leave open follows the weekly pattern. When a year's
 * notice is published, load it ({@link HolidayNotice}) and derive a new edition with {@link
 * #withNotice}; a notice for year Y may move late-December dates of Y-1, which it then decides.
 */
public final class ChinaCalendar {

  /** The last year whose State Council notice the built-in data carries. */
  public static final int LAST_OFFICIAL_YEAR = 2026;

  /** How many provisional years {@link #calendar()} adds after {@link #LAST_OFFICIAL_YEAR}. */
  public static final int DEFAULT_HORIZON_YEARS = 10;

  /**
   * The edition name of the built-in calendar: official years, then the default horizon of
   * provisional ones.
   */
  public static final String EDITION = "cn-2007-2026+p2036";

  /** The classpath resource with the day list, relative to this class. */
  static final String RESOURCE = "cn-holidays.txt";

  private static final LocalDate FIRST_DATE = LocalDate.of(2007, 1, 1);

  private ChinaCalendar() {}

  private static final class Holder {
    static final BusinessCalendar CALENDAR = builder().build();
  }

  /**
   * Returns the built-in calendar (built once, then shared; immutable): the official years and
   * {@value #DEFAULT_HORIZON_YEARS} provisional ones.
   *
   * @return the China calendar, edition {@value #EDITION}
   */
  public static BusinessCalendar calendar() {
    return Holder.CALENDAR;
  }

  /**
   * Returns the built-in calendar with another horizon of provisional years (built anew on each
   * call).
   *
   * @param horizonYears how many provisional years to add after {@link #LAST_OFFICIAL_YEAR}; 0
   *     gives the official years only (edition {@code cn-2007-2026})
   * @return the calendar, edition {@code cn-2007-2026+p<last year>}
   * @throws IllegalArgumentException if the horizon is negative or reaches past {@link
   *     ChinaHolidayRules#LAST_YEAR}
   */
  public static BusinessCalendar calendar(int horizonYears) {
    return builder(horizonYears).build();
  }

  /**
   * Returns a builder holding the built-in definition with the default horizon, to derive an
   * edition with other windows, a local rule or a newly announced year.
   *
   * @return a builder
   */
  public static BusinessCalendar.Builder builder() {
    return builder(DEFAULT_HORIZON_YEARS);
  }

  /**
   * Returns a builder holding the official years and {@code horizonYears} provisional ones.
   *
   * @param horizonYears how many provisional years after {@link #LAST_OFFICIAL_YEAR}
   * @return a builder
   * @throws IllegalArgumentException if the horizon is negative or reaches past {@link
   *     ChinaHolidayRules#LAST_YEAR}
   */
  public static BusinessCalendar.Builder builder(int horizonYears) {
    int lastYear = LAST_OFFICIAL_YEAR + horizonYears;
    checkArgument(
        horizonYears >= 0 && lastYear <= ChinaHolidayRules.LAST_YEAR,
        "a horizon of %s provisional years must lie in 0..%s (the lunar dates reach %s)",
        horizonYears,
        ChinaHolidayRules.LAST_YEAR - LAST_OFFICIAL_YEAR,
        ChinaHolidayRules.LAST_YEAR);
    BusinessCalendar.Builder b = official();
    if (horizonYears > 0) {
      b.edition("cn-2007-" + LAST_OFFICIAL_YEAR + "+p" + lastYear)
          .coverage(FIRST_DATE, LocalDate.of(lastYear, 12, 31));
      for (int year = LAST_OFFICIAL_YEAR + 1; year <= lastYear; year++) {
        applyProvisional(b, ChinaHolidayRules.predict(year));
      }
    }
    return b;
  }

  private static BusinessCalendar.Builder official() {
    BusinessCalendar.Builder b =
        BusinessCalendar.builder()
            .edition("cn-2007-" + LAST_OFFICIAL_YEAR)
            .zone(BusinessCalendar.DEFAULT_ZONE)
            .coverage(FIRST_DATE, LocalDate.of(LAST_OFFICIAL_YEAR, 12, 31))
            .weekly(
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), WorkingWindow.CHINA_OFFICE_HOURS)
            .weekly(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), ImmutableList.of())
            .makeUpWindows(WorkingWindow.CHINA_OFFICE_HOURS);
    try (InputStream in =
        Objects.requireNonNull(
            ChinaCalendar.class.getResourceAsStream(RESOURCE),
            "missing resource org/gridgov/sla/" + RESOURCE)) {
      applyDayList(b, new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read org/gridgov/sla/" + RESOURCE, e);
    }
    return b;
  }

  /**
   * Declares a predicted year on a builder: each predicted holiday and make-up workday, and the
   * whole year (and any predicted day of the December before) marked {@linkplain
   * DayProvenance#PROVISIONAL provisional}. A predicted day of the December before never replaces a
   * declaration there that is not itself provisional: what a published notice says wins. Dates the
   * prediction leaves open keep the weekly pattern.
   *
   * @param builder the builder, whose coverage should include the year
   * @param year the prediction, e.g. {@link ChinaHolidayRules#predict}
   */
  public static void applyProvisional(BusinessCalendar.Builder builder, ProvisionalYear year) {
    LocalDate yearStart = LocalDate.of(year.year(), 1, 1);
    for (ProvisionalYear.Day d : year.days()) {
      LocalDate date = d.date();
      if (date.isBefore(yearStart)) {
        if (builder.datedDays().containsKey(date) && !builder.isProvisional(date)) {
          continue; // an official declaration of the December before stands
        }
        builder.provisional(date, date);
      }
      declare(builder, date, d.kind() == BusinessCalendar.DayKind.HOLIDAY);
    }
    builder.provisional(yearStart, LocalDate.of(year.year(), 12, 31));
  }

  /**
   * Reads a day list and declares its days on a builder. The format is the built-in resource's: one
   * day per line, {@code <yyyy-MM-dd> <off|work> [anything else, e.g. notice year and name]}; blank
   * lines and lines starting with {@code #} are ignored. {@code off} declares a holiday, {@code
   * work} a make-up workday with the builder's make-up windows. Either every line is applied or
   * none is.
   *
   * @param builder the builder to declare on; its coverage must be set
   * @param in the text; the caller opens and closes it
   * @param source the input's name for error messages
   * @throws org.gridgov.TextParseException listing every bad line (line, column, value, expected
   *     form): an unparsable date or flag, a date outside the builder's coverage, a date listed
   *     twice with different flags (naming the other line)
   * @throws IllegalStateException if the builder's coverage is not set
   * @throws UncheckedIOException if reading fails
   */
  public static void applyDayList(BusinessCalendar.Builder builder, Reader in, String source) {
    LocalDate first = builder.firstDate().orElseThrow(() -> noCoverage(source));
    LocalDate last = builder.lastDate().orElseThrow(() -> noCoverage(source));
    Problems problems = new Problems(source);
    Map<LocalDate, DayListLine> days = new LinkedHashMap<>();
    Map<LocalDate, Integer> lineOf = new HashMap<>();
    TextLines.forEach(
        in,
        source,
        (lineNo, t) -> {
          DayListLine line = DayListLine.parse(lineNo, t, problems);
          if (line == null) {
            return;
          }
          LocalDate date = line.date();
          if (date.isBefore(first) || date.isAfter(last)) {
            problems.add(
                lineNo,
                1,
                "date",
                date.toString(),
                "outside the calendar's coverage %s..%s",
                first,
                last);
            return;
          }
          DayListLine other = days.putIfAbsent(date, line);
          if (other != null && other.offDay() != line.offDay()) {
            problems.add(
                lineNo,
                1,
                "date",
                date.toString(),
                "%s is listed as %s here but as %s on line %d",
                date,
                flag(line.offDay()),
                flag(other.offDay()),
                lineOf.getOrDefault(date, 0));
          }
          lineOf.putIfAbsent(date, lineNo);
        });
    problems.throwIfAny();
    days.values().forEach(d -> declare(builder, d.date(), d.offDay()));
  }

  /**
   * Returns a new calendar edition with an official notice applied: every declaration of the
   * notice's year (and every provisional declaration of the December before) is replaced by the
   * notice's days, those dates become {@linkplain DayProvenance#OFFICIAL official}, and the
   * coverage grows to the end of the notice's year if it ended earlier. Later provisional years
   * stay as they were. The notice is applied whole: it was validated when it was made ({@link
   * HolidayNotice}).
   *
   * <p>Adopt the result in a running engine ({@code CaseEngine.adoptCalendar}) to revise open
   * deadlines.
   *
   * @param base the calendar in force, e.g. {@link #calendar()}
   * @param notice the official notice
   * @param edition the new edition's name, e.g. {@code cn-2027}; not {@code base}'s
   * @return the new edition
   * @throws IllegalArgumentException if the edition name is {@code base}'s, or the notice lies
   *     before {@code base}'s coverage
   */
  public static BusinessCalendar withNotice(
      BusinessCalendar base, HolidayNotice notice, String edition) {
    checkArgument(
        !edition.equals(base.edition()), "the new edition needs a name other than %s", edition);
    LocalDate yearStart = LocalDate.of(notice.year(), 1, 1);
    LocalDate yearEnd = notice.lastAllowedDate();
    checkArgument(
        !yearEnd.isBefore(base.firstDate()),
        "the notice of %s lies before calendar %s, which starts %s",
        notice.year(),
        base.edition(),
        base.firstDate());
    BusinessCalendar.Builder b = base.toBuilder().edition(edition);
    if (base.lastDate().isBefore(yearEnd)) {
      b.coverage(base.firstDate(), yearEnd);
    }
    for (LocalDate d : base.datedDays().keySet()) {
      boolean inYear = !d.isBefore(yearStart) && !d.isAfter(yearEnd);
      boolean provisionalSpill =
          d.isBefore(yearStart)
              && !d.isBefore(notice.firstAllowedDate())
              && base.provisionalDays().contains(d);
      if (inYear || provisionalSpill) {
        b.regular(d); // the notice decides these dates now: what it does not name is a regular day
      }
      if (provisionalSpill) {
        b.official(d, d);
      }
    }
    b.official(yearStart, yearEnd);
    for (HolidayNotice.Day d : notice.days()) {
      declare(b, d.date(), d.offDay());
      if (d.date().isBefore(yearStart)) {
        b.official(d.date(), d.date());
      }
    }
    return b.build();
  }

  private static void declare(BusinessCalendar.Builder b, LocalDate date, boolean offDay) {
    if (offDay) {
      b.holiday(date);
    } else {
      b.makeUpWorkday(date);
    }
  }

  private static String flag(boolean offDay) {
    return offDay ? "off" : "work";
  }

  private static IllegalStateException noCoverage(String source) {
    return new IllegalStateException(
        "set the builder's coverage before applying day list " + source);
  }
}
