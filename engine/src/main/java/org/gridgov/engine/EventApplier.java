package org.gridgov.engine;

import java.time.Instant;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseLifecycle;
import org.gridgov.casefile.CaseState;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.CalendarEditions;
import org.gridgov.sla.CaseClocks;
import org.gridgov.sla.SlaClock;
import org.jspecify.annotations.Nullable;

/**
 * Applies one event to a case, live and in restore alike: {@link CaseLifecycle} validates it and
 * gives the new state, {@link ClockRules} the new clocks, on the calendar edition new clocks count
 * on; the {@link CaseAnnex} folds it into its pending changes. Holds the calendar editions and that
 * edition (the one in force at the engine's time; at an event's instant during restore).
 */
final class EventApplier {
  private final ClockRules clockRules;
  private final CaseAnnex annex;
  private CalendarEditions editions;
  private BusinessCalendar calendar;

  EventApplier(ClockRules clockRules, CalendarEditions editions, CaseAnnex annex) {
    this.clockRules = clockRules;
    this.annex = annex;
    this.editions = editions;
    this.calendar = editions.latest();
  }

  /** Applies one event: the lifecycle validates it, and the clocks follow from it alone. */
  CaseRecord apply(CaseRecord rec, CaseEvent ev) {
    return apply(rec, ev, null);
  }

  /**
   * As {@link #apply(CaseRecord, CaseEvent)}; {@code started} is the whole-case clock the caller
   * already started for a {@code Registered} or {@code Reopened} event at the event's instant (the
   * same clock the event alone gives, passed in so that it is not computed twice).
   */
  CaseRecord apply(CaseRecord rec, CaseEvent ev, @Nullable SlaClock started) {
    CaseState s = CaseLifecycle.apply(rec.state(), ev);
    CaseClocks c = clockRules.next(rec, ev, started, calendar);
    annex.applied(rec.facts(), ev);
    return new CaseRecord(rec.facts(), rec.ordinal(), s, c, rec.urban(), rec.location());
  }

  /** The edition new clocks count on now. */
  BusinessCalendar calendar() {
    return calendar;
  }

  /** The editions: the first and every one adopted since. */
  CalendarEditions editions() {
    return editions;
  }

  /** The latest adoption instant: events fired after an adoption are never dated before it. */
  Instant adoptedAt() {
    return editions.latestAdoption().orElse(Instant.MIN);
  }

  /** Sets the editions and the edition in force. */
  void set(CalendarEditions newEditions, BusinessCalendar inForce) {
    this.editions = newEditions;
    this.calendar = inForce;
  }

  /** Makes the edition in force at {@code t} the one new clocks count on (restore). */
  void moveTo(Instant t) {
    this.calendar = editions.inForceAt(t);
  }
}
