package org.gridgov.casefile;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableLongArray;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: writes a case's events in order with a moving clock. Public so that metrics tests
 * can use it.
 */
public final class CaseScript {
  public static final Actor SYSTEM = Actor.of("system", Role.DISPATCHER);

  private final CaseFacts facts;
  private final List<CaseEvent> events = new ArrayList<>();
  private Instant now;

  private CaseScript(CaseFacts facts, Instant start) {
    this.facts = facts;
    this.now = start;
  }

  public static CaseFacts facts(String id, long... regions) {
    return CaseFacts.builder()
        .id(CaseId.of(id))
        .categoryCode("0102")
        .priority(Priority.NORMAL)
        .kind(CaseKind.IMMEDIATE)
        .locationCodes(
            ImmutableLongArray.copyOf(
                regions.length == 0 ? new long[] {350302001001001L} : regions))
        .source(CaseSource.HOTLINE_12345)
        .build();
  }

  /**
   * A script whose first event (if {@link #reported()} is called first) happens at {@code start}.
   */
  public static CaseScript of(String id, Instant start, long... regions) {
    return new CaseScript(facts(id, regions), start);
  }

  public CaseId id() {
    return facts.id();
  }

  public Instant now() {
    return now;
  }

  @CanIgnoreReturnValue
  public CaseScript at(Instant t) {
    now = t;
    return this;
  }

  @CanIgnoreReturnValue
  public CaseScript hours(long h) {
    now = now.plus(Duration.ofHours(h));
    return this;
  }

  @CanIgnoreReturnValue
  public CaseScript add(EventPayload p) {
    events.add(CaseEvent.of(facts.id(), events.size() + 1, now, SYSTEM, p));
    return this;
  }

  public CaseEvent next(EventPayload p) {
    return CaseEvent.of(facts.id(), events.size() + 1, now, SYSTEM, p);
  }

  @CanIgnoreReturnValue
  public CaseScript reported() {
    return add(new EventPayload.Reported());
  }

  @CanIgnoreReturnValue
  public CaseScript verified() {
    return add(new EventPayload.Verified());
  }

  @CanIgnoreReturnValue
  public CaseScript registered(Instant due) {
    return add(new EventPayload.Registered(due));
  }

  @CanIgnoreReturnValue
  public CaseScript dispatched(String handler) {
    return add(new EventPayload.Dispatched(handler, HandlerRole.LEAD));
  }

  @CanIgnoreReturnValue
  public CaseScript assist(String handler) {
    return add(new EventPayload.Dispatched(handler, HandlerRole.ASSIST));
  }

  @CanIgnoreReturnValue
  public CaseScript summoned(String... departments) {
    return add(
        new EventPayload.Summoned(ImmutableList.copyOf(departments), Duration.ofMinutes(30)));
  }

  @CanIgnoreReturnValue
  public CaseScript arrived(String department) {
    return add(new EventPayload.Arrived(department));
  }

  @CanIgnoreReturnValue
  public CaseScript accepted(String handler) {
    return add(new EventPayload.Accepted(handler));
  }

  @CanIgnoreReturnValue
  public CaseScript returned(String handler) {
    return add(new EventPayload.Returned(handler, "not our duty"));
  }

  @CanIgnoreReturnValue
  public CaseScript escalated(String from, String to) {
    return add(new EventPayload.Escalated(EscalationCause.MANUAL, from, to));
  }

  @CanIgnoreReturnValue
  public CaseScript suspended() {
    return add(new EventPayload.Suspended("waiting for the owner"));
  }

  @CanIgnoreReturnValue
  public CaseScript resumed(Instant due) {
    return add(new EventPayload.Resumed(due));
  }

  @CanIgnoreReturnValue
  public CaseScript extended(Instant due) {
    return add(new EventPayload.Extended(due, "needs parts"));
  }

  @CanIgnoreReturnValue
  public CaseScript resolved() {
    return add(new EventPayload.Resolved("done"));
  }

  @CanIgnoreReturnValue
  public CaseScript checkPassed() {
    return add(new EventPayload.CheckPassed());
  }

  @CanIgnoreReturnValue
  public CaseScript checkFailed() {
    return add(new EventPayload.CheckFailed("still dirty"));
  }

  @CanIgnoreReturnValue
  public CaseScript closed() {
    return add(new EventPayload.Closed());
  }

  @CanIgnoreReturnValue
  public CaseScript evaluated(Satisfaction s, boolean solved) {
    return add(new EventPayload.Evaluated(s, solved));
  }

  @CanIgnoreReturnValue
  public CaseScript reopened(Instant due) {
    return add(new EventPayload.Reopened("came back", due));
  }

  /**
   * Reported, verified and registered at the current instant, dispatched to and accepted by {@code
   * lead}.
   */
  @CanIgnoreReturnValue
  public CaseScript handledBy(String lead, Instant due) {
    return reported().verified().registered(due).dispatched(lead).accepted(lead);
  }

  public ImmutableList<CaseEvent> events() {
    return ImmutableList.copyOf(events);
  }

  public CaseFacts facts() {
    return facts;
  }

  public CaseFile file() {
    return CaseFile.of(facts, events);
  }
}
