package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.sla.CalendarFixtures.BERLIN;
import static org.gridgov.sla.CalendarFixtures.MON_FRI;
import static org.gridgov.sla.CalendarFixtures.SH;
import static org.gridgov.sla.CalendarFixtures.at;
import static org.gridgov.sla.CalendarFixtures.w;

import com.google.common.collect.ImmutableList;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Edge cases of {@link BusinessCalendar}: instants exactly at (and one nanosecond either side of)
 * coverage and window boundaries, a Shanghai week with a holiday and make-up days, DST days in
 * Berlin, and the builder's accessors and validation. Every expected value is derived by hand from
 * the documented rules (half-open windows, "a result at a window's end stays there", the two {@link
 * WorkingDayRule}s).
 */
class BusinessCalendarEdgesTest {

  private static Instant sh(String ldt) {
    return at(SH, ldt);
  }

  /**
   * September–October 2025 in Shanghai, China office hours (09:00–12:00, 13:30–17:30) Mon–Fri;
   * National Day holidays Wed 10-01..Wed 10-08; make-up workdays Sun 09-28 (default make-up
   * windows, i.e. office hours) and Sat 10-11 with its own window 08:00–16:00; 10-20..10-31
   * provisional.
   */
  private static BusinessCalendar nationalDay() {
    BusinessCalendar.Builder b =
        BusinessCalendar.builder()
            .edition("cn-edge")
            .coverage(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 10, 31))
            .weekly(MON_FRI, WorkingWindow.CHINA_OFFICE_HOURS)
            .makeUpWorkday(LocalDate.of(2025, 9, 28))
            .makeUpWorkday(LocalDate.of(2025, 10, 11), List.of(w("08:00-16:00")))
            .provisional(LocalDate.of(2025, 10, 20), LocalDate.of(2025, 10, 31));
    for (int day = 1; day <= 8; day++) {
      b.holiday(LocalDate.of(2025, 10, day));
    }
    return b.build();
  }

  // ------------------------------------------------------------------ coverage boundaries

  @Test
  void coverage_isHalfOpenAtTheLocalMidnights() {
    BusinessCalendar c = nationalDay();
    Instant firstMidnight = sh("2025-09-01T00:00");
    Instant endMidnight = sh("2025-11-01T00:00");
    assertThat(c.covers(firstMidnight)).isTrue();
    assertThat(c.covers(firstMidnight.minusNanos(1))).isFalse();
    assertThat(c.covers(endMidnight.minusNanos(1))).isTrue();
    assertThat(c.covers(endMidnight)).isFalse();
    assertThat(c.covers(endMidnight.plusNanos(1))).isFalse();
    // queries at the first midnight answer (Mon 09-01 00:00 is not working time, 09:00 follows)
    assertThat(c.isWorkingTime(firstMidnight)).isFalse();
    assertThat(c.nextWorkingTime(firstMidnight)).isEqualTo(sh("2025-09-01T09:00"));
    // ... at the end midnight they throw, naming the first uncovered date
    assertThatThrownBy(() -> c.isWorkingTime(endMidnight))
        .isInstanceOf(OutsideCalendarException.class)
        .satisfies(
            e ->
                assertThat(((OutsideCalendarException) e).date())
                    .isEqualTo(LocalDate.of(2025, 11, 1)));
  }

  @Test
  void instantsBeyondTheDateRange_areNamedBeforeOrAfterTheCoverage() {
    BusinessCalendar c = nationalDay();
    // Instant.MAX / MIN have no LocalDate; the exception still says on which side they lie.
    assertThatThrownBy(() -> c.isWorkingTime(Instant.MAX))
        .isInstanceOf(OutsideCalendarException.class)
        .satisfies(e -> assertThat(((OutsideCalendarException) e).date()).isAfter(c.lastDate()));
    assertThatThrownBy(() -> c.nextWorkingTime(Instant.MIN))
        .isInstanceOf(OutsideCalendarException.class)
        .satisfies(e -> assertThat(((OutsideCalendarException) e).date()).isBefore(c.firstDate()));
  }

  // ------------------------------------------------------------------ definition accessors

  @Test
  void accessors_returnTheDeclaredDefinition() {
    BusinessCalendar c = nationalDay();
    assertThat(c.edition()).isEqualTo("cn-edge");
    assertThat(c.datedDays()).hasSize(10);
    assertThat(c.datedDays().firstKey()).isEqualTo(LocalDate.of(2025, 9, 28));
    assertThat(c.datedDays().get(LocalDate.of(2025, 9, 28)))
        .isEqualTo(
            new BusinessCalendar.DatedDay(
                BusinessCalendar.DayKind.MAKE_UP_WORKDAY, WorkingWindow.CHINA_OFFICE_HOURS));
    assertThat(c.datedDays().get(LocalDate.of(2025, 10, 5)))
        .isEqualTo(
            new BusinessCalendar.DatedDay(BusinessCalendar.DayKind.HOLIDAY, ImmutableList.of()));
    assertThat(c.datedDays().lastKey()).isEqualTo(LocalDate.of(2025, 10, 11));
    assertThat(c.provisionalDays().asRanges()).hasSize(1);
    assertThat(c.provisionalDays().contains(LocalDate.of(2025, 10, 19))).isFalse();
    assertThat(c.provisionalDays().contains(LocalDate.of(2025, 10, 20))).isTrue();
    assertThat(c.provisionalDays().contains(LocalDate.of(2025, 10, 31))).isTrue();
  }

  @Test
  void builderAccessors_reportWhatWasDeclaredSoFar() {
    BusinessCalendar.Builder b = BusinessCalendar.builder();
    assertThat(b.firstDate()).isEmpty();
    assertThat(b.lastDate()).isEmpty();
    b.coverage(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 30))
        .holiday(LocalDate.of(2025, 9, 15))
        .shortDay(LocalDate.of(2025, 9, 16), List.of(w("09:00-12:00")))
        .provisional(LocalDate.of(2025, 9, 20), LocalDate.of(2025, 9, 22))
        .official(LocalDate.of(2025, 9, 21), LocalDate.of(2025, 9, 21));
    assertThat(b.firstDate()).contains(LocalDate.of(2025, 9, 1));
    assertThat(b.lastDate()).contains(LocalDate.of(2025, 9, 30));
    assertThat(b.datedDays().keySet())
        .containsExactly(LocalDate.of(2025, 9, 15), LocalDate.of(2025, 9, 16));
    assertThat(b.datedDays().get(LocalDate.of(2025, 9, 16)))
        .isEqualTo(
            new BusinessCalendar.DatedDay(
                BusinessCalendar.DayKind.SHORT_DAY, ImmutableList.of(w("09:00-12:00"))));
    assertThatThrownBy(() -> b.datedDays().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(b.isProvisional(LocalDate.of(2025, 9, 19))).isFalse();
    assertThat(b.isProvisional(LocalDate.of(2025, 9, 20))).isTrue();
    assertThat(b.isProvisional(LocalDate.of(2025, 9, 21))).isFalse();
    assertThat(b.isProvisional(LocalDate.of(2025, 9, 22))).isTrue();
    assertThat(b.isProvisional(LocalDate.of(2025, 9, 23))).isFalse();
  }

  @Test
  void makeUpWindows_applyToLaterMakeUpWorkdays_andAreSorted() {
    BusinessCalendar c =
        BusinessCalendar.builder()
            .coverage(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 30))
            .weekly(MON_FRI, WorkingWindow.CHINA_OFFICE_HOURS)
            .makeUpWindows(List.of(w("13:00-17:00"), w("08:00-12:00")))
            .makeUpWorkday(LocalDate.of(2025, 9, 27)) // Sat
            .build();
    assertThat(c.windowsOn(LocalDate.of(2025, 9, 27)))
        .containsExactly(w("08:00-12:00"), w("13:00-17:00"));
    // Sat 27: 4 h + 4 h of working time
    assertThat(c.workingTimeBetween(sh("2025-09-27T00:00"), sh("2025-09-28T00:00")))
        .isEqualTo(Duration.ofHours(8));
    assertThatThrownBy(() -> BusinessCalendar.builder().makeUpWindows(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("make-up windows");
  }

  @Test
  void windowsGivenOutOfOrder_areAcceptedAndSorted() {
    BusinessCalendar c =
        BusinessCalendar.builder()
            .coverage(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 7))
            .weekly(MON_FRI, List.of(w("13:30-17:30"), w("09:00-12:00")))
            .shortDay(LocalDate.of(2025, 9, 5), List.of(w("14:00-15:00"), w("10:00-11:00")))
            .build();
    assertThat(c.windowsOn(LocalDate.of(2025, 9, 1))).isEqualTo(WorkingWindow.CHINA_OFFICE_HOURS);
    assertThat(c.windowsOn(LocalDate.of(2025, 9, 5)))
        .containsExactly(w("10:00-11:00"), w("14:00-15:00"));
    assertThat(c.isWorkingTime(sh("2025-09-01T12:30"))).isFalse();
    assertThat(c.isWorkingTime(sh("2025-09-01T09:30"))).isTrue();
  }

  @Test
  void builder_rejectsBlankEditionsEmptyRangesAndCoverageOutside1900To2200() {
    assertThatThrownBy(() -> BusinessCalendar.builder().edition("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("edition");
    LocalDate d = LocalDate.of(2025, 9, 10);
    // last = first - 1 is an empty range (first..first-1)
    assertThatThrownBy(() -> BusinessCalendar.builder().provisional(d, d.minusDays(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("provisional range 2025-09-10..2025-09-09 is empty");
    assertThatThrownBy(() -> BusinessCalendar.builder().official(d, d.minusDays(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("official range");
    assertThatThrownBy(
            () ->
                BusinessCalendar.builder()
                    .coverage(LocalDate.of(1899, 12, 31), LocalDate.of(1900, 1, 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1900-01-01..2200-12-31");
    assertThatThrownBy(
            () ->
                BusinessCalendar.builder()
                    .coverage(LocalDate.of(2200, 12, 30), LocalDate.of(2201, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1900-01-01..2200-12-31");
    // the limits themselves are allowed
    BusinessCalendar.Builder ok =
        BusinessCalendar.builder().coverage(LocalDate.of(1900, 1, 1), LocalDate.of(2200, 12, 31));
    assertThat(ok.firstDate()).contains(LocalDate.of(1900, 1, 1));
    assertThat(ok.lastDate()).contains(LocalDate.of(2200, 12, 31));
  }

  // ------------------------------------------------------------------ working days

  @Test
  void isWorkingDay_followsHolidaysAndMakeUpDays() {
    BusinessCalendar c = nationalDay();
    assertThat(c.isWorkingDay(LocalDate.of(2025, 9, 1))).isTrue(); // Mon, first covered day
    assertThat(c.isWorkingDay(LocalDate.of(2025, 9, 27))).isFalse(); // Sat
    assertThat(c.isWorkingDay(LocalDate.of(2025, 9, 28))).isTrue(); // Sun, make-up
    assertThat(c.isWorkingDay(LocalDate.of(2025, 9, 30))).isTrue(); // Tue
    assertThat(c.isWorkingDay(LocalDate.of(2025, 10, 1))).isFalse(); // Wed, holiday
    assertThat(c.isWorkingDay(LocalDate.of(2025, 10, 6))).isFalse(); // Mon, holiday
    assertThat(c.isWorkingDay(LocalDate.of(2025, 10, 9))).isTrue(); // Thu
    assertThat(c.isWorkingDay(LocalDate.of(2025, 10, 11))).isTrue(); // Sat, make-up
    assertThat(c.isWorkingDay(LocalDate.of(2025, 10, 12))).isFalse(); // Sun
    assertThat(c.isWorkingDay(LocalDate.of(2025, 10, 31))).isTrue(); // Fri, last covered day
  }

  @Test
  void plusWorkingDays_rejectsFewerThanOneDay() {
    BusinessCalendar c = nationalDay();
    for (WorkingDayRule rule : WorkingDayRule.values()) {
      assertThatThrownBy(() -> c.plusWorkingDays(sh("2025-09-01T10:00"), 0, rule))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("at least 1");
      assertThatThrownBy(() -> c.plusWorkingDays(sh("2025-09-01T10:00"), -2, rule))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void sameClockTime_onADayWithOtherWindows_movesToTheNextWindowOrTheLastEnd() {
    BusinessCalendar c = nationalDay();
    WorkingDayRule same = WorkingDayRule.SAME_CLOCK_TIME;
    // Sat 10-11 (make-up 08:00-16:00) 12:00 is working time; the next working day is Mon 10-13,
    // where 12:00 is the (excluded) end of the morning window: the next working instant is 13:30.
    assertThat(c.plusWorkingDays(sh("2025-10-11T12:00"), 1, same))
        .isEqualTo(sh("2025-10-13T13:30"));
    // one nanosecond earlier is still inside Monday's morning window
    assertThat(c.plusWorkingDays(sh("2025-10-11T12:00").minusNanos(1), 1, same))
        .isEqualTo(sh("2025-10-13T12:00").minusNanos(1));
    // 08:00 Sat -> Mon 08:00 is before work: Mon 09:00
    assertThat(c.plusWorkingDays(sh("2025-10-11T08:00"), 1, same))
        .isEqualTo(sh("2025-10-13T09:00"));
    // 15:00 Sat -> Mon 15:00 (inside 13:30-17:30)
    assertThat(c.plusWorkingDays(sh("2025-10-11T15:00"), 1, same))
        .isEqualTo(sh("2025-10-13T15:00"));
    // Fri 10-10 12:00 (lunch) first moves to 13:30, then Sat 10-11 13:30 lies in 08:00-16:00
    assertThat(c.plusWorkingDays(sh("2025-10-10T12:00"), 1, same))
        .isEqualTo(sh("2025-10-11T13:30"));
    // Fri 10-10 17:00 -> Sat 10-11: no window after 17:00, so the end of the last one, 16:00
    assertThat(c.plusWorkingDays(sh("2025-10-10T17:00"), 1, same))
        .isEqualTo(sh("2025-10-11T16:00"));
    // over the holiday: Tue 09-30 10:00 + 1 -> Thu 10-09 10:00; + 2 -> Fri 10-10; + 3 -> Sat 10-11
    assertThat(c.plusWorkingDays(sh("2025-09-30T10:00"), 1, same))
        .isEqualTo(sh("2025-10-09T10:00"));
    assertThat(c.plusWorkingDays(sh("2025-09-30T10:00"), 3, same))
        .isEqualTo(sh("2025-10-11T10:00"));
    // Fri 09-26 11:00 + 1 -> Sun 09-28 (make-up) 11:00
    assertThat(c.plusWorkingDays(sh("2025-09-26T11:00"), 1, same))
        .isEqualTo(sh("2025-09-28T11:00"));
  }

  @Test
  void endOfWorkingDay_overTheHolidayWeek() {
    BusinessCalendar c = nationalDay();
    WorkingDayRule end = WorkingDayRule.END_OF_WORKING_DAY;
    // from Tue 09-30 (the start date never counts): Thu 10-09 #1, Fri 10-10 #2, Sat 10-11 #3
    assertThat(c.plusWorkingDays(sh("2025-09-30T23:59"), 1, end)).isEqualTo(sh("2025-10-09T17:30"));
    assertThat(c.plusWorkingDays(sh("2025-09-30T00:00"), 3, end)).isEqualTo(sh("2025-10-11T16:00"));
    // from the holiday Sat 10-04: Thu 10-09 #1
    assertThat(c.plusWorkingDays(sh("2025-10-04T10:00"), 1, end)).isEqualTo(sh("2025-10-09T17:30"));
  }

  @Test
  void workingDays_startingAfterTheLastWindowOfTheCoverage_throw() {
    BusinessCalendar c = nationalDay();
    // Fri 10-31 17:30 is the end of the coverage's last window: no working instant follows.
    for (String t : List.of("2025-10-31T17:30", "2025-10-31T23:59:59.999999999")) {
      assertThatThrownBy(() -> c.plusWorkingDays(sh(t), 1, WorkingDayRule.SAME_CLOCK_TIME))
          .isInstanceOf(OutsideCalendarException.class)
          .satisfies(
              e ->
                  assertThat(((OutsideCalendarException) e).date())
                      .isEqualTo(LocalDate.of(2025, 11, 1)));
    }
  }

  // ------------------------------------------------------------------ working time

  @Test
  void plusWorkingTime_landingExactlyOnAWindowEnd_staysThere() {
    BusinessCalendar c = nationalDay();
    Instant mon = sh("2025-09-01T09:00"); // the coverage's first window
    // Mon 3 h + 4 h, Tue morning 3 h: 10 h end exactly at Tue 12:00, not at Tue 13:30
    assertThat(c.plusWorkingTime(mon, Duration.ofHours(10))).isEqualTo(sh("2025-09-02T12:00"));
    assertThat(c.plusWorkingTime(mon, Duration.ofHours(10).plusNanos(1)))
        .isEqualTo(sh("2025-09-02T13:30").plusNanos(1));
    assertThat(c.plusWorkingTime(mon, Duration.ofHours(10).minusNanos(1)))
        .isEqualTo(sh("2025-09-02T12:00").minusNanos(1));
    // 5 days x 7 h = 35 h: Fri 09-05 17:30, not Mon 09-08 09:00
    assertThat(c.plusWorkingTime(mon, Duration.ofHours(35))).isEqualTo(sh("2025-09-05T17:30"));
    // 7 h: Mon 17:30; 3 h: Mon 12:00
    assertThat(c.plusWorkingTime(mon, Duration.ofHours(7))).isEqualTo(sh("2025-09-01T17:30"));
    assertThat(c.plusWorkingTime(mon, Duration.ofHours(3))).isEqualTo(sh("2025-09-01T12:00"));
    // 17 h: Mon 7, Tue 7, Wed morning 3 -> Wed 12:00
    assertThat(c.plusWorkingTime(mon, Duration.ofHours(17))).isEqualTo(sh("2025-09-03T12:00"));
  }

  @Test
  void plusWorkingTime_acrossTheMakeUpSundayAndTheHoliday() {
    BusinessCalendar c = nationalDay();
    // Fri 09-26 16:30 + 1 h = 17:30 the same day; + 1 ns more = Sun 09-28 (make-up) 09:00 + 1 ns
    assertThat(c.plusWorkingTime(sh("2025-09-26T16:30"), Duration.ofHours(1)))
        .isEqualTo(sh("2025-09-26T17:30"));
    assertThat(c.plusWorkingTime(sh("2025-09-26T16:30"), Duration.ofHours(1).plusNanos(1)))
        .isEqualTo(sh("2025-09-28T09:00").plusNanos(1));
    // Tue 09-30 17:00 + 1 h: 30 min Tue, holidays 10-01..10-08, Thu 10-09 09:30
    assertThat(c.plusWorkingTime(sh("2025-09-30T17:00"), Duration.ofHours(1)))
        .isEqualTo(sh("2025-10-09T09:30"));
    // and back: working time between them is one hour
    assertThat(c.workingTimeBetween(sh("2025-09-30T17:00"), sh("2025-10-09T09:30")))
        .isEqualTo(Duration.ofHours(1));
  }

  @Test
  void plusWorkingTime_canUseUpExactlyTheLastWorkingTimeOfTheCoverage() {
    BusinessCalendar c = nationalDay();
    // Fri 10-31 15:30: two hours remain in the coverage (until 17:30)
    assertThat(c.plusWorkingTime(sh("2025-10-31T15:30"), Duration.ofHours(2)))
        .isEqualTo(sh("2025-10-31T17:30"));
    assertThatThrownBy(
            () -> c.plusWorkingTime(sh("2025-10-31T15:30"), Duration.ofHours(2).plusNanos(1)))
        .isInstanceOf(OutsideCalendarException.class)
        .satisfies(
            e ->
                assertThat(((OutsideCalendarException) e).date())
                    .isEqualTo(LocalDate.of(2025, 11, 1)));
    // the whole coverage's working time from its first instant, exactly
    // Sep: 22 weekdays + Sun 09-28 = 23 days; Oct: 23 weekdays - 6 holiday weekdays + Sat 10-11
    // (8 h) = 17 office days and one 8 h day: (23 + 17) x 7 h + 8 h = 288 h
    Instant first = sh("2025-09-01T00:00");
    Duration total = Duration.ofHours((23 + 17) * 7 + 8);
    assertThat(total.toHours()).isEqualTo(288);
    assertThat(c.workingTimeBetween(first, sh("2025-11-01T00:00").minusNanos(1))).isEqualTo(total);
    assertThat(c.plusWorkingTime(first, total)).isEqualTo(sh("2025-10-31T17:30"));
  }

  // ------------------------------------------------------------------ deadlines and provenance

  @Test
  void deadline_naturalLimitLeavingTheCoverage_isNotProvisionalAndDoesNotThrow() {
    BusinessCalendar c = nationalDay();
    // Thu 10-30 10:00 is provisional; + 5 natural days = Tue 11-04 10:00, beyond the coverage:
    // a natural limit needs no calendar, and is provisional only if both instants are covered.
    Deadline d = c.deadline(sh("2025-10-30T10:00"), SlaLimit.natural(Duration.ofDays(5)));
    assertThat(d).isEqualTo(new Deadline(sh("2025-11-04T10:00"), false, "cn-edge"));
    // starting before the coverage, ending inside the provisional days: also not provisional
    Deadline early = c.deadline(sh("2025-08-31T10:00"), SlaLimit.natural(Duration.ofDays(52)));
    assertThat(early.at()).isEqualTo(sh("2025-10-22T10:00"));
    assertThat(early.provisional()).isFalse();
    // both covered: provisional because 10-22 is
    assertThat(
            c.deadline(sh("2025-10-17T10:00"), SlaLimit.natural(Duration.ofDays(5))).provisional())
        .isTrue();
    // working time: Fri 10-17 16:30 + 2 h = Mon 10-20 10:00 (provisional day)
    Deadline wt = c.deadline(sh("2025-10-17T16:30"), SlaLimit.workingHours(2));
    assertThat(wt).isEqualTo(new Deadline(sh("2025-10-20T10:00"), true, "cn-edge"));
    // Thu 10-16 16:30 + 2 h = Fri 10-17 10:00: all official
    assertThat(c.deadline(sh("2025-10-16T16:30"), SlaLimit.workingHours(2)))
        .isEqualTo(new Deadline(sh("2025-10-17T10:00"), false, "cn-edge"));
  }

  @Test
  void datesThatDiffer_comparesOnlyTheDatesBothCalendarsCover() {
    LocalDate outsideB = LocalDate.of(2025, 9, 3); // covered by a only
    LocalDate inBoth = LocalDate.of(2025, 9, 17);
    LocalDate outsideA = LocalDate.of(2025, 10, 15); // covered by b only
    BusinessCalendar a =
        BusinessCalendar.builder()
            .coverage(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 30))
            .weekly(MON_FRI, WorkingWindow.CHINA_OFFICE_HOURS)
            .build();
    BusinessCalendar b =
        a.toBuilder()
            .coverage(LocalDate.of(2025, 9, 10), LocalDate.of(2025, 10, 31))
            // declarations outside b's own coverage "are kept but have no effect"
            .holiday(outsideB)
            .holiday(inBoth)
            .holiday(outsideA)
            .build();
    assertThat(a.datesThatDiffer(b)).containsExactly(inBoth);
    assertThat(b.datesThatDiffer(a)).containsExactly(inBoth);
    // without overlapping coverage there is nothing to compare
    BusinessCalendar later =
        a.toBuilder()
            .coverage(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 31))
            .holiday(outsideA)
            .build();
    assertThat(a.datesThatDiffer(later)).isEmpty();
    assertThat(later.datesThatDiffer(a)).isEmpty();
  }

  @Test
  void distinctCalendars_doNotAllShareOneHashCode() {
    BusinessCalendar base = nationalDay();
    Set<Integer> hashes = new HashSet<>();
    hashes.add(base.hashCode());
    hashes.add(base.toBuilder().edition("other").build().hashCode());
    hashes.add(base.toBuilder().holiday(LocalDate.of(2025, 9, 15)).build().hashCode());
    hashes.add(base.toBuilder().zone(BERLIN).build().hashCode());
    hashes.add(
        base.toBuilder()
            .coverage(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 10, 30))
            .build()
            .hashCode());
    // equal calendars share a hash (the contract); distinct ones should spread, not collide all
    assertThat(base.toBuilder().build().hashCode()).isEqualTo(base.hashCode());
    assertThat(hashes).hasSizeGreaterThan(1);
  }

  // ------------------------------------------------------------------ DST: finding the day

  /**
   * Coverage starting in summer time (CEST, +02:00): in winter (CET, +01:00) the last real hour of
   * each local day lies more than a whole number of 24-hour days after the first midnight.
   */
  @Test
  void berlin_lastHourOfAWinterDay_belongsToThatDay_whenCoverageStartsInSummer() {
    BusinessCalendar c =
        BusinessCalendar.builder()
            .zone(BERLIN)
            .coverage(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 12, 31))
            .weekly(MON_FRI, List.of(w("09:00-17:00")))
            .shortDay(LocalDate.of(2025, 11, 5), List.of(w("23:45-24:00"))) // Wed
            .provisional(LocalDate.of(2025, 11, 4), LocalDate.of(2025, 11, 4))
            .build();
    Instant mon2330 = at(BERLIN, "2025-11-03T23:30");
    // END_OF_WORKING_DAY: the start date Mon 11-03 never counts; #1 is Tue 11-04 -> 17:00
    assertThat(c.plusWorkingDays(mon2330, 1, WorkingDayRule.END_OF_WORKING_DAY))
        .isEqualTo(at(BERLIN, "2025-11-04T17:00"));
    // both instants on Mon 11-03 (official): no provisional day between them
    assertThat(c.isProvisionalBetween(mon2330, at(BERLIN, "2025-11-03T23:59"))).isFalse();
    assertThat(c.isProvisionalBetween(mon2330, at(BERLIN, "2025-11-04T00:00"))).isTrue();
    // Wed 11-05 has only 23:45-24:00: 23:30 is not working time, 23:45 is, 24:00 is not
    Instant wed2330 = at(BERLIN, "2025-11-05T23:30");
    assertThat(c.isWorkingTime(wed2330)).isFalse();
    assertThat(c.nextWorkingTime(wed2330)).isEqualTo(at(BERLIN, "2025-11-05T23:45"));
    assertThat(c.isWorkingTime(at(BERLIN, "2025-11-05T23:45"))).isTrue();
    assertThat(c.isWorkingTime(at(BERLIN, "2025-11-06T00:00"))).isFalse();
    assertThat(c.workingTimeBetween(wed2330, at(BERLIN, "2025-11-06T09:30")))
        .isEqualTo(Duration.ofMinutes(15 + 30));
  }

  /**
   * Coverage starting in winter time: a summer local midnight lies less than a whole number of
   * 24-hour days after the first midnight; exactly at that midnight the new day has begun.
   */
  @Test
  void berlin_summerMidnight_belongsToTheNewDay_whenCoverageStartsInWinter() {
    BusinessCalendar c =
        BusinessCalendar.builder()
            .zone(BERLIN)
            .coverage(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
            .weekly(MON_FRI, List.of(w("09:00-17:00")))
            .provisional(LocalDate.of(2025, 6, 30), LocalDate.of(2025, 6, 30))
            .build();
    Instant tueMidnight = at(BERLIN, "2025-07-01T00:00");
    // the start date is Tue 07-01: #1 is Wed 07-02 -> 17:00
    assertThat(c.plusWorkingDays(tueMidnight, 1, WorkingDayRule.END_OF_WORKING_DAY))
        .isEqualTo(at(BERLIN, "2025-07-02T17:00"));
    // one nanosecond earlier it is still Mon 06-30: #1 is Tue 07-01
    assertThat(c.plusWorkingDays(tueMidnight.minusNanos(1), 1, WorkingDayRule.END_OF_WORKING_DAY))
        .isEqualTo(at(BERLIN, "2025-07-01T17:00"));
    // Mon 06-30 is provisional, Tue 07-01 is not
    assertThat(c.isProvisionalBetween(tueMidnight, tueMidnight)).isFalse();
    assertThat(c.isProvisionalBetween(tueMidnight.minusNanos(1), tueMidnight.minusNanos(1)))
        .isTrue();
  }

  @Test
  void berlin_sameClockTime_fromInsideADstDay_keepsTheLocalClockTime() {
    BusinessCalendar c =
        BusinessCalendar.builder()
            .zone(BERLIN)
            .coverage(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
            .weekly(EnumSet.allOf(DayOfWeek.class), List.of(w("00:00-24:00")))
            .build();
    // Sun 10-26 (25 h, clocks back at 03:00): 12:00 there + 1 working day = Mon 10-27 12:00
    assertThat(c.plusWorkingDays(at(BERLIN, "2025-10-26T12:00"), 1, WorkingDayRule.SAME_CLOCK_TIME))
        .isEqualTo(at(BERLIN, "2025-10-27T12:00"));
    // Sun 03-30 (23 h, clocks forward at 02:00): 12:00 + 1 working day = Mon 03-31 12:00
    assertThat(c.plusWorkingDays(at(BERLIN, "2025-03-30T12:00"), 1, WorkingDayRule.SAME_CLOCK_TIME))
        .isEqualTo(at(BERLIN, "2025-03-31T12:00"));
  }
}
