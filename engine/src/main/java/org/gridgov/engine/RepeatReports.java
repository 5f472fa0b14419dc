package org.gridgov.engine;

import java.time.Instant;
import java.util.Optional;
import org.gridgov.casefile.Actor;
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
 * repeat-while-open} supervision rule.
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
   * Links a just reported case to the case it repeats, if the policy links repeats and there is
   * one; otherwise leaves it as a case of its own.
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
    CaseRecord target = found.get();
    var unused = tx.emit(report, at, actor, new EventPayload.Merged(target.facts().id()));
    int count = annex.entry(target.facts().id()).reportCount() + 1;
    CaseRecord cur =
        tx.emit(target, at, actor, new EventPayload.RepeatReported(report.facts().id(), count));
    if (!CaseStore.isOpen(cur.state().status())) {
      if (rule.get().closed() == SupervisionPolicy.ClosedRepeat.REOPEN) {
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
