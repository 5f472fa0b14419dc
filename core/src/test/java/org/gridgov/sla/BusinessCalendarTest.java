package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.sla.CalendarFixtures.BERLIN;
import static org.gridgov.sla.CalendarFixtures.MON_FRI;
import static org.gridgov.sla.CalendarFixtures.NY;
import static org.gridgov.sla.CalendarFixtures.SH;
import static org.gridgov.sla.CalendarFixtures.at;
import static org.gridgov.sla.CalendarFixtures.w;

import com.google.common.collect.ImmutableList;
import com.google.common.testing.EqualsTester;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BusinessCalendarTest {

  private static BusinessCalendar office(ZoneId zone) {
    return BusinessCalendar.builder()
        .edition("office")
        .zone(zone)
        .coverage(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
        .weekly(MON_FRI, List.of(w("09:00-17:00")))
        .build();
  }

  private static BusinessCalendar allDay(ZoneId zone) {
    return BusinessCalendar.builder()
        .zone(zone)
        .coverage(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
        .weekly(EnumSet.allOf(DayOfWeek.class), List.of(w("00:00-24:00")))
        .build();
  }

  // ------------------------------------------------------------------ fixed cases

  @Test
  void windowsAreHalfOpenAtBothEdges() {
    BusinessCalendar c = office(SH);
    // Tue 2025-03-04
    assertThat(c.isWorkingTime(at(SH, "2025-03-04T09:00"))).isTrue();
    assertThat(c.isWorkingTime(at(SH, "2025-03-04T08:59:59.999999999"))).isFalse();
    assertThat(c.isWorkingTime(at(SH, "2025-03-04T17:00"))).isFalse();
    assertThat(c.isWorkingTime(at(SH, "2025-03-04T16:59:59.999999999"))).isTrue();
    // exactly at an edge: next working time of 09:00 is itself, of 17:00 the next morning
    assertThat(c.nextWorkingTime(at(SH, "2025-03-04T09:00"))).isEqualTo(at(SH, "2025-03-04T09:00"));
    assertThat(c.nextWorkingTime(at(SH, "2025-03-04T17:00"))).isEqualTo(at(SH, "2025-03-05T09:00"));
    // Fri 17:00 -> Mon 09:00 (calendar data says Sat/Sun have no windows)
    assertThat(c.nextWorkingTime(at(SH, "2025-03-07T17:00"))).isEqualTo(at(SH, "2025-03-10T09:00"));
  }

  @Test
  void plusFromWindowEdgeAndZero() {
    BusinessCalendar c = office(SH);
    // 8 h from Tue 09:00 is Tue 17:00 (stays at the window end), 8 h + 1 ns is Wed 09:00 + 1 ns.
    assertThat(c.plusWorkingTime(at(SH, "2025-03-04T09:00"), Duration.ofHours(8)))
        .isEqualTo(at(SH, "2025-03-04T17:00"));
    assertThat(c.plusWorkingTime(at(SH, "2025-03-04T09:00"), Duration.ofHours(8).plusNanos(1)))
        .isEqualTo(at(SH, "2025-03-05T09:00").plusNanos(1));
    // adding zero returns the start even outside working time
    assertThat(c.plusWorkingTime(at(SH, "2025-03-08T03:00"), Duration.ZERO))
        .isEqualTo(at(SH, "2025-03-08T03:00"));
    assertThatThrownBy(() -> c.plusWorkingTime(at(SH, "2025-03-08T03:00"), Duration.ofHours(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT-1H");
  }

  @Test
  void midnightWindowsJoinAcrossDays() {
    BusinessCalendar c = allDay(SH);
    // 24/7 in a zone without DST: working time equals real time, across midnight.
    Instant a = at(SH, "2025-05-01T23:30");
    assertThat(c.plusWorkingTime(a, Duration.ofHours(1))).isEqualTo(at(SH, "2025-05-02T00:30"));
    assertThat(c.isWorkingTime(at(SH, "2025-05-02T00:00"))).isTrue();
    assertThat(c.workingTimeBetween(a, at(SH, "2025-05-03T23:30"))).isEqualTo(Duration.ofDays(2));
  }

  @Test
  void workingTimeBetweenIsSignedAndAdditive() {
    BusinessCalendar c = office(SH);
    Instant mon = at(SH, "2025-03-03T10:00");
    Instant wed = at(SH, "2025-03-05T12:00");
    // Mon 10-17 = 7 h, Tue 8 h, Wed 9-12 = 3 h: 18 h.
    assertThat(c.workingTimeBetween(mon, wed)).isEqualTo(Duration.ofHours(18));
    assertThat(c.workingTimeBetween(wed, mon)).isEqualTo(Duration.ofHours(-18));
  }

  @Test
  void workingDayRules() {
    BusinessCalendar c =
        BusinessCalendar.builder()
            .coverage(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
            .weekly(MON_FRI, WorkingWindow.CHINA_OFFICE_HOURS)
            .holiday(LocalDate.of(2025, 3, 5)) // Wed
            .shortDay(LocalDate.of(2025, 3, 10), List.of(w("09:00-12:00"))) // Mon
            .makeUpWorkday(LocalDate.of(2025, 3, 8)) // Sat
            .build();
    // Mon 03-03 15:00, 3 working days same clock time: Tue 03-04 #1, (Wed holiday), Thu 03-06 #2,
    // Fri 03-07 #3.
    assertThat(c.plusWorkingDays(at(SH, "2025-03-03T15:00"), 3, WorkingDayRule.SAME_CLOCK_TIME))
        .isEqualTo(at(SH, "2025-03-07T15:00"));
    // 4 days: Sat 03-08 (make-up, office hours) #4 -> 15:00.
    assertThat(c.plusWorkingDays(at(SH, "2025-03-03T15:00"), 4, WorkingDayRule.SAME_CLOCK_TIME))
        .isEqualTo(at(SH, "2025-03-08T15:00"));
    // 5 days lands on the short day Mon 03-10 (09:00-12:00): 15:00 is after its last window -> its
    // end 12:00.
    assertThat(c.plusWorkingDays(at(SH, "2025-03-03T15:00"), 5, WorkingDayRule.SAME_CLOCK_TIME))
        .isEqualTo(at(SH, "2025-03-10T12:00"));
    // Start at lunch (12:00, not working): moves to 13:30 first; 1 day -> Tue 13:30.
    assertThat(c.plusWorkingDays(at(SH, "2025-03-03T12:00"), 1, WorkingDayRule.SAME_CLOCK_TIME))
        .isEqualTo(at(SH, "2025-03-04T13:30"));
    // Start Sunday night: moves to Mon 09:00, 1 day -> Tue 09:00.
    assertThat(c.plusWorkingDays(at(SH, "2025-03-02T22:00"), 1, WorkingDayRule.SAME_CLOCK_TIME))
        .isEqualTo(at(SH, "2025-03-04T09:00"));
    // END_OF_WORKING_DAY: the start date never counts. From Sun 03-02: Mon 03-03 #1 -> 17:30.
    assertThat(c.plusWorkingDays(at(SH, "2025-03-02T22:00"), 1, WorkingDayRule.END_OF_WORKING_DAY))
        .isEqualTo(at(SH, "2025-03-03T17:30"));
    // From Mon 03-03 08:00 (before work): Tue #1, Thu #2 -> Thu 17:30.
    assertThat(c.plusWorkingDays(at(SH, "2025-03-03T08:00"), 2, WorkingDayRule.END_OF_WORKING_DAY))
        .isEqualTo(at(SH, "2025-03-06T17:30"));
    // On the short day: Fri 03-07 + 2 -> Sat 03-08 #1, Mon 03-10 #2, which ends at 12:00.
    assertThat(c.plusWorkingDays(at(SH, "2025-03-07T10:00"), 2, WorkingDayRule.END_OF_WORKING_DAY))
        .isEqualTo(at(SH, "2025-03-10T12:00"));
  }

  @Test
  void berlinSpringForwardGapAndFallBackOverlap() {
    // 2025-03-30 02:00 CET -> 03:00 CEST; 2025-10-26 03:00 CEST -> 02:00 CET.
    BusinessCalendar night =
        BusinessCalendar.builder()
            .zone(BERLIN)
            .coverage(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
            .weekly(EnumSet.allOf(DayOfWeek.class), List.of(w("01:00-04:00")))
            .shortDay(LocalDate.of(2025, 3, 29), List.of(w("02:15-02:45")))
            .build();
    // Spring: 01:00 CET = 00:00Z, 04:00 CEST = 02:00Z -> 2 real hours.
    assertThat(
            night.workingTimeBetween(
                at(BERLIN, "2025-03-30T00:00"), at(BERLIN, "2025-03-30T12:00")))
        .isEqualTo(Duration.ofHours(2));
    // Fall: 01:00 CEST = 23:00Z (Sat), 04:00 CET = 03:00Z -> 4 real hours.
    assertThat(
            night.workingTimeBetween(
                at(BERLIN, "2025-10-26T00:00"), at(BERLIN, "2025-10-26T12:00")))
        .isEqualTo(Duration.ofHours(4));
    // The second 02:30 (CET, 01:30Z) of the fall-back night is inside the window too.
    assertThat(night.isWorkingTime(Instant.parse("2025-10-26T01:30:00Z"))).isTrue();
    // A normal day has 3 h.
    assertThat(
            night.workingTimeBetween(
                at(BERLIN, "2025-05-01T00:00"), at(BERLIN, "2025-05-01T12:00")))
        .isEqualTo(Duration.ofHours(3));

    BusinessCalendar gap =
        BusinessCalendar.builder()
            .zone(BERLIN)
            .coverage(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 30))
            .weekly(EnumSet.allOf(DayOfWeek.class), List.of(w("02:15-02:45"), w("10:00-11:00")))
            .build();
    // On 03-30 the window 02:15-02:45 lies wholly in the gap: both ends map to the transition
    // (01:00Z): no time.
    assertThat(
            gap.workingTimeBetween(at(BERLIN, "2025-03-30T00:00"), at(BERLIN, "2025-03-30T12:00")))
        .isEqualTo(Duration.ofHours(1));
    // Same-clock-time from 03-29 02:30 (a real time that day) lands on 03-30 whose 02:30 does not
    // exist and whose
    // 02:15 window is empty: the next working instant on that day after 02:30 is 10:00.
    assertThat(
            gap.plusWorkingDays(at(BERLIN, "2025-03-29T02:30"), 1, WorkingDayRule.SAME_CLOCK_TIME))
        .isEqualTo(at(BERLIN, "2025-03-30T10:00"));
  }

  @Test
  void berlinAllDayCalendarHasShortAndLongDays() {
    BusinessCalendar c = allDay(BERLIN);
    assertThat(c.workingTimeBetween(at(BERLIN, "2025-03-30T00:00"), at(BERLIN, "2025-03-31T00:00")))
        .isEqualTo(Duration.ofHours(23));
    assertThat(c.workingTimeBetween(at(BERLIN, "2025-10-26T00:00"), at(BERLIN, "2025-10-27T00:00")))
        .isEqualTo(Duration.ofHours(25));
    // same clock time across the long day: Sat 10-25 12:00 + 1 working day = Sun 10-26 12:00 (25
    // real hours later)
    assertThat(c.plusWorkingDays(at(BERLIN, "2025-10-25T12:00"), 1, WorkingDayRule.SAME_CLOCK_TIME))
        .isEqualTo(at(BERLIN, "2025-10-26T12:00"));
    assertThat(Duration.between(at(BERLIN, "2025-10-25T12:00"), at(BERLIN, "2025-10-26T12:00")))
        .isEqualTo(Duration.ofHours(25));
  }

  @Test
  void newYorkOfficeHoursAcrossDstWeekends() {
    BusinessCalendar c = office(NY);
    // Fri 2025-03-07 16:00 EST + 2 h: 1 h Friday, Mon 03-10 (now EDT) 09:00 + 1 h = 10:00 EDT.
    assertThat(c.plusWorkingTime(at(NY, "2025-03-07T16:00"), Duration.ofHours(2)))
        .isEqualTo(at(NY, "2025-03-10T10:00"));
    assertThat(at(NY, "2025-03-10T10:00")).isEqualTo(Instant.parse("2025-03-10T14:00:00Z"));
    // Fall: Fri 2025-10-31 16:00 EDT + 2 h = Mon 11-03 10:00 EST (15:00Z).
    assertThat(c.plusWorkingTime(at(NY, "2025-10-31T16:00"), Duration.ofHours(2)))
        .isEqualTo(Instant.parse("2025-11-03T15:00:00Z"));
    // 5 working days same clock time across the spring weekend keeps the local time.
    assertThat(c.plusWorkingDays(at(NY, "2025-03-06T11:15"), 5, WorkingDayRule.SAME_CLOCK_TIME))
        .isEqualTo(at(NY, "2025-03-13T11:15"));
  }

  @Test
  void outsideCoverageIsNamed() {
    BusinessCalendar c = office(SH);
    assertThatThrownBy(() -> c.isWorkingTime(at(SH, "2026-01-01T10:00")))
        .isInstanceOf(OutsideCalendarException.class)
        .hasMessageContaining("2026-01-01")
        .hasMessageContaining("2025-01-01..2025-12-31")
        .hasMessageContaining("office");
    assertThatThrownBy(
            () -> c.plusWorkingDays(at(SH, "2025-12-30T10:00"), 3, WorkingDayRule.SAME_CLOCK_TIME))
        .isInstanceOf(OutsideCalendarException.class)
        .satisfies(
            e ->
                assertThat(((OutsideCalendarException) e).date())
                    .isEqualTo(LocalDate.of(2026, 1, 1)));
    assertThatThrownBy(() -> c.isWorkingTime(Instant.MAX))
        .isInstanceOf(OutsideCalendarException.class);
    assertThatThrownBy(() -> c.isWorkingTime(Instant.MIN))
        .isInstanceOf(OutsideCalendarException.class);
    // explicit fallback chosen by the caller: widen the coverage, the weekly pattern continues
    BusinessCalendar wider =
        c.toBuilder()
            .edition("office-2026")
            .coverage(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31))
            .build();
    assertThat(wider.plusWorkingDays(at(SH, "2025-12-30T10:00"), 3, WorkingDayRule.SAME_CLOCK_TIME))
        .isEqualTo(at(SH, "2026-01-02T10:00"));
  }

  @Test
  void builderRejectsBadInput() {
    assertThatThrownBy(
            () ->
                BusinessCalendar.builder()
                    .weekly(MON_FRI, List.of(w("09:00-12:00"), w("11:00-13:00"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("09:00-12:00")
        .hasMessageContaining("11:00-13:00");
    assertThatThrownBy(() -> BusinessCalendar.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("coverage");
    assertThatThrownBy(
            () ->
                BusinessCalendar.builder()
                    .coverage(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2025-02-01..2025-01-01");
    assertThatThrownBy(() -> WorkingWindow.parse("9-12"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("9-12");
    assertThatThrownBy(() -> w("12:00-09:00")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void laterDeclarationsReplaceEarlierOnesAndEqualityFollowsDefinition() {
    BusinessCalendar a = office(SH);
    BusinessCalendar b = a.toBuilder().holiday(LocalDate.of(2025, 3, 4)).build();
    BusinessCalendar b2 =
        a.toBuilder()
            .makeUpWorkday(LocalDate.of(2025, 3, 4))
            .holiday(LocalDate.of(2025, 3, 4))
            .build();
    BusinessCalendar back = b.toBuilder().regular(LocalDate.of(2025, 3, 4)).build();
    assertThat(b.isWorkingDay(LocalDate.of(2025, 3, 4))).isFalse();
    assertThat(b.datesThatDiffer(a)).containsExactly(LocalDate.of(2025, 3, 4));
    new EqualsTester()
        .addEqualityGroup(a, office(SH), back)
        .addEqualityGroup(b, b2)
        .addEqualityGroup(office(NY))
        .testEquals();
  }

  // ------------------------------------------------------------------ properties over seeded
  // random calendars

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 60);
  }

  private static final ZoneId[] ZONES = {SH, BERLIN, NY};

  private static List<WorkingWindow> randomWindows(SplittableRandom r) {
    int n = r.nextInt(4);
    List<WorkingWindow> out = new ArrayList<>();
    int t = r.nextInt(3) == 0 ? 0 : r.nextInt(12) * 900;
    for (int i = 0; i < n && t < 86_400; i++) {
      int end = Math.min(86_400, t + (1 + r.nextInt(24)) * 900);
      if (r.nextInt(5) == 0) {
        end = 86_400;
      }
      out.add(new WorkingWindow(t, end));
      t = end + r.nextInt(8) * 900;
    }
    return out;
  }

  static BusinessCalendar randomCalendar(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    LocalDate first = LocalDate.of(2024, 1, 1).plusDays(r.nextInt(300));
    BusinessCalendar.Builder b =
        BusinessCalendar.builder()
            .edition("random-" + seed)
            .zone(ZONES[r.nextInt(ZONES.length)])
            .coverage(first, first.plusDays(120 + r.nextInt(400)));
    for (DayOfWeek d : DayOfWeek.values()) {
      b.weekly(EnumSet.of(d), randomWindows(r));
    }
    for (int i = 0; i < 40; i++) {
      LocalDate d = first.plusDays(r.nextInt(500));
      switch (r.nextInt(3)) {
        case 0 -> b.holiday(d);
        case 1 -> {
          List<WorkingWindow> ws = randomWindows(r);
          if (!ws.isEmpty()) {
            b.makeUpWorkday(d, ws);
          }
        }
        default -> {
          List<WorkingWindow> ws = randomWindows(r);
          if (!ws.isEmpty()) {
            b.shortDay(d, ws);
          }
        }
      }
    }
    return b.build();
  }

  private static Instant randomInstant(BusinessCalendar c, SplittableRandom r) {
    Instant lo = c.firstDate().atStartOfDay(c.zone()).toInstant();
    Instant hi = c.lastDate().plusDays(1).atStartOfDay(c.zone()).toInstant();
    long span = Duration.between(lo, hi).toSeconds();
    Instant t = lo.plusSeconds(r.nextLong(span));
    // a third of the time, snap to a quarter hour so window edges are hit exactly
    return r.nextInt(3) == 0
        ? t.truncatedTo(ChronoUnit.HOURS).plusSeconds(900L * r.nextInt(4))
        : t.plusNanos(r.nextInt(1000));
  }

  /**
   * Independent oracle: walks the days one by one with java.time and sums window overlaps (no
   * prefix sums).
   */
  private static long oracleWorkingNanos(BusinessCalendar c, Instant a, Instant b) {
    long sum = 0;
    LocalDate from = LocalDate.ofInstant(a, c.zone()).minusDays(1);
    LocalDate to = LocalDate.ofInstant(b, c.zone()).plusDays(1);
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (d.isBefore(c.firstDate()) || d.isAfter(c.lastDate())) {
        continue;
      }
      for (WorkingWindow w : c.windowsOn(d)) {
        Instant s = local(c.zone(), d, w.startSecondOfDay());
        Instant e = local(c.zone(), d, w.endSecondOfDayExclusive());
        Instant lo = s.isAfter(a) ? s : a;
        Instant hi = e.isBefore(b) ? e : b;
        if (hi.isAfter(lo)) {
          sum += Duration.between(lo, hi).toNanos();
        }
      }
    }
    return sum;
  }

  private static Instant local(ZoneId zone, LocalDate d, int secondOfDay) {
    if (secondOfDay == 86_400) {
      return d.plusDays(1).atStartOfDay(zone).toInstant();
    }
    LocalDateTime ldt = LocalDateTime.of(d, LocalTime.ofSecondOfDay(secondOfDay));
    List<ZoneOffset> offsets = zone.getRules().getValidOffsets(ldt);
    return offsets.isEmpty()
        ? zone.getRules().getTransition(ldt).getInstant()
        : ldt.toInstant(offsets.get(0));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void workingTimeBetweenMatchesDayByDayOracle(long seed) {
    BusinessCalendar c = randomCalendar(seed);
    SplittableRandom r = new SplittableRandom(seed * 31);
    for (int i = 0; i < 200; i++) {
      Instant a = randomInstant(c, r);
      Instant b = randomInstant(c, r);
      if (b.isBefore(a)) {
        Instant t = a;
        a = b;
        b = t;
      }
      assertThat(c.workingNanosBetween(a, b))
          .as("seed %s: [%s, %s) in %s", seed, a, b, c)
          .isEqualTo(oracleWorkingNanos(c, a, b));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void plusIsTheEarliestInstantWithThatMuchWorkingTime(long seed) {
    BusinessCalendar c = randomCalendar(seed);
    SplittableRandom r = new SplittableRandom(seed * 17);
    for (int i = 0; i < 300; i++) {
      Instant a = randomInstant(c, r);
      Duration d = Duration.ofSeconds(r.nextLong(40 * 3600L)).plusNanos(r.nextInt(3));
      Instant u;
      try {
        u = c.plusWorkingTime(a, d);
      } catch (OutsideCalendarException e) {
        continue;
      }
      String msg = String.format("seed %s: %s + %s = %s", seed, a, d, u);
      assertThat(u).as(msg).isAfterOrEqualTo(a);
      assertThat(c.workingTimeBetween(a, u)).as(msg).isEqualTo(d);
      if (!d.isZero()) {
        assertThat(c.workingTimeBetween(a, u.minusNanos(1))).as(msg).isLessThan(d);
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void plusIsMonotoneInStartAndAmount(long seed) {
    BusinessCalendar c = randomCalendar(seed);
    SplittableRandom r = new SplittableRandom(seed * 13);
    for (int i = 0; i < 200; i++) {
      Instant a1 = randomInstant(c, r);
      Instant a2 = a1.plusSeconds(r.nextInt(200_000));
      Duration d1 = Duration.ofMinutes(r.nextInt(3000));
      Duration d2 = d1.plusMinutes(r.nextInt(3000));
      try {
        String msg = String.format("seed %s a1 %s a2 %s d1 %s d2 %s", seed, a1, a2, d1, d2);
        assertThat(c.plusWorkingTime(a1, d1)).as(msg).isBeforeOrEqualTo(c.plusWorkingTime(a2, d1));
        assertThat(c.plusWorkingTime(a1, d1)).as(msg).isBeforeOrEqualTo(c.plusWorkingTime(a1, d2));
        int n = 1 + r.nextInt(5);
        for (WorkingDayRule rule : WorkingDayRule.values()) {
          assertThat(c.plusWorkingDays(a1, n, rule))
              .as(msg + " " + rule)
              .isBeforeOrEqualTo(c.plusWorkingDays(a2, n, rule));
          assertThat(c.plusWorkingDays(a1, n, rule))
              .as(msg + " " + rule)
              .isBeforeOrEqualTo(c.plusWorkingDays(a1, n + 1, rule));
        }
      } catch (OutsideCalendarException e) {
        // beyond the random coverage: nothing to compare
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void isWorkingAndNextWorkingAgreeWithOracle(long seed) {
    BusinessCalendar c = randomCalendar(seed);
    SplittableRandom r = new SplittableRandom(seed * 7);
    for (int i = 0; i < 200; i++) {
      Instant t = randomInstant(c, r);
      boolean working = oracleWorkingNanos(c, t, t.plusNanos(1)) == 1;
      assertThat(c.isWorkingTime(t)).as("seed %s t %s", seed, t).isEqualTo(working);
      try {
        Instant n = c.nextWorkingTime(t);
        assertThat(c.isWorkingTime(n)).as("seed %s t %s next %s", seed, t, n).isTrue();
        assertThat(c.workingNanosBetween(t, n)).isZero();
        assertThat(n.equals(t)).isEqualTo(working);
      } catch (OutsideCalendarException e) {
        assertThat(working).isFalse();
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void sameClockTimeLandsOnTheNthWorkingDay(long seed) {
    BusinessCalendar c = randomCalendar(seed);
    SplittableRandom r = new SplittableRandom(seed * 5);
    for (int i = 0; i < 100; i++) {
      Instant t = randomInstant(c, r);
      int n = 1 + r.nextInt(6);
      Instant u;
      Instant s;
      try {
        s = c.nextWorkingTime(t);
        u = c.plusWorkingDays(t, n, WorkingDayRule.SAME_CLOCK_TIME);
      } catch (OutsideCalendarException e) {
        continue;
      }
      // count working days strictly after the start day up to the result's day, day by day
      LocalDate sd = LocalDate.ofInstant(s, c.zone());
      int count = 0;
      LocalDate last = sd;
      for (LocalDate d = sd.plusDays(1); !d.isAfter(c.lastDate()) && count < n; d = d.plusDays(1)) {
        Instant dayStart = d.atStartOfDay(c.zone()).toInstant();
        Instant dayEnd = d.plusDays(1).atStartOfDay(c.zone()).toInstant();
        if (oracleWorkingNanos(c, dayStart, dayEnd) > 0) {
          count++;
          last = d;
        }
      }
      String msg = String.format("seed %s start %s (%s) + %d days = %s", seed, t, s, n, u);
      assertThat(count).as(msg).isEqualTo(n);
      // the result lies on that day (or is the midnight ending it, when its last window runs to
      // 24:00)
      assertThat(
              LocalDate.ofInstant(u, c.zone()).equals(last)
                  || LocalDate.ofInstant(u.minusNanos(1), c.zone()).equals(last))
          .as(msg + " expected on " + last)
          .isTrue();
    }
  }

  @Test
  void chinaOfficeHoursConstant() {
    assertThat(WorkingWindow.CHINA_OFFICE_HOURS)
        .containsExactly(w("09:00-12:00"), w("13:30-17:30"));
    assertThat(
            WorkingWindow.CHINA_OFFICE_HOURS.stream().mapToInt(WorkingWindow::lengthSeconds).sum())
        .isEqualTo(7 * 3600);
    assertThat(ImmutableList.of(w("00:00-24:00").toString(), w("08:15:30-09:00").toString()))
        .containsExactly("00:00-24:00", "08:15:30-09:00");
  }

  // ------------------------------------------------------------------ provenance and coverage
  // (issue 14)

  /**
   * Mon-Fri 09:00-17:00 over December 2026 only; 2026-12-21..12-27 provisional, 12-25 a provisional
   * holiday.
   */
  private static BusinessCalendar december2026() {
    return BusinessCalendar.builder()
        .edition("dec-2026")
        .coverage(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31))
        .weekly(
            java.util.EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            List.of(WorkingWindow.of(LocalTime.of(9, 0), LocalTime.of(17, 0))))
        .holiday(LocalDate.of(2026, 12, 25))
        .provisional(LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 27))
        .build();
  }

  @Test
  void provenance_isProvisionalExactlyOnTheMarkedDays() {
    BusinessCalendar c = december2026();
    for (int day = 1; day <= 31; day++) {
      LocalDate d = LocalDate.of(2026, 12, day);
      assertThat(c.provenance(d))
          .as("%s", d)
          .isEqualTo(day >= 21 && day <= 27 ? DayProvenance.PROVISIONAL : DayProvenance.OFFICIAL);
    }
    assertThat(c.firstProvisionalDate()).contains(LocalDate.of(2026, 12, 21));
    assertThat(
            c.toBuilder()
                .official(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31))
                .build()
                .firstProvisionalDate())
        .isEmpty();
  }

  @Test
  void isProvisionalBetween_agreesWithADayByDayCheck_inBothOrders() {
    BusinessCalendar c = december2026();
    ZoneId zone = c.zone();
    for (int a = 1; a <= 31; a += 2) {
      for (int b = 1; b <= 31; b += 3) {
        Instant ia = LocalDate.of(2026, 12, a).atTime(23, 59).atZone(zone).toInstant();
        Instant ib = LocalDate.of(2026, 12, b).atTime(0, 0).atZone(zone).toInstant();
        boolean expected = false;
        for (int d = Math.min(a, b); d <= Math.max(a, b); d++) {
          expected |= c.provenance(LocalDate.of(2026, 12, d)) == DayProvenance.PROVISIONAL;
        }
        assertThat(c.isProvisionalBetween(ia, ib)).as("%s..%s", a, b).isEqualTo(expected);
        assertThat(c.isProvisionalBetween(ib, ia)).isEqualTo(expected);
      }
    }
  }

  @Test
  void deadline_saysWhetherAProvisionalDayLayBetween() {
    BusinessCalendar c = december2026();
    Instant mon14 = LocalDateTime.parse("2026-12-14T10:00").atZone(c.zone()).toInstant();
    // 3 working days from Mon 12-14 10:00: Tue 15, Wed 16, Thu 17 10:00: all official.
    Deadline official = c.deadline(mon14, SlaLimit.workingDays(3, WorkingDayRule.SAME_CLOCK_TIME));
    assertThat(official)
        .isEqualTo(
            new Deadline(
                LocalDateTime.parse("2026-12-17T10:00").atZone(c.zone()).toInstant(),
                false,
                "dec-2026"));
    // 6 working days: 15, 16, 17, 18, 21 (provisional week), 22 -> 22 10:00, over provisional days.
    Deadline provisional =
        c.deadline(mon14, SlaLimit.workingDays(6, WorkingDayRule.SAME_CLOCK_TIME));
    assertThat(provisional.at())
        .isEqualTo(LocalDateTime.parse("2026-12-22T10:00").atZone(c.zone()).toInstant());
    assertThat(provisional.provisional()).isTrue();
    // natural time within the coverage is judged the same way
    assertThat(c.deadline(mon14, SlaLimit.natural(Duration.ofDays(8))).provisional()).isTrue();
    assertThat(c.deadline(mon14, SlaLimit.natural(Duration.ofDays(2))).provisional()).isFalse();
  }

  @Test
  void everyDateAndInstantQuery_justPastTheCoverage_throwsNamingTheDateAndCoverage() {
    BusinessCalendar c = december2026();
    LocalDate next = LocalDate.of(2027, 1, 1);
    Instant newYear = next.atTime(10, 0).atZone(c.zone()).toInstant();
    Instant lastEvening = LocalDateTime.parse("2026-12-31T16:00").atZone(c.zone()).toInstant();
    List<org.junit.jupiter.api.function.Executable> calls =
        List.of(
            () -> c.dayKind(next),
            () -> c.windowsOn(next),
            () -> c.isWorkingDay(next),
            () -> c.provenance(next),
            () -> c.isWorkingTime(newYear),
            () -> c.nextWorkingTime(newYear),
            () ->
                c.nextWorkingTime(
                    LocalDateTime.parse("2026-12-31T17:00").atZone(c.zone()).toInstant()),
            () -> c.workingTimeBetween(lastEvening, newYear),
            () -> c.workingNanosBetween(newYear, lastEvening),
            () -> c.plusWorkingTime(lastEvening, Duration.ofHours(2)),
            () -> c.plusWorkingDays(lastEvening, 1, WorkingDayRule.END_OF_WORKING_DAY),
            () -> c.plus(lastEvening, SlaLimit.workingDays(1, WorkingDayRule.SAME_CLOCK_TIME)),
            () -> c.deadline(lastEvening, SlaLimit.workingHours(2)),
            () -> c.isProvisionalBetween(lastEvening, newYear));
    for (org.junit.jupiter.api.function.Executable call : calls) {
      OutsideCalendarException e =
          org.junit.jupiter.api.Assertions.assertThrows(OutsideCalendarException.class, call);
      assertThat(e.date()).isAfter(LocalDate.of(2026, 12, 31));
      assertThat(e.getMessage()).contains("dec-2026").contains("2026-12-01..2026-12-31");
    }
    // the last covered day still answers
    assertThat(c.dayKind(LocalDate.of(2026, 12, 31))).isEqualTo(BusinessCalendar.DayKind.REGULAR);
    assertThat(c.covers(lastEvening)).isTrue();
    assertThat(c.covers(newYear)).isFalse();
  }

  @Test
  void provisionalDays_takePartInEquality() {
    BusinessCalendar c = december2026();
    assertThat(c)
        .isNotEqualTo(
            c.toBuilder().official(LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 21)).build());
    assertThat(c).isEqualTo(c.toBuilder().build()).hasSameHashCodeAs(c.toBuilder().build());
    assertThat(c.toString()).contains("provisional from 2026-12-21");
  }
}
