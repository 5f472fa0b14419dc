package org.gridgov.store.jdbc;

import org.gridgov.GridgovException;

/**
 * A failure of the event store: the database refused or failed a statement (the {@link
 * java.sql.SQLException} is the cause), or one of the subclasses: a conflicting append ({@link
 * AppendConflictException}) or a stored row that cannot be read back ({@link
 * CorruptStoreException}). Nothing of a failed append is written.
 */
public class EventStoreException extends GridgovException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what failed, with the values involved
   */
  public EventStoreException(String message) {
    super(message);
  }

  /**
   * Creates an exception with its cause.
   *
   * @param message what failed, with the values involved
   * @param cause the cause, usually a {@link java.sql.SQLException}
   */
  public EventStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
