package org.gridgov.engine;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.EscalationCause;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingRequest;

/**
 * The handlers of the commands that move a case between handlers (dispatch, return, assist, summon,
 * arrive, escalate): a named handler must be known; a decision of the routing policy goes through
 * the {@link RoutingApplier}.
 */
final class RoutingCommands {
  private final CommandDispatcher engine;
  private final RoutingApplier router;
  private final HandlerDirectory handlers;
  private final Actor systemActor;

  RoutingCommands(
      CommandDispatcher engine,
      RoutingApplier router,
      HandlerDirectory handlers,
      Actor systemActor) {
    this.engine = engine;
    this.router = router;
    this.handlers = handlers;
    this.systemActor = systemActor;
  }

  /** Whether this family handles the action. */
  static boolean handles(Command.Action a) {
    return a instanceof Command.Dispatch
        || a instanceof Command.Return
        || a instanceof Command.Assist
        || a instanceof Command.Summon
        || a instanceof Command.Arrive
        || a instanceof Command.Escalate;
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

  private void giveBack(Tx tx, CaseRecord rec, Actor actor, Command.Return rt, Instant at) {
    ImmutableList<String> holders = RoutingApplier.holders(rec.state());
    CaseRecord after =
        tx.emit(rec, at, actor, new EventPayload.Returned(rt.handlerId(), rt.reason()));
    RoutingRequest req =
        RoutingRequest.of(
            rec.facts(),
            DecisionPoint.RETURN,
            at,
            rt.handlerId(),
            holders,
            ImmutableList.copyOf(after.state().returnedBy()),
            1);
    RoutingDecision dec = router.decide(after, req);
    var unused =
        router.apply(
            tx,
            after,
            dec,
            new RoutingApplier.Context(
                at, EscalationCause.RETURN, systemActor, false, rt.handlerId()));
  }

  private static void arrive(Tx tx, Command c, CaseRecord rec, Actor actor, Command.Arrive ar) {
    String clockId = CaseEngine.SUMMON_CLOCK_PREFIX + ar.departmentId();
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
