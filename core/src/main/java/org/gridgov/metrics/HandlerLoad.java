package org.gridgov.metrics;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The workload of one handler in a period. Counts are of events in the period, so a case dispatched
 * to the same handler twice counts twice in {@code asLead}.
 *
 * @param handlerId the handler
 * @param asLead times it was given a case as lead in the period ({@code Dispatched} with role LEAD,
 *     or {@code Escalated} to it)
 * @param asAssist times it was added as assisting handler in the period ({@code Dispatched} with
 *     role ASSIST, {@code AssistAdded}, or named in a {@code Summoned})
 * @param returned times it returned a case (退单) in the period
 * @param resolved times it reported a case resolved, as lead, in the period
 * @param holdingAtEnd open cases it leads at the end of the period
 */
public record HandlerLoad(
    String handlerId, long asLead, long asAssist, long returned, long resolved, long holdingAtEnd) {

  /**
   * Validates.
   *
   * @param handlerId the handlerId component
   * @param asLead the asLead component
   * @param asAssist the asAssist component
   * @param returned the returned component
   * @param resolved the resolved component
   * @param holdingAtEnd the holdingAtEnd component
   * @throws IllegalArgumentException if a count is negative
   */
  public HandlerLoad {
    checkArgument(
        asLead >= 0 && asAssist >= 0 && returned >= 0 && resolved >= 0 && holdingAtEnd >= 0,
        "handler %s: counts must be >= 0",
        handlerId);
  }
}
