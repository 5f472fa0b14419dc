package org.gridgov.casefile;

import com.google.common.collect.ImmutableSet;
import org.gridgov.GridgovException;

/**
 * Thrown when an event is not allowed in a case's current state, or breaks a rule of its transition
 * (for example a handler accepting a case that was dispatched to someone else). The state is left
 * as it was.
 */
public final class IllegalTransitionException extends GridgovException {
  private static final long serialVersionUID = 1L;

  /** The case. */
  @SuppressWarnings("serial") // not Serializable; this exception is not meant to be serialised
  private final CaseId caseId;

  /** The state the case was in. */
  private final CaseStatus status;

  /** The refused event. */
  @SuppressWarnings(
      "serial") // CaseEvent is not Serializable; this exception is not meant to be serialised
  private final CaseEvent event;

  /** The event types the state allows. */
  @SuppressWarnings("serial") // ImmutableSet of an enum is serializable
  private final ImmutableSet<EventType> allowed;

  IllegalTransitionException(
      String message,
      CaseId caseId,
      CaseStatus status,
      CaseEvent event,
      ImmutableSet<EventType> allowed) {
    super(message);
    this.caseId = caseId;
    this.status = status;
    this.event = event;
    this.allowed = allowed;
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
   * Returns the state the case was in.
   *
   * @return the state
   */
  public CaseStatus status() {
    return status;
  }

  /**
   * Returns the refused event.
   *
   * @return the event
   */
  public CaseEvent event() {
    return event;
  }

  /**
   * Returns the event types the state allows.
   *
   * @return the allowed types, in declaration order
   */
  public ImmutableSet<EventType> allowed() {
    return allowed;
  }
}
