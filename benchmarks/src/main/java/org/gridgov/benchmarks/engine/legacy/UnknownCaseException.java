package org.gridgov.benchmarks.engine.legacy;

import java.util.Locale;
import org.gridgov.casefile.CaseId;

/**
 * A command refused because it names a case the actor cannot see: one the engine does not know
 * (never reported, or released) or one outside the actor's jurisdiction. Both read exactly alike,
 * so the refusal discloses nothing.
 */
public final class UnknownCaseException extends CommandRefusedException {
  private static final long serialVersionUID = 1L;

  /** The rule every unknown-case refusal names. */
  static final String RULE =
      "a command must name a case known to the engine and visible to its actor";

  /**
   * Creates one.
   *
   * @param actor the principal
   * @param caseId the case it named (the command's case, or a merge's target)
   * @param commandId the command's id
   * @param command the command's name
   */
  public UnknownCaseException(Principal actor, CaseId caseId, String commandId, String command) {
    super(
        String.format(
            Locale.ROOT,
            "unknown case %s: %s may not %s it (command %s)",
            caseId,
            actor,
            command,
            commandId),
        actor,
        caseId,
        RULE);
  }
}
