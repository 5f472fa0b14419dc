package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A calendar's coverage at its edges (its first local midnight is covered, the nanosecond before
 * and the midnight after its last date are not, whatever the instant), what its builder refuses and
 * reports, and working days with and without windows.
 */
class BusinessCalendarCoverageEdgesTest {
  private static final LocalDate FIRST = LocalDate.of(2025, 3, 3); // a Monday
  private static final LocalDate LAST = LocalDate.of(2025, 3, 9); // the Sunday after
  // Asia/Shanghai is UTC+8 without daylight saving: local midnight is 16:00 UTC the day before
  private static final Instant FIRST_MIDNIGHT = Instant.parse("2025-03-02T16:00:00Z");
  private static final Instant END_MIDNIGHT = Instant.parse("2025-03-09T16:00:00Z");

  private static BusinessCalendar.Builder week() {
    return BusinessCalendar.builder()
        .edition("test-week")
        .coverage(FIRST, LAST)
        .weekly(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            List.of(WorkingWindow.of(LocalTime.of(9, 0), LocalTime.of(17, 0))))
        .weekly(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), List.of());
  }

  @Test
  void coverage_fromTheFirstMidnightUpToButNotIncludingTheMidnightAfterTheLastDate() {
    BusinessCalendar c = week().build();

    assertThat(c.covers(FIRST_MIDNIGHT)).isTrue();
    assertThat(c.covers(FIRST_MIDNIGHT.minusNanos(1))).isFalse();
    assertThat(c.covers(FIRST_MIDNIGHT.minusSeconds(1))).isFalse();
    assertThat(c.covers(END_MIDNIGHT.minusNanos(1))).isTrue();
    assertThat(c.covers(END_MIDNIGHT)).isFalse();
    assertThat(c.covers(END_MIDNIGHT.plusSeconds(1))).isFalse();
    assertThat(c.covers(Instant.MIN)).isFalse();
    assertThat(c.covers(Instant.MAX)).isFalse();
  }

  @Test
  void anInstantFarOutside_isRefusedNamingAnExtremeDate() {
    BusinessCalendar c = week().build();

    SlaLimit working = SlaLimit.workingTime(java.time.Duration.ofHours(1));
    // past LocalDate's range the date named is the extreme one, not an exception of java.time
    assertThatThrownBy(() -> c.plus(Instant.MAX, working))
        .isInstanceOf(OutsideCalendarException.class)
        .hasMessageContaining("test-week")
        .hasMessageContaining(LocalDate.MAX.toString());
    assertThatThrownBy(() -> c.plus(Instant.MIN, working))
        .isInstanceOf(OutsideCalendarException.class)
        .hasMessageContaining(LocalDate.MIN.toString());
    assertThatThrownBy(() -> c.plus(END_MIDNIGHT, working))
        .isInstanceOf(OutsideCalendarException.class)
        .hasMessageContaining("2025-03-10");
  }

  @Test
  void workingDays_haveWindows_theWeekendAndAHolidayHaveNone() {
    BusinessCalendar c = week().holiday(LocalDate.of(2025, 3, 5)).build();

    assertThat(c.isWorkingDay(FIRST)).isTrue();
    assertThat(c.isWorkingDay(LocalDate.of(2025, 3, 5))).isFalse();
    assertThat(c.isWorkingDay(LocalDate.of(2025, 3, 7))).isTrue();
    assertThat(c.isWorkingDay(LAST)).isFalse();
    assertThat(c.edition()).isEqualTo("test-week");
    assertThat(c.datedDays()).containsOnlyKeys(LocalDate.of(2025, 3, 5));
  }

  @Test
  void theBuilder_reportsWhatItHolds_andRefusesEmptyRangesAndBlankNames() {
    BusinessCalendar.Builder b = week().holiday(LocalDate.of(2025, 3, 4)).provisional(LAST, LAST);

    assertThat(b.firstDate()).contains(FIRST);
    assertThat(b.lastDate()).contains(LAST);
    assertThat(b.datedDays()).containsOnlyKeys(LocalDate.of(2025, 3, 4));
    assertThat(b.isProvisional(LAST)).isTrue();
    assertThat(b.isProvisional(FIRST)).isFalse();
    assertThat(b.build().provisionalDays().contains(LAST)).isTrue();
    assertThatThrownBy(() -> week().edition(" ")).hasMessageContaining("must not be blank");
    assertThatThrownBy(() -> week().coverage(LAST, FIRST)).hasMessageContaining("is empty");
    assertThatThrownBy(() -> week().coverage(LocalDate.of(1899, 12, 31), LAST))
        .hasMessageContaining("must lie within");
    assertThatThrownBy(() -> week().provisional(LAST, FIRST)).hasMessageContaining("is empty");
    assertThatThrownBy(() -> week().makeUpWindows(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
