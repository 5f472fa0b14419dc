package org.gridgov.sla;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Objects;

/**
 * Every part of an {@link SlaClock}, as a plain value a persisted snapshot can hold: {@link
 * #of(SlaClock)} takes a clock apart, {@link #toClock(BusinessCalendar)} puts it back together on
 * the calendar edition it names, equal to the original. The calendar is held by its {@linkplain
 * BusinessCalendar#edition() edition name}: the reader looks the edition up in its configuration.
 * No I/O here: the JSON mapping is gridgov-json's ({@code EngineSnapshotJson}).
 *
 * @param name the clock's name
 * @param limit its limit
 * @param levels its warning levels, in declaration order (at most 64)
 * @param calendarEdition the edition name of the calendar it counts on
 * @param startedAt the instant its history starts
 * @param history the running spans' boundaries: start, pause, resume, … (odd count exactly while
 *     running), not decreasing
 * @param state its state
 * @param firedMask the fired levels, bit {@code i} for level {@code i}
 * @param seen the latest instant it has seen, not before the last boundary
 */
public record SlaClockForm(
    String name,
    SlaLimit limit,
    ImmutableList<WarningLevel> levels,
    String calendarEdition,
    Instant startedAt,
    ImmutableList<Instant> history,
    SlaClock.State state,
    long firedMask,
    Instant seen) {

  /**
   * Validates the parts against each other; the messages name the clock and the bad part.
   *
   * @param name the name
   * @param limit the limit
   * @param levels the levels
   * @param calendarEdition the calendar's edition name
   * @param startedAt the start
   * @param history the boundaries
   * @param state the state
   * @param firedMask the fired levels
   * @param seen the latest instant seen
   * @throws IllegalArgumentException if a part is inconsistent (blank name, more than 64 levels, a
   *     fired bit without a level, an empty or decreasing history, a history whose first boundary
   *     is not the start, a boundary count that does not fit the state, or seen before the last
   *     boundary)
   */
  public SlaClockForm {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(levels, "levels");
    Objects.requireNonNull(calendarEdition, "calendarEdition");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(seen, "seen");
    checkArgument(!name.isBlank(), "a clock needs a name");
    checkArgument(
        levels.size() <= 64, "clock %s: at most 64 warning levels but got %s", name, levels.size());
    checkArgument(
        levels.size() == 64 || (firedMask >>> levels.size()) == 0,
        "clock %s: fired mask %s names a level beyond its %s levels",
        name,
        Long.toBinaryString(firedMask),
        levels.size());
    checkArgument(
        !history.isEmpty() && history.get(0).equals(startedAt),
        "clock %s: its history must begin with its start %s",
        name,
        startedAt);
    for (int i = 1; i < history.size(); i++) {
      checkArgument(
          !history.get(i).isBefore(history.get(i - 1)),
          "clock %s: history boundary #%s (%s) is before the one before it",
          name,
          i,
          history.get(i));
    }
    boolean odd = history.size() % 2 == 1;
    checkArgument(
        odd == (state == SlaClock.State.RUNNING),
        "clock %s: %s boundaries do not fit state %s (an odd count exactly while running)",
        name,
        history.size(),
        state);
    checkArgument(
        !seen.isBefore(history.get(history.size() - 1)),
        "clock %s: seen %s is before its last boundary",
        name,
        seen);
  }

  /**
   * Takes a clock apart.
   *
   * @param clock the clock
   * @return its form
   */
  public static SlaClockForm of(SlaClock clock) {
    return new SlaClockForm(
        clock.name(),
        clock.limit(),
        clock.levels(),
        clock.calendar().edition(),
        clock.startedAt(),
        clock.history(),
        clock.state(),
        clock.firedMask(),
        clock.seen());
  }

  /**
   * Puts the clock back together on a calendar.
   *
   * @param calendar the calendar edition named by {@link #calendarEdition()}
   * @return the clock, equal to the one {@link #of(SlaClock)} took apart
   * @throws IllegalArgumentException if the calendar is another edition
   */
  public SlaClock toClock(BusinessCalendar calendar) {
    checkArgument(
        calendar.edition().equals(calendarEdition),
        "clock %s counts on calendar edition '%s', not '%s'",
        name,
        calendarEdition,
        calendar.edition());
    return SlaClock.restored(
        name, limit, levels, calendar, startedAt, history, state, firedMask, seen);
  }
}
