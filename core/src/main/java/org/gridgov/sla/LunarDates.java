package org.gridgov.sla;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.gridgov.internal.TextLines;

/**
 * The lunar and solar-term dates that the Chinese statutory holidays fall on, 2007..2100, read once
 * from the generated classpath resource {@code org/gridgov/sla/cn-lunar-dates.txt}. ICU4J computed
 * the table ({@code LunarDatesGenerator} in the test sources); a test recomputes every row, so the
 * table cannot drift from ICU.
 */
final class LunarDates {

  /** The first year the table covers. */
  static final int FIRST_YEAR = 2007;

  /** The last year the table covers. */
  static final int LAST_YEAR = 2100;

  /** The classpath resource, relative to this class. */
  static final String RESOURCE = "cn-lunar-dates.txt";

  /**
   * One row: the Gregorian dates of one year's lunar festivals and of 清明.
   *
   * @param year the Gregorian year
   * @param eve 除夕, the day before {@code newYear}
   * @param newYear 正月初一, the first day of the Chinese year that begins in {@code year}
   * @param qingming 清明, the day (UTC+8) the sun reaches ecliptic longitude 15 degrees
   * @param duanwu 端午, day 5 of the fifth month (never the leap month)
   * @param zhongqiu 中秋, day 15 of the eighth month (never the leap month)
   */
  record Year(
      int year,
      LocalDate eve,
      LocalDate newYear,
      LocalDate qingming,
      LocalDate duanwu,
      LocalDate zhongqiu) {

    /** Checks that the dates are where they can be. */
    Year {
      checkArgument(
          eve.plusDays(1).equals(newYear),
          "eve %s is not the day before new year %s",
          eve,
          newYear);
      checkArgument(newYear.getYear() == year, "new year %s is not in %s", newYear, year);
      checkArgument(
          qingming.getYear() == year && qingming.getMonthValue() == 4,
          "qingming %s not in April %s",
          qingming,
          year);
      checkArgument(
          duanwu.getYear() == year && zhongqiu.getYear() == year,
          "duanwu %s or zhongqiu %s not in %s",
          duanwu,
          zhongqiu,
          year);
    }

    /** The row as the file writes it: {@code year eve new-year qingming duanwu zhongqiu}. */
    String toLine() {
      return String.format(
          Locale.ROOT, "%d %s %s %s %s %s", year, eve, newYear, qingming, duanwu, zhongqiu);
    }
  }

  private static final Splitter WHITESPACE = Splitter.onPattern("\\s+");

  private static final class Holder {
    static final ImmutableList<Year> YEARS = load();
  }

  private LunarDates() {}

  /**
   * Returns one year's dates.
   *
   * @param year a Gregorian year in {@value #FIRST_YEAR}..{@value #LAST_YEAR}
   * @return its row
   * @throws IllegalArgumentException if the year lies outside the table
   */
  static Year of(int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "no lunar dates for year %d: %s covers %d..%d",
              year,
              RESOURCE,
              FIRST_YEAR,
              LAST_YEAR));
    }
    return Holder.YEARS.get(year - FIRST_YEAR);
  }

  private static ImmutableList<Year> load() {
    try (InputStream in =
        Objects.requireNonNull(
            LunarDates.class.getResourceAsStream(RESOURCE),
            "missing resource org/gridgov/sla/" + RESOURCE)) {
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read org/gridgov/sla/" + RESOURCE, e);
    }
  }

  /** Parses the table; every year FIRST_YEAR..LAST_YEAR exactly once, in order. */
  static ImmutableList<Year> parse(Reader in) {
    List<Year> years = new ArrayList<>();
    TextLines.forEach(
        in,
        RESOURCE,
        (lineNo, t) -> {
          List<String> f = WHITESPACE.splitToList(t);
          int expected = FIRST_YEAR + years.size();
          if (f.size() != 6 || !f.get(0).equals(Integer.toString(expected))) {
            throw new IllegalStateException(
                String.format(
                    Locale.ROOT,
                    "line %d of %s: expected \"%d\" and five dates yyyy-MM-dd, got \"%s\"",
                    lineNo,
                    RESOURCE,
                    expected,
                    t));
          }
          years.add(
              new Year(
                  expected,
                  LocalDate.parse(f.get(1)),
                  LocalDate.parse(f.get(2)),
                  LocalDate.parse(f.get(3)),
                  LocalDate.parse(f.get(4)),
                  LocalDate.parse(f.get(5))));
        });
    if (years.size() != LAST_YEAR - FIRST_YEAR + 1) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "%s ends after year %d; expected rows up to %d",
              RESOURCE,
              FIRST_YEAR + years.size() - 1,
              LAST_YEAR));
    }
    return ImmutableList.copyOf(years);
  }
}
