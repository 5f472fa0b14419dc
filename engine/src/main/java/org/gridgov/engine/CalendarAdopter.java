package org.gridgov.engine;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.EventPayload;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.CalendarEditions;
import org.gridgov.sla.CaseClocks;
import org.gridgov.sla.SlaClock;
import org.jspecify.annotations.Nullable;

/**
 * The adoption of a new calendar edition by a live engine: every following clock of an open case is
 * revised by {@link CalendarAdoption}, with a {@code DeadlineRevised} event where its deadline
 * moved, all in one transaction.
 */
final class CalendarAdopter {
  private final CaseStore store;
  private final EventApplier applier;
  private final SlaScheduler scheduler;
  private final Actor systemActor;

  CalendarAdopter(
      CaseStore store, EventApplier applier, SlaScheduler scheduler, Actor systemActor) {
    this.store = store;
    this.applier = applier;
    this.scheduler = scheduler;
    this.systemActor = systemActor;
  }

  /** Adopts {@code edition} at {@code at}; see {@link CaseEngine#adoptCalendar}. */
  ImmutableList<CaseEvent> adopt(BusinessCalendar edition, Instant at, @Nullable Instant now) {
    Instants.requireWholeMillis(at, "adoptCalendar");
    if (now != null && !at.isAfter(now)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "adoptCalendar(%s, %s): the adoption must come after the engine's time %s",
              edition.edition(),
              at,
              now));
    }
    OptionalLong due = scheduler.dueBy(at.toEpochMilli());
    if (due.isPresent()) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "adoptCalendar(%s, %s): a deadline is due at %s; call advanceTo first",
              edition.edition(),
              at,
              Instant.ofEpochMilli(due.getAsLong())));
    }
    CalendarEditions previous = applier.editions();
    BusinessCalendar previousCalendar = applier.calendar();
    applier.set(previous.adopted(edition, at), edition);
    Tx tx = store.begin();
    try {
      for (long ordinal = 0; ordinal < store.nextOrdinal(); ordinal++) {
        CaseRecord rec = store.byOrdinal(ordinal);
        if (rec != null && CaseStore.isOpen(rec.state().status()) && rec.clocks().size() > 0) {
          revise(tx, rec, edition, at);
        }
      }
    } catch (RuntimeException ex) {
      applier.set(previous, previousCalendar);
      throw ex;
    }
    store.commit(tx);
    return tx.events();
  }

  private void revise(Tx tx, CaseRecord rec, BusinessCalendar edition, Instant at) {
    CaseClocks switched = rec.clocks();
    ImmutableList.Builder<EventPayload> events = ImmutableList.builder();
    for (SlaClock c : rec.clocks().clocks().values()) {
      if (CalendarAdoption.follows(c)) {
        CalendarAdoption.Revision r = CalendarAdoption.revise(c, edition);
        switched = switched.with(r.clock());
        r.event().ifPresent(events::add);
      }
    }
    CaseRecord cur = rec.withClocks(switched);
    tx.put(cur);
    for (EventPayload p : events.build()) {
      cur = tx.emit(cur, at, systemActor, p);
    }
  }
}
