package org.gridgov.store.jdbc;

import java.util.Locale;
import org.gridgov.casefile.CaseId;

/**
 * A command refused by {@link DurableCaseEngine#execute} because the store already holds a
 * different command under its id: another principal, case, instant or payload (the store keys
 * commands by id, principal and a hash of the rest). Nothing was run or written. The message names
 * the refused command only, never the stored one, so that a principal learns nothing about
 * another's command.
 */
public final class CommandIdReusedInStoreException extends EventStoreException {
  private static final long serialVersionUID = 1L;

  /** The reused id. */
  private final String commandId;

  /** The refused command's case. */
  private final String caseId;

  /**
   * Creates one.
   *
   * @param commandId the reused id
   * @param caseId the refused command's case
   * @param action the refused command's action name
   */
  public CommandIdReusedInStoreException(String commandId, CaseId caseId, String action) {
    super(
        String.format(
            Locale.ROOT,
            "command id %s was already used for a different command (another principal, case, instant or payload);"
                + " refused %s on case %s: give each command a new id",
            commandId,
            action,
            caseId));
    this.commandId = commandId;
    this.caseId = caseId.value();
  }

  /**
   * Returns the reused command id.
   *
   * @return the id
   */
  public String commandId() {
    return commandId;
  }

  /**
   * Returns the refused command's case.
   *
   * @return the case id
   */
  public String caseId() {
    return caseId;
  }
}
