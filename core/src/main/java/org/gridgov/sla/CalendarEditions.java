package org.gridgov.sla;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An ordered history of calendar editions: the built-in or first edition, then each edition an
 * embedder adds when a new year's schedule is announced or a local rule changes. Deadlines can be
 * computed "as of" any edition, and {@link #changes} reports how a set of open deadlines moves from
 * one edition to another. Immutable.
 *
 * <h2>Adoption</h2>
 *
 * An edition added with {@link #adopted(BusinessCalendar, Instant)} carries the instant from which
 * it is in force: {@link #inForceAt} answers which edition counts at an instant (the first edition
 * is in force from the beginning of time). That is what the case engine records when it adopts a
 * new edition, and what it needs to rebuild its clocks from the event log: a clock started at
 * {@code t} counts on the edition in force at {@code t}, and every open clock moves to a new
 * edition at its adoption instant. Editions added with {@link #with(BusinessCalendar)} have no
 * adoption instant: they can be compared, never in force.
 */
public final class CalendarEditions {

  /**
   * One edition and, if it was adopted, the instant from which it is in force.
   *
   * @param calendar the calendar
   * @param adoptedAt the adoption instant; empty for the first edition (in force from the
   *     beginning) or an edition that was only added for comparison
   */
  public record Edition(BusinessCalendar calendar, Optional<Instant> adoptedAt) {
    /**
     * Validates.
     *
     * @param calendar the calendar component
     * @param adoptedAt the adoptedAt component
     */
    public Edition {
      Objects.requireNonNull(calendar, "calendar");
      Objects.requireNonNull(adoptedAt, "adoptedAt");
    }
  }

  /**
   * An open deadline to re-plan: a limit started at an instant.
   *
   * @param key the caller's key (e.g. the case id, or its {@link DeadlineQueue} key)
   * @param start when the limit started
   * @param limit the limit
   */
  public record OpenDeadline(long key, Instant start, SlaLimit limit) {}

  /**
   * How one open deadline differs between two editions. A side is empty when that edition cannot
   * compute it (its coverage ends too early).
   *
   * @param key the open deadline's key
   * @param before the deadline under the earlier edition
   * @param after the deadline under the later edition
   */
  public record DeadlineChange(long key, Optional<Instant> before, Optional<Instant> after) {}

  private final ImmutableList<BusinessCalendar> editions;
  private final ImmutableList<Edition> entries;

  private CalendarEditions(ImmutableList<Edition> entries) {
    this.entries = entries;
    this.editions =
        entries.stream().map(Edition::calendar).collect(ImmutableList.toImmutableList());
  }

  /**
   * Starts a history with its first edition, in force from the beginning of time.
   *
   * @param first the first edition
   * @return the history
   */
  public static CalendarEditions of(BusinessCalendar first) {
    return new CalendarEditions(ImmutableList.of(new Edition(first, Optional.empty())));
  }

  /**
   * Returns a history with one more, newest edition that is never in force (for comparisons with
   * {@link #changes}); use {@link #adopted} for an edition that replaces the one in force.
   *
   * @param next the new edition, with an edition name not used yet
   * @return the longer history
   * @throws IllegalArgumentException if the name is taken, naming it
   */
  public CalendarEditions with(BusinessCalendar next) {
    return append(new Edition(next, Optional.empty()));
  }

  /**
   * Returns a history with one more, newest edition, in force from {@code at} on (inclusive).
   *
   * @param next the new edition, with an edition name not used yet
   * @param at the adoption instant; after the previous adoption
   * @return the longer history
   * @throws IllegalArgumentException if the name is taken, or {@code at} is not after the latest
   *     adoption
   */
  public CalendarEditions adopted(BusinessCalendar next, Instant at) {
    Optional<Instant> last = latestAdoption();
    checkArgument(
        last.isEmpty() || at.isAfter(last.get()),
        "calendar edition %s cannot be adopted at %s: edition %s was adopted later or at the same instant, %s",
        next.edition(),
        at,
        inForceAt(last.orElse(at)).edition(),
        last.orElse(at));
    return append(new Edition(next, Optional.of(at)));
  }

  private CalendarEditions append(Edition next) {
    for (BusinessCalendar c : editions) {
      checkArgument(
          !c.edition().equals(next.calendar().edition()),
          "calendar edition %s already exists",
          next.calendar().edition());
    }
    return new CalendarEditions(ImmutableList.<Edition>builder().addAll(entries).add(next).build());
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
   * Returns every edition with its adoption instant, oldest first.
   *
   * @return the entries
   */
  public ImmutableList<Edition> entries() {
    return entries;
  }

  /**
   * Returns the edition in force at an instant: the latest adopted at or before it, else the first
   * edition.
   *
   * @param t the instant
   * @return the calendar in force
   */
  public BusinessCalendar inForceAt(Instant t) {
    @Nullable BusinessCalendar found = null;
    for (Edition e : entries) {
      if (e.adoptedAt().isPresent() && !e.adoptedAt().get().isAfter(t)) {
        found = e.calendar();
      }
    }
    return found != null ? found : editions.get(0);
  }

  /**
   * Returns the instant of the latest adoption, if any edition was adopted.
   *
   * @return the latest adoption instant
   */
  public Optional<Instant> latestAdoption() {
    Optional<Instant> last = Optional.empty();
    for (Edition e : entries) {
      if (e.adoptedAt().isPresent()) {
        last = e.adoptedAt();
      }
    }
    return last;
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
        "no calendar edition "
            + edition
            + "; known: "
            + editions.stream().map(BusinessCalendar::edition).toList());
  }

  /**
   * Returns the open deadlines whose deadline differs between two editions, in input order.
   *
   * @param fromEdition the earlier edition's name
   * @param toEdition the later edition's name
   * @param open the open deadlines
   * @return the changes (unchanged deadlines are left out)
   */
  public ImmutableList<DeadlineChange> changes(
      String fromEdition, String toEdition, Collection<OpenDeadline> open) {
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
