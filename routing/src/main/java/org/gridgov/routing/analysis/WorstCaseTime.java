package org.gridgov.routing.analysis;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import org.gridgov.sla.SlaLimit;

/**
 * The worst-case time from report to the top of an escalation chain, as the sum of stage limits:
 * the register and dispatch limits once, then the handling limits the chain uses as the case engine
 * moves the lead clock on an escalation by the SLA policy's transfer rule: with {@code RESTART} the
 * full handling limit at every handler of the chain (each handler uses its whole budget, breaches,
 * and the case escalates); with {@code FROM_CREATION} one handling limit (every later holder's
 * clock counts from registration, is breached on arrival, and the case goes straight on); with
 * {@code KEEP} one handling limit, for a chain of at most two handlers (the second inherits a
 * breached clock that never breaches again). The case engine reaches this time exactly when every
 * stage uses its whole limit, and never exceeds it while registration and dispatch keep to theirs.
 * Limits of different units cannot be added into one duration without a calendar, so the sum is
 * kept per unit.
 *
 * @param limits every limit summed, in order
 * @param natural the sum of natural-time limits
 * @param workingTime the sum of working-time limits
 * @param workingDays the sum of working-day limits
 */
public record WorstCaseTime(
    ImmutableList<SlaLimit> limits, Duration natural, Duration workingTime, int workingDays) {
  @Override
  public String toString() {
    return "natural "
        + natural
        + " + working time "
        + workingTime
        + " + "
        + workingDays
        + " working days";
  }
}
