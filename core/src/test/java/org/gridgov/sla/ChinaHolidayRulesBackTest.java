package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSortedMap;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.gridgov.sla.BusinessCalendar.DayKind;
import org.gridgov.sla.ChinaHolidayRules.StatutoryDay;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules against history, the State Council notices in holiday-cn being the oracle. The figures
 * asserted here are the table in docs/sla.md, "Provisional years: the statutory rules and their
 * back-test".
 */
class ChinaHolidayRulesBackTest {

  /**
   * Per year: statutory days under the edition in force, and how many of them the notice has off.
   */
  static IntStream statutoryYears() {
    return IntStream.rangeClosed(2008, 2026);
  }

  @ParameterizedTest
  @MethodSource("statutoryYears")
  void everyStatutoryDayIsOffInThatYearsNotice(int year) {
    ImmutableSortedMap<LocalDate, HolidayNotices.Listed> notice = HolidayNotices.notice(year);
    int right = 0;
    for (StatutoryDay s : ChinaHolidayRules.statutoryDays(year)) {
      assertThat(HolidayNotices.isOff(notice, s.date()))
          .as("%s %s in the %d notice", s.date(), s.festival(), year)
          .isTrue();
      HolidayNotices.Listed listed = notice.get(s.date());
      if (listed != null) {
        assertThat(listed.name())
            .as("%s", s.date())
            .contains(s.festival().chineseName().replace("节", ""));
      }
      right++;
    }
    int expected = year >= 2025 ? 13 : 11;
    assertThat(right).isEqualTo(expected);
    System.out.printf(Locale.ROOT, "statutory %d: %d right, 0 wrong%n", year, right);
  }

  /**
   * The comparison of a prediction with the notice of its year. A notice's status of a date is its
   * listed flag, or the weekly pattern (Saturday and Sunday off) for an unlisted date.
   *
   * @param right predicted dates whose off/work status equals the notice's
   * @param wrong predicted dates whose status differs from the notice's
   * @param open dates left open
   * @param openPatternRight open dates where the weekly pattern (the provisional calendar's
   *     fallback) equals the notice
   * @param missed dates the notice lists with a status other than the weekly pattern, neither
   *     predicted nor open
   * @param implicit dates the notice lists with the weekly pattern's status, neither predicted nor
   *     open (a weekend day off next to a holiday: the provisional calendar has them right without
   *     predicting them)
   * @param listed the dates the notice lists
   */
  record Comparison(
      int right, int wrong, int open, int openPatternRight, int missed, int implicit, int listed) {}

  static Comparison compare(
      ProvisionalYear p, ImmutableSortedMap<LocalDate, HolidayNotices.Listed> notice) {
    int right = 0;
    int wrong = 0;
    for (ProvisionalYear.Day d : p.days()) {
      boolean off = d.kind() == DayKind.HOLIDAY;
      if (off == HolidayNotices.isOff(notice, d.date())) {
        right++;
      } else {
        wrong++;
      }
    }
    int patternRight = 0;
    for (LocalDate d : p.openDates()) {
      if (ArrangementPrinciples.isWeekend(d) == HolidayNotices.isOff(notice, d)) {
        patternRight++;
      }
    }
    int missed = 0;
    int implicit = 0;
    for (LocalDate d : new TreeSet<>(notice.keySet())) {
      Optional<ProvisionalYear.Day> predicted = p.dayOn(d);
      boolean differsFromPattern =
          HolidayNotices.isOff(notice, d) != ArrangementPrinciples.isWeekend(d);
      if (predicted.isEmpty() && !p.openDates().contains(d)) {
        if (differsFromPattern) {
          missed++;
        } else {
          implicit++;
        }
      }
    }
    return new Comparison(
        right, wrong, p.openDates().size(), patternRight, missed, implicit, notice.size());
  }

  static Stream<Arguments> arrangedYears() {
    return Stream.of(
        // 2025: 27 predicted, all right; 14 open (4 Spring Festival, 6 Labour Day, 4 National Day),
        // of which the notice
        // set 8 as the weekly pattern does and 6 otherwise (make-up Sun 01-26, Sat 02-08, Sun
        // 04-27, Sun 09-28,
        // Sat 10-11; bridge Mon 05-05); nothing missed. The notice lists 33 days: 27 predicted + 6
        // open.
        Arguments.of(2025, new Comparison(27, 0, 14, 8, 0, 0, 33)),
        // 2026: 31 right, 0 wrong; 17 open (3 New Year, 4 Spring Festival, 6 Labour Day, 4 National
        // Day), 10 as the
        // weekly pattern, 7 not (make-up Sun 01-04, Sat 02-14, Sat 02-28, Sat 05-09, Sun 09-20, Sat
        // 10-10; bridge
        // Tue 05-05); nothing missed. The notice lists 39 days: 31 predicted + 8 open.
        Arguments.of(2026, new Comparison(31, 0, 17, 10, 0, 0, 39)));
  }

  @ParameterizedTest
  @MethodSource("arrangedYears")
  void predictionAgainstTheWholeNotice(int year, Comparison expected) {
    ProvisionalYear p = ChinaHolidayRules.predict(year);
    Comparison actual = compare(p, HolidayNotices.notice(year));
    System.out.printf(Locale.ROOT, "arrangement %d: %s%n", year, actual);
    p.openQuestions().forEach(q -> System.out.println("  " + q.note()));
    assertThat(actual).isEqualTo(expected);
  }
}
