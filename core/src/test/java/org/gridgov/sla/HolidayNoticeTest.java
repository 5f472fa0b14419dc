package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.gridgov.TextParseException;
import org.junit.jupiter.api.Test;

class HolidayNoticeTest {

  private static HolidayNotice parse(String text) {
    return HolidayNotice.parseDayList(2027, new StringReader(text), "notice-2027.txt");
  }

  @Test
  void parseDayList_readsDaysSortedWithTheirNames() {
    HolidayNotice n =
        parse(
            """
        # a comment
        2027-01-02 off 元旦
        2027-01-01 off 元旦

        2026-12-27 work 元旦 (the December before)
        """);
    assertThat(n.year()).isEqualTo(2027);
    assertThat(n.days())
        .containsExactly(
            new HolidayNotice.Day(LocalDate.of(2026, 12, 27), false, "元旦 (the December before)"),
            new HolidayNotice.Day(LocalDate.of(2027, 1, 1), true, "元旦"),
            new HolidayNotice.Day(LocalDate.of(2027, 1, 2), true, "元旦"));
  }

  @Test
  void parseDayList_refusesTheSameDateOffAndWork_namingTheOtherLine() {
    assertThatThrownBy(() -> parse("2027-01-01 off\n2027-01-02 off\n2027-01-01 work\n"))
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining("notice-2027.txt:3:1")
        .hasMessageContaining("2027-01-01 is already listed on line 1");
  }

  @Test
  void parseDayList_refusesDatesOutsideTheYearAndTheDecemberBefore() {
    assertThatThrownBy(() -> parse("2026-11-30 work\n2028-01-01 off\n2026-12-01 work\n"))
        .isInstanceOf(TextParseException.class)
        .satisfies(
            e ->
                assertThat(((TextParseException) e).problems())
                    .extracting(TextParseException.Problem::line)
                    .containsExactly(1, 2))
        .hasMessageContaining("2026-12-01..2027-12-31");
  }

  @Test
  void parseDayList_reportsEveryBadLineWithItsColumn() {
    assertThatThrownBy(() -> parse("2027-13-01 off\n2027-01-01 holiday\n2027-01-02\n"))
        .isInstanceOf(TextParseException.class)
        .satisfies(
            e -> {
              List<TextParseException.Problem> p = ((TextParseException) e).problems();
              assertThat(p).extracting(TextParseException.Problem::line).containsExactly(1, 2, 3);
              assertThat(p)
                  .extracting(TextParseException.Problem::column)
                  .containsExactly(1, 12, 12);
              assertThat(p.get(1).value()).isEqualTo("holiday");
            });
  }

  @Test
  void of_refusesDuplicatesAndDatesOutside_namingTheIndex() {
    LocalDate d = LocalDate.of(2027, 5, 1);
    assertThatThrownBy(
            () ->
                HolidayNotice.of(
                    2027,
                    List.of(
                        new HolidayNotice.Day(d, true, ""), new HolidayNotice.Day(d, false, ""))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("days[1]")
        .hasMessageContaining("already listed at days[0] (as off)");
    assertThatThrownBy(
            () ->
                HolidayNotice.of(
                    2027, List.of(new HolidayNotice.Day(LocalDate.of(2025, 12, 31), true, ""))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("days[0] 2025-12-31");
    assertThatThrownBy(() -> HolidayNotice.of(1900, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1901..2199");
  }

  @Test
  void equalNoticesAreEqual_whateverTheOrderOfTheirDays() {
    HolidayNotice.Day a = new HolidayNotice.Day(LocalDate.of(2027, 1, 1), true, "元旦");
    HolidayNotice.Day b = new HolidayNotice.Day(LocalDate.of(2027, 2, 6), true, "春节");
    assertThat(HolidayNotice.of(2027, List.of(a, b)))
        .isEqualTo(HolidayNotice.of(2027, List.of(b, a)))
        .hasSameHashCodeAs(HolidayNotice.of(2027, List.of(b, a)))
        .isNotEqualTo(HolidayNotice.of(2027, List.of(a)));
    assertThat(HolidayNotice.of(2027, List.of(a)).toString())
        .isEqualTo("HolidayNotice[2027, 1 days]");
  }
}
