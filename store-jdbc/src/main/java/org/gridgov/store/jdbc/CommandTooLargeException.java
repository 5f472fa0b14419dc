package org.gridgov.store.jdbc;

import java.util.Locale;

/**
 * A command refused by {@link DurableCaseEngine#execute} before it ran because one of its texts is
 * longer than the {@link StoreLimits} allow. Nothing was run or written and the engine stays
 * usable. The message names the command id, the case, the field and the lengths, never the text.
 */
public final class CommandTooLargeException extends EventStoreException {
  private static final long serialVersionUID = 1L;

  /** The field, e.g. {@code Verify.reason}. */
  private final String field;

  /** The text's length. */
  private final int length;

  /** The limit. */
  private final int limit;

  /**
   * Creates one.
   *
   * @param commandId the command's id
   * @param caseId the command's case
   * @param field the field, e.g. {@code Verify.reason}
   * @param length the text's length in characters
   * @param limit the limit in characters
   */
  public CommandTooLargeException(
      String commandId, String caseId, String field, int length, int limit) {
    super(
        String.format(
            Locale.ROOT,
            "command %s on case %s: %s is %d characters, over the store's limit %d (StoreLimits); nothing was written",
            commandId,
            caseId,
            field,
            length,
            limit));
    this.field = field;
    this.length = length;
    this.limit = limit;
  }

  /**
   * Returns the field.
   *
   * @return e.g. {@code Verify.reason}
   */
  public String field() {
    return field;
  }

  /**
   * Returns the text's length.
   *
   * @return characters
   */
  public int length() {
    return length;
  }

  /**
   * Returns the limit.
   *
   * @return characters
   */
  public int limit() {
    return limit;
  }
}
