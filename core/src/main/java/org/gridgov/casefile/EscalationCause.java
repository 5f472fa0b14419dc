package org.gridgov.casefile;

/** Why a case was escalated (上报/升级) to a higher level. */
public enum EscalationCause {
  /** A limit was breached (超期). */
  BREACH,
  /** The handler returned the case (退单) and the dispatcher could not place it at its level. */
  RETURN,
  /** The same problem was reported again (重复诉求). */
  REPEAT_REPORT,
  /** The handler lacks the capability or authority (能力不足). */
  CAPABILITY,
  /** A person decided to escalate (人工). */
  MANUAL,
  /**
   * A closure check failed (核查不通过, 返工) and the routing policy moved the rework to another handler.
   */
  CHECK_FAILED
}
