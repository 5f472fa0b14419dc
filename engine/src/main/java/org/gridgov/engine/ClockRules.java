package org.gridgov.engine;

import static org.gridgov.engine.ClockStarter.withOptional;

import java.time.Instant;
import java.util.Optional;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.EventPayload;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.CaseClocks;
import org.gridgov.sla.SlaClock;
import org.gridgov.sla.SlaLimit;
import org.gridgov.sla.SlaPolicy;
import org.gridgov.sla.SlaStage;
import org.gridgov.sla.WarningLevel;
import org.jspecify.annotations.Nullable;

/**
 * The clock rules: which SLA clocks an event starts, transfers, pauses, resumes and stops. A case's
 * clocks follow from its events alone (live and in {@code restore} alike), by the SLA policy and
 * the calendar edition in force at the event. This class routes an event to the part with that job:
 * the case's life (report, registration, reopening, end) here, the lead's work in {@link
 * LeadClockRules}, the running clocks (pauses, extensions, summons, fired levels, revisions) in
 * {@link #running}, the supervision clock in {@link SupervisionClockRules}.
 */
final class ClockRules {
  private final ClockStarter starter;
  private final LeadClockRules lead;
  private final SupervisionClockRules supervision;

  ClockRules(SlaPolicy sla) {
    this(sla, SupervisionPolicy.none());
  }

  ClockRules(SlaPolicy sla, SupervisionPolicy supervisionPolicy) {
    this.starter = new ClockStarter(sla);
    this.lead = new LeadClockRules(starter);
    this.supervision = new SupervisionClockRules(sla, supervisionPolicy);
  }

  /**
   * The clocks of {@code rec} after {@code ev}; {@code started} is the whole-case clock the caller
   * already started for a {@code Registered} or {@code Reopened} event at the event's instant (the
   * same clock the event alone gives).
   */
  CaseClocks next(
      CaseRecord rec, CaseEvent ev, @Nullable SlaClock started, BusinessCalendar calendar) {
    return switch (ev.type()) {
      case REPORTED, REGISTERED, REOPENED, CLOSED, MERGED, VERIFICATION_FAILED ->
          life(rec, ev, started, calendar);
      case DISPATCHED, ESCALATED, RETURNED, RESOLVED, CHECK_PASSED, CHECK_FAILED ->
          lead.next(rec, ev, calendar);
      case SUMMONED,
          ARRIVED,
          EXTENDED,
          SUSPENDED,
          RESUMED,
          SLA_WARNING,
          SLA_BREACHED,
          DEADLINE_REVISED ->
          running(rec, ev, calendar);
      case SUPERVISION_OPENED, SUPERVISION_ESCALATED, SUPERVISION_CLOSED ->
          supervision.next(rec.clocks(), ev, calendar);
      default -> rec.clocks();
    };
  }

  /**
   * The case's life: a report starts the register clock; a registration ends it and starts the
   * whole-case and dispatch clocks; a reopening starts them afresh; the end of a case ends every
   * clock.
   */
  private CaseClocks life(
      CaseRecord rec, CaseEvent ev, @Nullable SlaClock started, BusinessCalendar calendar) {
    CaseClocks c = rec.clocks();
    Instant at = ev.at();
    return switch (ev.type()) {
      case REPORTED ->
          withOptional(c, start(rec, ClockId.REGISTER.name(), SlaStage.REGISTER, at, calendar));
      case REGISTERED ->
          withOptional(
              withWholeCase(c.without(ClockId.REGISTER.name()), rec, started, at, calendar),
              start(rec, ClockId.DISPATCH.name(), SlaStage.DISPATCH, at, calendar));
      case REOPENED ->
          withOptional(
              withWholeCase(CaseClocks.empty(), rec, started, at, calendar),
              start(rec, ClockId.DISPATCH.name(), SlaStage.DISPATCH, at, calendar));
      default -> CaseClocks.empty(); // CLOSED, MERGED, VERIFICATION_FAILED
    };
  }

  private CaseClocks withWholeCase(
      CaseClocks c,
      CaseRecord rec,
      @Nullable SlaClock started,
      Instant at,
      BusinessCalendar calendar) {
    return started != null
        ? c.with(started)
        : withOptional(
            c, start(rec, CaseState.WHOLE_CASE_CLOCK, SlaStage.WHOLE_CASE, at, calendar));
  }

  /**
   * The running clocks: summons clocks start and end; an extension moves the whole-case deadline; a
   * suspension pauses every clock and a resumption resumes them; a fired level advances them; a
   * deadline revision is checked against them.
   */
  private CaseClocks running(CaseRecord rec, CaseEvent ev, BusinessCalendar calendar) {
    CaseClocks c = rec.clocks();
    Instant at = ev.at();
    EventPayload p = ev.payload();
    return switch (ev.type()) {
      case SUMMONED -> summoned(c, (EventPayload.Summoned) p, at, calendar);
      case ARRIVED -> c.without(ClockId.summons(((EventPayload.Arrived) p).departmentId()).name());
      case EXTENDED -> Extensions.extended(c, rec.state().pendingExtensionDays().orElse(0));
      case SUSPENDED -> c.pauseAll(at);
      case RESUMED -> c.resumeAll(at);
      case SLA_WARNING, SLA_BREACHED -> c.advance(at).clocks();
      case DEADLINE_REVISED -> CalendarAdoption.replay(c, (EventPayload.DeadlineRevised) p, ev);
      default -> c;
    };
  }

  private CaseClocks summoned(
      CaseClocks c, EventPayload.Summoned sm, Instant at, BusinessCalendar calendar) {
    CaseClocks out = c;
    for (String dep : sm.departmentIds()) {
      out =
          out.with(
              SlaClock.start(
                  ClockId.summons(dep).name(),
                  SlaLimit.natural(sm.within()),
                  starter.policy().defaultLevels(),
                  calendar,
                  at));
    }
    return out;
  }

  /**
   * Starts a clock of the case by the SLA policy's rule for its category, priority and region
   * class, if any.
   */
  Optional<SlaClock> start(
      CaseRecord rec, String name, SlaStage stage, Instant at, BusinessCalendar calendar) {
    return starter.start(rec, name, stage, at, calendar);
  }

  /** Whether a level is the deadline itself (a breach) rather than a warning before it. */
  static boolean isBreach(WarningLevel level) {
    return level.beforeDeadline().isZero() && level.fraction() == 1.0;
  }
}
