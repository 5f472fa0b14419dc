package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableSortedMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped lunar table against its two oracles: ICU4J (every row recomputed, 2007–2100) and the
 * State Council notices (2007–2026: each festival date is a listed day off under that festival's
 * name).
 */
class LunarDatesTableTest {

  static IntStream allYears() {
    return IntStream.rangeClosed(LunarDates.FIRST_YEAR, LunarDates.LAST_YEAR);
  }

  @ParameterizedTest
  @MethodSource("allYears")
  void everyRowEqualsIcu(int year) {
    assertThat(LunarDates.of(year)).isEqualTo(LunarDatesGenerator.compute(year));
  }

  @Test
  void shippedFileIsExactlyWhatTheGeneratorWrites() throws IOException {
    String shipped;
    try (InputStream in =
        Objects.requireNonNull(LunarDates.class.getResourceAsStream(LunarDates.RESOURCE))) {
      shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(shipped)
        .as("regenerate with: %s", LunarDatesGenerator.COMMAND)
        .isEqualTo(LunarDatesGenerator.render());
  }

  /**
   * 清明 2007–2026 as the notices name it (e.g. 2008: "4月4日（清明节）为法定节假日"; 2015: "4月5日放假，4月6日（星期一）补休"),
   * typed in independently of ICU.
   */
  static Stream<Arguments> publishedQingming() {
    int[] aprilDay = {5, 4, 4, 5, 5, 4, 4, 5, 5, 4, 4, 5, 5, 4, 4, 5, 5, 4, 4, 5};
    return IntStream.range(0, aprilDay.length)
        .mapToObj(i -> Arguments.of(2007 + i, LocalDate.of(2007 + i, 4, aprilDay[i])));
  }

  @ParameterizedTest
  @MethodSource("publishedQingming")
  void qingmingMatchesEveryPublishedYear(int year, LocalDate published) {
    assertThat(LunarDates.of(year).qingming()).isEqualTo(published);
  }

  static IntStream publishedYears() {
    return IntStream.rangeClosed(2007, 2026);
  }

  @ParameterizedTest
  @MethodSource("publishedYears")
  void festivalDatesAreDaysOffNamedForTheirFestivalInTheNotice(int year) {
    ImmutableSortedMap<LocalDate, HolidayNotices.Listed> notice = HolidayNotices.notice(year);
    LunarDates.Year row = LunarDates.of(year);
    assertListedOff(notice, row.newYear(), "春节");
    if (year >= 2008) { // 清明, 端午 and 中秋 became holidays with the 2007 revision, in force from 2008
      assertListedOff(notice, row.qingming(), "清明");
      assertListedOff(notice, row.duanwu(), "端午");
      assertListedOff(notice, row.zhongqiu(), "中秋");
    }
  }

  private static void assertListedOff(
      ImmutableSortedMap<LocalDate, HolidayNotices.Listed> notice, LocalDate date, String name) {
    HolidayNotices.Listed listed = notice.get(date);
    assertThat(listed).as("%s (%s) listed in the notice", date, name).isNotNull();
    assertThat(Objects.requireNonNull(listed).off()).as("%s (%s) off", date, name).isTrue();
    assertThat(listed.name()).as("%s", date).contains(name);
  }

  @Test
  void yearsOutsideTheTableAreRefusedNamingTheRange() {
    assertThatThrownBy(() -> LunarDates.of(2006))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no lunar dates for year 2006: cn-lunar-dates.txt covers 2007..2100");
    assertThatThrownBy(() -> LunarDates.of(2101))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("year 2101")
        .hasMessageContaining("2007..2100");
    assertThat(LunarDates.of(2007).year()).isEqualTo(2007);
    assertThat(LunarDates.of(2100).year()).isEqualTo(2100);
  }

  @Test
  void aRowOutOfOrderOrMalformedIsRefusedWithItsLine() {
    assertThatThrownBy(
            () ->
                LunarDates.parse(
                    new StringReader(
                        "# c\n2008 2008-02-06 2008-02-07 2008-04-04 2008-06-08 2008-09-14\n")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("expected \"2007\"");
    assertThatThrownBy(() -> LunarDates.parse(new StringReader("2007 2007-02-17 2007-02-18\n")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("line 1");
    assertThatThrownBy(
            () ->
                LunarDates.parse(
                    new StringReader(
                        "2007 2007-02-17 2007-02-18 2007-04-05 2007-06-19 2007-09-25\n")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ends after year 2007; expected rows up to 2100");
  }

  @Test
  void theShippedTableParsesToEveryYearInOrder() throws IOException {
    try (Reader r =
        new InputStreamReader(
            Objects.requireNonNull(LunarDates.class.getResourceAsStream(LunarDates.RESOURCE)),
            StandardCharsets.UTF_8)) {
      List<LunarDates.Year> years = LunarDates.parse(r);

      assertThat(years).hasSize(LunarDates.LAST_YEAR - LunarDates.FIRST_YEAR + 1);
      for (int i = 0; i < years.size(); i++) {
        assertThat(years.get(i).year()).isEqualTo(LunarDates.FIRST_YEAR + i);
      }
      assertThat(years.get(0).newYear()).isEqualTo(LocalDate.of(2007, 2, 18)); // 春节 2007
    }
  }

  @Test
  void aSecondRowIsCheckedAgainstTheYearAfterTheFirst() {
    String first = "2007 2007-02-17 2007-02-18 2007-04-05 2007-06-19 2007-09-25\n";
    assertThatThrownBy(
            () ->
                LunarDates.parse(
                    new StringReader(
                        first + "2008 2008-02-06 2008-02-07 2008-04-04 2008-06-08 2008-09-14\n")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ends after year 2008");
    assertThatThrownBy(
            () ->
                LunarDates.parse(
                    new StringReader(
                        first + "2009 2009-01-25 2009-01-26 2009-04-04 2009-05-28 2009-10-03\n")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("expected \"2008\"");
  }

  @Test
  void aRowWhoseEveIsNotTheDayBeforeNewYearIsRefused() {
    assertThatThrownBy(
            () ->
                new LunarDates.Year(
                    2007,
                    LocalDate.of(2007, 2, 16),
                    LocalDate.of(2007, 2, 18),
                    LocalDate.of(2007, 4, 5),
                    LocalDate.of(2007, 6, 19),
                    LocalDate.of(2007, 9, 25)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2007-02-16");
  }
}
