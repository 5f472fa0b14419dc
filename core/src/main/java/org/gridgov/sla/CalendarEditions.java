package org.gridgov.sla;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * An ordered history of calendar editions: the built-in or first edition, then each edition an embedder adds when
 * a new year's schedule is announced or a local rule changes. Deadlines can be computed "as of" any edition, and
 * {@link #changes} reports how a set of open deadlines moves from one edition to another. Immutable.
 */
public final class CalendarEditions {

  /**
   * An open deadline to re-plan: a limit started at an instant.
   *
   * @param key the caller's key (e.g. the case id, or its {@link DeadlineQueue} key)
   * @param start when the limit started
   * @param limit the limit
   */
  public record OpenDeadline(long key, Instant start, SlaLimit limit) {}

  /**
   * How one open deadline differs between two editions. A side is empty when that edition cannot compute it (its
   * coverage ends too early).
   *
   * @param key the open deadline's key
   * @param before the deadline under the earlier edition
   * @param after the deadline under the later edition
   */
  public record DeadlineChange(long key, Optional<Instant> before, Optional<Instant> after) {}

  private final ImmutableList<BusinessCalendar> editions;

  private CalendarEditions(ImmutableList<BusinessCalendar> editions) {
    this.editions = editions;
  }

  /**
   * Starts a history with its first edition.
   *
   * @param first the first edition
   * @return the history
   */
  public static CalendarEditions of(BusinessCalendar first) {
    return new CalendarEditions(ImmutableList.of(first));
  }

  /**
   * Returns a history with one more, newest edition.
   *
   * @param next the new edition, with an edition name not used yet
   * @return the longer history
   * @throws IllegalArgumentException if the name is taken, naming it
   */
  public CalendarEditions with(BusinessCalendar next) {
    for (BusinessCalendar c : editions) {
      checkArgument(!c.edition().equals(next.edition()), "calendar edition %s already exists", next.edition());
    }
    return new CalendarEditions(
        ImmutableList.<BusinessCalendar>builder().addAll(editions).add(next).build());
  }

  /**
   * Returns every edition, oldest first.
   *
   * @return the editions
   */
  public ImmutableList<BusinessCalendar> editions() {
    return editions;
  }

  /**
   * Returns the newest edition.
   *
   * @return the latest calendar
   */
  public BusinessCalendar latest() {
    return editions.get(editions.size() - 1);
  }

  /**
   * Returns an edition by name.
   *
   * @param edition the name
   * @return the calendar
   * @throws IllegalArgumentException if there is no such edition, listing the known ones
   */
  public BusinessCalendar asOf(String edition) {
    for (BusinessCalendar c : editions) {
      if (c.edition().equals(edition)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "no calendar edition " + edition + "; known: " + editions.stream().map(BusinessCalendar::edition).toList());
  }

  /**
   * Returns the open deadlines whose deadline differs between two editions, in input order.
   *
   * @param fromEdition the earlier edition's name
   * @param toEdition the later edition's name
   * @param open the open deadlines
   * @return the changes (unchanged deadlines are left out)
   */
  public ImmutableList<DeadlineChange> changes(String fromEdition, String toEdition, Collection<OpenDeadline> open) {
    return compare(asOf(fromEdition), asOf(toEdition), open);
  }

  /**
   * Returns the open deadlines whose deadline differs between two calendars, in input order.
   *
   * @param before the earlier calendar
   * @param after the later calendar
   * @param open the open deadlines
   * @return the changes (unchanged deadlines are left out)
   */
  public static ImmutableList<DeadlineChange> compare(
      BusinessCalendar before, BusinessCalendar after, Collection<OpenDeadline> open) {
    ImmutableList.Builder<DeadlineChange> out = ImmutableList.builder();
    for (OpenDeadline d : open) {
      Optional<Instant> b = deadline(before, d);
      Optional<Instant> a = deadline(after, d);
      if (!a.equals(b)) {
        out.add(new DeadlineChange(d.key(), b, a));
      }
    }
    return out.build();
  }

  private static Optional<Instant> deadline(BusinessCalendar c, OpenDeadline d) {
    try {
      return Optional.of(c.plus(d.start(), d.limit()));
    } catch (OutsideCalendarException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "CalendarEditions" + editions.stream().map(BusinessCalendar::edition).toList();
  }
}
