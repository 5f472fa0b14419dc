package org.gridgov.benchmarks.engine.legacy;

import java.util.Locale;
import org.gridgov.casefile.CaseId;

/**
 * A command refused because its actor may not issue it on that case (by the engine's {@link
 * AuthorizationPolicy}); nothing changed and no event was made. A case outside the actor's
 * jurisdiction is refused as {@link UnknownCaseException} instead, so that the refusal does not
 * tell that the case exists.
 */
public final class NotAuthorizedException extends CommandRefusedException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates one.
   *
   * @param actor the principal
   * @param caseId the case
   * @param command the command's name
   * @param rule the rule that refused it
   */
  public NotAuthorizedException(Principal actor, CaseId caseId, String command, String rule) {
    super(
        String.format(Locale.ROOT, "%s may not %s case %s: %s", actor, command, caseId, rule),
        actor,
        caseId,
        rule);
  }
}
