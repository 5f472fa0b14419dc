package org.gridgov.engine;

import java.util.Locale;
import org.gridgov.GridgovException;
import org.gridgov.casefile.CaseId;

/** A command refused because its actor may not issue it on that case; nothing changed and no event was made. */
public final class NotAuthorizedException extends GridgovException {
  private static final long serialVersionUID = 1L;

  /** The actor, as text. */
  private final String actor;
  /** The case. */
  private final CaseId caseId;
  /** The rule that refused the command. */
  private final String rule;

  /**
   * Creates one.
   *
   * @param actor the principal
   * @param caseId the case
   * @param command the command's name
   * @param rule the rule that refused it
   */
  public NotAuthorizedException(Principal actor, CaseId caseId, String command, String rule) {
    super(String.format(Locale.ROOT, "%s may not %s case %s: %s", actor, command, caseId, rule));
    this.actor = actor.toString();
    this.caseId = caseId;
    this.rule = rule;
  }

  /**
   * Returns the actor, as text.
   *
   * @return the actor
   */
  public String actor() {
    return actor;
  }

  /**
   * Returns the case.
   *
   * @return the case id
   */
  public CaseId caseId() {
    return caseId;
  }

  /**
   * Returns the rule that refused the command.
   *
   * @return the rule
   */
  public String rule() {
    return rule;
  }
}
