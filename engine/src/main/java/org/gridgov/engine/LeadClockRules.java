package org.gridgov.engine;

import static org.gridgov.engine.ClockStarter.withOptional;
import static org.gridgov.engine.ClockStarter.withoutSummons;

import java.time.Instant;
import java.util.Optional;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.CaseClocks;
import org.gridgov.sla.SlaClock;
import org.gridgov.sla.SlaStage;
import org.gridgov.sla.TransferRule;

/**
 * The clock rules of the lead's work: the dispatch clock ending at a lead dispatch, the lead clock
 * started, transferred at an escalation, carried over or ended at a return, ended at a resolution
 * and restarted at a failed check; the check clock between resolution and check.
 */
final class LeadClockRules {
  private final ClockStarter starter;

  LeadClockRules(ClockStarter starter) {
    this.starter = starter;
  }

  /** The clocks of {@code rec} after {@code ev}, one of the lead's events; else unchanged. */
  CaseClocks next(CaseRecord rec, CaseEvent ev, BusinessCalendar calendar) {
    CaseClocks c = rec.clocks();
    Instant at = ev.at();
    return switch (ev.type()) {
      case DISPATCHED ->
          ((EventPayload.Dispatched) ev.payload()).role() == HandlerRole.LEAD
              ? leadDispatched(c.without(ClockId.DISPATCH.name()), rec, at, calendar)
              : c;
      case ESCALATED -> escalated(c, rec, at, calendar);
      case RETURNED ->
          withOptional(
              returned(withoutSummons(c), at),
              starter.start(rec, ClockId.DISPATCH.name(), SlaStage.DISPATCH, at, calendar));
      case RESOLVED ->
          withOptional(
              withoutSummons(c).without(ClockId.LEAD.name()),
              starter.start(rec, ClockId.CHECK.name(), SlaStage.CHECK, at, calendar));
      case CHECK_PASSED -> c.without(ClockId.CHECK.name());
      case CHECK_FAILED ->
          withOptional(
              c.without(ClockId.CHECK.name()).without(ClockId.LEAD.name()),
              starter.start(rec, ClockId.LEAD.name(), SlaStage.HANDLE, at, calendar));
      default -> c;
    };
  }

  /**
   * The clocks after an escalation: the dispatch and summons clocks end; the lead clock is
   * transferred to the new lead by the transfer rule, or started if there was none running.
   */
  private CaseClocks escalated(
      CaseClocks c, CaseRecord rec, Instant at, BusinessCalendar calendar) {
    CaseClocks kept = withoutSummons(c).without(ClockId.DISPATCH.name());
    if (rec.state().lead().isEmpty() && kept.clock(ClockId.LEAD.name()).isPresent()) {
      // the escalation completes a return: the lead clock is the one the return rule handed on
      return kept;
    }
    Optional<SlaClock> old = kept.clock(ClockId.LEAD.name());
    Optional<SlaClock> caseClock = kept.clock(CaseState.WHOLE_CASE_CLOCK);
    Optional<SlaClock> next;
    if (old.isPresent() && caseClock.isPresent() && old.get().state() != SlaClock.State.STOPPED) {
      next = Optional.of(old.get().transfer(starter.policy().transferRule(), at, caseClock.get()));
    } else {
      next = starter.start(rec, ClockId.LEAD.name(), SlaStage.HANDLE, at, calendar);
    }
    return withOptional(kept.without(ClockId.LEAD.name()), next);
  }

  /**
   * The clocks after a return (退单): with {@link TransferRule#RESTART} the returner's lead clock
   * ends and the next lead starts a fresh one; with {@link TransferRule#KEEP} or {@link
   * TransferRule#FROM_CREATION} the lead clock is carried over by that rule at the return and the
   * next lead (dispatched or escalated to) takes it on as it is.
   */
  private CaseClocks returned(CaseClocks c, Instant at) {
    Optional<SlaClock> old = c.clock(ClockId.LEAD.name());
    Optional<SlaClock> caseClock = c.clock(CaseState.WHOLE_CASE_CLOCK);
    TransferRule rule = starter.policy().returnRule();
    if (rule == TransferRule.RESTART
        || old.isEmpty()
        || caseClock.isEmpty()
        || old.get().state() == SlaClock.State.STOPPED) {
      return c.without(ClockId.LEAD.name());
    }
    return c.with(old.get().transfer(rule, at, caseClock.get()));
  }

  /**
   * The clocks after a lead {@code Dispatched}: a first dispatch starts the lead clock; a dispatch
   * after a return takes on the lead clock the return rule carried over, if any.
   */
  private CaseClocks leadDispatched(
      CaseClocks c, CaseRecord rec, Instant at, BusinessCalendar calendar) {
    if (rec.state().lead().isEmpty() && c.clock(ClockId.LEAD.name()).isPresent()) {
      return c;
    }
    return withOptional(
        c.without(ClockId.LEAD.name()),
        starter.start(rec, ClockId.LEAD.name(), SlaStage.HANDLE, at, calendar));
  }
}
