package org.gridgov.casefile;

import org.gridgov.GridgovException;

/**
 * Thrown when an event does not continue its case's log: a sequence number that is not the next one
 * (a gap, a repeat, reordering), an event of another case, or an instant before the previous
 * event's. The log is left as it was.
 */
public final class EventSequenceException extends GridgovException {
  private static final long serialVersionUID = 1L;

  /** The case whose log was being extended. */
  @SuppressWarnings("serial") // not Serializable; this exception is not meant to be serialised
  private final CaseId caseId;

  /** The sequence number the next event had to have. */
  private final long expectedSequence;

  /** The refused event's sequence number. */
  private final long actualSequence;

  EventSequenceException(
      String message, CaseId caseId, long expectedSequence, long actualSequence) {
    super(message);
    this.caseId = caseId;
    this.expectedSequence = expectedSequence;
    this.actualSequence = actualSequence;
  }

  /**
   * Returns the case whose log was being extended.
   *
   * @return the case id
   */
  public CaseId caseId() {
    return caseId;
  }

  /**
   * Returns the sequence number the next event had to have.
   *
   * @return the expected sequence
   */
  public long expectedSequence() {
    return expectedSequence;
  }

  /**
   * Returns the refused event's sequence number.
   *
   * @return the actual sequence
   */
  public long actualSequence() {
    return actualSequence;
  }
}
