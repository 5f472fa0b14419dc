package org.gridgov.sla;

import com.google.common.collect.ImmutableSortedMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The State Council notices as published in holiday-cn ({@code
 * gridgov.shared.data}/holiday-cn/YYYY.json), read with a regular expression over that fixed format
 * (core has no JSON library): the independent oracle of the holiday tests.
 */
final class HolidayNotices {

  /** One listed day of a notice. */
  record Listed(String name, boolean off) {}

  private static final Pattern DAY =
      Pattern.compile(
          "\"name\"\\s*:\\s*\"([^\"]*)\"\\s*,\\s*\"date\"\\s*:\\s*\"(\\d{4}-\\d{2}-\\d{2})\"\\s*,"
              + "\\s*\"isOffDay\"\\s*:\\s*(true|false)");

  private HolidayNotices() {}

  /**
   * The days the notice for {@code year} lists, by date (may include late December of the year
   * before).
   */
  static ImmutableSortedMap<LocalDate, Listed> notice(int year) {
    Path file = Path.of(System.getProperty("gridgov.shared.data"), "holiday-cn", year + ".json");
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ImmutableSortedMap.Builder<LocalDate, Listed> days = ImmutableSortedMap.naturalOrder();
    Matcher m = DAY.matcher(json);
    int n = 0;
    while (m.find()) {
      days.put(LocalDate.parse(m.group(2)), new Listed(m.group(1), m.group(3).equals("true")));
      n++;
    }
    int listed = json.split("\"isOffDay\"", -1).length - 1;
    if (n != listed) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "%s: read %d days but the file has %d isOffDay fields",
              file,
              n,
              listed));
    }
    return days.buildOrThrow();
  }

  /**
   * Whether a date is off under a notice: its listed flag, else the weekly pattern (Saturday and
   * Sunday off).
   */
  static boolean isOff(ImmutableSortedMap<LocalDate, Listed> notice, LocalDate date) {
    Listed l = notice.get(date);
    return l != null ? l.off() : ArrangementPrinciples.isWeekend(date);
  }
}
