package org.gridgov.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.gridgov.TextParseException;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.ChinaCalendar;
import org.gridgov.sla.HolidayNotice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HolidayNoticeJsonTest {

  private static final Path DATA =
      Path.of(System.getProperty("gridgov.shared.data", "../../shared/data"), "holiday-cn");

  static List<Integer> publishedYears() {
    return java.util.stream.IntStream.rangeClosed(2007, 2026).boxed().toList();
  }

  /**
   * Every published notice loads, and says what the built-in calendar (made from the same files)
   * says.
   */
  @ParameterizedTest
  @MethodSource("publishedYears")
  void everyPublishedNotice_loads_andAgreesWithTheBuiltInCalendar(int year) throws IOException {
    HolidayNotice n;
    try (Reader in =
        Files.newBufferedReader(DATA.resolve(year + ".json"), StandardCharsets.UTF_8)) {
      n = HolidayNoticeJson.read(in, year + ".json");
    }
    assertThat(n.year()).isEqualTo(year);
    assertThat(n.days()).isNotEmpty();
    BusinessCalendar cn = ChinaCalendar.calendar();
    for (HolidayNotice.Day d : n.days()) {
      if (d.date().isBefore(cn.firstDate())) {
        continue; // 2006-12-30/31 of the 2007 notice lie before the built-in coverage
      }
      assertThat(cn.dayKind(d.date()))
          .as("%s", d)
          .isEqualTo(
              d.offDay()
                  ? BusinessCalendar.DayKind.HOLIDAY
                  : BusinessCalendar.DayKind.MAKE_UP_WORKDAY);
    }
  }

  @Test
  void theFixture_readsItsDaysAndNames_ignoringUnknownFields() throws IOException {
    HolidayNotice n = fixture();
    assertThat(n.year()).isEqualTo(2027);
    assertThat(n.days())
        .hasSize(5)
        .first()
        .isEqualTo(new HolidayNotice.Day(LocalDate.of(2027, 1, 1), true, "元旦"));
    assertThat(n.days().get(4))
        .isEqualTo(new HolidayNotice.Day(LocalDate.of(2027, 1, 9), false, "元旦"));
  }

  static HolidayNotice fixture() throws IOException {
    try (Reader in =
        new InputStreamReader(
            Objects.requireNonNull(
                HolidayNoticeJsonTest.class.getResourceAsStream("2027-fixture.json")),
            StandardCharsets.UTF_8)) {
      return HolidayNoticeJson.read(in, "2027-fixture.json");
    }
  }

  private static TextParseException refused(String json) {
    HolidayNotice accepted;
    try {
      accepted = HolidayNoticeJson.read(new StringReader(json), "n.json");
    } catch (TextParseException e) {
      return e;
    }
    throw new AssertionError("accepted: " + accepted);
  }

  @Test
  void aContradictoryNotice_isRefusedWhole_namingBothPositions() {
    TextParseException e =
        refused(
            """
        {"year": 2027, "days": [
          {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
          {"name": "元旦", "date": "2027-01-01", "isOffDay": false}
        ]}""");
    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(3);
              assertThat(p.field()).isEqualTo("days[1].date");
              assertThat(p.reason()).contains("already listed at days[0] (line 2)");
            });
  }

  @Test
  void datesOutsideTheYearAndItsDecember_areRefused_evenWhenTheYearComesLast() {
    TextParseException e =
        refused(
            """
        {"days": [
          {"date": "2026-11-30", "isOffDay": false},
          {"date": "2026-12-27", "isOffDay": false},
          {"date": "2028-01-01", "isOffDay": true}
        ], "year": 2027}""");
    assertThat(e.problems()).extracting(TextParseException.Problem::line).containsExactly(2, 4);
    assertThat(e.problems())
        .extracting(TextParseException.Problem::field)
        .containsExactly("days[0].date", "days[2].date");
    assertThat(e.getMessage()).contains("2026-12-01..2027-12-31");
  }

  @Test
  void missingAndMistypedFields_areEachReportedWithTheirPath() {
    TextParseException e =
        refused(
            """
        {"year": "2027",
         "days": [
          {"name": 5, "date": "2027-02-30", "isOffDay": "yes"},
          {"date": "2027-05-01"},
          "2027-10-01"
        ]}""");
    assertThat(e.problems())
        .extracting(TextParseException.Problem::field)
        .containsExactly(
            "year", "days[0].name", "days[0].date", "days[0].isOffDay", "days[1]", "days[2]");
    assertThat(e.problems())
        .extracting(TextParseException.Problem::line)
        .containsExactly(1, 3, 3, 3, 4, 5);
    assertThat(e.getMessage())
        .contains("\"isOffDay\": true or false")
        .contains("a date \"yyyy-MM-dd\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "[]",
        "{\"year\": 2027, \"days\": [",
        "{\"year\": 2027} trailing",
        "{\"days\": []}"
      })
  void malformedOrIncompleteJson_isRefusedWithAPosition(String json) {
    TextParseException e = refused(json);
    assertThat(e.problems()).isNotEmpty();
    assertThat(e.getMessage()).contains("n.json");
  }

  @Test
  void limits_refuseHugeInputsBeforeSpendingMemory() {
    StringBuilder days = new StringBuilder();
    for (int i = 0; i < HolidayNoticeJson.MAX_DAYS + 5; i++) {
      days.append(i == 0 ? "" : ",").append("{\"date\": \"2027-01-01\", \"isOffDay\": true}");
    }
    TextParseException many = refused("{\"year\": 2027, \"days\": [" + days + "]}");
    assertThat(many.problems())
        .anySatisfy(
            p -> {
              assertThat(p.field()).isEqualTo("days[" + HolidayNoticeJson.MAX_DAYS + "]");
              assertThat(p.reason()).contains("at most " + HolidayNoticeJson.MAX_DAYS + " days");
            });
    TextParseException longName =
        refused(
            "{\"year\": 2027, \"days\": [{\"name\": \""
                + "x".repeat(HolidayNoticeJson.MAX_STRING + 1)
                + "\"}]}");
    assertThat(longName.getMessage()).contains("malformed JSON");
    TextParseException deep =
        refused("{\"year\": 2027, \"x\": " + "[".repeat(50) + "]".repeat(50) + ", \"days\": []}");
    assertThat(deep.getMessage()).contains("malformed JSON");
  }

  /** A field that is there with the wrong kind is reported as mistyped, not also as missing. */
  @Test
  void mistypedDays_areReportedAsMistyped_notAlsoAsMissing() {
    TextParseException e = refused("{\"year\": 2027, \"days\": {\"date\": \"2027-01-01\"}}");
    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("days");
              assertThat(p.line()).isEqualTo(1);
              assertThat(p.column()).isEqualTo(24); // the opening brace
              assertThat(p.reason()).isEqualTo("expected an array of days");
            });
  }

  @ParameterizedTest
  @ValueSource(ints = {1901, 2199})
  void theFirstAndTheLastYearOf1901To2199_areRead(int year) {
    HolidayNotice n =
        HolidayNoticeJson.read(
            new StringReader(
                "{\"year\": "
                    + year
                    + ", \"days\": [{\"date\": \""
                    + year
                    + "-10-01\", \"isOffDay\": true}]}"),
            "n.json");
    assertThat(n.year()).isEqualTo(year);
    assertThat(n.days())
        .containsExactly(new HolidayNotice.Day(LocalDate.of(year, 10, 1), true, ""));
  }

  /**
   * A year outside 1901..2199, or not a whole number, is refused with the text as written; the days
   * are not judged against a year that could not be read.
   */
  @ParameterizedTest
  @ValueSource(strings = {"1900", "2200", "2027.0", "3000000000", "null", "\"2027\""})
  void aYearOutsideTheRange_orNotAWholeNumber_isTheOnlyProblem(String year) {
    TextParseException e =
        refused(
            "{\"year\": " + year + ", \"days\": [{\"date\": \"2027-01-01\", \"isOffDay\": true}]}");
    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("year");
              assertThat(p.line()).isEqualTo(1);
              assertThat(p.column()).isEqualTo(10);
              assertThat(p.value()).isEqualTo(year.replace("\"", ""));
              assertThat(p.reason()).isEqualTo("expected a whole year 1901..2199");
            });
  }

  @Test
  void aNoticeWithoutDays_isRefusedNamingTheMissingField() {
    TextParseException e = refused("{\"year\": 2027, \"papers\": []}");
    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("days");
              assertThat(p.line()).isZero();
              assertThat(p.reason()).startsWith("missing: the listed days");
            });
  }

  /**
   * A day field of the wrong kind or an unparsable date is reported once, with the text as written,
   * and not also as a missing field.
   */
  @Test
  void aMistypedDayField_isReportedOnceWithItsText_notAlsoAsMissing() {
    TextParseException e =
        refused(
            """
        {"year": 2027, "days": [
          {"date": "2027-01-01", "isOffDay": "yes"},
          {"date": 20270102, "isOffDay": true},
          {"date": "2027-13-01", "isOffDay": false}
        ]}""");
    assertThat(e.problems())
        .extracting(TextParseException.Problem::field)
        .containsExactly("days[0].isOffDay", "days[1].date", "days[2].date");
    assertThat(e.problems())
        .extracting(TextParseException.Problem::value)
        .containsExactly("yes", "20270102", "2027-13-01");
    assertThat(e.problems())
        .extracting(TextParseException.Problem::reason)
        .containsExactly(
            "expected true (a holiday) or false (a make-up workday)",
            "expected a date string \"yyyy-MM-dd\"",
            "expected a date \"yyyy-MM-dd\"");
  }

  /**
   * A day refused for a bad field is left out whole: it claims no date, so a later day listing that
   * date is not called a duplicate of it.
   */
  @Test
  void aDayWithABadName_isLeftOutWhole_andClaimsNoDate() {
    TextParseException e =
        refused(
            """
        {"year": 2027, "days": [
          {"name": 5, "date": "2027-01-01", "isOffDay": true},
          {"name": "元旦", "date": "2027-01-01", "isOffDay": true}
        ]}""");
    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("days[0].name");
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.value()).isEqualTo("5");
              assertThat(p.reason()).isEqualTo("expected a string");
            });
  }
}
