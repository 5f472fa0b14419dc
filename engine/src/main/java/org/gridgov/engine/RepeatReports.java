package org.gridgov.engine;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.EscalationCause;
import org.gridgov.casefile.EventPayload;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingRequest;

/**
 * Repeat reports (重复上报) by the {@link SupervisionPolicy}'s repeat rule: a new report of the same
 * category at the same first location code as an open case, or a case closed within the window,
 * ends as {@code Merged} into that case, which records {@code RepeatReported} with its new report
 * count; then a closed case is reopened (返工) if the rule says so, and an open case with a lead gets
 * the {@code REPEAT_REPORT} routing decision with the real report count, and the {@code auto
 * repeat-while-open} supervision rule. With the rule's {@code suggest} the report is not linked but
 * records {@code MergeSuggested}, and the dispatcher's {@link Command.DecideMerge} links it (as
 * {@code reopen} does) or declines it.
 */
final class RepeatReports {
  private final SupervisionPolicy policy;
  private final CaseAnnex annex;
  private final CaseStore store;
  private final RoutingApplier router;
  private final SupervisionCommands supervision;
  private final Actor systemActor;

  RepeatReports(
      SupervisionPolicy policy,
      CaseAnnex annex,
      CaseStore store,
      RoutingApplier router,
      SupervisionCommands supervision,
      Actor systemActor) {
    this.policy = policy;
    this.annex = annex;
    this.store = store;
    this.router = router;
    this.supervision = supervision;
    this.systemActor = systemActor;
  }

  /**
   * Links a just reported case to the case it repeats, if the policy links repeats and there is one
   * (or, with {@code suggest}, records the suggestion for the dispatcher); otherwise leaves it as a
   * case of its own.
   */
  void link(Tx tx, CaseRecord report, Instant at, Actor actor) {
    Optional<SupervisionPolicy.RepeatRule> rule = policy.repeat();
    if (rule.isEmpty()) {
      return;
    }
    Optional<CaseRecord> found = annex.repeatTarget(report.facts(), at, rule.get().window(), store);
    if (found.isEmpty()) {
      return;
    }
    CaseId into = found.get().facts().id();
    if (rule.get().closed() == SupervisionPolicy.ClosedRepeat.SUGGEST) {
      var unused = tx.emit(report, at, actor, new EventPayload.MergeSuggested(into));
      return;
    }
    linkTo(tx, report, found.get(), at, actor, rule.get().closed());
  }

  /**
   * The case a pending merge suggestion of {@code rec} names.
   *
   * @throws TransitionRefusedException if none is pending
   */
  CaseId pendingSuggestion(Command c, CaseRecord rec) {
    CaseId into = annex.entry(rec.facts().id()).suggestedInto();
    if (into == null) {
      throw new TransitionRefusedException(
          c,
          rec.facts().id(),
          "no merge suggestion is pending on the case; only a suggested merge is decided",
          null);
    }
    return into;
  }

  /**
   * The dispatcher's decision on a pending suggestion: accepted, the report is linked to the
   * suggested case as a repeat (a closed case reopens); declined, {@code MergeDeclined}.
   */
  void decide(Tx tx, Command c, CaseRecord rec, CaseRecord target, Actor actor, boolean accept) {
    CaseId into = target.facts().id();
    if (!accept) {
      var unused = tx.emit(rec, c.at(), actor, new EventPayload.MergeDeclined(into));
      return;
    }
    CaseStatus st = target.state().status();
    if (st == CaseStatus.MERGED || st == CaseStatus.INVALID) {
      throw new TransitionRefusedException(
          c,
          rec.facts().id(),
          String.format(
              Locale.ROOT,
              "the suggested case %s is %s and takes no repeats; decline the suggestion",
              into,
              st),
          null);
    }
    linkTo(tx, rec, target, c.at(), actor, SupervisionPolicy.ClosedRepeat.REOPEN);
  }

  private void linkTo(
      Tx tx,
      CaseRecord report,
      CaseRecord target,
      Instant at,
      Actor actor,
      SupervisionPolicy.ClosedRepeat closed) {
    var unused = tx.emit(report, at, actor, new EventPayload.Merged(target.facts().id()));
    int count = annex.entry(target.facts().id()).reportCount() + 1;
    CaseRecord cur =
        tx.emit(target, at, actor, new EventPayload.RepeatReported(report.facts().id(), count));
    if (!CaseStore.isOpen(cur.state().status())) {
      if (closed == SupervisionPolicy.ClosedRepeat.REOPEN) {
        supervision.reopen(tx, cur, at, "重复上报: reported again after closing");
      }
      return;
    }
    if (cur.state().lead().isPresent() && CaseStore.isRoutable(cur.state().status())) {
      RoutingRequest req = router.request(cur, DecisionPoint.REPEAT_REPORT, at, count);
      RoutingDecision d = router.decide(cur, req);
      cur =
          router.apply(
              tx,
              cur,
              d,
              new RoutingApplier.Context(
                  at, EscalationCause.REPEAT_REPORT, systemActor, false, systemActor.id()));
    }
    supervision.afterRepeat(tx, cur, at);
  }
}
