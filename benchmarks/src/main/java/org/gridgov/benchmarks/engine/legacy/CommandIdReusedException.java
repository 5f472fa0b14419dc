package org.gridgov.benchmarks.engine.legacy;

import java.util.Locale;

/**
 * A command refused because its id was used before for a different command (another principal,
 * case, instant or action). A retry of the very same command is not refused: it returns the
 * original events.
 */
public final class CommandIdReusedException extends CommandRefusedException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates one.
   *
   * @param command the refused command
   * @param first the command first executed under the same id
   */
  public CommandIdReusedException(Command command, Command first) {
    super(
        String.format(
            Locale.ROOT,
            "command id %s was already used for a different command (%s %s at %s by %s); refused %s %s by %s",
            command.commandId(),
            first.action().name(),
            first.caseId(),
            first.at(),
            first.actor(),
            command.action().name(),
            command.caseId(),
            command.actor()),
        command.actor(),
        command.caseId(),
        "a command id names one command: the same principal, case, instant and action");
  }
}
