package org.gridgov.store.jdbc;

import java.util.Locale;
import org.gridgov.casefile.CaseId;

/**
 * An append was refused because the store already holds a different history for a case: the writer
 * expected the case's last stored sequence to be {@link #expectedSequence()} but it is {@link
 * #foundSequence()} (another writer appended first, or the writer's engine is stale). Nothing of
 * the append is written; conflicting appends are never merged. Reopen the engine from the store and
 * decide again.
 */
public final class AppendConflictException extends EventStoreException {
  private static final long serialVersionUID = 1L;

  /** The case whose history conflicts. */
  @SuppressWarnings("serial") // not Serializable; this exception is not meant to be serialised
  private final CaseId caseId;

  /** The last sequence the writer expected in the store. */
  private final long expectedSequence;

  /** The last sequence the store holds. */
  private final long foundSequence;

  /**
   * Creates the exception.
   *
   * @param caseId the case whose history conflicts
   * @param expectedSequence the last sequence the writer expected in the store (0: the case should
   *     be new)
   * @param foundSequence the last sequence the store holds (0: the case is not in the store)
   */
  public AppendConflictException(CaseId caseId, long expectedSequence, long foundSequence) {
    super(
        String.format(
            Locale.ROOT,
            "append conflict on case %s: expected the store's last sequence to be %d but found %d"
                + " (another writer appended first; reopen from the store and retry)",
            caseId,
            expectedSequence,
            foundSequence));
    this.caseId = caseId;
    this.expectedSequence = expectedSequence;
    this.foundSequence = foundSequence;
  }

  /**
   * Returns the case whose history conflicts.
   *
   * @return the case id
   */
  public CaseId caseId() {
    return caseId;
  }

  /**
   * Returns the last sequence the writer expected the store to hold for the case (0 for a new
   * case).
   *
   * @return the expected sequence
   */
  public long expectedSequence() {
    return expectedSequence;
  }

  /**
   * Returns the last sequence the store holds for the case (0 if it holds none).
   *
   * @return the found sequence
   */
  public long foundSequence() {
    return foundSequence;
  }
}
