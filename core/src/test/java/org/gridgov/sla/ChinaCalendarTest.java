package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridgov.TextParseException;
import org.junit.jupiter.api.Test;

/**
 * The built-in China calendar against the published schedules. Every expected value below was
 * worked out by hand from the State Council notices (as listed in holiday-cn) and China office
 * hours 09:00-12:00, 13:30-17:30 (7 h a day); the arithmetic is in each test's comment.
 */
class ChinaCalendarTest {

  private static final ZoneId SH = ZoneId.of("Asia/Shanghai");
  private static final BusinessCalendar CN = ChinaCalendar.calendar();

  private static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SH).toInstant();
  }

  @Test
  void fiveWorkingDaysFromFridayEveningAcrossSpringFestival2025_sameClockTime() {
    // Start Fri 2025-01-24 17:00 (working time, afternoon window). Working days after Fri 01-24:
    // Sat 01-25 off (unlisted weekend); Sun 01-26 make-up workday -> #1; Mon 01-27 -> #2;
    // 01-28..02-04 holidays (01-28 is 除夕, a statutory day off from 2025); Wed 02-05 -> #3; Thu
    // 02-06 -> #4;
    // Fri 02-07 -> #5. Same clock time 17:00 -> 2025-02-07 17:00.
    assertThat(CN.plusWorkingDays(at("2025-01-24T17:00"), 5, WorkingDayRule.SAME_CLOCK_TIME))
        .isEqualTo(at("2025-02-07T17:00"));
  }

  @Test
  void fiveWorkingDaysFromFridayEveningAcrossSpringFestival2025_endOfWorkingDay() {
    // Same 5th working day as above (Fri 02-07); the end of its last window is 17:30.
    assertThat(CN.plusWorkingDays(at("2025-01-24T17:00"), 5, WorkingDayRule.END_OF_WORKING_DAY))
        .isEqualTo(at("2025-02-07T17:30"));
  }

  @Test
  void thirtyFiveWorkingHoursFromFridayEveningAcrossSpringFestival2025() {
    // 35 h = 5 x 7 h. Fri 01-24 17:00-17:30 = 0.5 h; Sun 01-26 (make-up) 7 h -> 7.5; Mon 01-27 ->
    // 14.5;
    // Wed 02-05 -> 21.5; Thu 02-06 -> 28.5; Fri 02-07 needs 6.5 h: 09:00-12:00 (3 h), 13:30 + 3.5 h
    // = 17:00.
    assertThat(CN.plusWorkingTime(at("2025-01-24T17:00"), Duration.ofHours(35)))
        .isEqualTo(at("2025-02-07T17:00"));
    assertThat(CN.workingTimeBetween(at("2025-01-24T17:00"), at("2025-02-07T17:00")))
        .isEqualTo(Duration.ofHours(35));
  }

  @Test
  void makeUpWorkdaysOfSpringFestival2025AreWorkingAndHolidaysAreNot() {
    assertThat(CN.isWorkingTime(at("2025-01-26T10:00"))).isTrue(); // Sunday, make-up
    assertThat(CN.isWorkingTime(at("2025-02-08T10:00"))).isTrue(); // Saturday, make-up
    assertThat(CN.isWorkingTime(at("2025-01-28T10:00"))).isFalse(); // Tuesday, 除夕 holiday
    assertThat(CN.isWorkingTime(at("2025-02-04T10:00"))).isFalse(); // Tuesday, last holiday
    assertThat(CN.isWorkingTime(at("2025-02-09T10:00"))).isFalse(); // unlisted Sunday
    assertThat(CN.dayKind(LocalDate.of(2025, 1, 26)))
        .isEqualTo(BusinessCalendar.DayKind.MAKE_UP_WORKDAY);
    assertThat(CN.dayKind(LocalDate.of(2025, 1, 28))).isEqualTo(BusinessCalendar.DayKind.HOLIDAY);
    // Next working time after the holiday eve's close, Mon 01-27 17:30: the holidays run to 02-04,
    // so Wed 02-05 09:00.
    assertThat(CN.nextWorkingTime(at("2025-01-27T17:30"))).isEqualTo(at("2025-02-05T09:00"));
  }

  @Test
  void fiveWorkingDaysAcrossNationalDay2024() {
    // Start Fri 2024-09-27 10:00. Sat 09-28 off; Sun 09-29 make-up -> #1; Mon 09-30 -> #2;
    // 10-01..10-07 holidays;
    // Tue 10-08 -> #3; Wed 10-09 -> #4; Thu 10-10 -> #5 -> 2024-10-10 10:00. (Sat 10-12 is also a
    // make-up day
    // but comes later.)
    assertThat(CN.plusWorkingDays(at("2024-09-27T10:00"), 5, WorkingDayRule.SAME_CLOCK_TIME))
        .isEqualTo(at("2024-10-10T10:00"));
    // From Wed 10-09 10:00: Thu 10-10 #1, Fri 10-11 #2, Sat 10-12 make-up #3, Mon 10-14 #4, Tue
    // 10-15 #5.
    assertThat(CN.plusWorkingDays(at("2024-10-09T10:00"), 5, WorkingDayRule.SAME_CLOCK_TIME))
        .isEqualTo(at("2024-10-15T10:00"));
  }

  @Test
  void workingHoursAcrossLunchBreak() {
    // Tue 2024-03-12 11:00 + 2 h: 11:00-12:00 (1 h), lunch, 13:30 + 1 h = 14:30.
    assertThat(CN.plusWorkingTime(at("2024-03-12T11:00"), Duration.ofHours(2)))
        .isEqualTo(at("2024-03-12T14:30"));
    // Lunch itself is not working time; 12:00 is the (exclusive) end of the morning window.
    assertThat(CN.isWorkingTime(at("2024-03-12T12:00"))).isFalse();
    assertThat(CN.isWorkingTime(at("2024-03-12T11:59:59"))).isTrue();
    assertThat(CN.nextWorkingTime(at("2024-03-12T12:00"))).isEqualTo(at("2024-03-12T13:30"));
  }

  @Test
  void workingHoursAcrossNationalDayHolidayEve() {
    // Mon 2024-09-30 (last workday before National Day) 16:00 + 4 h: 16:00-17:30 = 1.5 h;
    // 10-01..10-07 off;
    // Tue 10-08 09:00 + 2.5 h = 11:30.
    assertThat(CN.plusWorkingTime(at("2024-09-30T16:00"), Duration.ofHours(4)))
        .isEqualTo(at("2024-10-08T11:30"));
    // Whole holiday week holds exactly those 1.5 h + 2.5 h.
    assertThat(CN.workingTimeBetween(at("2024-09-30T16:00"), at("2024-10-08T11:30")))
        .isEqualTo(Duration.ofHours(4));
  }

  @Test
  void deadlineExactlyAtWindowEndStaysThere() {
    // Tue 2024-03-12 16:30 + 1 h = 17:30 exactly (end of the afternoon window), not the next
    // morning.
    assertThat(CN.plusWorkingTime(at("2024-03-12T16:30"), Duration.ofHours(1)))
        .isEqualTo(at("2024-03-12T17:30"));
  }

  @Test
  void lastDayOfDataAndBeyond_officialOnly() {
    BusinessCalendar official = ChinaCalendar.calendar(0);
    assertThat(official.edition()).isEqualTo("cn-2007-2026");
    // Thu 2026-12-31 is an unlisted weekday: working. 16:00 + 1.5 h = 17:30 that day, the last
    // covered instant.
    assertThat(official.plusWorkingTime(at("2026-12-31T16:00"), Duration.ofMinutes(90)))
        .isEqualTo(at("2026-12-31T17:30"));
    // One more minute needs 2027, which the official years do not cover: the error names the date
    // and the range.
    assertThatThrownBy(
            () -> official.plusWorkingTime(at("2026-12-31T16:00"), Duration.ofMinutes(91)))
        .isInstanceOf(OutsideCalendarException.class)
        .hasMessageContaining("2027-01-01")
        .hasMessageContaining("2007-01-01..2026-12-31");
    assertThatThrownBy(() -> official.isWorkingTime(at("2027-01-04T10:00")))
        .isInstanceOf(OutsideCalendarException.class)
        .hasMessageContaining("2027-01-04");
    assertThatThrownBy(() -> CN.isWorkingTime(at("2006-12-30T10:00")))
        .isInstanceOf(OutsideCalendarException.class)
        .hasMessageContaining("2006-12-30");
    // Last listed date in the data: Sat 2026-10-10 is a make-up workday.
    assertThat(official.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
    assertThat(official.firstProvisionalDate()).isEmpty();
  }

  @Test
  void theBuiltInCalendar_runsTenProvisionalYearsPastTheLastNotice_andThenStops() {
    assertThat(CN.edition()).isEqualTo(ChinaCalendar.EDITION).isEqualTo("cn-2007-2026+p2036");
    assertThat(CN.lastDate()).isEqualTo(LocalDate.of(2036, 12, 31));
    assertThat(CN.firstProvisionalDate()).contains(LocalDate.of(2027, 1, 1));
    assertThat(CN.provenance(LocalDate.of(2026, 12, 31))).isEqualTo(DayProvenance.OFFICIAL);
    assertThat(CN.provenance(LocalDate.of(2027, 1, 1))).isEqualTo(DayProvenance.PROVISIONAL);
    assertThat(CN.provenance(LocalDate.of(2036, 12, 31))).isEqualTo(DayProvenance.PROVISIONAL);
    // Thu 2026-12-31 16:00 + 2 h: 1.5 h on 12-31, Fri 2027-01-01 off (元旦, a statutory day), the
    // weekend,
    // Mon 01-04 09:00 + 0.5 h = 09:30, over provisional days.
    Deadline d = CN.deadline(at("2026-12-31T16:00"), SlaLimit.workingHours(2));
    assertThat(d).isEqualTo(new Deadline(at("2027-01-04T09:30"), true, ChinaCalendar.EDITION));
    assertThatThrownBy(() -> CN.plusWorkingTime(at("2036-12-31T16:00"), Duration.ofHours(2)))
        .isInstanceOf(OutsideCalendarException.class)
        .hasMessageContaining("2037-01-01")
        .hasMessageContaining("2007-01-01..2036-12-31");
    assertThat(ChinaCalendar.calendar(3).lastDate()).isEqualTo(LocalDate.of(2029, 12, 31));
    assertThatThrownBy(() -> ChinaCalendar.calendar(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0..");
  }

  /**
   * Every predicted day of every provisional year (a year's prediction may reach into the December
   * before) is declared as predicted and provisional; every other date of those years, the open
   * ones included, keeps its weekday.
   */
  @Test
  void provisionalYears_declareExactlyThePrediction() {
    java.util.Map<LocalDate, ProvisionalYear.Day> predicted = new java.util.HashMap<>();
    for (int year = 2027; year <= 2036; year++) {
      for (ProvisionalYear.Day day : ChinaHolidayRules.predict(year).days()) {
        assertThat(predicted.put(day.date(), day)).as("%s predicted twice", day.date()).isNull();
      }
    }
    int declared = 0;
    for (LocalDate d = LocalDate.of(2027, 1, 1); d.getYear() <= 2036; d = d.plusDays(1)) {
      ProvisionalYear.Day day = predicted.get(d);
      assertThat(CN.dayKind(d))
          .as("%s", d)
          .isEqualTo(day == null ? BusinessCalendar.DayKind.REGULAR : day.kind());
      assertThat(CN.provenance(d)).isEqualTo(DayProvenance.PROVISIONAL);
      declared += day == null ? 0 : 1;
    }
    assertThat(declared).isGreaterThan(10 * 25);
  }

  @Test
  void builtInResourceAgreesWithEveryPublishedJsonFile() throws IOException {
    Path dir = Path.of(System.getProperty("gridgov.shared.data"), "holiday-cn");
    Pattern day =
        Pattern.compile(
            "\"date\"\\s*:\\s*\"(\\d{4}-\\d{2}-\\d{2})\"\\s*,\\s*\"isOffDay\"\\s*:\\s*(true|false)");
    int checked = 0;
    for (int year = 2007; year <= 2026; year++) {
      String json = Files.readString(dir.resolve(year + ".json"), StandardCharsets.UTF_8);
      Matcher m = day.matcher(json);
      while (m.find()) {
        LocalDate d = LocalDate.parse(m.group(1));
        if (d.isBefore(CN.firstDate())) {
          continue; // 2006-12-30/31 from the 2007 notice lie before the coverage
        }
        boolean off = m.group(2).equals("true");
        assertThat(CN.dayKind(d))
            .as("%s in %s.json", d, year)
            .isEqualTo(
                off ? BusinessCalendar.DayKind.HOLIDAY : BusinessCalendar.DayKind.MAKE_UP_WORKDAY);
        assertThat(CN.isWorkingDay(d)).as("%s", d).isEqualTo(!off);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(600);
    // Unlisted days follow the weekday: Sat 2025-03-01 off, Mon 2025-03-03 on.
    assertThat(CN.isWorkingDay(LocalDate.of(2025, 3, 1))).isFalse();
    assertThat(CN.isWorkingDay(LocalDate.of(2025, 3, 3))).isTrue();
  }

  @Test
  void newYearAddedAsNewEdition() {
    // An embedder adds a made-up 2027 schedule to the official years: coverage to 2027-12-31 and
    // 2027-01-01 off.
    BusinessCalendar.Builder b =
        ChinaCalendar.builder(0)
            .edition("cn-2027")
            .coverage(LocalDate.of(2007, 1, 1), LocalDate.of(2027, 12, 31));
    ChinaCalendar.applyDayList(
        b, new StringReader("# 2027\n2027-01-01 off 2027 元旦\n"), "cn-2027.txt");
    BusinessCalendar cn2027 = b.build();
    // Thu 2026-12-31 16:00 + 2 h: 1.5 h on 12-31, Fri 2027-01-01 off, Sat/Sun off, Mon 01-04 09:00
    // + 0.5 h = 09:30.
    assertThat(cn2027.plusWorkingTime(at("2026-12-31T16:00"), Duration.ofHours(2)))
        .isEqualTo(at("2027-01-04T09:30"));
  }

  @Test
  void dayListErrorsNameLineAndValue() {
    BusinessCalendar.Builder b =
        ChinaCalendar.builder(0).coverage(LocalDate.of(2007, 1, 1), LocalDate.of(2027, 12, 31));
    assertThatThrownBy(
            () ->
                ChinaCalendar.applyDayList(
                    b,
                    new StringReader("2027-01-01 off\n2027-13-01 off\n2027-01-02 maybe\n"),
                    "x.txt"))
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining("x.txt:2:1 (date) \"2027-13-01\"")
        .hasMessageContaining("x.txt:3:12 (flag) \"maybe\""); // the column where the flag starts
    // nothing applied: 2027-01-01 was valid but the list as a whole was not
    assertThat(b.build().datedDays()).doesNotContainKey(LocalDate.of(2027, 1, 1));
  }

  // ------------------------------------------------------------------ day lists and notices
  // (issues 14, 17)

  private static BusinessCalendar.Builder coverage2027() {
    return BusinessCalendar.builder()
        .coverage(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));
  }

  @Test
  void applyDayList_refusesTheSameDateAsOffAndWork_namingBothLines_andAppliesNothing() {
    BusinessCalendar.Builder b = coverage2027();
    assertThatThrownBy(
            () ->
                ChinaCalendar.applyDayList(
                    b,
                    new StringReader("2027-01-01 off\n2027-02-06 off\n2027-01-01 work\n"),
                    "days.txt"))
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining("days.txt")
        .hasMessageContaining("days.txt:3:1")
        .hasMessageContaining("2027-01-01 is listed as work here but as off on line 1");
    assertThat(b.datedDays()).isEmpty();
  }

  @Test
  void applyDayList_refusesDatesOutsideTheCoverage() {
    BusinessCalendar.Builder b = coverage2027();
    assertThatThrownBy(
            () ->
                ChinaCalendar.applyDayList(
                    b,
                    new StringReader("2027-01-01 off\n2026-12-31 work\n2028-01-01 off\n"),
                    "days.txt"))
        .isInstanceOf(TextParseException.class)
        .satisfies(
            e ->
                assertThat(((TextParseException) e).problems())
                    .extracting(TextParseException.Problem::line)
                    .containsExactly(2, 3))
        .hasMessageContaining("outside the calendar's coverage 2027-01-01..2027-12-31");
    assertThat(b.datedDays()).isEmpty();
    assertThatThrownBy(
            () ->
                ChinaCalendar.applyDayList(
                    BusinessCalendar.builder(), new StringReader("2027-01-01 off\n"), "days.txt"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("coverage");
  }

  @Test
  void withNotice_replacesTheYear_makesItOfficial_andLeavesOtherYearsAlone() {
    BusinessCalendar base =
        ChinaCalendar.calendar(0).toBuilder()
            .edition("base")
            .coverage(LocalDate.of(2007, 1, 1), LocalDate.of(2028, 12, 31))
            .holiday(LocalDate.of(2027, 1, 1))
            .holiday(LocalDate.of(2027, 6, 9))
            .holiday(LocalDate.of(2028, 1, 3))
            .makeUpWorkday(
                LocalDate.of(2026, 12, 27)) // a predicted spill of 2027 into December 2026
            .provisional(LocalDate.of(2026, 12, 27), LocalDate.of(2026, 12, 27))
            .provisional(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 12, 31))
            .build();
    HolidayNotice notice =
        HolidayNotice.parseDayList(
            2027,
            new StringReader(
                """
        2027-01-01 off 元旦
        2027-01-04 off 元旦 (a bridge day)
        2027-01-09 work 元旦
        """),
            "2027.txt");
    BusinessCalendar cn2027 = ChinaCalendar.withNotice(base, notice, "cn-2027");
    assertThat(cn2027.edition()).isEqualTo("cn-2027");
    assertThat(cn2027.dayKind(LocalDate.of(2027, 1, 4)))
        .isEqualTo(BusinessCalendar.DayKind.HOLIDAY);
    assertThat(cn2027.dayKind(LocalDate.of(2027, 1, 9)))
        .isEqualTo(BusinessCalendar.DayKind.MAKE_UP_WORKDAY);
    assertThat(cn2027.dayKind(LocalDate.of(2027, 6, 9)))
        .isEqualTo(BusinessCalendar.DayKind.REGULAR);
    assertThat(cn2027.dayKind(LocalDate.of(2026, 12, 27)))
        .isEqualTo(BusinessCalendar.DayKind.REGULAR);
    assertThat(cn2027.provenance(LocalDate.of(2026, 12, 27))).isEqualTo(DayProvenance.OFFICIAL);
    assertThat(cn2027.provenance(LocalDate.of(2027, 7, 1))).isEqualTo(DayProvenance.OFFICIAL);
    assertThat(cn2027.provenance(LocalDate.of(2028, 1, 3))).isEqualTo(DayProvenance.PROVISIONAL);
    assertThat(cn2027.dayKind(LocalDate.of(2028, 1, 3)))
        .isEqualTo(BusinessCalendar.DayKind.HOLIDAY);
    assertThat(cn2027.firstProvisionalDate()).contains(LocalDate.of(2028, 1, 1));
    // everything before December 2026 is untouched
    assertThat(cn2027.datesThatDiffer(base))
        .containsExactly(
            LocalDate.of(2026, 12, 27),
            LocalDate.of(2027, 1, 4),
            LocalDate.of(2027, 1, 9),
            LocalDate.of(2027, 6, 9));
    assertThatThrownBy(() -> ChinaCalendar.withNotice(base, notice, "base"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a name other than base");
  }

  @Test
  void withNotice_forAYearPastTheCoverage_extendsIt() {
    BusinessCalendar official = ChinaCalendar.calendar(0);
    BusinessCalendar next =
        ChinaCalendar.withNotice(
            official,
            HolidayNotice.parseDayList(2027, new StringReader("2027-01-01 off\n"), "2027.txt"),
            "cn-2027");
    assertThat(next.lastDate()).isEqualTo(LocalDate.of(2027, 12, 31));
    assertThat(next.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
    assertThat(next.isWorkingDay(LocalDate.of(2027, 1, 4))).isTrue();
    assertThat(next.firstProvisionalDate()).isEmpty();
  }
}
