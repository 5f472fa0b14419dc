package org.gridgov.engine;

import org.gridgov.casefile.CaseId;

/**
 * A {@link DeliberationDesk} refused a referral, sitting or decision; nothing was recorded and the
 * engine was not called. The message names the case, the body, the person ids and the rule.
 */
public final class DeliberationRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The case. */
  @SuppressWarnings("serial") // not Serializable; this exception is not meant to be serialised
  private final CaseId caseId;

  /**
   * Creates the exception.
   *
   * @param caseId the case
   * @param rule the rule broken
   */
  public DeliberationRefusedException(CaseId caseId, String rule) {
    super("case " + caseId + ": deliberation refused: " + rule);
    this.caseId = caseId;
  }

  /**
   * Returns the case.
   *
   * @return the case id
   */
  public CaseId caseId() {
    return caseId;
  }
}
