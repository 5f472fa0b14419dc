package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.Range;
import java.time.LocalDate;
import java.util.List;
import org.gridgov.sla.BusinessCalendar.DayKind;
import org.gridgov.sla.ChinaHolidayRules.Festival;
import org.gridgov.sla.ProvisionalYear.Basis;
import org.junit.jupiter.api.Test;

/**
 * The edges of {@link ChinaCalendar}'s editions, stated from its Javadoc: the horizon of
 * provisional years at 0, 1 and its bounds; a predicted year applied on a builder (the December
 * before: an official declaration there stands, a provisional one is replaced; the year itself
 * marked provisional); and a notice that reaches past the base calendar's coverage.
 */
class ChinaCalendarEdgesTest {
  private static final int LAST = ChinaCalendar.LAST_OFFICIAL_YEAR;

  @Test
  void horizonZero_isTheOfficialEditionWithNoProvisionalDay() {
    BusinessCalendar c = ChinaCalendar.calendar(0);

    assertThat(c.edition()).isEqualTo("cn-2007-" + LAST);
    assertThat(c.lastDate()).isEqualTo(LocalDate.of(LAST, 12, 31));
    assertThat(c.provisionalDays().isEmpty()).isTrue();
  }

  @Test
  void horizonOne_addsOneProvisionalYearAndNamesItsLastYear() {
    BusinessCalendar c = ChinaCalendar.calendar(1);
    int next = LAST + 1;

    assertThat(c.edition()).isEqualTo("cn-2007-" + LAST + "+p" + next);
    assertThat(c.lastDate()).isEqualTo(LocalDate.of(next, 12, 31));
    assertThat(
            c.provisionalDays()
                .encloses(Range.closed(LocalDate.of(next, 1, 1), LocalDate.of(next, 12, 31))))
        .isTrue();
    assertThat(c.provenance(LocalDate.of(LAST, 6, 15))).isEqualTo(DayProvenance.OFFICIAL);
    // 1 October is a statutory holiday whatever weekday it falls on
    assertThat(c.dayKind(LocalDate.of(next, 10, 1))).isEqualTo(DayKind.HOLIDAY);
  }

  @Test
  void horizon_boundsAreZeroAndTheLastYearTheLunarTableReaches() {
    int widest = ChinaHolidayRules.LAST_YEAR - LAST;

    assertThat(ChinaCalendar.builder(widest).build().lastDate())
        .isEqualTo(LocalDate.of(ChinaHolidayRules.LAST_YEAR, 12, 31));
    assertThatThrownBy(() -> ChinaCalendar.builder(widest + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0.." + widest);
    assertThatThrownBy(() -> ChinaCalendar.builder(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  @Test
  void theSharedCalendarIsTheDefaultHorizon() {
    BusinessCalendar c = ChinaCalendar.calendar();

    assertThat(c).isSameAs(ChinaCalendar.calendar());
    assertThat(ChinaCalendar.builder().build().edition()).isEqualTo(c.edition());
    assertThat(c.lastDate())
        .isEqualTo(LocalDate.of(LAST + ChinaCalendar.DEFAULT_HORIZON_YEARS, 12, 31));
  }

  @Test
  void applyProvisional_decemberBefore_officialStandsProvisionalIsReplacedOpenIsDeclared() {
    int year = LAST + 1;
    LocalDate official = LocalDate.of(LAST, 12, 26); // a Saturday
    LocalDate provisional = LocalDate.of(LAST, 12, 28); // a Monday
    LocalDate open = LocalDate.of(LAST, 12, 31); // a Thursday, declared by nobody yet
    BusinessCalendar.Builder b =
        ChinaCalendar.builder(0).coverage(LocalDate.of(2007, 1, 1), LocalDate.of(year, 12, 31));
    b.makeUpWorkday(official);
    b.holiday(provisional).provisional(provisional, provisional);

    ChinaCalendar.applyProvisional(
        b,
        ProvisionalYear.of(
            year,
            List.of(
                day(official, DayKind.HOLIDAY),
                day(provisional, DayKind.MAKE_UP_WORKDAY),
                day(open, DayKind.HOLIDAY),
                day(LocalDate.of(year, 1, 1), DayKind.HOLIDAY)),
            List.of()));
    BusinessCalendar c = b.build();

    assertThat(c.dayKind(official)).isEqualTo(DayKind.MAKE_UP_WORKDAY);
    assertThat(c.provenance(official)).isEqualTo(DayProvenance.OFFICIAL);
    assertThat(c.dayKind(provisional)).isEqualTo(DayKind.MAKE_UP_WORKDAY);
    assertThat(c.provenance(provisional)).isEqualTo(DayProvenance.PROVISIONAL);
    assertThat(c.dayKind(open)).isEqualTo(DayKind.HOLIDAY);
    assertThat(c.provenance(open)).isEqualTo(DayProvenance.PROVISIONAL);
    assertThat(c.provenance(LocalDate.of(LAST, 12, 30))).isEqualTo(DayProvenance.OFFICIAL);
    assertThat(c.dayKind(LocalDate.of(year, 1, 1))).isEqualTo(DayKind.HOLIDAY);
    assertThat(c.provenance(LocalDate.of(year, 6, 15))).isEqualTo(DayProvenance.PROVISIONAL);
  }

  @Test
  void applyProvisional_insideTheYear_thePredictionDeclaresOverTheBuilder() {
    int year = LAST + 1;
    LocalDate date = LocalDate.of(year, 3, 6); // a Saturday
    BusinessCalendar.Builder b =
        ChinaCalendar.builder(0).coverage(LocalDate.of(2007, 1, 1), LocalDate.of(year, 12, 31));
    b.holiday(date);

    ChinaCalendar.applyProvisional(
        b, ProvisionalYear.of(year, List.of(day(date, DayKind.MAKE_UP_WORKDAY)), List.of()));

    assertThat(b.build().dayKind(date)).isEqualTo(DayKind.MAKE_UP_WORKDAY);
  }

  @Test
  void withNotice_pastTheBaseCoverage_extendsItAndDeclaresOffAndWorkDays() {
    int year = LAST + 1;
    LocalDate off = LocalDate.of(year, 1, 1);
    LocalDate work = LocalDate.of(year, 2, 20); // a Saturday
    HolidayNotice notice =
        HolidayNotice.of(
            year,
            List.of(
                new HolidayNotice.Day(off, true, "元旦"), new HolidayNotice.Day(work, false, "春节")));

    BusinessCalendar c = ChinaCalendar.withNotice(ChinaCalendar.calendar(0), notice, "cn-test");

    assertThat(c.edition()).isEqualTo("cn-test");
    assertThat(c.lastDate()).isEqualTo(LocalDate.of(year, 12, 31));
    assertThat(c.dayKind(off)).isEqualTo(DayKind.HOLIDAY);
    assertThat(c.dayKind(work)).isEqualTo(DayKind.MAKE_UP_WORKDAY);
    assertThat(c.provenance(LocalDate.of(year, 7, 1))).isEqualTo(DayProvenance.OFFICIAL);
    assertThat(c.isWorkingDay(LocalDate.of(year, 7, 1))).isTrue(); // a Thursday the notice leaves
  }

  @Test
  void withNotice_aDayOfTheDecemberBeforeItNames_becomesOfficial() {
    int year = LAST + 1;
    LocalDate named = LocalDate.of(LAST, 12, 29); // a Tuesday in a provisional range, undeclared
    BusinessCalendar base =
        ChinaCalendar.builder(0)
            .edition("cn-base")
            .coverage(LocalDate.of(2007, 1, 1), LocalDate.of(year, 12, 31))
            .provisional(LocalDate.of(LAST, 12, 28), LocalDate.of(year, 12, 31))
            .build();
    assertThat(base.provenance(named)).isEqualTo(DayProvenance.PROVISIONAL);

    BusinessCalendar c =
        ChinaCalendar.withNotice(
            base,
            HolidayNotice.of(year, List.of(new HolidayNotice.Day(named, true, "元旦"))),
            "cn-test");

    assertThat(c.dayKind(named)).isEqualTo(DayKind.HOLIDAY);
    assertThat(c.provenance(named)).isEqualTo(DayProvenance.OFFICIAL);
  }

  @Test
  void withNotice_beforeTheBaseCoverage_refusedNamingBoth() {
    HolidayNotice old =
        HolidayNotice.of(
            2005, List.of(new HolidayNotice.Day(LocalDate.of(2005, 10, 3), true, "国庆")));

    assertThatThrownBy(() -> ChinaCalendar.withNotice(ChinaCalendar.calendar(0), old, "cn-old"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2005")
        .hasMessageContaining("2007-01-01");
  }

  private static ProvisionalYear.Day day(LocalDate date, DayKind kind) {
    return new ProvisionalYear.Day(date, kind, Basis.PRINCIPLE, Festival.NEW_YEARS_DAY);
  }
}
