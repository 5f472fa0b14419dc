package org.gridgov.routing;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.casefile.CaseFacts;

/**
 * What a {@link RoutingPolicy} sees when it decides: the case's facts, why a decision is needed,
 * who holds the case now, and its routing history.
 *
 * @param facts the case's facts (category, priority, location codes, source)
 * @param point why the decision is asked for
 * @param at the instant of the decision (policies must not read a clock)
 * @param currentHolder the handler id holding the case now, or empty for a new case
 * @param holders every handler id that has led the case so far, oldest first (may repeat)
 * @param returnedBy every handler id that returned the case, oldest first (may repeat)
 * @param reportCount how many times the problem has been reported, {@code >= 1} (repeat reports
 *     merged into it count)
 */
public record RoutingRequest(
    CaseFacts facts,
    DecisionPoint point,
    Instant at,
    Optional<String> currentHolder,
    ImmutableList<String> holders,
    ImmutableList<String> returnedBy,
    int reportCount) {

  /**
   * Validates the request.
   *
   * @param at the instant of the decision (policies must not read a clock)
   * @param currentHolder the handler id holding the case now, or empty for a new case
   * @param facts the case's facts (category, priority, location codes, source)
   * @param holders every handler id that has led the case so far, oldest first (may repeat)
   * @param point why the decision is asked for
   * @param reportCount how many times the problem has been reported, {@code >= 1} (repeat reports
   *     merged into it count)
   * @param returnedBy every handler id that returned the case, oldest first (may repeat)
   * @throws IllegalArgumentException if {@code reportCount < 1}, or a non-new case has no holder
   */
  public RoutingRequest {
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(point, "point");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(currentHolder, "currentHolder");
    Objects.requireNonNull(holders, "holders");
    Objects.requireNonNull(returnedBy, "returnedBy");
    checkArgument(
        reportCount >= 1, "reportCount must be >= 1 but was %s (case %s)", reportCount, facts.id());
    checkArgument(
        point == DecisionPoint.NEW_CASE
            || point == DecisionPoint.MANUAL
            || currentHolder.isPresent(),
        "a %s decision needs the current holder (case %s)",
        point,
        facts.id());
  }

  /**
   * Returns the request for a case that has just been registered.
   *
   * @param facts the case's facts
   * @param at the instant of the decision
   * @return the request
   */
  public static RoutingRequest newCase(CaseFacts facts, Instant at) {
    return new RoutingRequest(
        facts,
        DecisionPoint.NEW_CASE,
        at,
        Optional.empty(),
        ImmutableList.of(),
        ImmutableList.of(),
        1);
  }

  /**
   * Returns a request at a later decision point.
   *
   * @param facts the case's facts
   * @param point why the decision is asked for
   * @param at the instant of the decision
   * @param currentHolder the handler holding the case now
   * @param holders every handler that has led the case, oldest first
   * @param returnedBy every handler that returned it, oldest first
   * @param reportCount how many times the problem has been reported
   * @return the request
   */
  public static RoutingRequest of(
      CaseFacts facts,
      DecisionPoint point,
      Instant at,
      String currentHolder,
      List<String> holders,
      List<String> returnedBy,
      int reportCount) {
    return new RoutingRequest(
        facts,
        point,
        at,
        Optional.of(currentHolder),
        ImmutableList.copyOf(holders),
        ImmutableList.copyOf(returnedBy),
        reportCount);
  }
}
