package org.gridgov.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.internal.Problems;
import org.gridgov.sla.HolidayNotice;
import org.jspecify.annotations.Nullable;

/**
 * Reads an official holiday notice in the <a
 * href="https://github.com/NateScarlet/holiday-cn">holiday-cn</a> JSON format, the format of {@code
 * ../shared/data/holiday-cn/{year}.json}:
 *
 * <pre>{@code
 * {"year": 2027, "papers": ["https://www.gov.cn/..."],
 *  "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}, ...]}
 * }</pre>
 *
 * <p>{@code isOffDay: true} is a public holiday, {@code false} a make-up workday (调休). {@code year}
 * and {@code days} are required, as are each day's {@code date} and {@code isOffDay}; {@code name}
 * and {@code papers} are optional, and unknown fields (such as {@code $schema}) are ignored, so
 * newer files still load. A notice is refused whole, with every problem at once, each with its
 * line, column and field path: malformed JSON, a missing or mistyped field, an unparsable date, a
 * date outside the notice's year and the December before, a date listed twice (naming the other
 * position). Apply the result with {@link org.gridgov.sla.ChinaCalendar#withNotice}.
 *
 * <p>Limits, before memory is spent: at most {@link #MAX_DAYS} days, strings of at most {@link
 * #MAX_STRING} chars, nesting at most {@link #MAX_DEPTH} deep.
 */
public final class HolidayNoticeJson {

  /** The most days one notice may list (a real one lists about 40). */
  public static final int MAX_DAYS = 400;

  /** The longest string value accepted, in chars. */
  public static final int MAX_STRING = 4096;

  /** The deepest nesting accepted. */
  public static final int MAX_DEPTH = 16;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(MAX_STRING)
                  .maxNestingDepth(MAX_DEPTH)
                  .build())
          .build();

  private HolidayNoticeJson() {}

  /**
   * Reads a notice.
   *
   * @param in the JSON text; the caller opens and closes it
   * @param source the input's name for error messages, e.g. {@code 2027.json}
   * @return the validated notice
   * @throws org.gridgov.TextParseException listing every problem with its line, column and field
   *     path
   * @throws UncheckedIOException if reading fails
   */
  public static HolidayNotice read(Reader in, String source) {
    Problems problems = new Problems(source);
    Parsed p;
    try (JsonParser parser = FACTORY.createParser(in)) {
      p = new Reading(parser, problems).notice();
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      problems.add(
          l == null ? 0 : l.getLineNr(),
          l == null ? 0 : l.getColumnNr(),
          "",
          "",
          "malformed JSON: %s",
          e.getOriginalMessage());
      problems.throwIfAny();
      throw new AssertionError("unreachable: a problem was recorded");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
    problems.throwIfAny();
    return HolidayNotice.of(p.year, p.days);
  }

  /** What a well-formed notice gave, before the whole is validated. */
  private record Parsed(int year, List<HolidayNotice.Day> days) {}

  /** One pass over the tokens, collecting problems. */
  private static final class Reading {
    private final JsonParser parser;
    private final Problems problems;
    private @Nullable Integer year;
    private boolean yearSeen;
    private boolean daysSeen;
    private final Map<LocalDate, String> positions = new HashMap<>();
    private final List<Located> located = new ArrayList<>();

    /** A well-formed day and where it stood, for the checks that need the year. */
    private record Located(HolidayNotice.Day day, int line, int column, String path) {}

    Reading(JsonParser parser, Problems problems) {
      this.parser = parser;
      this.problems = problems;
    }

    Parsed notice() throws IOException {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        problem("", "a JSON object {\"year\": ..., \"days\": [...]}");
        return new Parsed(0, List.of());
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken t = parser.nextToken();
        if ("year".equals(field)) {
          yearSeen = true;
          year = year(t);
        } else if ("days".equals(field)) {
          daysSeen = true;
          days(t);
        } else {
          parser.skipChildren(); // papers, $schema, $id and fields of newer versions
        }
      }
      if (parser.nextToken() != null) {
        problem("", "nothing after the notice's closing brace");
      }
      int y = year == null ? 0 : year;
      List<HolidayNotice.Day> inYear = new ArrayList<>();
      for (Located l : located) {
        LocalDate date = l.day().date();
        if (year != null && (date.isBefore(LocalDate.of(y - 1, 12, 1)) || date.getYear() > y)) {
          problems.add(
              l.line(),
              l.column(),
              l.path() + ".date",
              date.toString(),
              "outside the notice of %d, which may list %d-12-01..%d-12-31",
              y,
              y - 1,
              y);
        } else {
          inYear.add(l.day());
        }
      }
      if (!yearSeen) {
        problems.add(0, 0, "year", "", "missing: the notice's year, e.g. \"year\": 2027");
      }
      if (!daysSeen) {
        problems.add(
            0, 0, "days", "", "missing: the listed days, e.g. \"days\": [{\"date\": ...}]");
      }
      return new Parsed(y, inYear);
    }

    private @Nullable Integer year(JsonToken t) throws IOException {
      if (t != JsonToken.VALUE_NUMBER_INT
          || parser.getNumberType() != JsonParser.NumberType.INT
          || parser.getIntValue() <= 1900
          || parser.getIntValue() >= 2200) {
        problem("year", "a whole year 1901..2199");
        parser.skipChildren();
        return null;
      }
      return parser.getIntValue();
    }

    /** Reads the days into {@link #located}; a day with any problem is left out. */
    private void days(JsonToken t) throws IOException {
      if (t != JsonToken.START_ARRAY) {
        problem("days", "an array of days");
        parser.skipChildren();
        return;
      }
      int i = 0;
      for (JsonToken e = parser.nextToken();
          e != JsonToken.END_ARRAY;
          e = parser.nextToken(), i++) {
        if (i >= MAX_DAYS) {
          problem("days[" + i + "]", "at most " + MAX_DAYS + " days in one notice");
          parser.skipChildren();
          continue;
        }
        Located d = day(e, "days[" + i + "]");
        if (d != null) {
          located.add(d);
        }
      }
    }

    private @Nullable Located day(JsonToken t, String path) throws IOException {
      if (t != JsonToken.START_OBJECT) {
        problem(path, "an object {\"name\", \"date\", \"isOffDay\"}");
        parser.skipChildren();
        return null;
      }
      JsonLocation at = parser.currentTokenLocation();
      String name = "";
      LocalDate date = null;
      Boolean off = null;
      boolean bad = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken v = parser.nextToken();
        switch (field) {
          case "name" -> {
            if (v == JsonToken.VALUE_STRING) {
              name = parser.getText();
            } else {
              bad |= problem(path + ".name", "a string");
            }
          }
          case "date" -> {
            date = date(v, path + ".date");
            bad |= date == null;
          }
          case "isOffDay" -> {
            if (v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE) {
              off = v == JsonToken.VALUE_TRUE;
            } else {
              bad |= problem(path + ".isOffDay", "true (a holiday) or false (a make-up workday)");
            }
          }
          default -> parser.skipChildren();
        }
      }
      return complete(path, at, name, date, off, bad);
    }

    private @Nullable Located complete(
        String path,
        JsonLocation at,
        String name,
        @Nullable LocalDate date,
        @Nullable Boolean off,
        boolean bad) {
      if (bad) {
        return null;
      }
      if (date == null || off == null) {
        problems.add(
            at.getLineNr(),
            at.getColumnNr(),
            path,
            "",
            "missing %s",
            date == null ? "\"date\": \"yyyy-MM-dd\"" : "\"isOffDay\": true or false");
        return null;
      }
      String here = path + " (line " + at.getLineNr() + ")";
      String other = positions.putIfAbsent(date, here);
      if (other != null) {
        problems.add(
            at.getLineNr(),
            at.getColumnNr(),
            path + ".date",
            date.toString(),
            "%s is already listed at %s; a notice lists a date once",
            date,
            other);
        return null;
      }
      return new Located(
          new HolidayNotice.Day(date, off, name), at.getLineNr(), at.getColumnNr(), path);
    }

    private @Nullable LocalDate date(JsonToken v, String path) throws IOException {
      if (v != JsonToken.VALUE_STRING) {
        problem(path, "a date string \"yyyy-MM-dd\"");
        parser.skipChildren();
        return null;
      }
      try {
        return LocalDate.parse(parser.getText());
      } catch (DateTimeParseException e) {
        problem(path, "a date \"yyyy-MM-dd\"");
        return null;
      }
    }

    /**
     * Records a problem at the current token; returns {@code true} for use in {@code bad |= ...}.
     */
    @com.google.errorprone.annotations.CanIgnoreReturnValue
    private boolean problem(String field, String expected) throws IOException {
      JsonLocation l = parser.currentTokenLocation();
      String value = parser.currentToken() == null ? "" : parser.getText();
      problems.add(
          l.getLineNr(),
          l.getColumnNr(),
          field,
          value == null ? "" : value,
          "expected %s",
          expected);
      return true;
    }
  }
}
