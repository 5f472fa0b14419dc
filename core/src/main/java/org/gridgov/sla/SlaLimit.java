package org.gridgov.sla;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A time limit with an explicit unit. There is deliberately no way to build a limit from a bare
 * {@link Duration}: {@code P1D} could mean 24 natural hours, 24 working hours or one working day,
 * and gridgov never guesses.
 *
 * <ul>
 *   <li>{@link Unit#NATURAL}: elapsed real time, e.g. "on site within 30 minutes";
 *   <li>{@link Unit#WORKING_TIME}: 工作时, time inside the calendar's working windows, e.g. "4 working
 *       hours";
 *   <li>{@link Unit#WORKING_DAYS}: 工作日, counted in working days with a {@link WorkingDayRule}.
 * </ul>
 *
 * <p>A limit is at most {@link #MAX_DURATION} (natural or working time) or {@value
 * #MAX_WORKING_DAYS} working days: no governance deadline is that far away, and the bound keeps
 * every deadline computation inside {@code long} nanoseconds and the calendar's day indexes.
 *
 * <p>Immutable value; equal when unit and amount (and rule) are equal.
 */
public final class SlaLimit {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** The longest natural or working-time limit: 3,660 days (about ten years). */
  public static final Duration MAX_DURATION = Duration.ofDays(3660);

  /** The most working days of a limit: 2,500 (about ten years of working days). */
  public static final int MAX_WORKING_DAYS = 2500;

  /** The unit a limit is counted in. */
  public enum Unit {
    /** Real elapsed time, whatever the calendar says. */
    NATURAL,
    /** Working time (工作时): only time inside working windows counts. */
    WORKING_TIME,
    /** Working days (工作日), ended by a {@link WorkingDayRule}. */
    WORKING_DAYS
  }

  private final Unit unit;
  private final Duration duration;
  private final int days;
  private final @Nullable WorkingDayRule rule;

  private SlaLimit(Unit unit, Duration duration, int days, @Nullable WorkingDayRule rule) {
    this.unit = unit;
    this.duration = duration;
    this.days = days;
    this.rule = rule;
  }

  /**
   * Returns a limit in natural (real) time.
   *
   * @param duration the limit, positive and at most {@link #MAX_DURATION}
   * @return the limit
   * @throws IllegalArgumentException if {@code duration} is zero, negative or above {@link
   *     #MAX_DURATION}
   */
  public static SlaLimit natural(Duration duration) {
    checkArgument(
        !duration.isNegative() && !duration.isZero(),
        "a natural limit must be positive but was %s",
        duration);
    checkArgument(
        duration.compareTo(MAX_DURATION) <= 0,
        "a natural limit must be at most %s but was %s",
        MAX_DURATION,
        duration);
    return new SlaLimit(Unit.NATURAL, duration, 0, null);
  }

  /**
   * Returns a limit in working time (工作时).
   *
   * @param duration the working time, positive and at most {@link #MAX_DURATION}
   * @return the limit
   * @throws IllegalArgumentException if {@code duration} is zero, negative or above {@link
   *     #MAX_DURATION}
   */
  public static SlaLimit workingTime(Duration duration) {
    checkArgument(
        !duration.isNegative() && !duration.isZero(),
        "a working-time limit must be positive but was %s",
        duration);
    checkArgument(
        duration.compareTo(MAX_DURATION) <= 0,
        "a working-time limit must be at most %s but was %s",
        MAX_DURATION,
        duration);
    return new SlaLimit(Unit.WORKING_TIME, duration, 0, null);
  }

  /**
   * Returns a limit of whole working hours (工作时), a shorthand for {@code
   * workingTime(Duration.ofHours(hours))}.
   *
   * @param hours the number of working hours, positive, at most {@link #MAX_DURATION} in hours
   * @return the limit
   * @throws IllegalArgumentException if {@code hours} is not in that range
   */
  public static SlaLimit workingHours(long hours) {
    checkArgument(
        hours > 0 && hours <= MAX_DURATION.toHours(),
        "a working-hours limit must be in [1, %s] but was %s",
        MAX_DURATION.toHours(),
        hours);
    return workingTime(Duration.ofHours(hours));
  }

  /**
   * Returns a limit in working days (工作日).
   *
   * @param days the number of working days, 1 to {@value #MAX_WORKING_DAYS}
   * @param rule where the count ends
   * @return the limit
   * @throws IllegalArgumentException if {@code days} is outside 1 to {@value #MAX_WORKING_DAYS}
   */
  public static SlaLimit workingDays(int days, WorkingDayRule rule) {
    checkArgument(days >= 1, "a working-days limit needs at least 1 day but was %s", days);
    checkArgument(
        days <= MAX_WORKING_DAYS,
        "a working-days limit has at most %s days but was %s",
        MAX_WORKING_DAYS,
        days);
    return new SlaLimit(
        Unit.WORKING_DAYS, Duration.ZERO, days, Objects.requireNonNull(rule, "rule"));
  }

  /**
   * Parses the form {@link #toString()} writes: {@code natural PT30M}, {@code working PT4H}, {@code
   * working-days 5 same-clock-time} or {@code working-days 5 end-of-working-day}.
   *
   * @param text the text
   * @return the limit
   * @throws IllegalArgumentException naming the text and the expected forms if it is not one of
   *     them
   */
  public static SlaLimit parse(String text) {
    String[] parts = WHITESPACE.split(text.trim(), -1);
    try {
      if (parts.length == 2 && parts[0].equals("natural")) {
        return natural(Duration.parse(parts[1]));
      }
      if (parts.length == 2 && parts[0].equals("working")) {
        return workingTime(Duration.parse(parts[1]));
      }
      if (parts.length == 3 && parts[0].equals("working-days")) {
        WorkingDayRule r =
            switch (parts[2]) {
              case "same-clock-time" -> WorkingDayRule.SAME_CLOCK_TIME;
              case "end-of-working-day" -> WorkingDayRule.END_OF_WORKING_DAY;
              default ->
                  throw new IllegalArgumentException(
                      "unknown working-day rule \"" + parts[2] + "\"");
            };
        return workingDays(Integer.parseInt(parts[1]), r);
      }
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new IllegalArgumentException(message(text) + " (" + e.getMessage() + ")", e);
    }
    throw new IllegalArgumentException(message(text));
  }

  private static String message(String text) {
    return String.format(
        Locale.ROOT,
        "an SLA limit is written \"natural PT30M\", \"working PT4H\" or \"working-days 5 same-clock-time|end-of-working-day\""
            + " but was \"%s\"",
        text);
  }

  /**
   * Returns the unit.
   *
   * @return the unit
   */
  public Unit unit() {
    return unit;
  }

  /**
   * Returns the duration of a {@link Unit#NATURAL} or {@link Unit#WORKING_TIME} limit.
   *
   * @return the duration
   * @throws IllegalStateException for a {@link Unit#WORKING_DAYS} limit, which has no duration
   */
  public Duration duration() {
    if (unit == Unit.WORKING_DAYS) {
      throw new IllegalStateException(
          "a working-days limit (" + this + ") has no duration; use days()");
    }
    return duration;
  }

  /**
   * Returns the number of working days of a {@link Unit#WORKING_DAYS} limit.
   *
   * @return the days
   * @throws IllegalStateException for other units
   */
  public int days() {
    if (unit != Unit.WORKING_DAYS) {
      throw new IllegalStateException("limit " + this + " is not counted in working days");
    }
    return days;
  }

  /**
   * Returns the working-day rule of a {@link Unit#WORKING_DAYS} limit.
   *
   * @return the rule
   * @throws IllegalStateException for other units
   */
  public WorkingDayRule rule() {
    if (rule == null) {
      throw new IllegalStateException("limit " + this + " is not counted in working days");
    }
    return rule;
  }

  /**
   * Returns whether the limit is measured on the calendar's working time (working time or working
   * days) rather than in natural time.
   *
   * @return {@code true} unless the unit is {@link Unit#NATURAL}
   */
  public boolean countsWorkingTime() {
    return unit != Unit.NATURAL;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SlaLimit other
        && unit == other.unit
        && duration.equals(other.duration)
        && days == other.days
        && rule == other.rule;
  }

  @Override
  public int hashCode() {
    return Objects.hash(unit, duration, days, rule);
  }

  /** Returns the form {@link #parse} reads, e.g. {@code working-days 5 same-clock-time}. */
  @Override
  public String toString() {
    return switch (unit) {
      case NATURAL -> "natural " + duration;
      case WORKING_TIME -> "working " + duration;
      case WORKING_DAYS ->
          "working-days "
              + days
              + (rule == WorkingDayRule.SAME_CLOCK_TIME
                  ? " same-clock-time"
                  : " end-of-working-day");
    };
  }
}
