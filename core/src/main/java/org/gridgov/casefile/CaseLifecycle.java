package org.gridgov.casefile;

import static org.gridgov.casefile.CaseStatus.CHECKED;
import static org.gridgov.casefile.CaseStatus.CLOSED;
import static org.gridgov.casefile.CaseStatus.DISPATCHED;
import static org.gridgov.casefile.CaseStatus.EVALUATED;
import static org.gridgov.casefile.CaseStatus.HANDLING;
import static org.gridgov.casefile.CaseStatus.INVALID;
import static org.gridgov.casefile.CaseStatus.MERGED;
import static org.gridgov.casefile.CaseStatus.NEW;
import static org.gridgov.casefile.CaseStatus.REGISTERED;
import static org.gridgov.casefile.CaseStatus.REPORTED;
import static org.gridgov.casefile.CaseStatus.RESOLVED;
import static org.gridgov.casefile.CaseStatus.SUSPENDED;
import static org.gridgov.casefile.CaseStatus.VERIFIED;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The case lifecycle as an explicit state machine over {@link CaseStatus}, folding {@link
 * CaseEvent}s into a {@link CaseState}.
 *
 * <h2>Transitions</h2>
 *
 * <p>"stays" means the event is recorded without changing the status. {@code SlaWarning}, {@code
 * SlaBreached} and {@code DeadlineRevised} are allowed (and stay) in every open state: {@code
 * REPORTED, VERIFIED, REGISTERED, DISPATCHED, HANDLING, SUSPENDED, RESOLVED, CHECKED}.
 *
 * <table>
 *   <caption>Case lifecycle transitions</caption>
 *   <tr><th>from</th><th>event</th><th>to</th><th>rule</th></tr>
 *   <tr><td>NEW</td><td>Reported</td><td>REPORTED</td><td>the first event, sequence 1</td></tr>
 *   <tr><td>REPORTED</td><td>Verified / VerificationFailed</td><td>VERIFIED / INVALID</td><td></td></tr>
 *   <tr><td>REPORTED, VERIFIED, REGISTERED</td><td>Merged</td><td>MERGED</td><td>not into itself</td></tr>
 *   <tr><td>VERIFIED</td><td>Registered</td><td>REGISTERED</td><td>due after the event</td></tr>
 *   <tr><td>REGISTERED</td><td>Dispatched</td><td>DISPATCHED</td><td>role LEAD</td></tr>
 *   <tr><td>REGISTERED, DISPATCHED, HANDLING</td><td>Escalated</td><td>DISPATCHED</td>
 *       <td>from = current lead when there is one; assists dropped</td></tr>
 *   <tr><td>REGISTERED, DISPATCHED, HANDLING</td><td>Summoned</td><td>stays</td>
 *       <td>departments join as assists and are awaited on site</td></tr>
 *   <tr><td>REGISTERED, DISPATCHED, HANDLING, SUSPENDED</td><td>Arrived</td><td>stays</td>
 *       <td>the department is in {@link CaseState#awaitingArrival()}; it leaves it</td></tr>
 *   <tr><td>DISPATCHED, HANDLING</td><td>Dispatched / AssistAdded</td><td>stays</td>
 *       <td>role ASSIST; not the lead, not already assisting</td></tr>
 *   <tr><td>DISPATCHED</td><td>Accepted</td><td>HANDLING</td><td>by the current lead</td></tr>
 *   <tr><td>DISPATCHED, HANDLING</td><td>Returned</td><td>REGISTERED</td>
 *       <td>by the current lead; lead and assists dropped</td></tr>
 *   <tr><td>DISPATCHED, HANDLING, SUSPENDED</td><td>Extended</td><td>stays</td>
 *       <td>new due after the current due; answers a pending request, if any</td></tr>
 *   <tr><td>DISPATCHED, HANDLING, SUSPENDED</td><td>ExtensionRequested</td><td>stays</td>
 *       <td>by the current lead; no request pending</td></tr>
 *   <tr><td>DISPATCHED, HANDLING, SUSPENDED</td><td>ExtensionRefused</td><td>stays</td>
 *       <td>a request is pending</td></tr>
 *   <tr><td>HANDLING</td><td>Suspended</td><td>SUSPENDED</td><td></td></tr>
 *   <tr><td>SUSPENDED</td><td>Resumed</td><td>HANDLING</td><td>new due not before the current due</td></tr>
 *   <tr><td>HANDLING</td><td>Resolved</td><td>RESOLVED</td><td></td></tr>
 *   <tr><td>RESOLVED</td><td>CheckPassed / CheckFailed</td><td>CHECKED / HANDLING</td>
 *       <td>a failed check is rework (返工)</td></tr>
 *   <tr><td>CHECKED</td><td>Closed</td><td>CLOSED</td><td></td></tr>
 *   <tr><td>CLOSED</td><td>Evaluated</td><td>EVALUATED</td><td></td></tr>
 *   <tr><td>CLOSED, EVALUATED</td><td>Reopened</td><td>REGISTERED</td><td>due after the event</td></tr>
 *   <tr><td>every open state, CLOSED, EVALUATED</td><td>RepeatReported</td><td>stays</td>
 *       <td>not a report of itself</td></tr>
 *   <tr><td>every open state</td><td>SupervisionOpened / Urged / SupervisionEscalated</td>
 *       <td>stays</td><td>the supervision's due after the event</td></tr>
 *   <tr><td>every state but NEW, INVALID, MERGED</td><td>SupervisionClosed</td><td>stays</td><td></td></tr>
 *   <tr><td>CLOSED, EVALUATED</td><td>Visited</td><td>stays</td><td>回访</td></tr>
 *   <tr><td>REPORTED, VERIFIED, REGISTERED</td><td>MergeSuggested / MergeDeclined</td><td>stays</td>
 *       <td>not into itself</td></tr>
 *   <tr><td>INVALID, MERGED</td><td>none</td><td></td><td>terminal</td></tr>
 * </table>
 *
 * <p>Besides the table, every event must belong to the state's case, carry the next sequence number
 * ({@code lastSequence + 1}) and not be earlier than the previous event; otherwise an {@link
 * EventSequenceException} is thrown.
 *
 * <p><b>Summonses (吹哨报到).</b> {@code Summoned} adds its departments to {@link
 * CaseState#awaitingArrival()}; {@code Arrived} removes one, so a department arrives at most once
 * per summons (summoning it again makes it awaited again). A summons is answered on site, not by
 * the lead's work, so {@code Arrived} is also allowed while the case is {@code SUSPENDED} (a
 * summons issued before the suspension may still be answered). {@code Escalated}, {@code Returned},
 * {@code Resolved}, {@code Closed} and {@code Merged} end every pending summons (the case engine
 * drops the summons clocks at the same events), so a later {@code Arrived} is refused. An event the
 * table or a rule refuses throws an {@link IllegalTransitionException} naming the case, the state,
 * the event and the allowed event types. In both cases nothing is applied: states are immutable and
 * a failed {@link #apply} returns nothing.
 *
 * <p>Stateless and thread-safe.
 */
// A dense transition table indexed by ordinals, built and used within one class load and never
// persisted.
@SuppressWarnings("EnumOrdinal")
public final class CaseLifecycle {

  private static final CaseStatus[] STATUSES = CaseStatus.values();
  private static final int[][] NEXT = buildTable();
  private static final ImmutableList<ImmutableSet<EventType>> ALLOWED = buildAllowed();

  private CaseLifecycle() {}

  private static void put(int[][] t, CaseStatus from, EventType type, CaseStatus to) {
    t[from.ordinal()][type.ordinal()] = to.ordinal();
  }

  private static int[][] buildTable() {
    int[][] t = new int[STATUSES.length][EventType.values().length];
    for (int[] row : t) {
      Arrays.fill(row, -1);
    }
    put(t, NEW, EventType.REPORTED, REPORTED);
    put(t, REPORTED, EventType.VERIFIED, VERIFIED);
    put(t, REPORTED, EventType.VERIFICATION_FAILED, INVALID);
    put(t, VERIFIED, EventType.REGISTERED, REGISTERED);
    for (CaseStatus s : new CaseStatus[] {REPORTED, VERIFIED, REGISTERED}) {
      put(t, s, EventType.MERGED, MERGED);
      put(t, s, EventType.MERGE_SUGGESTED, s);
      put(t, s, EventType.MERGE_DECLINED, s);
    }
    put(t, REGISTERED, EventType.DISPATCHED, DISPATCHED);
    for (CaseStatus s : new CaseStatus[] {REGISTERED, DISPATCHED, HANDLING}) {
      put(t, s, EventType.ESCALATED, DISPATCHED);
      put(t, s, EventType.SUMMONED, s);
    }
    for (CaseStatus s : new CaseStatus[] {REGISTERED, DISPATCHED, HANDLING, SUSPENDED}) {
      put(t, s, EventType.ARRIVED, s);
    }
    for (CaseStatus s : new CaseStatus[] {DISPATCHED, HANDLING}) {
      put(t, s, EventType.DISPATCHED, s);
      put(t, s, EventType.ASSIST_ADDED, s);
      put(t, s, EventType.RETURNED, REGISTERED);
    }
    put(t, DISPATCHED, EventType.ACCEPTED, HANDLING);
    for (CaseStatus s : new CaseStatus[] {DISPATCHED, HANDLING, SUSPENDED}) {
      put(t, s, EventType.EXTENDED, s);
      put(t, s, EventType.EXTENSION_REQUESTED, s);
      put(t, s, EventType.EXTENSION_REFUSED, s);
    }
    put(t, HANDLING, EventType.SUSPENDED, SUSPENDED);
    put(t, SUSPENDED, EventType.RESUMED, HANDLING);
    put(t, HANDLING, EventType.RESOLVED, RESOLVED);
    put(t, RESOLVED, EventType.CHECK_PASSED, CHECKED);
    put(t, RESOLVED, EventType.CHECK_FAILED, HANDLING);
    put(t, CHECKED, EventType.CLOSED, CLOSED);
    put(t, CLOSED, EventType.EVALUATED, EVALUATED);
    put(t, CLOSED, EventType.REOPENED, REGISTERED);
    put(t, EVALUATED, EventType.REOPENED, REGISTERED);
    for (CaseStatus s : new CaseStatus[] {CLOSED, EVALUATED}) {
      put(t, s, EventType.REPEAT_REPORTED, s);
      put(t, s, EventType.VISITED, s);
    }
    for (CaseStatus s : STATUSES) {
      if (s != NEW && !s.isTerminal()) {
        put(t, s, EventType.SUPERVISION_CLOSED, s);
      }
      if (s.isOpen()) {
        put(t, s, EventType.REPEAT_REPORTED, s);
        put(t, s, EventType.SUPERVISION_OPENED, s);
        put(t, s, EventType.URGED, s);
        put(t, s, EventType.SUPERVISION_ESCALATED, s);
        put(t, s, EventType.SLA_WARNING, s);
        put(t, s, EventType.SLA_BREACHED, s);
        put(t, s, EventType.DEADLINE_REVISED, s);
      }
    }
    return t;
  }

  private static ImmutableList<ImmutableSet<EventType>> buildAllowed() {
    ImmutableList.Builder<ImmutableSet<EventType>> b = ImmutableList.builder();
    for (CaseStatus s : STATUSES) {
      ImmutableSet.Builder<EventType> types = ImmutableSet.builder();
      for (EventType type : EventType.values()) {
        if (NEXT[s.ordinal()][type.ordinal()] >= 0) {
          types.add(type);
        }
      }
      b.add(types.build());
    }
    return b.build();
  }

  /**
   * Returns the state of a case before its first event.
   *
   * @param caseId the case
   * @return the {@link CaseStatus#NEW} state
   */
  public static CaseState initial(CaseId caseId) {
    return new CaseState.Draft(caseId).freeze();
  }

  /**
   * Returns the event types the transition table allows in a status (the rules on the event's
   * fields may still refuse a particular event).
   *
   * @param status the status
   * @return the allowed event types in {@link EventType} declaration order; empty for a terminal
   *     status
   */
  public static ImmutableSet<EventType> allowedEvents(CaseStatus status) {
    return ALLOWED.get(status.ordinal());
  }

  /**
   * Returns the status an event type leads to from a status, by the transition table alone.
   *
   * @param status the current status
   * @param type the event type
   * @return the next status (equal to {@code status} for events that stay), or empty if the table
   *     refuses it
   */
  public static Optional<CaseStatus> target(CaseStatus status, EventType type) {
    int next = NEXT[status.ordinal()][type.ordinal()];
    return next < 0 ? Optional.empty() : Optional.of(STATUSES[next]);
  }

  /**
   * Applies one event to a state.
   *
   * @param state the current state
   * @param event the next event of the case
   * @return the new state; {@code state} itself is unchanged
   * @throws EventSequenceException if the event belongs to another case, is not the next in
   *     sequence, or is earlier than the previous event
   * @throws IllegalTransitionException if the state does not allow the event or the event breaks a
   *     transition rule
   */
  public static CaseState apply(CaseState state, CaseEvent event) {
    // the payload's type is an interface call on one of many records: read it once
    EventType type = event.type();
    if (CaseState.hasDirectPath(type, event.payload())
        && sequenceProblem(state.caseId(), state.lastSequence(), state.lastEventAtOrNull(), event)
            == null
        && transitionProblem(
                state.caseId(),
                state.status(),
                state.leadOrNull(),
                state.assists(),
                state.awaitingArrival(),
                state.dueAtOrNull(),
                state.pendingExtensionDaysOrZero(),
                event,
                type)
            == null) {
      // the common events, validated as below, become the next state in one copy (no draft)
      return new CaseState(
          state, event, type, STATUSES[NEXT[state.status().ordinal()][type.ordinal()]]);
    }
    CaseState.Draft d = new CaseState.Draft(state);
    step(
        d,
        event); // validates again and throws the refusal, or applies an event without a direct path
    return d.freeze();
  }

  /**
   * Returns whether {@link #apply} would accept an event, without throwing.
   *
   * @param state the current state
   * @param event the candidate event
   * @return whether it is the next event in sequence and a legal transition
   */
  public static boolean canApply(CaseState state, CaseEvent event) {
    return sequenceProblem(state.caseId(), state.lastSequence(), state.lastEventAtOrNull(), event)
            == null
        && transitionProblem(
                state.caseId(),
                state.status(),
                state.leadOrNull(),
                state.assists(),
                state.awaitingArrival(),
                state.dueAtOrNull(),
                state.pendingExtensionDaysOrZero(),
                event,
                event.type())
            == null;
  }

  /**
   * Folds a whole log into a state, from {@link #initial(CaseId)}. Equal to applying the events one
   * by one, but without an intermediate state per event.
   *
   * @param caseId the case
   * @param events its events in sequence order, starting with sequence 1
   * @return the final state
   * @throws EventSequenceException if an event belongs to another case, is out of sequence or goes
   *     back in time
   * @throws IllegalTransitionException if an event is not allowed where it appears
   */
  public static CaseState replay(CaseId caseId, Iterable<CaseEvent> events) {
    CaseState.Draft d = new CaseState.Draft(caseId);
    for (CaseEvent e : events) {
      step(d, e);
    }
    return d.freeze();
  }

  /** Validates completely, then mutates: a refused event leaves {@code d} untouched. */
  static void step(CaseState.Draft d, CaseEvent e) {
    String seq = sequenceProblem(d.caseId, d.lastSequence, d.lastEventAt, e);
    if (seq != null) {
      throw new EventSequenceException(seq, d.caseId, d.lastSequence + 1, e.sequence());
    }
    String problem =
        transitionProblem(
            d.caseId,
            d.status,
            d.lead,
            d.assists,
            d.awaitingArrival,
            d.dueAt,
            d.pendingExtensionDays,
            e,
            e.type());
    if (problem != null) {
      ImmutableSet<EventType> allowed = ALLOWED.get(d.status.ordinal());
      String msg =
          String.format(
              Locale.ROOT,
              "case %s: event #%d %s is not allowed in state %s (%s): %s; allowed: %s",
              d.caseId,
              e.sequence(),
              e.payload(),
              d.status,
              d.status.chineseName(),
              problem,
              allowed.isEmpty()
                  ? "none (terminal state)"
                  : allowed.stream().map(EventType::payloadName).collect(Collectors.joining(", ")));
      throw new IllegalTransitionException(msg, d.caseId, d.status, e, allowed);
    }
    mutate(d, e);
  }

  private static @Nullable String sequenceProblem(
      CaseId caseId, long lastSequence, @Nullable Instant lastEventAt, CaseEvent e) {
    if (!e.caseId().equals(caseId)) {
      return String.format(
          Locale.ROOT, "case %s: event #%d belongs to case %s", caseId, e.sequence(), e.caseId());
    }
    if (e.sequence() != lastSequence + 1) {
      return String.format(
          Locale.ROOT,
          "case %s: event #%d (%s) is out of sequence: expected #%d%s",
          caseId,
          e.sequence(),
          e.type().payloadName(),
          lastSequence + 1,
          e.sequence() <= lastSequence
              ? " (the log is append-only; this number is taken)"
              : " (gap)");
    }
    if (lastEventAt != null && e.at().isBefore(lastEventAt)) {
      return String.format(
          Locale.ROOT,
          "case %s: event #%d (%s) at %s is earlier than event #%d at %s",
          caseId,
          e.sequence(),
          e.type().payloadName(),
          e.at(),
          lastSequence,
          lastEventAt);
    }
    return null;
  }

  /** Why the state (given by the fields the rules read) refuses the event; null if it allows it. */
  private static @Nullable String transitionProblem(
      CaseId caseId,
      CaseStatus status,
      @Nullable String lead,
      ImmutableSortedSet<String> assists,
      ImmutableSortedSet<String> awaitingArrival,
      @Nullable Instant dueAt,
      int pendingExtension,
      CaseEvent e,
      EventType type) {
    EventPayload p = e.payload();
    if (NEXT[status.ordinal()][type.ordinal()] < 0) {
      return "no transition for " + type.payloadName();
    }
    return switch (type) {
      case REGISTERED -> dueAfterEvent(((EventPayload.Registered) p).dueAt(), e);
      case REOPENED -> dueAfterEvent(((EventPayload.Reopened) p).dueAt(), e);
      case DISPATCHED -> {
        EventPayload.Dispatched x = (EventPayload.Dispatched) p;
        if (status == REGISTERED) {
          yield x.role() == HandlerRole.LEAD
              ? null
              : "the first dispatch must name a LEAD handler, not " + x.role();
        }
        yield x.role() == HandlerRole.ASSIST
            ? assistProblem(lead, assists, x.handlerId())
            : "the case already has lead " + lead + "; use Returned or Escalated to change it";
      }
      case ASSIST_ADDED -> assistProblem(lead, assists, ((EventPayload.AssistAdded) p).handlerId());
      case ACCEPTED -> leadProblem(lead, ((EventPayload.Accepted) p).handlerId());
      case RETURNED -> leadProblem(lead, ((EventPayload.Returned) p).handlerId());
      case ESCALATED ->
          lead == null ? null : leadProblem(lead, ((EventPayload.Escalated) p).fromHandlerId());
      case EXTENDED -> {
        Instant due = ((EventPayload.Extended) p).dueAt();
        yield dueAt != null && !due.isAfter(dueAt)
            ? "an extension must move the deadline " + dueAt + " later, not to " + due
            : null;
      }
      case EXTENSION_REQUESTED, EXTENSION_REFUSED -> extensionProblem(lead, pendingExtension, p);
      case RESUMED -> {
        Instant due = ((EventPayload.Resumed) p).dueAt();
        yield dueAt != null && due.isBefore(dueAt)
            ? "resuming may not move the deadline " + dueAt + " earlier, to " + due
            : null;
      }
      case ARRIVED -> {
        String dep = ((EventPayload.Arrived) p).departmentId();
        yield awaitingArrival.contains(dep)
            ? null
            : "department "
                + dep
                + " has no pending summons to arrive for (not summoned, already arrived, or the"
                + " summons ended); awaiting: "
                + awaitingArrival;
      }
      case REPEAT_REPORTED ->
          ((EventPayload.RepeatReported) p).reportCaseId().equals(caseId)
              ? "a case cannot be a repeat report of itself"
              : null;
      case SUPERVISION_OPENED -> dueAfterEvent(((EventPayload.SupervisionOpened) p).dueAt(), e);
      case MERGED ->
          ((EventPayload.Merged) p).intoCaseId().equals(caseId)
              ? "a case cannot be merged into itself"
              : null;
      case MERGE_SUGGESTED ->
          ((EventPayload.MergeSuggested) p).intoCaseId().equals(caseId)
              ? "a case cannot be suggested for a merge into itself"
              : null;
      default -> null;
    };
  }

  /** A request by the lead with none pending; a refusal of a pending request. */
  private static @Nullable String extensionProblem(
      @Nullable String lead, int pendingExtension, EventPayload p) {
    if (p instanceof EventPayload.ExtensionRequested x) {
      return pendingExtension > 0
          ? "an extension request of " + pendingExtension + " days is already pending"
          : leadProblem(lead, x.handlerId());
    }
    return pendingExtension > 0 ? null : "no extension request is pending";
  }

  private static @Nullable String dueAfterEvent(Instant due, CaseEvent e) {
    return due.isAfter(e.at())
        ? null
        : "the deadline " + due + " must be after the event's instant " + e.at();
  }

  private static @Nullable String leadProblem(@Nullable String lead, String handlerId) {
    return handlerId.equals(lead)
        ? null
        : "the case is held by lead " + lead + ", not by " + handlerId;
  }

  private static @Nullable String assistProblem(
      @Nullable String lead, ImmutableSortedSet<String> assists, String handlerId) {
    if (handlerId.equals(lead)) {
      return handlerId + " is the lead and cannot also assist";
    }
    return assists.contains(handlerId) ? handlerId + " already assists" : null;
  }

  private static void mutate(CaseState.Draft d, CaseEvent e) {
    EventPayload p = e.payload();
    Instant at = e.at();
    int next = NEXT[d.status.ordinal()][p.type().ordinal()];
    switch (p.type()) {
      case REPORTED -> d.reportedAt = at;
      case VERIFIED -> d.verifiedAt = at;
      case VERIFICATION_FAILED,
          CHECK_PASSED,
          SLA_WARNING,
          REPEAT_REPORTED,
          SUPERVISION_OPENED,
          URGED,
          SUPERVISION_ESCALATED,
          SUPERVISION_CLOSED,
          VISITED,
          MERGE_SUGGESTED,
          MERGE_DECLINED -> {}
      case REGISTERED -> {
        d.registeredAt = at;
        d.dueAt = ((EventPayload.Registered) p).dueAt();
      }
      case DISPATCHED -> dispatch(d, (EventPayload.Dispatched) p, at);
      case ACCEPTED -> {
        if (d.firstAcceptedAt == null) {
          d.firstAcceptedAt = at;
        }
      }
      case RETURNED -> returnCase(d, (EventPayload.Returned) p);
      case ESCALATED -> escalate(d, (EventPayload.Escalated) p, at);
      case SUMMONED -> summon(d, (EventPayload.Summoned) p);
      case ARRIVED -> arrive(d, ((EventPayload.Arrived) p).departmentId());
      case ASSIST_ADDED -> d.assists = with(d.assists, ((EventPayload.AssistAdded) p).handlerId());
      case SUSPENDED -> {
        d.suspendedSince = at;
        d.suspensionCount++;
      }
      case RESUMED -> resume(d, (EventPayload.Resumed) p, at);
      case EXTENDED -> {
        d.dueAt = ((EventPayload.Extended) p).dueAt();
        d.extensionCount++;
        d.pendingExtensionDays = 0;
      }
      case EXTENSION_REQUESTED ->
          d.pendingExtensionDays = ((EventPayload.ExtensionRequested) p).days();
      case EXTENSION_REFUSED -> d.pendingExtensionDays = 0;
      case RESOLVED -> {
        d.lastResolvedAt = at;
        d.pendingExtensionDays = 0;
        d.awaitingArrival = ImmutableSortedSet.of();
      }
      case CHECK_FAILED -> d.reworkCount++;
      case CLOSED -> close(d, at);
      case EVALUATED -> evaluate(d, (EventPayload.Evaluated) p, at);
      case REOPENED -> reopen(d, (EventPayload.Reopened) p);
      case MERGED -> {
        d.mergedInto = ((EventPayload.Merged) p).intoCaseId();
        d.awaitingArrival = ImmutableSortedSet.of();
      }
      case DEADLINE_REVISED -> reviseDeadline(d, (EventPayload.DeadlineRevised) p);
      case SLA_BREACHED -> breach(d, (EventPayload.SlaBreached) p);
    }
    d.status = STATUSES[next];
    d.lastSequence = e.sequence();
    d.lastEventAt = at;
  }

  private static void dispatch(CaseState.Draft d, EventPayload.Dispatched x, Instant at) {
    if (x.role() == HandlerRole.LEAD) {
      d.lead = x.handlerId();
      d.leadHistory = CaseState.append(d.leadHistory, x.handlerId());
      d.dispatchCount++;
      if (d.firstDispatchedAt == null) {
        d.firstDispatchedAt = at;
      }
    } else {
      d.assists = with(d.assists, x.handlerId());
    }
  }

  private static void returnCase(CaseState.Draft d, EventPayload.Returned x) {
    d.pendingExtensionDays = 0;
    d.returnedBy = with(d.returnedBy, x.handlerId());
    d.returnHistory = CaseState.append(d.returnHistory, x.handlerId());
    d.lead = null;
    d.assists = ImmutableSortedSet.of();
    d.awaitingArrival = ImmutableSortedSet.of();
    d.returnCount++;
  }

  private static void escalate(CaseState.Draft d, EventPayload.Escalated x, Instant at) {
    d.pendingExtensionDays = 0;
    d.lead = x.toHandlerId();
    d.leadHistory = CaseState.append(d.leadHistory, x.toHandlerId());
    d.assists = ImmutableSortedSet.of();
    d.awaitingArrival = ImmutableSortedSet.of();
    d.escalationCount++;
    if (d.firstDispatchedAt == null) {
      d.firstDispatchedAt = at;
    }
  }

  private static void summon(CaseState.Draft d, EventPayload.Summoned x) {
    ImmutableSortedSet.Builder<String> b =
        ImmutableSortedSet.<String>naturalOrder().addAll(d.assists);
    for (String dep : x.departmentIds()) {
      if (!dep.equals(d.lead)) {
        b.add(dep);
      }
    }
    d.assists = b.build();
    d.awaitingArrival =
        ImmutableSortedSet.<String>naturalOrder()
            .addAll(d.awaitingArrival)
            .addAll(x.departmentIds())
            .build();
    d.summonCount++;
  }

  private static void arrive(CaseState.Draft d, String dep) {
    ImmutableSortedSet.Builder<String> b = ImmutableSortedSet.naturalOrder();
    for (String w : d.awaitingArrival) {
      if (!w.equals(dep)) {
        b.add(w);
      }
    }
    d.awaitingArrival = b.build();
  }

  private static void resume(CaseState.Draft d, EventPayload.Resumed x, Instant at) {
    Instant since = d.suspendedSince;
    if (since != null) {
      d.suspendedTotal = d.suspendedTotal.plus(Duration.between(since, at));
    }
    d.suspendedSince = null;
    d.dueAt = x.dueAt();
  }

  private static void close(CaseState.Draft d, Instant at) {
    d.closedAt = at;
    d.lead = null;
    d.assists = ImmutableSortedSet.of();
    d.awaitingArrival = ImmutableSortedSet.of();
  }

  private static void evaluate(CaseState.Draft d, EventPayload.Evaluated x, Instant at) {
    d.evaluatedAt = at;
    d.satisfaction = x.satisfaction();
    d.solved = x.solved();
  }

  private static void reopen(CaseState.Draft d, EventPayload.Reopened x) {
    d.closedAt = null;
    d.evaluatedAt = null;
    d.satisfaction = null;
    d.solved = false;
    d.dueAt = x.dueAt();
    d.reopenCount++;
  }

  private static void reviseDeadline(CaseState.Draft d, EventPayload.DeadlineRevised x) {
    if (CaseState.WHOLE_CASE_CLOCK.equals(x.clockId())) {
      d.dueAt = x.dueAt();
    }
  }

  private static void breach(CaseState.Draft d, EventPayload.SlaBreached x) {
    d.breached = true;
    if (CaseState.WHOLE_CASE_CLOCK.equals(x.clockId())) {
      d.wholeCaseBreached = true;
    }
  }

  private static ImmutableSortedSet<String> with(ImmutableSortedSet<String> set, String element) {
    return ImmutableSortedSet.<String>naturalOrder().addAll(set).add(element).build();
  }
}
