package org.gridgov.casefile;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The state of a case derived from its events by {@link CaseLifecycle}: the lifecycle {@link
 * CaseStatus}, who holds the case, its deadline, the times of its key transitions and the counters
 * that indicators need.
 *
 * <p>Immutable and a pure function of the event log: replaying the same events always yields an
 * {@linkplain #equals(Object) equal} state. Obtain one from {@link CaseLifecycle#initial(CaseId)},
 * {@link CaseLifecycle#apply}, {@link CaseLifecycle#replay} or {@link CaseFile#state()}.
 */
public final class CaseState {

  /**
   * The clock id of the case's own whole-case clock in {@link EventPayload.SlaWarning}/{@code
   * SlaBreached}.
   */
  public static final String WHOLE_CASE_CLOCK = "case";

  private final CaseId caseId;
  private final CaseStatus status;
  private final long lastSequence;
  private final @Nullable Instant lastEventAt;
  private final @Nullable String lead;
  private final ImmutableSortedSet<String> assists;
  private final ImmutableList<String> leadHistory;
  private final ImmutableSortedSet<String> awaitingArrival;
  private final @Nullable Instant dueAt;
  private final @Nullable Instant reportedAt;
  private final @Nullable Instant verifiedAt;
  private final @Nullable Instant registeredAt;
  private final @Nullable Instant firstDispatchedAt;
  private final @Nullable Instant firstAcceptedAt;
  private final @Nullable Instant lastResolvedAt;
  private final @Nullable Instant closedAt;
  private final int dispatchCount;
  private final int escalationCount;
  private final int reworkCount;
  private final int pendingExtensionDays; // 0 = no request pending
  private final boolean breached;
  private final boolean wholeCaseBreached;

  /** The fields the usual path of a case never changes, shared by the states that agree on them. */
  private final Rare rare;

  CaseState(Draft d) {
    this.caseId = d.caseId;
    this.status = d.status;
    this.lastSequence = d.lastSequence;
    this.lastEventAt = d.lastEventAt;
    this.lead = d.lead;
    this.assists = d.assists;
    this.leadHistory = d.leadHistory;
    this.awaitingArrival = d.awaitingArrival;
    this.dueAt = d.dueAt;
    this.reportedAt = d.reportedAt;
    this.verifiedAt = d.verifiedAt;
    this.registeredAt = d.registeredAt;
    this.firstDispatchedAt = d.firstDispatchedAt;
    this.firstAcceptedAt = d.firstAcceptedAt;
    this.lastResolvedAt = d.lastResolvedAt;
    this.closedAt = d.closedAt;
    this.dispatchCount = d.dispatchCount;
    this.escalationCount = d.escalationCount;
    this.reworkCount = d.reworkCount;
    this.pendingExtensionDays = d.pendingExtensionDays;
    this.breached = d.breached;
    this.wholeCaseBreached = d.wholeCaseBreached;
    this.rare = d.rare();
  }

  /**
   * Whether {@link CaseLifecycle#apply} builds the next state of an event directly with {@link
   * #CaseState(CaseState, CaseEvent, EventType, CaseStatus)}: the events of a case's usual path,
   * which change only a few fields. Every other event goes through a {@link Draft}.
   */
  static boolean hasDirectPath(EventType t, EventPayload p) {
    return switch (t) {
      case REPORTED,
          VERIFIED,
          VERIFICATION_FAILED,
          REGISTERED,
          ACCEPTED,
          ESCALATED,
          RESOLVED,
          CHECK_PASSED,
          CHECK_FAILED,
          CLOSED,
          SLA_WARNING,
          SLA_BREACHED ->
          true;
      case DISPATCHED -> ((EventPayload.Dispatched) p).role() == HandlerRole.LEAD;
      default -> false;
    };
  }

  /**
   * The state after an event with a {@linkplain #hasDirectPath direct path} that the lifecycle has
   * validated: the same fields as {@link CaseLifecycle}'s draft mutation gives, in one copy.
   *
   * @param s the state before
   * @param e the validated event
   * @param t its type (read once by the caller)
   * @param next the status the transition table gives
   */
  CaseState(CaseState s, CaseEvent e, EventType t, CaseStatus next) {
    EventPayload p = e.payload();
    Instant at = e.at();
    boolean escalated = t == EventType.ESCALATED;
    boolean closed = t == EventType.CLOSED;
    boolean leadDispatched = t == EventType.DISPATCHED; // the direct path has lead dispatches only
    this.caseId = s.caseId;
    this.status = next;
    this.lastSequence = e.sequence();
    this.lastEventAt = at;
    this.lead =
        leadDispatched
            ? ((EventPayload.Dispatched) p).handlerId()
            : escalated ? ((EventPayload.Escalated) p).toHandlerId() : closed ? null : s.lead;
    this.assists = escalated || closed ? ImmutableSortedSet.of() : s.assists;
    this.leadHistory =
        leadDispatched || escalated ? append(s.leadHistory, this.lead) : s.leadHistory;
    this.awaitingArrival =
        escalated || closed || t == EventType.RESOLVED
            ? ImmutableSortedSet.of()
            : s.awaitingArrival;
    this.dueAt = t == EventType.REGISTERED ? ((EventPayload.Registered) p).dueAt() : s.dueAt;
    this.reportedAt = t == EventType.REPORTED ? at : s.reportedAt;
    this.verifiedAt = t == EventType.VERIFIED ? at : s.verifiedAt;
    this.registeredAt = t == EventType.REGISTERED ? at : s.registeredAt;
    this.firstDispatchedAt =
        (leadDispatched || escalated) && s.firstDispatchedAt == null ? at : s.firstDispatchedAt;
    this.firstAcceptedAt =
        t == EventType.ACCEPTED && s.firstAcceptedAt == null ? at : s.firstAcceptedAt;
    this.lastResolvedAt = t == EventType.RESOLVED ? at : s.lastResolvedAt;
    this.closedAt = closed ? at : s.closedAt;
    this.dispatchCount = s.dispatchCount + (leadDispatched ? 1 : 0);
    this.escalationCount = s.escalationCount + (escalated ? 1 : 0);
    this.reworkCount = s.reworkCount + (t == EventType.CHECK_FAILED ? 1 : 0);
    // an escalation or a resolution ends the lead's holding, and with it its pending request
    this.pendingExtensionDays =
        t == EventType.ESCALATED || t == EventType.RESOLVED ? 0 : s.pendingExtensionDays;
    boolean breach = t == EventType.SLA_BREACHED;
    this.breached = s.breached || breach;
    this.wholeCaseBreached =
        s.wholeCaseBreached
            || (breach && WHOLE_CASE_CLOCK.equals(((EventPayload.SlaBreached) p).clockId()));
    this.rare = s.rare;
  }

  /** The list with one more element at its end. */
  static ImmutableList<String> append(ImmutableList<String> list, @Nullable String element) {
    String e = Objects.requireNonNull(element, "element");
    // lead histories are short: the fixed-size factories build the list without a builder's array
    return switch (list.size()) {
      case 0 -> ImmutableList.of(e);
      case 1 -> ImmutableList.of(list.get(0), e);
      case 2 -> ImmutableList.of(list.get(0), list.get(1), e);
      default ->
          ImmutableList.<String>builderWithExpectedSize(list.size() + 1)
              .addAll(list)
              .add(e)
              .build();
    };
  }

  /** The rare fields, shared with the states before it that agree on them. */
  Rare rare() {
    return rare;
  }

  /** {@link #lastEventAt()} without the {@code Optional}. */
  @Nullable Instant lastEventAtOrNull() {
    return lastEventAt;
  }

  /** {@link #lead()} without the {@code Optional}. */
  @Nullable String leadOrNull() {
    return lead;
  }

  /** {@link #dueAt()} without the {@code Optional}. */
  @Nullable Instant dueAtOrNull() {
    return dueAt;
  }

  /** A mutable working copy used while applying events; never escapes half-applied. */
  static final class Draft {
    CaseId caseId;
    CaseStatus status;
    long lastSequence;
    @Nullable Instant lastEventAt;
    @Nullable String lead;
    ImmutableSortedSet<String> assists;
    ImmutableSortedSet<String> returnedBy;
    ImmutableList<String> leadHistory;
    ImmutableList<String> returnHistory;
    ImmutableSortedSet<String> awaitingArrival;
    @Nullable Instant dueAt;
    @Nullable Instant reportedAt;
    @Nullable Instant verifiedAt;
    @Nullable Instant registeredAt;
    @Nullable Instant firstDispatchedAt;
    @Nullable Instant firstAcceptedAt;
    @Nullable Instant lastResolvedAt;
    @Nullable Instant closedAt;
    @Nullable Instant evaluatedAt;
    @Nullable Instant suspendedSince;
    Duration suspendedTotal;
    int dispatchCount;
    int returnCount;
    int escalationCount;
    int reworkCount;
    int suspensionCount;
    int extensionCount;
    int pendingExtensionDays;
    int reopenCount;
    int summonCount;
    boolean breached;
    boolean wholeCaseBreached;
    @Nullable Satisfaction satisfaction;
    boolean solved;
    @Nullable CaseId mergedInto;

    /**
     * The rare fields of the state this draft started from: reused by {@link #rare()} if unchanged.
     */
    private final Rare from;

    Draft(CaseId caseId) {
      this.caseId = caseId;
      this.status = CaseStatus.NEW;
      this.assists = ImmutableSortedSet.of();
      this.returnedBy = ImmutableSortedSet.of();
      this.leadHistory = ImmutableList.of();
      this.returnHistory = ImmutableList.of();
      this.awaitingArrival = ImmutableSortedSet.of();
      this.suspendedTotal = Duration.ZERO;
      this.from = Rare.EMPTY;
    }

    Draft(CaseState s) {
      this.caseId = s.caseId;
      this.status = s.status;
      this.lastSequence = s.lastSequence;
      this.lastEventAt = s.lastEventAt;
      this.lead = s.lead;
      this.assists = s.assists;
      this.returnedBy = s.rare.returnedBy;
      this.leadHistory = s.leadHistory;
      this.returnHistory = s.rare.returnHistory;
      this.awaitingArrival = s.awaitingArrival;
      this.dueAt = s.dueAt;
      this.reportedAt = s.reportedAt;
      this.verifiedAt = s.verifiedAt;
      this.registeredAt = s.registeredAt;
      this.firstDispatchedAt = s.firstDispatchedAt;
      this.firstAcceptedAt = s.firstAcceptedAt;
      this.lastResolvedAt = s.lastResolvedAt;
      this.closedAt = s.closedAt;
      this.evaluatedAt = s.rare.evaluatedAt;
      this.suspendedSince = s.rare.suspendedSince;
      this.suspendedTotal = s.rare.suspendedTotal;
      this.dispatchCount = s.dispatchCount;
      this.returnCount = s.rare.returnCount;
      this.escalationCount = s.escalationCount;
      this.reworkCount = s.reworkCount;
      this.suspensionCount = s.rare.suspensionCount;
      this.extensionCount = s.rare.extensionCount;
      this.pendingExtensionDays = s.pendingExtensionDays;
      this.reopenCount = s.rare.reopenCount;
      this.summonCount = s.rare.summonCount;
      this.breached = s.breached;
      this.wholeCaseBreached = s.wholeCaseBreached;
      this.satisfaction = s.rare.satisfaction;
      this.solved = s.rare.solved;
      this.mergedInto = s.rare.mergedInto;
      this.from = s.rare;
    }

    CaseState freeze() {
      return new CaseState(this);
    }

    /** The draft's rare fields: the state's own {@link Rare} again if none changed. */
    Rare rare() {
      return from.sameAs(this) ? from : new Rare(this);
    }
  }

  /**
   * The fields of a state that the usual path of a case (report to close) never changes: returns,
   * suspension, extensions, reopening, summons, evaluation and merging. States that agree on all of
   * them share one instance, so the state copied per event is a third smaller.
   */
  static final class Rare {
    static final Rare EMPTY = new Rare();

    final ImmutableSortedSet<String> returnedBy;
    final ImmutableList<String> returnHistory;
    final @Nullable Instant evaluatedAt;
    final @Nullable Instant suspendedSince;
    final Duration suspendedTotal;
    final int returnCount;
    final int suspensionCount;
    final int extensionCount;
    final int reopenCount;
    final int summonCount;
    final @Nullable Satisfaction satisfaction;
    final boolean solved;
    final @Nullable CaseId mergedInto;

    private Rare() {
      this.returnedBy = ImmutableSortedSet.of();
      this.returnHistory = ImmutableList.of();
      this.evaluatedAt = null;
      this.suspendedSince = null;
      this.suspendedTotal = Duration.ZERO;
      this.returnCount = 0;
      this.suspensionCount = 0;
      this.extensionCount = 0;
      this.reopenCount = 0;
      this.summonCount = 0;
      this.satisfaction = null;
      this.solved = false;
      this.mergedInto = null;
    }

    Rare(Draft d) {
      this.returnedBy = d.returnedBy;
      this.returnHistory = d.returnHistory;
      this.evaluatedAt = d.evaluatedAt;
      this.suspendedSince = d.suspendedSince;
      this.suspendedTotal = d.suspendedTotal;
      this.returnCount = d.returnCount;
      this.suspensionCount = d.suspensionCount;
      this.extensionCount = d.extensionCount;
      this.reopenCount = d.reopenCount;
      this.summonCount = d.summonCount;
      this.satisfaction = d.satisfaction;
      this.solved = d.solved;
      this.mergedInto = d.mergedInto;
    }

    /** Whether the draft holds exactly these values (the same instances), so this can be reused. */
    @SuppressWarnings("ReferenceEquality") // the same instances: nothing changed
    boolean sameAs(Draft d) {
      return returnedBy == d.returnedBy
          && returnHistory == d.returnHistory
          && evaluatedAt == d.evaluatedAt
          && suspendedSince == d.suspendedSince
          && suspendedTotal == d.suspendedTotal
          && returnCount == d.returnCount
          && suspensionCount == d.suspensionCount
          && extensionCount == d.extensionCount
          && reopenCount == d.reopenCount
          && summonCount == d.summonCount
          && satisfaction == d.satisfaction
          && solved == d.solved
          && mergedInto == d.mergedInto;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      if (this == o) {
        return true;
      }
      return o instanceof Rare r
          && returnedBy.equals(r.returnedBy)
          && returnHistory.equals(r.returnHistory)
          && Objects.equals(evaluatedAt, r.evaluatedAt)
          && Objects.equals(suspendedSince, r.suspendedSince)
          && suspendedTotal.equals(r.suspendedTotal)
          && returnCount == r.returnCount
          && suspensionCount == r.suspensionCount
          && extensionCount == r.extensionCount
          && reopenCount == r.reopenCount
          && summonCount == r.summonCount
          && satisfaction == r.satisfaction
          && solved == r.solved
          && Objects.equals(mergedInto, r.mergedInto);
    }

    @Override
    public int hashCode() {
      return Objects.hash(
          returnedBy,
          returnHistory,
          evaluatedAt,
          suspendedSince,
          suspendedTotal,
          returnCount,
          suspensionCount,
          extensionCount,
          reopenCount,
          summonCount,
          satisfaction,
          solved,
          mergedInto);
    }
  }

  /**
   * Returns the case.
   *
   * @return the case id
   */
  public CaseId caseId() {
    return caseId;
  }

  /**
   * Returns the lifecycle state.
   *
   * @return the status
   */
  public CaseStatus status() {
    return status;
  }

  /**
   * Returns the sequence number of the last event applied; 0 before the first event.
   *
   * @return the last sequence number
   */
  public long lastSequence() {
    return lastSequence;
  }

  /**
   * Returns the instant of the last event applied.
   *
   * @return the instant, empty before the first event
   */
  public Optional<Instant> lastEventAt() {
    return Optional.ofNullable(lastEventAt);
  }

  /**
   * Returns the lead handler (主办) currently holding the case.
   *
   * @return the lead, empty when the case waits for a dispatcher or is closed
   */
  public Optional<String> lead() {
    return Optional.ofNullable(lead);
  }

  /**
   * Returns the assisting handlers (协办, including summoned departments), in id order.
   *
   * @return the assisting handlers
   */
  public ImmutableSortedSet<String> assists() {
    return assists;
  }

  /**
   * Returns the handlers that returned the case (退单) at least once, in id order; routing policies
   * use it to avoid dispatching a case back to a handler that refused it (推诿).
   *
   * @return the returning handlers
   */
  public ImmutableSortedSet<String> returnedBy() {
    return rare.returnedBy;
  }

  /**
   * Returns every handler that has led the case, oldest first, one entry per lead {@code
   * Dispatched} or {@code Escalated} (a handler that led twice appears twice): what a routing
   * policy sees as {@code RoutingRequest.holders}.
   *
   * @return the leads in order
   */
  public ImmutableList<String> leadHistory() {
    return leadHistory;
  }

  /**
   * Returns the handler of every {@code Returned} event, oldest first (a handler that returned the
   * case twice appears twice): what a routing policy sees as {@code RoutingRequest.returnedBy}.
   *
   * @return the returning handlers in order
   */
  public ImmutableList<String> returnHistory() {
    return rare.returnHistory;
  }

  /**
   * Returns the summoned departments (吹哨) whose summons is still pending: named in a {@code
   * Summoned} and not yet {@code Arrived} since; a summons also ends when the case is escalated,
   * returned, resolved, closed or merged (the lead it was called for is gone or done). In id order.
   *
   * @return the departments awaited on site
   */
  public ImmutableSortedSet<String> awaitingArrival() {
    return awaitingArrival;
  }

  /**
   * Returns the whole-case deadline as last set by {@code Registered}, {@code Extended}, {@code
   * Resumed} or {@code Reopened}.
   *
   * @return the deadline, empty before registration
   */
  public Optional<Instant> dueAt() {
    return Optional.ofNullable(dueAt);
  }

  /**
   * Returns when the case was reported.
   *
   * @return the instant, empty before the first event
   */
  public Optional<Instant> reportedAt() {
    return Optional.ofNullable(reportedAt);
  }

  /**
   * Returns when the report was verified (核实).
   *
   * @return the instant, empty if not verified
   */
  public Optional<Instant> verifiedAt() {
    return Optional.ofNullable(verifiedAt);
  }

  /**
   * Returns when the case was registered (立案).
   *
   * @return the instant, empty if not registered
   */
  public Optional<Instant> registeredAt() {
    return Optional.ofNullable(registeredAt);
  }

  /**
   * Returns when a lead was first dispatched (派遣) or escalated to.
   *
   * @return the instant, empty if never dispatched
   */
  public Optional<Instant> firstDispatchedAt() {
    return Optional.ofNullable(firstDispatchedAt);
  }

  /**
   * Returns when a lead first accepted the case.
   *
   * @return the instant, empty if never accepted
   */
  public Optional<Instant> firstAcceptedAt() {
    return Optional.ofNullable(firstAcceptedAt);
  }

  /**
   * Returns when the work was last reported done (处置完成).
   *
   * @return the instant, empty if never resolved
   */
  public Optional<Instant> lastResolvedAt() {
    return Optional.ofNullable(lastResolvedAt);
  }

  /**
   * Returns when the case was closed (结案); cleared when it is reopened.
   *
   * @return the instant, present exactly when the status is {@code CLOSED} or {@code EVALUATED}
   */
  public Optional<Instant> closedAt() {
    return Optional.ofNullable(closedAt);
  }

  /**
   * Returns when the case was evaluated; cleared when it is reopened.
   *
   * @return the instant, empty if not evaluated since the last closing
   */
  public Optional<Instant> evaluatedAt() {
    return Optional.ofNullable(rare.evaluatedAt);
  }

  /**
   * Returns whether handling is suspended (缓办) now.
   *
   * @return whether the status is {@link CaseStatus#SUSPENDED}
   */
  public boolean isSuspended() {
    return status == CaseStatus.SUSPENDED;
  }

  /**
   * Returns when the current suspension started.
   *
   * @return the instant, present exactly while suspended
   */
  public Optional<Instant> suspendedSince() {
    return Optional.ofNullable(rare.suspendedSince);
  }

  /**
   * Returns the natural time spent in completed suspensions (the current one, if any, is not
   * included).
   *
   * @return the total suspended time
   */
  public Duration suspendedTotal() {
    return rare.suspendedTotal;
  }

  /**
   * Returns how many times a lead was dispatched ({@code Dispatched} with role {@code LEAD});
   * escalations are counted separately.
   *
   * @return the lead dispatch count
   */
  public int dispatchCount() {
    return dispatchCount;
  }

  /**
   * Returns how many times the case was returned (退单).
   *
   * @return the return count
   */
  public int returnCount() {
    return rare.returnCount;
  }

  /**
   * Returns how many times the case was escalated.
   *
   * @return the escalation count
   */
  public int escalationCount() {
    return escalationCount;
  }

  /**
   * Returns how many checks failed (返工).
   *
   * @return the rework count
   */
  public int reworkCount() {
    return reworkCount;
  }

  /**
   * Returns how many times handling was suspended (缓办).
   *
   * @return the suspension count
   */
  public int suspensionCount() {
    return rare.suspensionCount;
  }

  /**
   * Returns how many extensions (延期) were granted.
   *
   * @return the extension count
   */
  public int extensionCount() {
    return rare.extensionCount;
  }

  /**
   * Returns the days of the extension (延期) the lead requested and no supervisor has answered yet:
   * set by {@code ExtensionRequested}, cleared by {@code Extended}, {@code ExtensionRefused} and
   * every event that ends the lead's holding ({@code Returned}, {@code Escalated}, {@code
   * Resolved}).
   *
   * @return the requested days, or empty when no request is pending
   */
  public java.util.OptionalInt pendingExtensionDays() {
    return pendingExtensionDays == 0
        ? java.util.OptionalInt.empty()
        : java.util.OptionalInt.of(pendingExtensionDays);
  }

  /** The pending request's days, 0 if none (for the lifecycle, without an allocation). */
  int pendingExtensionDaysOrZero() {
    return pendingExtensionDays;
  }

  /**
   * Returns how many times the case was reopened.
   *
   * @return the reopen count
   */
  public int reopenCount() {
    return rare.reopenCount;
  }

  /**
   * Returns how many summonses (吹哨) were issued.
   *
   * @return the summons count
   */
  public int summonCount() {
    return rare.summonCount;
  }

  /**
   * Returns whether any SLA clock of the case was ever breached.
   *
   * @return whether any breach was recorded
   */
  public boolean isBreached() {
    return breached;
  }

  /**
   * Returns whether the whole-case clock ({@link #WHOLE_CASE_CLOCK}) was ever breached.
   *
   * @return whether the whole-case clock was breached
   */
  public boolean isWholeCaseBreached() {
    return wholeCaseBreached;
  }

  /**
   * Returns the reporter's satisfaction from the evaluation since the last closing.
   *
   * @return the satisfaction, empty if not evaluated
   */
  public Optional<Satisfaction> satisfaction() {
    return Optional.ofNullable(rare.satisfaction);
  }

  /**
   * Returns whether the reporter considered the problem solved in the evaluation since the last
   * closing.
   *
   * @return the answer, empty if not evaluated
   */
  public Optional<Boolean> solved() {
    return rare.satisfaction == null ? Optional.empty() : Optional.of(rare.solved);
  }

  /**
   * Returns the case this one was merged into.
   *
   * @return the target case, present exactly when the status is {@link CaseStatus#MERGED}
   */
  public Optional<CaseId> mergedInto() {
    return Optional.ofNullable(rare.mergedInto);
  }

  /** Compares every field. */
  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CaseState s)) {
      return false;
    }
    return caseId.equals(s.caseId)
        && status == s.status
        && lastSequence == s.lastSequence
        && Objects.equals(lastEventAt, s.lastEventAt)
        && Objects.equals(lead, s.lead)
        && assists.equals(s.assists)
        && leadHistory.equals(s.leadHistory)
        && awaitingArrival.equals(s.awaitingArrival)
        && Objects.equals(dueAt, s.dueAt)
        && Objects.equals(reportedAt, s.reportedAt)
        && Objects.equals(verifiedAt, s.verifiedAt)
        && Objects.equals(registeredAt, s.registeredAt)
        && Objects.equals(firstDispatchedAt, s.firstDispatchedAt)
        && Objects.equals(firstAcceptedAt, s.firstAcceptedAt)
        && Objects.equals(lastResolvedAt, s.lastResolvedAt)
        && Objects.equals(closedAt, s.closedAt)
        && dispatchCount == s.dispatchCount
        && escalationCount == s.escalationCount
        && reworkCount == s.reworkCount
        && pendingExtensionDays == s.pendingExtensionDays
        && breached == s.breached
        && wholeCaseBreached == s.wholeCaseBreached
        && rare.equals(s.rare);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        caseId,
        status,
        lastSequence,
        lastEventAt,
        lead,
        assists,
        rare.returnedBy,
        leadHistory,
        rare.returnHistory,
        awaitingArrival,
        dueAt,
        reportedAt,
        verifiedAt,
        registeredAt,
        firstDispatchedAt,
        firstAcceptedAt,
        lastResolvedAt,
        closedAt,
        rare.evaluatedAt,
        rare.suspendedSince,
        rare.suspendedTotal,
        dispatchCount,
        rare.returnCount,
        escalationCount,
        reworkCount,
        rare.suspensionCount,
        rare.extensionCount,
        pendingExtensionDays,
        rare.reopenCount,
        rare.summonCount,
        breached,
        wholeCaseBreached,
        rare.satisfaction,
        rare.solved,
        rare.mergedInto);
  }

  /**
   * Renders a summary: {@code CaseState[C-1 HANDLING #6, lead=bureau, assists=[], due=...,
   * returns=1, ...]}.
   */
  @Override
  public String toString() {
    return "CaseState["
        + caseId
        + " "
        + status
        + " #"
        + lastSequence
        + ", lead="
        + lead
        + ", assists="
        + assists
        + ", awaiting="
        + awaitingArrival
        + ", due="
        + dueAt
        + ", dispatches="
        + dispatchCount
        + ", returns="
        + rare.returnCount
        + ", escalations="
        + escalationCount
        + ", rework="
        + reworkCount
        + ", suspensions="
        + rare.suspensionCount
        + ", extensions="
        + rare.extensionCount
        + ", reopens="
        + rare.reopenCount
        + ", breached="
        + breached
        + "]";
  }
}
