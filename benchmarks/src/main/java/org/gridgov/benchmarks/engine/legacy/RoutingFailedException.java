package org.gridgov.benchmarks.engine.legacy;

import org.gridgov.GridgovException;
import org.gridgov.casefile.CaseId;

/**
 * The routing policy threw, rejected a case that had to be routed, or named an unknown handler; the
 * engine is unchanged.
 */
public final class RoutingFailedException extends GridgovException {
  private static final long serialVersionUID = 1L;

  /** The case being routed. */
  @SuppressWarnings("serial") // not Serializable; this exception is not meant to be serialised
  private final CaseId caseId;

  /**
   * Creates one.
   *
   * @param caseId the case being routed
   * @param message what went wrong
   * @param cause the policy's exception, if any
   */
  public RoutingFailedException(CaseId caseId, String message, Throwable cause) {
    super(message, cause);
    this.caseId = caseId;
  }

  /**
   * Creates one without a cause.
   *
   * @param caseId the case being routed
   * @param message what went wrong
   */
  public RoutingFailedException(CaseId caseId, String message) {
    super(message);
    this.caseId = caseId;
  }

  /**
   * Returns the case being routed.
   *
   * @return the case id
   */
  public CaseId caseId() {
    return caseId;
  }
}
