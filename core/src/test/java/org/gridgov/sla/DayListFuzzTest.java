package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.gridgov.TextParseException;

/**
 * Fuzz target for {@link ChinaCalendar#applyDayList}: any text declares its days (and the calendar
 * builds and answers) or gives a {@link TextParseException} with positions; never another
 * exception.
 */
class DayListFuzzTest {
  private static final String SOURCE = "fuzz-days.txt";

  @FuzzTest(maxDuration = "5m")
  void applyDayList(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    BusinessCalendar.Builder b =
        BusinessCalendar.builder()
            .edition("fuzz")
            .zone(BusinessCalendar.DEFAULT_ZONE)
            .coverage(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31))
            .weekly(
                java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY),
                WorkingWindow.CHINA_OFFICE_HOURS)
            .makeUpWindows(WorkingWindow.CHINA_OFFICE_HOURS);
    try {
      ChinaCalendar.applyDayList(b, new StringReader(text), SOURCE);
    } catch (TextParseException e) {
      assertThat(e.problems())
          .isNotEmpty()
          .allSatisfy(
              p -> {
                assertThat(p.source()).isEqualTo(SOURCE);
                assertThat(p.line()).isPositive();
              });
      return;
    }
    BusinessCalendar c = b.build();
    LocalDate d = LocalDate.of(2025, 1, 1);
    var unused = c.isWorkingDay(d);
    assertThat(
            c.plusWorkingDays(
                d.atTime(10, 0).atZone(BusinessCalendar.DEFAULT_ZONE).toInstant(),
                1,
                WorkingDayRule.SAME_CLOCK_TIME))
        .isNotNull();
  }
}
