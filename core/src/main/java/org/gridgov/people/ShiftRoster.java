package org.gridgov.people;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.sla.BusinessCalendar;

/**
 * Who works which {@link ShiftPattern} (排班表), on a {@link BusinessCalendar}, beside a {@link
 * StaffRegistry}: the "who covers this grid in this role now" query that respects shifts.
 *
 * <p>Rule: a person with no pattern on the roster is taken to be available at every instant (the
 * registry's answer unchanged), so a roster may cover only the roles that work shifts.
 */
public final class ShiftRoster {
  private final BusinessCalendar calendar;
  private final ImmutableMap<PersonId, ShiftPattern> patterns;

  private ShiftRoster(BusinessCalendar calendar, ImmutableMap<PersonId, ShiftPattern> patterns) {
    this.calendar = calendar;
    this.patterns = patterns;
  }

  /**
   * Creates a roster.
   *
   * @param calendar the calendar shifts fall on
   * @param patterns each rostered person's pattern
   * @return the roster
   */
  public static ShiftRoster of(BusinessCalendar calendar, Map<PersonId, ShiftPattern> patterns) {
    return new ShiftRoster(
        Objects.requireNonNull(calendar, "calendar"), ImmutableMap.copyOf(patterns));
  }

  /**
   * Returns a person's pattern.
   *
   * @param person the person
   * @return the pattern, if the person is rostered
   */
  public Optional<ShiftPattern> patternOf(PersonId person) {
    return Optional.ofNullable(patterns.get(person));
  }

  /**
   * Returns whether a person is on duty at {@code t} (always, when not rostered).
   *
   * @param person the person
   * @param t the instant
   * @return whether on duty
   */
  public boolean onDuty(PersonId person, Instant t) {
    ShiftPattern p = patterns.get(person);
    return p == null || p.onDuty(t, calendar);
  }

  /**
   * Returns who covers a grid in a role at {@code t} and is on duty then.
   *
   * @param registry the staff registry
   * @param gridCode the grid (or a unit: its grid)
   * @param roleCode the role
   * @param t the instant
   * @return the persons, by id
   */
  public ImmutableSortedSet<PersonId> coverersOnDuty(
      StaffRegistry registry, long gridCode, String roleCode, Instant t) {
    ImmutableSortedSet.Builder<PersonId> out = ImmutableSortedSet.naturalOrder();
    for (PersonId p : registry.coverers(gridCode, roleCode, t)) {
      if (onDuty(p, t)) {
        out.add(p);
      }
    }
    return out.build();
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "ShiftRoster(%d persons, calendar %s)", patterns.size(), calendar.edition());
  }
}
