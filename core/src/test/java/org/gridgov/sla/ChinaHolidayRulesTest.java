package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.gridgov.sla.BusinessCalendar.DayKind;
import org.gridgov.sla.ChinaHolidayRules.Festival;
import org.gridgov.sla.ChinaHolidayRules.Statute;
import org.gridgov.sla.ChinaHolidayRules.StatutoryDay;
import org.gridgov.sla.ProvisionalYear.Basis;
import org.gridgov.sla.ProvisionalYear.Day;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The statute by edition and the arrangement principles on future years. Each expected arrangement
 * below is worked out by hand from the principles in the comment (weekdays from the Gregorian
 * calendar, lunar dates from the table).
 */
class ChinaHolidayRulesTest {

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  private static List<LocalDate> dates(List<StatutoryDay> days, Festival f) {
    return days.stream()
        .filter(s -> s.festival() == f)
        .map(StatutoryDay::date)
        .collect(Collectors.toList());
  }

  static Stream<Arguments> springFestivalByEdition() {
    return Stream.of(
        // 2013 (2007 revision): 除夕 02-09, 初一 02-10, 初二 02-11
        Arguments.of(
            2013,
            Statute.REVISION_2007,
            List.of(d("2013-02-09"), d("2013-02-10"), d("2013-02-11"))),
        // 2014 (2013 revision): 初一 01-31 to 初三 02-02, not 除夕
        Arguments.of(
            2014,
            Statute.REVISION_2013,
            List.of(d("2014-01-31"), d("2014-02-01"), d("2014-02-02"))),
        Arguments.of(
            2024,
            Statute.REVISION_2013,
            List.of(d("2024-02-10"), d("2024-02-11"), d("2024-02-12"))),
        // 2025 (2024 revision): 除夕 01-28 and 初一 to 初三
        Arguments.of(
            2025,
            Statute.REVISION_2024,
            List.of(d("2025-01-28"), d("2025-01-29"), d("2025-01-30"), d("2025-01-31"))));
  }

  @ParameterizedTest
  @MethodSource("springFestivalByEdition")
  void springFestivalFollowsTheEditionInForce(int year, Statute statute, List<LocalDate> expected) {
    assertThat(ChinaHolidayRules.statuteInForce(year)).isEqualTo(statute);
    assertThat(dates(ChinaHolidayRules.statutoryDays(year), Festival.SPRING_FESTIVAL))
        .isEqualTo(expected);
  }

  @Test
  void labourDayIsTwoDaysFrom2025AndTheTotalIs13() {
    assertThat(dates(ChinaHolidayRules.statutoryDays(2024), Festival.LABOUR_DAY))
        .containsExactly(d("2024-05-01"));
    assertThat(dates(ChinaHolidayRules.statutoryDays(2025), Festival.LABOUR_DAY))
        .containsExactly(d("2025-05-01"), d("2025-05-02"));
    assertThat(ChinaHolidayRules.statutoryDays(2008)).hasSize(11);
    assertThat(ChinaHolidayRules.statutoryDays(2024)).hasSize(11);
    assertThat(ChinaHolidayRules.statutoryDays(2100)).hasSize(13);
  }

  @Test
  void statutoryDaysOf2026InDateOrderWithTheirFestivals() {
    assertThat(ChinaHolidayRules.statutoryDays(2026))
        .containsExactly(
            new StatutoryDay(d("2026-01-01"), Festival.NEW_YEARS_DAY),
            new StatutoryDay(d("2026-02-16"), Festival.SPRING_FESTIVAL),
            new StatutoryDay(d("2026-02-17"), Festival.SPRING_FESTIVAL),
            new StatutoryDay(d("2026-02-18"), Festival.SPRING_FESTIVAL),
            new StatutoryDay(d("2026-02-19"), Festival.SPRING_FESTIVAL),
            new StatutoryDay(d("2026-04-05"), Festival.QINGMING),
            new StatutoryDay(d("2026-05-01"), Festival.LABOUR_DAY),
            new StatutoryDay(d("2026-05-02"), Festival.LABOUR_DAY),
            new StatutoryDay(d("2026-06-19"), Festival.DRAGON_BOAT),
            new StatutoryDay(d("2026-09-25"), Festival.MID_AUTUMN),
            new StatutoryDay(d("2026-10-01"), Festival.NATIONAL_DAY),
            new StatutoryDay(d("2026-10-02"), Festival.NATIONAL_DAY),
            new StatutoryDay(d("2026-10-03"), Festival.NATIONAL_DAY));
  }

  @Test
  void statutoryDaysAreInDateOrderEvenWhenMidAutumnFollowsNationalDay() {
    // 2025: 中秋 is Mon 10-06, after 国庆's 10-01..10-03.
    assertThat(ChinaHolidayRules.statutoryDays(2025).subList(9, 13))
        .containsExactly(
            new StatutoryDay(d("2025-10-01"), Festival.NATIONAL_DAY),
            new StatutoryDay(d("2025-10-02"), Festival.NATIONAL_DAY),
            new StatutoryDay(d("2025-10-03"), Festival.NATIONAL_DAY),
            new StatutoryDay(d("2025-10-06"), Festival.MID_AUTUMN));
  }

  @Test
  void editionBoundaries() {
    assertThat(ChinaHolidayRules.statuteInForce(2008)).isEqualTo(Statute.REVISION_2007);
    assertThat(ChinaHolidayRules.statuteInForce(2013)).isEqualTo(Statute.REVISION_2007);
    assertThat(ChinaHolidayRules.statuteInForce(2014)).isEqualTo(Statute.REVISION_2013);
    assertThat(ChinaHolidayRules.statuteInForce(2024)).isEqualTo(Statute.REVISION_2013);
    assertThat(ChinaHolidayRules.statuteInForce(2025)).isEqualTo(Statute.REVISION_2024);
    assertThat(Statute.REVISION_2013.firstYear()).isEqualTo(2014);
    assertThat(Statute.REVISION_2013.lastYear()).isEqualTo(2024);
    assertThatThrownBy(() -> ChinaHolidayRules.statuteInForce(2007))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("year 2007")
        .hasMessageContaining("2008 onwards");
  }

  @Test
  void yearsOutsideTheRangesAreRefusedNamingTheRange() {
    assertThatThrownBy(() -> ChinaHolidayRules.statutoryDays(2007))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("statutoryDays(2007): expected a year in 2008..2100");
    assertThatThrownBy(() -> ChinaHolidayRules.predict(2024))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("predict(2024): expected a year in 2025..2100");
    assertThatThrownBy(() -> ChinaHolidayRules.predict(2101))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("predict(2101): expected a year in 2025..2100");
  }

  @Test
  void festivalNames() {
    assertThat(Festival.SPRING_FESTIVAL.chineseName()).isEqualTo("春节");
    assertThat(Festival.MID_AUTUMN.englishName()).isEqualTo("Mid-Autumn Festival");
    assertThat(Festival.values()).extracting(Festival::chineseName).doesNotHaveDuplicates();
  }

  private static List<Day> festivalDays(ProvisionalYear p, Festival f) {
    return p.days().stream().filter(x -> x.festival() == f).collect(Collectors.toList());
  }

  @Test
  void wednesdayHolidayStandsAlone() {
    // 2027 端午 is Wed 06-09: 如逢周三则只在当日放假. Nothing else predicted or open for it.
    ProvisionalYear p = ChinaHolidayRules.predict(2027);
    assertThat(festivalDays(p, Festival.DRAGON_BOAT))
        .containsExactly(
            new Day(d("2027-06-09"), DayKind.HOLIDAY, Basis.STATUTE, Festival.DRAGON_BOAT));
    assertThat(p.openQuestions()).noneMatch(q -> q.festival() == Festival.DRAGON_BOAT);
  }

  @Test
  void saturdayHolidayIsCompensatedOnTheFollowingMonday() {
    // 2028 元旦 is a Saturday: 补假 on the first weekday after it, Mon 01-03; block Sat-Mon, no make-up
    // day.
    ProvisionalYear p = ChinaHolidayRules.predict(2028);
    assertThat(festivalDays(p, Festival.NEW_YEARS_DAY))
        .containsExactly(
            new Day(d("2028-01-01"), DayKind.HOLIDAY, Basis.STATUTE, Festival.NEW_YEARS_DAY),
            new Day(d("2028-01-02"), DayKind.HOLIDAY, Basis.WEEKEND, Festival.NEW_YEARS_DAY),
            new Day(d("2028-01-03"), DayKind.HOLIDAY, Basis.COMPENSATION, Festival.NEW_YEARS_DAY));
    assertThat(p.openQuestions()).noneMatch(q -> q.festival() == Festival.NEW_YEARS_DAY);
  }

  @Test
  void tuesdayHolidayIsBridgedButItsMakeUpDayIsOpen() {
    // 2028 清明 is Tue 04-04: 3 days with the most weekend days = Sun 04-02..Tue, Mon 04-03 bridged,
    // 1 make-up day.
    // Sat 04-01 (Mon-Sat before = 6 workdays), Sat 04-08 or Sun 04-09 (Sun-Fri = 6) all keep runs
    // <= 6: open.
    ProvisionalYear p = ChinaHolidayRules.predict(2028);
    assertThat(p.dayOn(d("2028-04-03")))
        .contains(new Day(d("2028-04-03"), DayKind.HOLIDAY, Basis.PRINCIPLE, Festival.QINGMING));
    assertThat(p.openQuestions())
        .filteredOn(q -> q.festival() == Festival.QINGMING)
        .singleElement()
        .satisfies(
            q ->
                assertThat(q.dates())
                    .containsExactly(d("2028-04-01"), d("2028-04-08"), d("2028-04-09")));
  }

  @Test
  void makeUpWorkdayForcedByTheSixDayLimit() {
    // 2028 国庆: Sun 10-01..Sat 10-07; Sun 10-01 compensated Wed 10-04; Thu 10-05 and Fri 10-06
    // bridged, so 2
    // make-up days among Sat 09-30, Sat 10-14, Sun 10-15. Both after would make Mon 10-09..Fri
    // 10-20 ten workdays,
    // so Sat 09-30 is worked in every arrangement; the second is 10-14 or 10-15.
    ProvisionalYear p = ChinaHolidayRules.predict(2028);
    assertThat(p.dayOn(d("2028-09-30")))
        .contains(
            new Day(
                d("2028-09-30"), DayKind.MAKE_UP_WORKDAY, Basis.PRINCIPLE, Festival.NATIONAL_DAY));
    assertThat(p.dayOn(d("2028-10-04")).map(Day::basis)).contains(Basis.COMPENSATION);
    assertThat(p.dayOn(d("2028-10-05")).map(Day::basis)).contains(Basis.PRINCIPLE);
    assertThat(p.openDates())
        .contains(d("2028-10-14"), d("2028-10-15"))
        .doesNotContain(d("2028-09-30"));
  }

  @Test
  void midAutumnInsideNationalDayMergesIntoEightDays() {
    // 2025: 中秋 Mon 10-06 lies in 10-01..10-07, so 国庆 is 10-01..10-08, 8 days.
    ProvisionalYear p = ChinaHolidayRules.predict(2025);
    assertThat(p.dayOn(d("2025-10-06")))
        .contains(new Day(d("2025-10-06"), DayKind.HOLIDAY, Basis.STATUTE, Festival.MID_AUTUMN));
    assertThat(p.dayOn(d("2025-10-08")))
        .contains(
            new Day(d("2025-10-08"), DayKind.HOLIDAY, Basis.PRINCIPLE, Festival.NATIONAL_DAY));
    assertThat(p.dayOn(d("2025-10-09"))).isEmpty();
  }

  @Test
  void midAutumnJustBeforeNationalDayIsAnOpenQuestion() {
    // 2050: 中秋 Fri 09-30, the day before 国庆; the principles do not say whether it merges.
    ProvisionalYear p = ChinaHolidayRules.predict(2050);
    assertThat(festivalDays(p, Festival.MID_AUTUMN))
        .containsExactly(
            new Day(d("2050-09-30"), DayKind.HOLIDAY, Basis.STATUTE, Festival.MID_AUTUMN));
    assertThat(p.openQuestions())
        .filteredOn(q -> q.festival() == Festival.MID_AUTUMN)
        .singleElement()
        .satisfies(
            q -> assertThat(q.note()).contains("2050-09-30 (Fri), 1 day(s) before National Day"));
  }

  @Test
  void newYearsDayOnMondaySpillsIntoTheYearBefore() {
    // 2029 元旦 is a Monday: Sat 2028-12-30..Mon, predicted as part of provisional year 2029.
    ProvisionalYear p = ChinaHolidayRules.predict(2029);
    assertThat(festivalDays(p, Festival.NEW_YEARS_DAY))
        .extracting(Day::date)
        .containsExactly(d("2028-12-30"), d("2028-12-31"), d("2029-01-01"));
  }

  static IntStream predictedYears() {
    return IntStream.rangeClosed(
        ChinaHolidayRules.FIRST_PREDICTED_YEAR, ChinaHolidayRules.LAST_YEAR);
  }

  @ParameterizedTest
  @MethodSource("predictedYears")
  void everyPredictionKeepsThePrinciples(int year) {
    ProvisionalYear p = ChinaHolidayRules.predict(year);
    assertThat(p.year()).isEqualTo(year);
    for (StatutoryDay s : ChinaHolidayRules.statutoryDays(year)) {
      assertThat(p.dayOn(s.date()).map(Day::basis)).as("%s", s).contains(Basis.STATUTE);
    }
    for (Day day : p.days()) {
      boolean weekend =
          day.date().getDayOfWeek() == DayOfWeek.SATURDAY
              || day.date().getDayOfWeek() == DayOfWeek.SUNDAY;
      switch (day.basis()) {
        case WEEKEND -> assertThat(weekend).as("%s", day).isTrue();
        case COMPENSATION -> assertThat(weekend).as("%s", day).isFalse();
        case PRINCIPLE ->
            assertThat(weekend).as("%s", day).isEqualTo(day.kind() == DayKind.MAKE_UP_WORKDAY);
        case STATUTE -> assertThat(day.kind()).isEqualTo(DayKind.HOLIDAY);
      }
    }
    // Bridges and make-up days balance: weekdays off beyond the statute and 补假 equal the make-up
    // days, except
    // where a make-up day is still open.
    long bridges =
        p.days().stream()
            .filter(x -> x.basis() == Basis.PRINCIPLE && x.kind() == DayKind.HOLIDAY)
            .count();
    long makeUps = p.days().stream().filter(x -> x.kind() == DayKind.MAKE_UP_WORKDAY).count();
    assertThat(makeUps)
        .as("make-up days of %d", year)
        .isLessThanOrEqualTo(bridges + p.openDates().size());
    assertThat(p.openQuestions())
        .allSatisfy(q -> assertThat(q.note()).contains(q.dates().first().toString()));
  }
}
