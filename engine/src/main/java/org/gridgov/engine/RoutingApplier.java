package org.gridgov.engine;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.EscalationCause;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingPolicy;
import org.gridgov.routing.RoutingRequest;

/**
 * The routing applier: asks the {@link RoutingPolicy} and turns its decision into events. Assign: a
 * dispatch (no lead), an escalation to a new lead, or added assists. Escalate: an escalation.
 * Summon: a summons of the departments not yet holding the case. Reject: nothing (commands that
 * need a route refuse it before calling this). Every handler a decision names must be known, else
 * the whole call is refused as {@link RoutingFailedException}. Requests carry the case's report
 * count from the {@link CaseAnnex}.
 */
final class RoutingApplier {

  /** Where the applier's events go: the current call's pending changes. */
  interface Emitter {
    /** Appends an event to the case and returns the case after it. */
    CaseRecord emit(CaseRecord rec, Instant at, Actor actor, EventPayload payload);
  }

  /**
   * How a decision is applied.
   *
   * @param at the events' instant
   * @param cause the cause written into escalations
   * @param actor the events' actor
   * @param strict whether escalating to the current lead is refused (a command) rather than ignored
   *     (a breach)
   * @param fromWhenNoLead the escalation's "from" handler when the case has no lead
   */
  record Context(
      Instant at, EscalationCause cause, Actor actor, boolean strict, String fromWhenNoLead) {}

  private final RoutingPolicy routing;
  private final HandlerDirectory handlers;
  private final CaseAnnex annex;

  RoutingApplier(RoutingPolicy routing, HandlerDirectory handlers, CaseAnnex annex) {
    this.routing = routing;
    this.handlers = handlers;
    this.annex = annex;
  }

  /**
   * Asks the policy; a policy that throws or returns null is refused as {@link
   * RoutingFailedException}.
   */
  RoutingDecision decide(CaseRecord rec, RoutingRequest req) {
    RoutingDecision d;
    try {
      d = routing.decide(req);
    } catch (RuntimeException e) {
      throw new RoutingFailedException(
          rec.facts().id(),
          String.format(
              Locale.ROOT,
              "case %s: the routing policy threw at %s: %s",
              rec.facts().id(),
              req.point(),
              e),
          e);
    }
    if (d == null) {
      throw new RoutingFailedException(
          rec.facts().id(),
          "case " + rec.facts().id() + ": the routing policy returned null at " + req.point());
    }
    return d;
  }

  /**
   * A routing request for the case as it stands: its current lead, every lead it has had and every
   * return, oldest first (the request's documented history).
   */
  RoutingRequest request(CaseRecord rec, DecisionPoint point, Instant at) {
    return request(rec, point, at, annex.entry(rec.facts().id()).reportCount());
  }

  /** How many reports the case stands for, as the current call sees it. */
  int reportCount(CaseRecord rec) {
    return annex.entry(rec.facts().id()).reportCount();
  }

  /** As {@link #request(CaseRecord, DecisionPoint, Instant)} with the given report count. */
  RoutingRequest request(CaseRecord rec, DecisionPoint point, Instant at, int reportCount) {
    CaseState s = rec.state();
    return new RoutingRequest(
        rec.facts(), point, at, s.lead(), s.leadHistory(), s.returnHistory(), reportCount);
  }

  /** Turns a decision into events through {@code out}; returns the case after them. */
  CaseRecord apply(Emitter out, CaseRecord rec, RoutingDecision d, Context c) {
    if (d instanceof RoutingDecision.Assign as) {
      return assign(out, rec, as, c);
    } else if (d instanceof RoutingDecision.Escalate es) {
      return escalate(out, rec, es, c);
    } else if (d instanceof RoutingDecision.Summon sm) {
      return summon(out, rec, sm, c);
    }
    return rec;
  }

  private CaseRecord assign(Emitter out, CaseRecord rec, RoutingDecision.Assign as, Context c) {
    String lead = requireKnown(rec, as.lead(), as);
    for (String h : as.assists()) {
      var unused = requireKnown(rec, h, as);
    }
    CaseRecord cur = rec;
    CaseState s = cur.state();
    if (s.lead().isEmpty()) {
      cur = out.emit(cur, c.at(), c.actor(), new EventPayload.Dispatched(lead, HandlerRole.LEAD));
    } else if (!s.lead().get().equals(lead)) {
      cur =
          out.emit(
              cur, c.at(), c.actor(), new EventPayload.Escalated(c.cause(), s.lead().get(), lead));
    }
    for (String h : as.assists()) {
      if (!cur.state().assists().contains(h)) {
        cur =
            out.emit(
                cur,
                c.at(),
                c.actor(),
                new EventPayload.Dispatched(requireKnown(rec, h, as), HandlerRole.ASSIST));
      }
    }
    return cur;
  }

  private CaseRecord escalate(Emitter out, CaseRecord rec, RoutingDecision.Escalate es, Context c) {
    String to = requireKnown(rec, es.to(), es);
    CaseState s = rec.state();
    if (s.lead().isPresent() && s.lead().get().equals(es.to())) {
      if (c.strict()) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "case %s: cannot escalate to %s, the current lead",
                s.caseId(),
                es.to()));
      }
      return rec;
    }
    String from = s.lead().orElse(c.fromWhenNoLead());
    if (from.equals(to)) {
      throw new RoutingFailedException(
          rec.facts().id(),
          String.format(
              Locale.ROOT,
              "case %s: the routing policy (%s) escalates the case at %s to the handler it comes"
                  + " from, %s; a decision must send it elsewhere",
              rec.facts().id(),
              es.explanation().decidedBy(),
              c.cause(),
              to));
    }
    return out.emit(rec, c.at(), c.actor(), new EventPayload.Escalated(c.cause(), from, to));
  }

  private CaseRecord summon(Emitter out, CaseRecord rec, RoutingDecision.Summon sm, Context c) {
    CaseState s = rec.state();
    List<String> fresh = new ArrayList<>();
    for (String dep : sm.departments()) {
      var unused = requireKnown(rec, dep, sm);
      if (!s.assists().contains(dep) && !s.lead().equals(Optional.of(dep))) {
        fresh.add(dep);
      }
    }
    return fresh.isEmpty()
        ? rec
        : out.emit(
            rec,
            c.at(),
            c.actor(),
            new EventPayload.Summoned(ImmutableList.copyOf(fresh), sm.within()));
  }

  /** The engine's instance of a handler id the decision names; refused if it is unknown. */
  private String requireKnown(CaseRecord rec, String handler, RoutingDecision d) {
    String known = handlers.canonical(handler);
    if (known == null) {
      throw new RoutingFailedException(
          rec.facts().id(),
          String.format(
              Locale.ROOT,
              "case %s: the routing policy (%s) named unknown handler %s in %s",
              rec.facts().id(),
              d.explanation().decidedBy(),
              handler,
              d.kind()));
    }
    return known;
  }
}
