package org.gridgov.casefile;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Every field of a {@link CaseState}, as a plain value a persisted snapshot can hold: {@link
 * #of(CaseState)} takes a state apart, {@link #toState()} puts it back together, equal to the
 * original. No I/O here: the JSON mapping is gridgov-json's ({@code EngineSnapshotJson}). The
 * components have the names of the state's fields; a field added to {@code CaseState} must be added
 * here (a test compares the two lists).
 *
 * @param caseId the case
 * @param status the lifecycle status
 * @param lastSequence the sequence of the last event applied, 0 before the first
 * @param lastEventAt the instant of the last event applied
 * @param lead the lead handler holding the case
 * @param assists the assisting handlers
 * @param returnedBy the handlers that returned the case at least once
 * @param leadHistory every lead, oldest first
 * @param returnHistory the handler of every return, oldest first
 * @param awaitingArrival the summoned departments awaited on site
 * @param dueAt the whole-case deadline
 * @param reportedAt when the case was reported
 * @param verifiedAt when the report was verified
 * @param registeredAt when the case was registered
 * @param firstDispatchedAt when a lead was first dispatched or escalated to
 * @param firstAcceptedAt when a lead first accepted the case
 * @param lastResolvedAt when the work was last reported done
 * @param closedAt when the case was closed
 * @param evaluatedAt when the case was evaluated
 * @param suspendedSince when the current suspension started
 * @param suspendedTotal the time spent in completed suspensions, not negative
 * @param dispatchCount the lead dispatch count
 * @param returnCount the return count
 * @param escalationCount the escalation count
 * @param reworkCount the rework count
 * @param suspensionCount the suspension count
 * @param extensionCount the extension count
 * @param pendingExtensionDays the days of the pending extension request, 0 if none
 * @param reopenCount the reopen count
 * @param summonCount the summons count
 * @param breached whether any clock was breached
 * @param wholeCaseBreached whether the whole-case clock was breached
 * @param satisfaction the reporter's satisfaction since the last closing
 * @param solved whether the reporter considered the problem solved; true only with a satisfaction
 * @param mergedInto the case this one was merged into
 */
public record CaseStateForm(
    CaseId caseId,
    CaseStatus status,
    long lastSequence,
    Optional<Instant> lastEventAt,
    Optional<String> lead,
    ImmutableSortedSet<String> assists,
    ImmutableSortedSet<String> returnedBy,
    ImmutableList<String> leadHistory,
    ImmutableList<String> returnHistory,
    ImmutableSortedSet<String> awaitingArrival,
    Optional<Instant> dueAt,
    Optional<Instant> reportedAt,
    Optional<Instant> verifiedAt,
    Optional<Instant> registeredAt,
    Optional<Instant> firstDispatchedAt,
    Optional<Instant> firstAcceptedAt,
    Optional<Instant> lastResolvedAt,
    Optional<Instant> closedAt,
    Optional<Instant> evaluatedAt,
    Optional<Instant> suspendedSince,
    Duration suspendedTotal,
    int dispatchCount,
    int returnCount,
    int escalationCount,
    int reworkCount,
    int suspensionCount,
    int extensionCount,
    int pendingExtensionDays,
    int reopenCount,
    int summonCount,
    boolean breached,
    boolean wholeCaseBreached,
    Optional<Satisfaction> satisfaction,
    boolean solved,
    Optional<CaseId> mergedInto) {

  /**
   * Validates what a state needs: no null, no negative count or sequence, a last event instant
   * exactly when an event was applied, {@code solved} only with a satisfaction (the evaluation
   * gives both, a reopening clears both); the messages name the case and the component.
   *
   * @param caseId the case
   * @param status the status
   * @param lastSequence the last sequence
   * @param lastEventAt the last event instant
   * @param lead the lead
   * @param assists the assists
   * @param returnedBy the returning handlers
   * @param leadHistory the leads in order
   * @param returnHistory the returning handlers in order
   * @param awaitingArrival the departments awaited
   * @param dueAt the deadline
   * @param reportedAt reported
   * @param verifiedAt verified
   * @param registeredAt registered
   * @param firstDispatchedAt first dispatched
   * @param firstAcceptedAt first accepted
   * @param lastResolvedAt last resolved
   * @param closedAt closed
   * @param evaluatedAt evaluated
   * @param suspendedSince suspended since
   * @param suspendedTotal suspended total
   * @param dispatchCount dispatches
   * @param returnCount returns
   * @param escalationCount escalations
   * @param reworkCount rework
   * @param suspensionCount suspensions
   * @param extensionCount extensions
   * @param pendingExtensionDays pending extension days
   * @param reopenCount reopens
   * @param summonCount summonses
   * @param breached breached
   * @param wholeCaseBreached whole case breached
   * @param satisfaction satisfaction
   * @param solved solved
   * @param mergedInto merged into
   * @throws IllegalArgumentException naming the case and the bad component
   */
  public CaseStateForm {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(status, "status");
    for (Object part :
        new Object[] {
          lastEventAt,
          lead,
          assists,
          returnedBy,
          leadHistory,
          returnHistory,
          awaitingArrival,
          dueAt,
          reportedAt,
          verifiedAt,
          registeredAt,
          firstDispatchedAt,
          firstAcceptedAt,
          lastResolvedAt,
          closedAt,
          evaluatedAt,
          suspendedSince,
          suspendedTotal,
          satisfaction,
          mergedInto
        }) {
      Objects.requireNonNull(part, () -> "a component of the state of case " + caseId);
    }
    checkArgument(lastSequence >= 0, "case %s: lastSequence %s is negative", caseId, lastSequence);
    checkArgument(
        (lastSequence == 0) == lastEventAt.isEmpty(),
        "case %s: lastEventAt must be present exactly when lastSequence (%s) is positive",
        caseId,
        lastSequence);
    checkArgument(
        !suspendedTotal.isNegative(),
        "case %s: suspendedTotal %s is negative",
        caseId,
        suspendedTotal);
    checkArgument(
        !solved || satisfaction.isPresent(),
        "case %s: solved is true without a satisfaction (both come from the reporter's evaluation)",
        caseId);
    int[] counts = {
      dispatchCount,
      returnCount,
      escalationCount,
      reworkCount,
      suspensionCount,
      extensionCount,
      pendingExtensionDays,
      reopenCount,
      summonCount
    };
    for (int i = 0; i < counts.length; i++) {
      checkArgument(
          counts[i] >= 0, "case %s: count #%s of the state is negative (%s)", caseId, i, counts[i]);
    }
  }

  /**
   * Takes a state apart.
   *
   * @param state the state
   * @return its form
   */
  public static CaseStateForm of(CaseState state) {
    CaseState.Draft d = new CaseState.Draft(state);
    return new CaseStateForm(
        d.caseId,
        d.status,
        d.lastSequence,
        Optional.ofNullable(d.lastEventAt),
        Optional.ofNullable(d.lead),
        d.assists,
        d.returnedBy,
        d.leadHistory,
        d.returnHistory,
        d.awaitingArrival,
        Optional.ofNullable(d.dueAt),
        Optional.ofNullable(d.reportedAt),
        Optional.ofNullable(d.verifiedAt),
        Optional.ofNullable(d.registeredAt),
        Optional.ofNullable(d.firstDispatchedAt),
        Optional.ofNullable(d.firstAcceptedAt),
        Optional.ofNullable(d.lastResolvedAt),
        Optional.ofNullable(d.closedAt),
        Optional.ofNullable(d.evaluatedAt),
        Optional.ofNullable(d.suspendedSince),
        d.suspendedTotal,
        d.dispatchCount,
        d.returnCount,
        d.escalationCount,
        d.reworkCount,
        d.suspensionCount,
        d.extensionCount,
        d.pendingExtensionDays,
        d.reopenCount,
        d.summonCount,
        d.breached,
        d.wholeCaseBreached,
        Optional.ofNullable(d.satisfaction),
        d.solved,
        Optional.ofNullable(d.mergedInto));
  }

  /**
   * Puts the state back together.
   *
   * @return the state, equal to the one {@link #of(CaseState)} took apart
   */
  public CaseState toState() {
    CaseState.Draft d = new CaseState.Draft(caseId);
    d.status = status;
    d.lastSequence = lastSequence;
    d.lastEventAt = lastEventAt.orElse(null);
    d.lead = lead.orElse(null);
    d.assists = assists;
    d.returnedBy = returnedBy;
    d.leadHistory = leadHistory;
    d.returnHistory = returnHistory;
    d.awaitingArrival = awaitingArrival;
    d.dueAt = dueAt.orElse(null);
    d.reportedAt = reportedAt.orElse(null);
    d.verifiedAt = verifiedAt.orElse(null);
    d.registeredAt = registeredAt.orElse(null);
    d.firstDispatchedAt = firstDispatchedAt.orElse(null);
    d.firstAcceptedAt = firstAcceptedAt.orElse(null);
    d.lastResolvedAt = lastResolvedAt.orElse(null);
    d.closedAt = closedAt.orElse(null);
    d.evaluatedAt = evaluatedAt.orElse(null);
    d.suspendedSince = suspendedSince.orElse(null);
    d.suspendedTotal = suspendedTotal;
    d.dispatchCount = dispatchCount;
    d.returnCount = returnCount;
    d.escalationCount = escalationCount;
    d.reworkCount = reworkCount;
    d.suspensionCount = suspensionCount;
    d.extensionCount = extensionCount;
    d.pendingExtensionDays = pendingExtensionDays;
    d.reopenCount = reopenCount;
    d.summonCount = summonCount;
    d.breached = breached;
    d.wholeCaseBreached = wholeCaseBreached;
    d.satisfaction = satisfaction.orElse(null);
    d.solved = solved;
    d.mergedInto = mergedInto.orElse(null);
    return d.freeze();
  }
}
