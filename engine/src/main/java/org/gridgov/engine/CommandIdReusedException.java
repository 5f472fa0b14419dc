package org.gridgov.engine;

import java.util.Locale;

/**
 * A command refused because its id was used before for a different command (another principal,
 * case, instant or action). A retry of the very same command is not refused: it returns the
 * original events.
 */
public final class CommandIdReusedException extends CommandRefusedException {
  private static final long serialVersionUID = 1L;

  /** The rule every such refusal names. */
  static final String RULE =
      "a command id names one command: the same principal, case, instant and action";

  /**
   * Creates one. The message names only the command id and the rule: nothing of the first command
   * (its case, principal, instant or action) is disclosed to the caller of the second.
   *
   * @param command the refused command
   * @param first the command first executed under the same id (not disclosed)
   */
  public CommandIdReusedException(Command command, Command first) {
    super(
        String.format(
            Locale.ROOT,
            "command id %s was already used for a different command; %s",
            command.commandId(),
            RULE),
        command.actor(),
        command.caseId(),
        RULE);
  }
}
