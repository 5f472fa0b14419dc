package org.gridgov.engine;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Optional;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.EventPayload;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.CaseClocks;
import org.gridgov.sla.Deadline;
import org.gridgov.sla.SlaClock;
import org.gridgov.sla.WarningLevel;

/**
 * The engine's rules for a new calendar edition (e.g. the official holiday schedule replacing a
 * provisional year).
 *
 * <ul>
 *   <li>From its adoption instant on, every clock of an open case that is running or paused and has
 *       not breached counts on the new edition ({@link SlaClock#withCalendar}): its own worked time
 *       is kept, its deadline and pending warnings are re-derived. A clock that breached before the
 *       adoption keeps its edition and its breach; a stopped clock is history.
 *   <li>Each clock whose deadline moved gets one {@code DeadlineRevised} event at the adoption
 *       instant, with the old and new deadline, the edition and whether the new deadline still lies
 *       over a provisional day.
 *   <li>Restore replays it: before an event at {@code t}, a case's clocks move to the edition in
 *       force at {@code t} ({@link #switchAll}); a {@code DeadlineRevised} event is then checked
 *       against the clock.
 * </ul>
 *
 * Pure functions of clocks and editions, so the live engine and restore reach the same clocks.
 */
final class CalendarAdoption {

  private CalendarAdoption() {}

  /** One revision: the clock after the switch and the event payload, if its deadline moved. */
  record Revision(SlaClock clock, Optional<EventPayload.DeadlineRevised> event) {}

  /**
   * Whether a clock follows a new edition: running or paused, and no breach level fired.
   *
   * @param c the clock
   * @return {@code true} if it moves to a new edition
   */
  static boolean follows(SlaClock c) {
    if (c.state() == SlaClock.State.STOPPED) {
      return false;
    }
    ImmutableList<WarningLevel> levels = c.levels();
    for (int i = 0; i < levels.size(); i++) {
      WarningLevel l = levels.get(i);
      if (c.hasFired(i) && l.beforeDeadline().isZero() && l.fraction() == 1.0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Moves every clock that {@link #follows follows} a new edition onto {@code edition}, leaving
   * clocks already on it (by edition name) as they are.
   *
   * @param clocks the case's clocks
   * @param edition the edition in force
   * @return the clocks, the same instance if nothing moved
   */
  static CaseClocks switchAll(CaseClocks clocks, BusinessCalendar edition) {
    CaseClocks out = clocks;
    for (int i = 0; i < clocks.size(); i++) {
      SlaClock c = clocks.clockAt(i);
      if (follows(c) && !c.calendar().edition().equals(edition.edition())) {
        out = out.with(c.withCalendar(edition));
      }
    }
    return out;
  }

  /**
   * Revises one clock for a newly adopted edition.
   *
   * @param c a clock that {@link #follows follows} the edition
   * @param edition the new edition
   * @return the switched clock and, if its deadline moved, the event
   */
  static Revision revise(SlaClock c, BusinessCalendar edition) {
    SlaClock n = c.withCalendar(edition);
    Optional<Instant> before = c.deadline();
    Optional<Deadline> after = n.due();
    if (before.isEmpty() || after.isEmpty() || before.get().equals(after.get().at())) {
      return new Revision(
          n, Optional.empty()); // paused clocks have no deadline to revise; resuming re-derives it
    }
    return new Revision(
        n,
        Optional.of(
            new EventPayload.DeadlineRevised(
                c.name(),
                before.get(),
                after.get().at(),
                edition.edition(),
                after.get().provisional())));
  }

  /**
   * Applies a {@code DeadlineRevised} event to a case's clocks, which have already been moved to
   * the edition in force at the event ({@link #switchAll}): checks that the log and the configured
   * editions agree.
   *
   * @param clocks the clocks
   * @param p the event's payload
   * @param ev the event, for messages
   * @return the clocks, unchanged
   * @throws IllegalArgumentException if the clock is missing, counts on another edition, or has
   *     another deadline
   */
  static CaseClocks replay(CaseClocks clocks, EventPayload.DeadlineRevised p, CaseEvent ev) {
    Optional<SlaClock> c = clocks.clock(p.clockId());
    checkArgument(
        c.isPresent(),
        "case %s event #%s revises clock %s, which the case does not run",
        ev.caseId(),
        ev.sequence(),
        p.clockId());
    SlaClock clock = c.get();
    checkArgument(
        clock.calendar().edition().equals(p.edition())
            && clock.deadline().equals(Optional.of(p.dueAt())),
        "case %s event #%s revises clock %s to %s on calendar edition %s, but the engine's editions give %s on %s;"
            + " configure the editions the engine adopted, with their adoption instants (calendarEditions)",
        ev.caseId(),
        ev.sequence(),
        p.clockId(),
        p.dueAt(),
        p.edition(),
        clock.deadline().map(Instant::toString).orElse("no deadline"),
        clock.calendar().edition());
    return clocks;
  }
}
