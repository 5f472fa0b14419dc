package org.gridgov.sla;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The statutory public holidays of mainland China and a prediction of a year's arrangement from the
 * published principles: the rule engine behind the provisional years of the China calendar.
 *
 * <h2>The statute</h2>
 *
 * 《全国年节及纪念日放假办法》 (National Holidays and Commemoration Days Regulation), Art. 2, the holidays for
 * all citizens, by edition ({@link Statute}):
 *
 * <ul>
 *   <li>2007 revision (国务院令第513号, 2007-12-14), in force 2008–2013: 元旦 1 day (1 January); 春节 3 days
 *       (农历除夕、正月初一、初二); 清明节 1 day (农历清明当日); 劳动节 1 day (5月1日); 端午节 1 day (农历端午当日); 中秋节 1 day
 *       (农历中秋当日); 国庆节 3 days (10月1日、2日、3日).
 *   <li>2013 revision (国务院令第644号, 2013-12-11), in force 2014–2024: 春节 3 days (农历正月初一、初二、初三); the
 *       rest unchanged.
 *   <li>2024 revision (国务院关于修改《全国年节及纪念日放假办法》的决定, 国务院令第795号, published 2024-11-12), in force from
 *       2025-01-01: 春节 4 days (农历除夕、正月初一至初三); 劳动节 2 days (5月1日、2日); the rest unchanged; and a new
 *       article: 全体公民放假的 假日，可合理安排统一放假调休，结合落实带薪年休假等制度，实际形成较长假期。除个别特殊情形外，法定节假日假期前后连续工作一般不超过6天。
 * </ul>
 *
 * <p>Lunar festivals fall on the day of the ordinary month, never the leap month (the 2007
 * revision's 农历节日如遇闰月， 以第一个月为休假日). Art. 6 (补假): 全体公民放假的假日，如果适逢周六、周日，应当在工作日补假 — a holiday for all
 * citizens that falls on a Saturday or Sunday is compensated on a working day. Lunar dates and 清明
 * come from a table computed with ICU4J ({@code org/gridgov/sla/cn-lunar-dates.txt}, 2007–2100), so
 * this class answers 2008–2100.
 *
 * <h2>The arrangement principles (from 2025)</h2>
 *
 * The State Council's notice for 2025 (国办发明电〔2024〕12号) states them: 除个别特殊情形外，春节自农历除夕起放假调休8天，
 * 国庆节自10月1日起放假调休7天，劳动节放假调休5天，元旦、清明节、端午节、中秋节分别放假调休或连休3天（如逢周三则只在当日放假）， 国庆节放假如逢中秋节则合并放假8天。 {@link
 * #predict(int)} applies them as documented there and reports what they leave open.
 *
 * <p>Thread-safe and stateless; the lunar table is read once from the classpath.
 */
public final class ChinaHolidayRules {

  /** The first year {@link #statutoryDays} answers: the 2007 revision took effect on 2008-01-01. */
  public static final int FIRST_STATUTORY_YEAR = 2008;

  /**
   * The first year {@link #predict} answers: the 2024 revision and its principles took effect on
   * 2025-01-01.
   */
  public static final int FIRST_PREDICTED_YEAR = 2025;

  /** The last year either method answers: the end of the lunar table. */
  public static final int LAST_YEAR = LunarDates.LAST_YEAR;

  /** The seven holidays for all citizens (全体公民放假的节日). */
  public enum Festival {
    /** 元旦, 1 January. */
    NEW_YEARS_DAY("元旦", "New Year's Day"),
    /** 春节, the lunar new year. */
    SPRING_FESTIVAL("春节", "Spring Festival"),
    /** 清明节, the solar term at ecliptic longitude 15 degrees. */
    QINGMING("清明节", "Qingming Festival"),
    /** 劳动节, 1 May. */
    LABOUR_DAY("劳动节", "Labour Day"),
    /** 端午节, day 5 of the fifth lunar month. */
    DRAGON_BOAT("端午节", "Dragon Boat Festival"),
    /** 中秋节, day 15 of the eighth lunar month. */
    MID_AUTUMN("中秋节", "Mid-Autumn Festival"),
    /** 国庆节, 1 October. */
    NATIONAL_DAY("国庆节", "National Day");

    private final String chineseName;
    private final String englishName;

    Festival(String chineseName, String englishName) {
      this.chineseName = chineseName;
      this.englishName = englishName;
    }

    /**
     * Returns the Chinese name, as the notices write it.
     *
     * @return e.g. {@code 春节}
     */
    public String chineseName() {
      return chineseName;
    }

    /**
     * Returns the English name.
     *
     * @return e.g. {@code Spring Festival}
     */
    public String englishName() {
      return englishName;
    }
  }

  /** An edition of 《全国年节及纪念日放假办法》 and the years it governs. */
  public enum Statute {
    /** The 2007 revision, in force 2008-01-01..2013-12-31: 春节 is 除夕, 初一 and 初二; 劳动节 1 day. */
    REVISION_2007(2008, 2013),
    /** The 2013 revision, in force 2014-01-01..2024-12-31: 春节 is 初一 to 初三. */
    REVISION_2013(2014, 2024),
    /** The 2024 revision, in force from 2025-01-01: 春节 is 除夕 and 初一 to 初三; 劳动节 1 and 2 May. */
    REVISION_2024(2025, Integer.MAX_VALUE);

    private final int firstYear;
    private final int lastYear;

    Statute(int firstYear, int lastYear) {
      this.firstYear = firstYear;
      this.lastYear = lastYear;
    }

    /**
     * Returns the first year this edition governs.
     *
     * @return e.g. 2025
     */
    public int firstYear() {
      return firstYear;
    }

    /**
     * Returns the last year this edition governs ({@link Integer#MAX_VALUE} while in force).
     *
     * @return e.g. 2024
     */
    public int lastYear() {
      return lastYear;
    }
  }

  /**
   * One statutory day off: a date the statute names, with its festival.
   *
   * @param date the date
   * @param festival the festival it belongs to
   */
  public record StatutoryDay(LocalDate date, Festival festival) {}

  private ChinaHolidayRules() {}

  /**
   * Returns the edition of the statute in force in a year.
   *
   * @param year a year from {@value #FIRST_STATUTORY_YEAR}
   * @return the edition
   * @throws IllegalArgumentException for a year before {@value #FIRST_STATUTORY_YEAR}
   */
  public static Statute statuteInForce(int year) {
    for (Statute s : Statute.values()) {
      if (year >= s.firstYear && year <= s.lastYear) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "year %d: the statute editions modelled govern %d onwards (the 1999 rules before them are not)",
            year,
            FIRST_STATUTORY_YEAR));
  }

  /**
   * Returns the days the statute in force in {@code year} names as holidays for all citizens, in
   * date order: the dates themselves, before any compensation (补假), bridge day or make-up workday
   * of the year's arrangement.
   *
   * @param year a year in {@value #FIRST_STATUTORY_YEAR}..{@value #LAST_YEAR}
   * @return 11 days under the 2007 and 2013 revisions, 13 from 2025
   * @throws IllegalArgumentException for a year outside that range (the message names the range)
   */
  public static ImmutableList<StatutoryDay> statutoryDays(int year) {
    checkYear(year, FIRST_STATUTORY_YEAR, "statutoryDays");
    Statute statute = statuteInForce(year);
    LunarDates.Year lunar = LunarDates.of(year);
    List<StatutoryDay> days = new ArrayList<>();
    days.add(new StatutoryDay(LocalDate.of(year, Month.JANUARY, 1), Festival.NEW_YEARS_DAY));
    LocalDate springFrom = statute == Statute.REVISION_2013 ? lunar.newYear() : lunar.eve();
    int springDays = statute == Statute.REVISION_2024 ? 4 : 3;
    for (int i = 0; i < springDays; i++) {
      days.add(new StatutoryDay(springFrom.plusDays(i), Festival.SPRING_FESTIVAL));
    }
    days.add(new StatutoryDay(lunar.qingming(), Festival.QINGMING));
    days.add(new StatutoryDay(LocalDate.of(year, Month.MAY, 1), Festival.LABOUR_DAY));
    if (statute == Statute.REVISION_2024) {
      days.add(new StatutoryDay(LocalDate.of(year, Month.MAY, 2), Festival.LABOUR_DAY));
    }
    days.add(new StatutoryDay(lunar.duanwu(), Festival.DRAGON_BOAT));
    days.add(new StatutoryDay(lunar.zhongqiu(), Festival.MID_AUTUMN));
    for (int d = 1; d <= 3; d++) {
      days.add(new StatutoryDay(LocalDate.of(year, Month.OCTOBER, d), Festival.NATIONAL_DAY));
    }
    days.sort(Comparator.comparing(StatutoryDay::date));
    return ImmutableList.copyOf(days);
  }

  /**
   * Predicts a year's arrangement (放假调休安排) from the statute and the arrangement principles, for use
   * until the State Council publishes the year's notice. What the principles fix is predicted, each
   * day with its {@link ProvisionalYear.Basis}; what they leave open is listed as open dates with
   * one note per question. The rules applied, in order:
   *
   * <ol>
   *   <li>Blocks. 春节: 8 days from 除夕. 国庆节: 7 days from 1 October, 8 (1–8 October) when 中秋 falls in
   *       them or on 8 October. 劳动节: 5 days holding 1 and 2 May. 元旦, 清明, 端午, 中秋: 3 days holding the
   *       day, or the day alone when it is a Wednesday. Where several windows fit, those holding
   *       the most weekend days are kept (the holiday is joined to the weekend; the fewest workdays
   *       are moved).
   *   <li>Compensation (Art. 6 补假): each statutory day on a Saturday or Sunday is compensated by
   *       the first non-statutory weekday after it, which must lie in the block (the statute does
   *       not say "after"; of the 24 single-day holidays on a weekend in the notices 2008–2026, 22
   *       were compensated on the following Monday).
   *   <li>Make-up workdays (调休上班): as many as the block's weekdays beyond the statutory days; on
   *       Saturdays or Sundays of the nearest weekend before and after the block that no other
   *       holiday block may take.
   *   <li>No run of more than 6 consecutive workdays within three weeks of the block
   *       (法定节假日假期前后连续工作一般不超过6天).
   * </ol>
   *
   * Every arrangement that satisfies all four is considered; a date with the same status in all of
   * them is predicted, a date whose status differs between them is open. 中秋 on 28–30 September is
   * an open question of its own (whether it merges into 国庆节 is not stated): only its statutory day
   * is predicted. The weekly pattern assumed is Monday–Friday work, Saturday–Sunday rest
   * (《国务院关于职工工作时间的规定》), which the notices presuppose.
   *
   * @param year a year in {@value #FIRST_PREDICTED_YEAR}..{@value #LAST_YEAR}
   * @return the provisional year; its days may include late December of {@code year - 1}
   * @throws IllegalArgumentException for a year outside that range (the message names the range)
   */
  public static ProvisionalYear predict(int year) {
    checkYear(year, FIRST_PREDICTED_YEAR, "predict");
    return ArrangementPrinciples.predict(year, statutoryDays(year), LunarDates.of(year));
  }

  private static void checkYear(int year, int first, String method) {
    if (year < first || year > LAST_YEAR) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "%s(%d): expected a year in %d..%d", method, year, first, LAST_YEAR));
    }
  }
}
