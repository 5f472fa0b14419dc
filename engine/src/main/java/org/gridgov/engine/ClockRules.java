package org.gridgov.engine;

import java.time.Instant;
import java.util.Optional;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.CaseClocks;
import org.gridgov.sla.SlaClock;
import org.gridgov.sla.SlaLimit;
import org.gridgov.sla.SlaPolicy;
import org.gridgov.sla.SlaStage;
import org.gridgov.sla.TransferRule;
import org.gridgov.sla.WarningLevel;
import org.jspecify.annotations.Nullable;

/**
 * The clock rules: which SLA clocks an event starts, transfers, pauses, resumes and stops. A case's
 * clocks follow from its events alone (live and in {@code restore} alike), by the SLA policy and
 * the calendar edition in force at the event.
 */
final class ClockRules {
  private final SlaPolicy sla;

  ClockRules(SlaPolicy sla) {
    this.sla = sla;
  }

  /**
   * The clocks of {@code rec} after {@code ev}; {@code started} is the whole-case clock the caller
   * already started for a {@code Registered} or {@code Reopened} event at the event's instant (the
   * same clock the event alone gives).
   */
  CaseClocks next(
      CaseRecord rec, CaseEvent ev, @Nullable SlaClock started, BusinessCalendar calendar) {
    CaseClocks c = rec.clocks();
    Instant at = ev.at();
    switch (ev.type()) {
      case REPORTED ->
          c = withOptional(c, start(rec, ClockId.REGISTER.name(), SlaStage.REGISTER, at, calendar));
      case REGISTERED -> {
        c = without(c, ClockId.REGISTER.name());
        c =
            started != null
                ? c.with(started)
                : withOptional(
                    c, start(rec, CaseState.WHOLE_CASE_CLOCK, SlaStage.WHOLE_CASE, at, calendar));
        c = withOptional(c, start(rec, ClockId.DISPATCH.name(), SlaStage.DISPATCH, at, calendar));
      }
      case DISPATCHED -> {
        if (((EventPayload.Dispatched) ev.payload()).role() == HandlerRole.LEAD) {
          c = leadDispatched(without(c, ClockId.DISPATCH.name()), rec, at, calendar);
        }
      }
      case ESCALATED -> {
        CaseClocks kept = without(withoutSummons(c), ClockId.DISPATCH.name());
        if (rec.state().lead().isEmpty() && kept.clock(ClockId.LEAD.name()).isPresent()) {
          // the escalation completes a return: the lead clock is the one the return rule handed on
          return kept;
        }
        Optional<SlaClock> old = kept.clock(ClockId.LEAD.name());
        Optional<SlaClock> caseClock = kept.clock(CaseState.WHOLE_CASE_CLOCK);
        Optional<SlaClock> next;
        if (old.isPresent()
            && caseClock.isPresent()
            && old.get().state() != SlaClock.State.STOPPED) {
          next = Optional.of(old.get().transfer(sla.transferRule(), at, caseClock.get()));
        } else {
          next = start(rec, ClockId.LEAD.name(), SlaStage.HANDLE, at, calendar);
        }
        c = withOptional(without(kept, ClockId.LEAD.name()), next);
      }
      case RETURNED ->
          c =
              withOptional(
                  returned(withoutSummons(c), at),
                  start(rec, ClockId.DISPATCH.name(), SlaStage.DISPATCH, at, calendar));
      case RESOLVED ->
          c =
              withOptional(
                  without(withoutSummons(c), ClockId.LEAD.name()),
                  start(rec, ClockId.CHECK.name(), SlaStage.CHECK, at, calendar));
      case CHECK_PASSED -> c = without(c, ClockId.CHECK.name());
      case SUMMONED -> {
        EventPayload.Summoned sm = (EventPayload.Summoned) ev.payload();
        for (String dep : sm.departmentIds()) {
          c =
              c.with(
                  SlaClock.start(
                      ClockId.summons(dep).name(),
                      SlaLimit.natural(sm.within()),
                      sla.defaultLevels(),
                      calendar,
                      at));
        }
      }
      case ARRIVED ->
          c =
              without(
                  c, ClockId.summons(((EventPayload.Arrived) ev.payload()).departmentId()).name());
      case EXTENDED -> c = Extensions.extended(c, rec.state().pendingExtensionDays().orElse(0));
      case SUSPENDED -> c = c.pauseAll(at);
      case RESUMED -> c = c.resumeAll(at);
      case CHECK_FAILED ->
          c =
              withOptional(
                  without(without(c, ClockId.CHECK.name()), ClockId.LEAD.name()),
                  start(rec, ClockId.LEAD.name(), SlaStage.HANDLE, at, calendar));
      case CLOSED, MERGED, VERIFICATION_FAILED -> c = CaseClocks.empty();
      case REOPENED ->
          c =
              withOptional(
                  started != null
                      ? CaseClocks.empty().with(started)
                      : withOptional(
                          CaseClocks.empty(),
                          start(
                              rec, CaseState.WHOLE_CASE_CLOCK, SlaStage.WHOLE_CASE, at, calendar)),
                  start(rec, ClockId.DISPATCH.name(), SlaStage.DISPATCH, at, calendar));
      case SLA_WARNING, SLA_BREACHED -> c = c.advance(at).clocks();
      case DEADLINE_REVISED ->
          c = CalendarAdoption.replay(c, (EventPayload.DeadlineRevised) ev.payload(), ev);
      case SUPERVISION_OPENED ->
          c = supervision(c, at, ((EventPayload.SupervisionOpened) ev.payload()).dueAt(), calendar);
      case SUPERVISION_ESCALATED ->
          c =
              supervision(
                  c, at, ((EventPayload.SupervisionEscalated) ev.payload()).dueAt(), calendar);
      case SUPERVISION_CLOSED -> c = without(c, ClockId.SUPERVISION.name());
      default -> {}
    }
    return c;
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
    TransferRule rule = sla.returnRule();
    if (rule == TransferRule.RESTART
        || old.isEmpty()
        || caseClock.isEmpty()
        || old.get().state() == SlaClock.State.STOPPED) {
      return without(c, ClockId.LEAD.name());
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
        without(c, ClockId.LEAD.name()),
        start(rec, ClockId.LEAD.name(), SlaStage.HANDLE, at, calendar));
  }

  /**
   * The clocks with a (new) supervision clock: natural time from {@code at} to the supervision's
   * {@code dueAt} as its event carries it, with the SLA policy's default levels.
   */
  private CaseClocks supervision(
      CaseClocks c, Instant at, Instant dueAt, BusinessCalendar calendar) {
    java.time.Duration limit = java.time.Duration.between(at, dueAt);
    return without(c, ClockId.SUPERVISION.name())
        .with(
            SlaClock.start(
                ClockId.SUPERVISION.name(),
                SlaLimit.natural(limit),
                sla.defaultLevels(),
                calendar,
                at));
  }

  /**
   * Starts a clock of the case by the SLA policy's rule for its category, priority and region
   * class, if any.
   */
  Optional<SlaClock> start(
      CaseRecord rec, String name, SlaStage stage, Instant at, BusinessCalendar calendar) {
    CaseFacts f = rec.facts();
    return sla.startClock(name, stage, f.categoryCode(), f.priority(), rec.urban(), calendar, at);
  }

  private static CaseClocks withOptional(CaseClocks c, Optional<SlaClock> clock) {
    return clock.isPresent() ? c.with(clock.get()) : c;
  }

  private static CaseClocks without(CaseClocks c, String name) {
    return c.without(name);
  }

  private static CaseClocks withoutSummons(CaseClocks c) {
    return c.withoutAll(ClockId::isSummons);
  }

  /** Whether a level is the deadline itself (a breach) rather than a warning before it. */
  static boolean isBreach(WarningLevel level) {
    return level.beforeDeadline().isZero() && level.fraction() == 1.0;
  }
}
