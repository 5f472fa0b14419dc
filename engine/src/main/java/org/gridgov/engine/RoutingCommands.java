package org.gridgov.engine;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.EscalationCause;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingRequest;
import org.gridgov.sla.SlaPolicy;

/**
 * The handlers of the commands that move a case between handlers (dispatch, return, assist, summon,
 * arrive, escalate) or may (a check, whose failure the routing policy answers at {@code
 * CHECK_FAILED}): a named handler must be known; a decision of the routing policy goes through the
 * {@link RoutingApplier}, with the case's real lead and return history in the request.
 */
final class RoutingCommands {
  private final CommandDispatcher engine;
  private final RoutingApplier router;
  private final HandlerDirectory handlers;
  private final Actor systemActor;
  private final SlaPolicy sla;

  RoutingCommands(
      CommandDispatcher engine,
      RoutingApplier router,
      HandlerDirectory handlers,
      Actor systemActor,
      SlaPolicy sla) {
    this.engine = engine;
    this.router = router;
    this.handlers = handlers;
    this.systemActor = systemActor;
    this.sla = sla;
  }

  /** Whether this family handles the action. */
  static boolean handles(Command.Action a) {
    return a instanceof Command.Dispatch
        || a instanceof Command.Return
        || a instanceof Command.Assist
        || a instanceof Command.Summon
        || a instanceof Command.Arrive
        || a instanceof Command.Escalate
        || a instanceof Command.Check;
  }

  /** Emits the events of {@code c} on {@code rec}. */
  void handle(Tx tx, Command c, CaseRecord rec, Actor actor) {
    Command.Action a = c.action();
    Instant at = c.at();
    if (a instanceof Command.Dispatch d) {
      dispatch(tx, c, rec, actor, d);
    } else if (a instanceof Command.Return rt) {
      giveBack(tx, rec, actor, rt, at);
    } else if (a instanceof Command.Assist as) {
      requireHandler(c, as.handlerId());
      tx.emit(rec, at, actor, new EventPayload.AssistAdded(as.handlerId()));
    } else if (a instanceof Command.Summon sm) {
      for (String dep : sm.departmentIds()) {
        requireHandler(c, dep);
      }
      tx.emit(rec, at, actor, new EventPayload.Summoned(sm.departmentIds(), sm.within()));
    } else if (a instanceof Command.Arrive ar) {
      arrive(tx, c, rec, actor, ar);
    } else if (a instanceof Command.Escalate es) {
      escalate(tx, c, rec, actor, es);
    } else if (a instanceof Command.Check ck) {
      check(tx, rec, actor, ck, at);
    } else {
      throw new AssertionError(a);
    }
  }

  private void dispatch(Tx tx, Command c, CaseRecord rec, Actor actor, Command.Dispatch d) {
    if (d.lead().isPresent()) {
      requireHandler(c, d.lead().get());
      tx.emit(rec, c.at(), actor, new EventPayload.Dispatched(d.lead().get(), HandlerRole.LEAD));
      return;
    }
    engine.requireStatus(rec, c, CaseStatus.REGISTERED);
    RoutingDecision dec = router.decide(rec, RoutingRequest.newCase(rec.facts(), c.at()));
    if (dec instanceof RoutingDecision.Reject rj) {
      throw new RoutingFailedException(
          rec.facts().id(),
          String.format(
              Locale.ROOT,
              "case %s: the routing policy rejected it at NEW_CASE: %s (%s)",
              rec.facts().id(),
              rj.reason(),
              rj.explanation().decidedBy()));
    }
    var unused =
        router.apply(
            tx,
            rec,
            dec,
            new RoutingApplier.Context(
                c.at(), EscalationCause.CAPABILITY, actor, true, actor.id()));
  }

  /**
   * A return (退单): the {@code Returned} event, then the routing policy's answer at {@code RETURN};
   * or, when the return reaches the SLA policy's {@link SlaPolicy#returnsBeforeEscalation()}, its
   * answer at {@code BREACH} for the returning handler (the case has used up its returns as a clock
   * uses up its time), applied with the cause {@code RETURN}.
   */
  private void giveBack(Tx tx, CaseRecord rec, Actor actor, Command.Return rt, Instant at) {
    CaseRecord after =
        tx.emit(rec, at, actor, new EventPayload.Returned(rt.handlerId(), rt.reason()));
    OptionalInt limit = sla.returnsBeforeEscalation();
    boolean escalate = limit.isPresent() && after.state().returnCount() >= limit.getAsInt();
    RoutingRequest req =
        RoutingRequest.of(
            rec.facts(),
            escalate ? DecisionPoint.BREACH : DecisionPoint.RETURN,
            at,
            rt.handlerId(),
            after.state().leadHistory(),
            after.state().returnHistory(),
            router.reportCount(after));
    RoutingDecision dec = router.decide(after, req);
    var unused =
        router.apply(
            tx,
            after,
            dec,
            new RoutingApplier.Context(
                at, EscalationCause.RETURN, systemActor, false, rt.handlerId()));
  }

  /**
   * A check (核查): {@code CheckPassed}; or {@code CheckFailed} (rework, 返工), then the routing
   * policy's answer at {@code CHECK_FAILED} for the lead: the same lead keeps the rework; another
   * lead, an escalation or a summons is applied with the cause {@code CHECK_FAILED}; a rejection
   * leaves the rework with the lead.
   */
  private void check(Tx tx, CaseRecord rec, Actor actor, Command.Check ck, Instant at) {
    if (ck.passed()) {
      tx.emit(rec, at, actor, new EventPayload.CheckPassed());
      return;
    }
    CaseRecord after = tx.emit(rec, at, actor, new EventPayload.CheckFailed(ck.reason()));
    if (after.state().lead().isEmpty()) {
      return;
    }
    RoutingDecision dec =
        router.decide(after, router.request(after, DecisionPoint.CHECK_FAILED, at));
    var unused =
        router.apply(
            tx,
            after,
            dec,
            new RoutingApplier.Context(
                at, EscalationCause.CHECK_FAILED, systemActor, false, after.state().lead().get()));
  }

  private static void arrive(Tx tx, Command c, CaseRecord rec, Actor actor, Command.Arrive ar) {
    String clockId = ClockId.summons(ar.departmentId()).name();
    if (rec.clocks().clock(clockId).isEmpty()) {
      throw new TransitionRefusedException(
          c,
          rec.facts().id(),
          String.format(
              Locale.ROOT,
              "an arrival needs a pending summons; %s has no pending summons",
              ar.departmentId()),
          null);
    }
    // The event, applied like any other, stops the arrival clock; restore replays it the same way.
    tx.emit(rec, c.at(), actor, new EventPayload.Arrived(ar.departmentId()));
  }

  private void escalate(Tx tx, Command c, CaseRecord rec, Actor actor, Command.Escalate es) {
    if (!CaseStore.isRoutable(rec.state().status())) {
      throw new TransitionRefusedException(
          c,
          rec.facts().id(),
          String.format(
              Locale.ROOT,
              "the case is %s; only REGISTERED, DISPATCHED or HANDLING cases can be escalated",
              rec.state().status()),
          null);
    }
    Principal who = c.actor();
    RoutingDecision dec;
    if (es.to().isPresent()) {
      requireHandler(c, es.to().get());
      if (rec.state().lead().equals(es.to())) {
        throw new TransitionRefusedException(
            c,
            rec.facts().id(),
            String.format(
                Locale.ROOT,
                "a case escalates to another handler; %s is already the current lead",
                es.to().get()),
            null);
      }
      dec =
          new RoutingDecision.Escalate(
              es.to().get(),
              RoutingDecision.Explanation.of(who.id(), List.of("manual escalation")));
    } else {
      dec = router.decide(rec, router.request(rec, DecisionPoint.MANUAL, c.at()));
      if (dec instanceof RoutingDecision.Reject rj) {
        throw new RoutingFailedException(
            rec.facts().id(),
            String.format(
                Locale.ROOT,
                "case %s: the routing policy rejected a manual escalation: %s",
                rec.facts().id(),
                rj.reason()));
      }
    }
    var unused =
        router.apply(
            tx,
            rec,
            dec,
            new RoutingApplier.Context(c.at(), EscalationCause.MANUAL, actor, true, who.id()));
  }

  private void requireHandler(Command c, String handler) {
    if (!handlers.isKnown(handler)) {
      throw new UnknownHandlerException(c, handler);
    }
  }
}
