package org.gridgov.store.jdbc;

import java.util.Locale;

/**
 * A stored row cannot be read back as part of a legal log: a sequence gap, a missing or extra row,
 * an unknown event type, JSON that does not parse or does not match its row, missing facts, or a
 * log the engine refuses to replay. The message and the accessors name the case and the sequence of
 * the offending row. Loading and restoring stop at the first such row: a store is never restored in
 * part.
 */
public final class CorruptStoreException extends EventStoreException {
  private static final long serialVersionUID = 1L;

  /** The case id of the offending row, as stored. */
  private final String caseId;

  /** The sequence of the offending row, 0 for a facts row. */
  private final long sequence;

  /**
   * Creates the exception.
   *
   * @param caseId the case id of the offending row, as stored
   * @param sequence the sequence of the offending row (0 for the case's facts row)
   * @param problem what is wrong and what was expected
   */
  public CorruptStoreException(String caseId, long sequence, String problem) {
    super(
        String.format(
            Locale.ROOT,
            "corrupt event store at case %s, sequence %d: %s",
            caseId,
            sequence,
            problem));
    this.caseId = caseId;
    this.sequence = sequence;
  }

  /**
   * Creates the exception with a cause.
   *
   * @param caseId the case id of the offending row, as stored
   * @param sequence the sequence of the offending row (0 for the case's facts row)
   * @param problem what is wrong and what was expected; a stored value a parser quotes in it
   *     ({@code "… must be a string but was …"}, {@code "not valid JSON (line 1, column 9): …"}) is
   *     cut off, as it may be personal data
   * @param cause the exception that revealed it
   */
  public CorruptStoreException(String caseId, long sequence, String problem, Throwable cause) {
    super(
        String.format(
            Locale.ROOT,
            "corrupt event store at case %s, sequence %d: %s",
            caseId,
            sequence,
            StoreMessages.withoutValues(problem)),
        cause);
    this.caseId = caseId;
    this.sequence = sequence;
  }

  /**
   * Returns the case id of the offending row, as stored (it may not be a valid {@code CaseId}).
   *
   * @return the case id
   */
  public String caseId() {
    return caseId;
  }

  /**
   * Returns the sequence of the offending row; 0 when the problem is the case's facts row.
   *
   * @return the sequence
   */
  public long sequence() {
    return sequence;
  }
}
