package org.gridgov.routing;

/**
 * Why a routing decision is asked for: the moments in a case's life where the routing policy
 * decides.
 */
public enum DecisionPoint {
  /** A case has just been registered (立案) and needs its first handler. */
  NEW_CASE,
  /** A handler's SLA clock breached (超期): the policy may escalate. */
  BREACH,
  /**
   * The holder returned the case as not its duty (退单): the policy picks the next handler or
   * escalates.
   */
  RETURN,
  /** The same problem was reported again (重复诉求): the policy may escalate on the N-th report. */
  REPEAT_REPORT,
  /** A closure check failed (核查不通过): the case goes back for rework, or to another handler. */
  CHECK_FAILED,
  /** A person (dispatcher, leader) asked for a decision by hand. */
  MANUAL
}
