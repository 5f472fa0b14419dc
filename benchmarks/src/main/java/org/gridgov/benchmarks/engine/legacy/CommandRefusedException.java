package org.gridgov.benchmarks.engine.legacy;

import java.util.Objects;
import org.gridgov.GridgovException;
import org.gridgov.casefile.CaseId;

/**
 * A command the engine refused before computing any event: nothing changed and nothing was
 * remembered. Each kind names the actor (its id, role and jurisdiction, never personal data), the
 * case and the rule that refused it.
 */
public abstract sealed class CommandRefusedException extends GridgovException
    permits NotAuthorizedException, UnknownCaseException, CommandIdReusedException {
  private static final long serialVersionUID = 1L;

  /** The actor, as text. */
  private final String actor;

  /** The case. */
  @SuppressWarnings("serial") // not Serializable; this exception is not meant to be serialised
  private final CaseId caseId;

  /** The rule that refused the command. */
  private final String rule;

  CommandRefusedException(String message, Principal actor, CaseId caseId, String rule) {
    super(message);
    this.actor = actor.toString();
    this.caseId = Objects.requireNonNull(caseId, "caseId");
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  /**
   * Returns the actor, as text: id, role and jurisdiction.
   *
   * @return the actor
   */
  public final String actor() {
    return actor;
  }

  /**
   * Returns the case the command named.
   *
   * @return the case id
   */
  public final CaseId caseId() {
    return caseId;
  }

  /**
   * Returns the rule that refused the command.
   *
   * @return the rule
   */
  public final String rule() {
    return rule;
  }
}
