package org.gridgov.engine;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.Satisfaction;
import org.gridgov.sla.Deadline;
import org.gridgov.sla.SlaClock;
import org.gridgov.sla.SlaStage;

/**
 * Supervision (督办) by the {@link SupervisionPolicy}: the commands of a supervising body (open,
 * urge, close), the satisfaction visit (回访), the automatic supervision rules, the escalation of a
 * supervision whose deadline passed, and the reopening (返工) a repeat report or a not-satisfied
 * visit may cause. The supervision state itself lives in the {@link CaseAnnex}.
 */
final class SupervisionCommands {
  private final SupervisionPolicy policy;
  private final CaseAnnex annex;
  private final ClockRules clockRules;
  private final EventApplier applier;
  private final Actor systemActor;

  SupervisionCommands(
      SupervisionPolicy policy,
      CaseAnnex annex,
      ClockRules clockRules,
      EventApplier applier,
      Actor systemActor) {
    this.policy = policy;
    this.annex = annex;
    this.clockRules = clockRules;
    this.applier = applier;
    this.systemActor = systemActor;
  }

  /** Whether this family handles the action. */
  static boolean handles(Command.Action a) {
    return a instanceof Command.OpenSupervision
        || a instanceof Command.Urge
        || a instanceof Command.CloseSupervision
        || a instanceof Command.Visit;
  }

  /** Emits the events of {@code c} on {@code rec}, or refuses it with nothing changed. */
  void handle(Tx tx, Command c, CaseRecord rec, Actor actor) {
    Command.Action a = c.action();
    CaseAnnex.Entry entry = annex.entry(rec.facts().id());
    CaseStatus status = rec.state().status();
    if (a instanceof Command.OpenSupervision o) {
      if (!CaseStore.isOpen(status)) {
        throw refused(c, rec, "the case is " + status + "; only an open case can be supervised");
      }
      if (entry.supervised()) {
        throw refused(
            c,
            rec,
            "the case is already under supervision at level "
                + Objects.requireNonNull(entry.supervision()).level()
                + "; close it first");
      }
      SupervisionPolicy.Level level =
          policy
              .level(o.level())
              .orElseThrow(
                  () ->
                      refused(
                          c,
                          rec,
                          "level "
                              + o.level()
                              + " is not one of the policy's levels "
                              + policy.levels().stream()
                                  .map(SupervisionPolicy.Level::name)
                                  .toList()));
      open(tx, rec, level, o.reason(), c.at(), actor);
    } else if (a instanceof Command.Urge u) {
      if (!entry.supervised()) {
        throw refused(c, rec, "the case is not under supervision; only a supervised case is urged");
      }
      if (!CaseStore.isOpen(status)) {
        throw refused(c, rec, "the case is " + status + "; only an open case is urged");
      }
      tx.emit(rec, c.at(), actor, new EventPayload.Urged(u.note()));
    } else if (a instanceof Command.CloseSupervision cs) {
      if (!entry.supervised()) {
        throw refused(c, rec, "the case is not under supervision; there is nothing to close");
      }
      tx.emit(rec, c.at(), actor, new EventPayload.SupervisionClosed(cs.finding()));
    } else if (a instanceof Command.Visit v) {
      visit(tx, c, rec, actor, v);
    } else {
      throw new AssertionError(a);
    }
  }

  private void visit(Tx tx, Command c, CaseRecord rec, Actor actor, Command.Visit v) {
    CaseRecord cur =
        tx.emit(rec, c.at(), actor, new EventPayload.Visited(v.reached(), v.satisfaction()));
    if (policy.reopenOnDissatisfied()
        && v.satisfaction().equals(Optional.of(Satisfaction.DISSATISFIED))) {
      reopen(tx, cur, c.at(), "回访不满意: the reporter was not satisfied");
    }
  }

  /** Opens a supervision at a level, its deadline by the level's limit from {@code at}. */
  void open(
      Tx tx,
      CaseRecord rec,
      SupervisionPolicy.Level level,
      String reason,
      Instant at,
      Actor actor) {
    tx.emit(
        rec, at, actor, new EventPayload.SupervisionOpened(level.name(), due(level, at), reason));
  }

  private Instant due(SupervisionPolicy.Level level, Instant at) {
    return SlaClock.start(
            ClockId.SUPERVISION.name(), level.limit(), List.of(), applier.calendar(), at)
        .deadline()
        .orElseThrow();
  }

  /**
   * After the SLA levels a case fired: a breach of the supervision clock escalates the supervision
   * to the next level (none at the top); the N-th breach of another clock opens a supervision by
   * the {@code auto breaches} rule.
   */
  void afterFire(Tx tx, CaseRecord cur, List<String> breached, Instant at) {
    CaseRecord r = cur;
    int others = 0;
    for (String clock : breached) {
      if (clock.equals(ClockId.SUPERVISION.name())) {
        r = escalate(tx, r, at);
      } else {
        others++;
      }
    }
    Optional<SupervisionPolicy.AutoRule> rule = policy.onBreaches();
    if (others > 0 && rule.isPresent()) {
      int after = annex.entry(r.facts().id()).breachCount();
      int n = rule.get().threshold();
      if (after - others < n && after >= n) {
        auto(tx, r, rule.get(), ordinal(n) + " SLA breach", at);
      }
    }
  }

  private CaseRecord escalate(Tx tx, CaseRecord cur, Instant at) {
    CaseAnnex.Entry e = annex.entry(cur.facts().id());
    if (!e.supervised() || !CaseStore.isOpen(cur.state().status())) {
      return cur;
    }
    String from = Objects.requireNonNull(e.supervision()).level();
    Optional<SupervisionPolicy.Level> next = policy.next(from);
    if (next.isEmpty()) {
      return cur;
    }
    return tx.emit(
        cur,
        at,
        systemActor,
        new EventPayload.SupervisionEscalated(from, next.get().name(), due(next.get(), at)));
  }

  /**
   * After a command on a case: its N-th return opens a supervision by the {@code auto returns}
   * rule.
   */
  void afterCommand(Tx tx, Command c, CaseRecord cur) {
    Optional<SupervisionPolicy.AutoRule> rule = policy.onReturns();
    if (rule.isPresent()
        && c.action() instanceof Command.Return
        && cur.state().returnCount() == rule.get().threshold()) {
      auto(tx, cur, rule.get(), ordinal(rule.get().threshold()) + " return", c.at());
    }
  }

  /** After a repeat report linked to an open case: the {@code auto repeat-while-open} rule. */
  void afterRepeat(Tx tx, CaseRecord cur, Instant at) {
    policy
        .onRepeatWhileOpen()
        .ifPresent(rule -> auto(tx, cur, rule, "repeat report while open", at));
  }

  private void auto(
      Tx tx, CaseRecord cur, SupervisionPolicy.AutoRule rule, String what, Instant at) {
    if (annex.entry(cur.facts().id()).supervised() || !CaseStore.isOpen(cur.state().status())) {
      return;
    }
    SupervisionPolicy.Level level = policy.level(rule.level()).orElseThrow();
    Instant when = max(at, cur.state().lastEventAt().orElse(at));
    open(tx, cur, level, "automatic supervision: " + what, when, systemActor);
  }

  /** Reopens a closed case (返工) with a fresh whole-case deadline, as the Reopen command does. */
  void reopen(Tx tx, CaseRecord rec, Instant at, String reason) {
    SlaClock clock =
        clockRules
            .start(rec, CaseState.WHOLE_CASE_CLOCK, SlaStage.WHOLE_CASE, at, applier.calendar())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        String.format(
                            Locale.ROOT,
                            "case %s: the SLA policy has no WHOLE_CASE rule for category %s;"
                                + " cannot compute the deadline of Reopened",
                            rec.facts().id(),
                            rec.facts().categoryCode())));
    Deadline due = clock.due().orElseThrow();
    tx.emit(
        rec,
        at,
        systemActor,
        new EventPayload.Reopened(reason, due.at(), due.provisional()),
        clock);
  }

  private static SupervisionRefusedException refused(Command c, CaseRecord rec, String rule) {
    return new SupervisionRefusedException(c, rec.facts().id(), rule);
  }

  private static String ordinal(int n) {
    return n
        + (n % 10 == 1 && n % 100 != 11
            ? "st"
            : n % 10 == 2 && n % 100 != 12 ? "nd" : n % 10 == 3 && n % 100 != 13 ? "rd" : "th");
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
