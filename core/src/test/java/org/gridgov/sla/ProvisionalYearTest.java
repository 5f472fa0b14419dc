package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import java.time.LocalDate;
import java.util.List;
import org.gridgov.sla.BusinessCalendar.DayKind;
import org.gridgov.sla.ChinaHolidayRules.Festival;
import org.gridgov.sla.ProvisionalYear.Basis;
import org.gridgov.sla.ProvisionalYear.Day;
import org.gridgov.sla.ProvisionalYear.OpenQuestion;
import org.junit.jupiter.api.Test;

class ProvisionalYearTest {

  private static final Day JAN1 =
      new Day(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY, Basis.STATUTE, Festival.NEW_YEARS_DAY);
  private static final Day DEC31 =
      new Day(LocalDate.of(2026, 12, 31), DayKind.HOLIDAY, Basis.PRINCIPLE, Festival.NEW_YEARS_DAY);
  private static final OpenQuestion Q =
      new OpenQuestion(
          Festival.NEW_YEARS_DAY,
          ImmutableSortedSet.of(LocalDate.of(2027, 1, 9)),
          "which Saturday");

  @Test
  void daysAreSortedAndDecemberOfTheYearBeforeIsAllowed() {
    ProvisionalYear p = ProvisionalYear.of(2027, List.of(JAN1, DEC31), List.of(Q));
    assertThat(p.days()).containsExactly(DEC31, JAN1);
    assertThat(p.openDates()).containsExactly(LocalDate.of(2027, 1, 9));
    assertThat(p.dayOn(LocalDate.of(2026, 12, 31))).contains(DEC31);
    assertThat(p.dayOn(LocalDate.of(2027, 1, 9))).isEmpty();
  }

  @Test
  void equality() {
    new EqualsTester()
        .addEqualityGroup(
            ProvisionalYear.of(2027, List.of(JAN1, DEC31), List.of(Q)),
            ProvisionalYear.of(2027, List.of(DEC31, JAN1), List.of(Q)))
        .addEqualityGroup(ProvisionalYear.of(2027, List.of(JAN1), List.of(Q)))
        .addEqualityGroup(ProvisionalYear.of(2027, List.of(JAN1), List.of()))
        .addEqualityGroup(ProvisionalYear.of(2028, List.of(), List.of()))
        .testEquals();
  }

  @Test
  void nullsAreRefused() {
    new NullPointerTester().testAllPublicStaticMethods(ProvisionalYear.class);
  }

  @Test
  void aDateOutsideTheYearAndItsDecemberSpillIsRefused() {
    Day nov =
        new Day(
            LocalDate.of(2026, 11, 30), DayKind.HOLIDAY, Basis.PRINCIPLE, Festival.NEW_YEARS_DAY);
    assertThatThrownBy(() -> ProvisionalYear.of(2027, List.of(nov), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "2026-11-30 lies outside 2026-12-01..2027-12-31, the dates a notice for 2027 can set");
    assertThatThrownBy(() -> ProvisionalYear.of(2026, List.of(JAN1), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2027-01-01 lies outside 2025-12-01..2026-12-31");
  }

  @Test
  void aDatePredictedTwiceOrBothPredictedAndOpenIsRefused() {
    assertThatThrownBy(() -> ProvisionalYear.of(2027, List.of(JAN1, JAN1), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("2027-01-01 is predicted twice in 2027");
    OpenQuestion onJan1 =
        new OpenQuestion(Festival.NEW_YEARS_DAY, ImmutableSortedSet.of(JAN1.date()), "x");
    assertThatThrownBy(() -> ProvisionalYear.of(2027, List.of(JAN1), List.of(onJan1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2027-01-01 is both predicted");
  }

  @Test
  void dayAndQuestionValidation() {
    assertThatThrownBy(
            () ->
                new Day(
                    LocalDate.of(2027, 1, 2),
                    DayKind.REGULAR,
                    Basis.WEEKEND,
                    Festival.NEW_YEARS_DAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a predicted day is a HOLIDAY or a MAKE_UP_WORKDAY, but 2027-01-02 is REGULAR");
    assertThatThrownBy(
            () ->
                new Day(
                    LocalDate.of(2027, 1, 2),
                    DayKind.MAKE_UP_WORKDAY,
                    Basis.STATUTE,
                    Festival.NEW_YEARS_DAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a make-up workday's basis is PRINCIPLE, but 2027-01-02 has STATUTE");
    assertThatThrownBy(() -> new OpenQuestion(Festival.QINGMING, ImmutableSortedSet.of(), "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("QINGMING needs at least one date");
    assertThatThrownBy(
            () ->
                new OpenQuestion(
                    Festival.QINGMING, ImmutableSortedSet.of(LocalDate.of(2027, 4, 3)), " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a note");
    assertThat(ProvisionalYear.of(2027, ImmutableList.of(), ImmutableList.of()).openQuestions())
        .isEmpty();
  }
}
