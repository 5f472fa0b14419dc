package org.gridgov.sla;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.time.LocalTime;
import java.util.Locale;

/**
 * One working window of a day in local clock time, half-open: {@code [start, end)}. The end may be
 * midnight at the end of the day ({@code 24:00}), so that a window never crosses midnight; a night
 * shift is two windows on two days.
 *
 * @param startSecondOfDay the first working second of the window, {@code 0 <= start < end}
 * @param endSecondOfDayExclusive the end of the window, at most {@code 86400} (24:00)
 */
public record WorkingWindow(int startSecondOfDay, int endSecondOfDayExclusive)
    implements Comparable<WorkingWindow> {

  /** Seconds in a local day on the clock face. */
  public static final int SECONDS_PER_DAY = 86_400;

  /**
   * The usual Chinese office hours: {@code 09:00–12:00} and {@code 13:30–17:30}, 7 working hours a
   * day.
   */
  public static final ImmutableList<WorkingWindow> CHINA_OFFICE_HOURS =
      ImmutableList.of(
          of(LocalTime.of(9, 0), LocalTime.of(12, 0)),
          of(LocalTime.of(13, 30), LocalTime.of(17, 30)));

  /**
   * Validates the bounds.
   *
   * @param startSecondOfDay the first working second of the window, {@code 0 <= start < end}
   * @param endSecondOfDayExclusive the end of the window, at most {@code 86400} (24:00)
   * @throws IllegalArgumentException if {@code start < 0}, {@code end > 86400} or {@code start >=
   *     end}
   */
  public WorkingWindow {
    checkArgument(
        startSecondOfDay >= 0
            && endSecondOfDayExclusive <= SECONDS_PER_DAY
            && startSecondOfDay < endSecondOfDayExclusive,
        "a working window needs 0 <= start < end <= 86400 (24:00) but was [%s, %s)",
        startSecondOfDay,
        endSecondOfDayExclusive);
  }

  /**
   * Returns the window {@code [start, end)}.
   *
   * @param start the local start time
   * @param endExclusive the local end time, after {@code start}
   * @return the window
   * @throws IllegalArgumentException if {@code endExclusive} is not after {@code start}
   */
  public static WorkingWindow of(LocalTime start, LocalTime endExclusive) {
    return new WorkingWindow(start.toSecondOfDay(), endExclusive.toSecondOfDay());
  }

  /**
   * Returns the window from {@code start} to midnight at the end of the day.
   *
   * @param start the local start time
   * @return the window {@code [start, 24:00)}
   */
  public static WorkingWindow untilMidnight(LocalTime start) {
    return new WorkingWindow(start.toSecondOfDay(), SECONDS_PER_DAY);
  }

  /**
   * Parses {@code HH:mm-HH:mm} or {@code HH:mm:ss-HH:mm:ss}; the end may be {@code 24:00}.
   *
   * @param text e.g. {@code 09:00-12:00}
   * @return the window
   * @throws IllegalArgumentException if the text is not of that form, naming the text
   */
  public static WorkingWindow parse(String text) {
    int dash = text.indexOf('-');
    checkArgument(dash > 0, "a working window is written HH:mm-HH:mm but was \"%s\"", text);
    try {
      int start = LocalTime.parse(text.substring(0, dash).trim()).toSecondOfDay();
      String endText = text.substring(dash + 1).trim();
      int end =
          endText.equals("24:00") || endText.equals("24:00:00")
              ? SECONDS_PER_DAY
              : LocalTime.parse(endText).toSecondOfDay();
      return new WorkingWindow(start, end);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "a working window is written HH:mm-HH:mm but was \"%s\"", text),
          e);
    }
  }

  /**
   * Returns the length of the window in seconds of local clock time (a DST change inside the window
   * can make the real length differ; see {@link BusinessCalendar}).
   *
   * @return {@code end - start}
   */
  public int lengthSeconds() {
    return endSecondOfDayExclusive - startSecondOfDay;
  }

  /** Orders windows by start, then end. */
  @Override
  public int compareTo(WorkingWindow other) {
    int c = Integer.compare(startSecondOfDay, other.startSecondOfDay);
    return c != 0 ? c : Integer.compare(endSecondOfDayExclusive, other.endSecondOfDayExclusive);
  }

  /**
   * Returns {@code HH:mm-HH:mm} (with seconds when they are not zero), the form {@link #parse}
   * reads.
   */
  @Override
  public String toString() {
    return time(startSecondOfDay) + "-" + time(endSecondOfDayExclusive);
  }

  private static String time(int s) {
    int h = s / 3600;
    int m = (s / 60) % 60;
    int sec = s % 60;
    return sec == 0
        ? String.format(Locale.ROOT, "%02d:%02d", h, m)
        : String.format(Locale.ROOT, "%02d:%02d:%02d", h, m, sec);
  }
}
