package org.gridgov.metrics;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One handler's scorecard (考核) over a period, computed by {@link Scorecards} from the event log
 * alone; the formulas are in docs/supervision.md and on {@link Scorecards}. No personal data: a
 * handler id and counts.
 *
 * @param handlerId the handler (department or office; the embedder's id)
 * @param received lead assignments (派遣 as lead, or escalated to) received in the period
 * @param acceptedInTime assignments received in the period and accepted within the limit, per
 *     assignment received
 * @param onTimeHandling 按期处置率: holdings resolved without a breach of the lead clock, per holding
 *     resolved or breached in the period
 * @param onTimeClosing 按期结案率: cases closed by this lead at or before their deadline, per case it
 *     closed in the period
 * @param rework 返工率: failed checks and reopenings of its cases, per resolution in the period
 * @param shirks 推诿: returns in the period after which the case came back to it as lead
 * @param supervised supervisions (督办) opened in the period on cases it led
 * @param satisfaction 满意率: satisfied or basically satisfied answers of reached visits and
 *     evaluations, per such answer in the period
 * @param composite the weighted composite score in {@code [0, 100]}, over the indicators whose
 *     denominator is not zero (their weights renormalised); empty when none is
 */
public record Scorecard(
    String handlerId,
    long received,
    Rate acceptedInTime,
    Rate onTimeHandling,
    Rate onTimeClosing,
    Rate rework,
    long shirks,
    long supervised,
    Rate satisfaction,
    OptionalDouble composite) {

  /**
   * Validates.
   *
   * @param handlerId the handlerId component
   * @param received the received component
   * @param acceptedInTime the acceptedInTime component
   * @param onTimeHandling the onTimeHandling component
   * @param onTimeClosing the onTimeClosing component
   * @param rework the rework component
   * @param shirks the shirks component
   * @param supervised the supervised component
   * @param satisfaction the satisfaction component
   * @param composite the composite component
   */
  public Scorecard {
    Objects.requireNonNull(handlerId, "handlerId");
    Objects.requireNonNull(acceptedInTime, "acceptedInTime");
    Objects.requireNonNull(onTimeHandling, "onTimeHandling");
    Objects.requireNonNull(onTimeClosing, "onTimeClosing");
    Objects.requireNonNull(rework, "rework");
    Objects.requireNonNull(satisfaction, "satisfaction");
    Objects.requireNonNull(composite, "composite");
  }
}
