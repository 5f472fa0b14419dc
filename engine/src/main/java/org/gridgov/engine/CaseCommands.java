package org.gridgov.engine;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.EventPayload;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.Deadline;
import org.gridgov.sla.SlaClock;
import org.gridgov.sla.SlaStage;

/**
 * The handlers of the lifecycle commands (verify, register, accept, suspend, resume, resolve,
 * close, evaluate, reopen, merge): each decides the events of one command on one visible,
 * authorised case and emits them into the call's pending changes; {@link
 * org.gridgov.casefile.CaseLifecycle} validates every event as it is applied.
 */
final class CaseCommands {
  private final CommandDispatcher engine;
  private final ClockRules clockRules;
  private final Extensions extensions;

  CaseCommands(CommandDispatcher engine, ClockRules clockRules, Extensions extensions) {
    this.engine = engine;
    this.clockRules = clockRules;
    this.extensions = extensions;
  }

  /** Emits the events of {@code c} on {@code rec}. */
  void handle(Tx tx, Command c, CaseRecord rec, Actor actor) {
    Command.Action a = c.action();
    Instant at = c.at();
    if (a instanceof Command.Verify v) {
      tx.emit(
          rec,
          at,
          actor,
          v.valid()
              ? new EventPayload.Verified()
              : new EventPayload.VerificationFailed(v.reason()));
    } else if (a instanceof Command.Register) {
      SlaClock clock = wholeCaseClock(rec, at, "Registered");
      Deadline due = clock.due().orElseThrow();
      tx.emit(rec, at, actor, new EventPayload.Registered(due.at(), due.provisional()), clock);
    } else if (a instanceof Command.Accept ac) {
      tx.emit(rec, at, actor, new EventPayload.Accepted(ac.handlerId()));
    } else if (a instanceof Command.Suspend sp) {
      tx.emit(rec, at, actor, new EventPayload.Suspended(sp.reason()));
    } else if (a instanceof Command.Resume) {
      engine.requireStatus(rec, c, CaseStatus.SUSPENDED);
      Instant due = resumedDue(rec, at);
      tx.emit(rec, at, actor, new EventPayload.Resumed(due, isProvisional(rec, due)));
    } else if (a instanceof Command.Resolve rs) {
      resolve(tx, c, rec, actor, rs);
    } else if (a instanceof Command.Close) {
      tx.emit(rec, at, actor, new EventPayload.Closed());
    } else if (a instanceof Command.Evaluate ev) {
      tx.emit(rec, at, actor, new EventPayload.Evaluated(ev.satisfaction(), ev.solved()));
    } else if (a instanceof Command.Reopen ro) {
      SlaClock clock = wholeCaseClock(rec, at, "Reopened");
      Deadline due = clock.due().orElseThrow();
      tx.emit(
          rec,
          at,
          actor,
          new EventPayload.Reopened(ro.reason(), due.at(), due.provisional()),
          clock);
    } else if (a instanceof Command.Merge mg) {
      merge(tx, c, rec, actor, mg);
    } else if (a instanceof Command.RequestExtension rx) {
      requestExtension(tx, c, rec, actor, rx);
    } else if (a instanceof Command.ApproveExtension) {
      approveExtension(tx, c, rec, actor);
    } else if (a instanceof Command.RefuseExtension rf) {
      tx.emit(rec, at, actor, new EventPayload.ExtensionRefused(rf.reason()));
    } else {
      throw new AssertionError(a);
    }
  }

  private void resolve(Tx tx, Command c, CaseRecord rec, Actor actor, Command.Resolve rs) {
    String lead = rec.state().lead().orElse(null); // one Optional, which escape analysis removes
    if (lead == null || !lead.equals(rs.handlerId())) {
      throw new TransitionRefusedException(
          c,
          rec.facts().id(),
          String.format(
              Locale.ROOT,
              "only the lead resolves; %s is not the lead (the lead is %s)",
              rs.handlerId(),
              lead == null ? "nobody" : lead),
          null);
    }
    tx.emit(rec, c.at(), actor, new EventPayload.Resolved(rs.feedback()));
  }

  private void requestExtension(
      Tx tx, Command c, CaseRecord rec, Actor actor, Command.RequestExtension rx) {
    Optional<String> limit = extensions.limitProblem(rec.state(), rx.days());
    if (limit.isPresent()) {
      throw new ExtensionLimitException(c, rec.facts().id(), limit.get());
    }
    Optional<String> clock = Extensions.clockProblem(rec.clocks());
    if (clock.isPresent()) {
      throw new TransitionRefusedException(c, rec.facts().id(), clock.get(), null);
    }
    tx.emit(
        rec,
        c.at(),
        actor,
        new EventPayload.ExtensionRequested(rx.handlerId(), rx.days(), rx.reason()));
  }

  /**
   * Grants the pending request: {@code Extended} with the whole-case deadline the lengthened clocks
   * give; the clocks themselves follow from the event ({@link ClockRules}).
   */
  private void approveExtension(Tx tx, Command c, CaseRecord rec, Actor actor) {
    CaseState s = rec.state();
    if (s.pendingExtensionDays().isEmpty()) {
      throw new TransitionRefusedException(
          c, rec.facts().id(), "no extension request is pending", null);
    }
    int days = s.pendingExtensionDays().getAsInt();
    Optional<String> limit = extensions.limitProblem(s, days);
    if (limit.isPresent()) {
      throw new ExtensionLimitException(c, rec.facts().id(), limit.get());
    }
    Instant current = s.dueAt().orElse(c.at());
    Instant due =
        Extensions.wholeCaseDue(Extensions.extended(rec.clocks(), days), c.at())
            .filter(d -> d.isAfter(current))
            .orElseGet(() -> current.plus(java.time.Duration.ofDays(days)));
    tx.emit(
        rec,
        c.at(),
        actor,
        new EventPayload.Extended(
            due, "extension of " + days + " days approved", isProvisional(rec, due)));
  }

  private void merge(Tx tx, Command c, CaseRecord rec, Actor actor, Command.Merge mg) {
    CaseRecord into =
        engine.visible(tx, c, mg.intoCaseId()); // a target the actor may not see reads as unknown
    if (!CaseStore.isOpen(into.state().status())) {
      throw new TransitionRefusedException(
          c,
          rec.facts().id(),
          String.format(
              Locale.ROOT,
              "a case merges only into an open case; %s is %s",
              mg.intoCaseId(),
              into.state().status()),
          null);
    }
    tx.emit(rec, c.at(), actor, new EventPayload.Merged(mg.intoCaseId()));
  }

  private SlaClock wholeCaseClock(CaseRecord rec, Instant at, String event) {
    return clockRules
        .start(rec, CaseState.WHOLE_CASE_CLOCK, SlaStage.WHOLE_CASE, at, engine.calendar())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    String.format(
                        Locale.ROOT,
                        "case %s: the SLA policy has no WHOLE_CASE rule for category %s, priority %s, %s;"
                            + " cannot compute the deadline of %s",
                        rec.facts().id(),
                        rec.facts().categoryCode(),
                        rec.facts().priority(),
                        rec.urban(),
                        event)));
  }

  /** Whether a provisional day lies between the case's whole-case clock start and {@code due}. */
  private boolean isProvisional(CaseRecord rec, Instant due) {
    Optional<SlaClock> c = rec.clocks().clock(CaseState.WHOLE_CASE_CLOCK);
    BusinessCalendar cal = c.map(SlaClock::calendar).orElse(engine.calendar());
    Instant from = c.map(SlaClock::startedAt).orElse(due);
    return cal.covers(from) && cal.covers(due) && cal.isProvisionalBetween(from, due);
  }

  private static Instant resumedDue(CaseRecord rec, Instant at) {
    Instant current = rec.state().dueAt().orElse(at);
    Optional<Instant> d =
        rec.clocks().resumeAll(at).clock(CaseState.WHOLE_CASE_CLOCK).flatMap(SlaClock::deadline);
    return d.isPresent() && d.get().isAfter(current) ? d.get() : current;
  }
}
