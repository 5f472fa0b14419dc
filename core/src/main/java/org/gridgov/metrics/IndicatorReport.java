package org.gridgov.metrics;

import com.google.common.collect.ImmutableSortedMap;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Indicators (绩效评价) for one {@link IndicatorQuery}, computed by {@link CaseIndicators}. Every rate
 * is a {@link Rate} of two counts whose formula is given on its method; the counts are defined on
 * {@link IndicatorCounts} and {@link CaseIndicators}. Immutable.
 */
public final class IndicatorReport {
  private final Instant fromInclusive;
  private final Instant toExclusive;
  private final long cases;
  private final IndicatorCounts counts;
  private final long closedOfDue;
  private final long resolvedOnTimeOfDue;
  private final long extendedOfDue;
  private final long checked;
  private final long accuratelyDispatched;
  private final long responded;
  private final long evaluated;
  private final long solved;
  private final long satisfied;
  private final ThreeRateWeights weights;
  private final TimeToClose timeToClose;
  private final Optional<TimeToClose> workingTimeToClose;
  private final ImmutableSortedMap<String, HandlerLoad> handlerLoads;

  IndicatorReport(
      Instant fromInclusive,
      Instant toExclusive,
      long cases,
      IndicatorCounts counts,
      long closedOfDue,
      long resolvedOnTimeOfDue,
      long extendedOfDue,
      long checked,
      long accuratelyDispatched,
      long responded,
      long evaluated,
      long solved,
      long satisfied,
      ThreeRateWeights weights,
      TimeToClose timeToClose,
      Optional<TimeToClose> workingTimeToClose,
      ImmutableSortedMap<String, HandlerLoad> handlerLoads) {
    this.fromInclusive = fromInclusive;
    this.toExclusive = toExclusive;
    this.cases = cases;
    this.counts = counts;
    this.closedOfDue = closedOfDue;
    this.resolvedOnTimeOfDue = resolvedOnTimeOfDue;
    this.extendedOfDue = extendedOfDue;
    this.checked = checked;
    this.accuratelyDispatched = accuratelyDispatched;
    this.responded = responded;
    this.evaluated = evaluated;
    this.solved = solved;
    this.satisfied = satisfied;
    this.weights = weights;
    this.timeToClose = timeToClose;
    this.workingTimeToClose = workingTimeToClose;
    this.handlerLoads = handlerLoads;
  }

  /**
   * Returns the start of the period, inclusive.
   *
   * @return the start
   */
  public Instant fromInclusive() {
    return fromInclusive;
  }

  /**
   * Returns the end of the period, exclusive.
   *
   * @return the end
   */
  public Instant toExclusive() {
    return toExclusive;
  }

  /**
   * Returns how many case files passed the region and handler filters (whatever happened to them in
   * the period).
   *
   * @return the number of cases considered
   */
  public long cases() {
    return cases;
  }

  /**
   * Returns the counts.
   *
   * @return the counts
   */
  public IndicatorCounts counts() {
    return counts;
  }

  /**
   * 结案率 = 应结案中已结案数 / 应结案数: of the due cases, those closed (and not reopened) before the period end.
   *
   * @return the closing rate
   */
  public Rate closingRate() {
    return new Rate(closedOfDue, counts.due());
  }

  /**
   * 按期结案率 = 按期结案数 / 应结案数: of the due cases, those closed at or before their deadline.
   *
   * @return the on-time closing rate
   */
  public Rate onTimeClosingRate() {
    return new Rate(counts.closedOnTime(), counts.due());
  }

  /**
   * 返工率 = 返工数 / 核查数: of the cases checked (核查, passed or failed) in the period, those with at least
   * one failed check in the period.
   *
   * @return the rework rate
   */
  public Rate reworkRate() {
    return new Rate(counts.rework(), checked);
  }

  /**
   * 延期率 = 应结案中曾延期数 / 应结案数: of the due cases, those granted at least one extension before the period
   * end.
   *
   * @return the extension rate
   */
  public Rate extensionRate() {
    return new Rate(extendedOfDue, counts.due());
  }

  /**
   * 按期处置率 = 按期处置数 / 应结案数: of the due cases, those whose last resolution (处置完成) before the period
   * end is at or before their deadline.
   *
   * @return the on-time resolution rate
   */
  public Rate onTimeResolutionRate() {
    return new Rate(resolvedOnTimeOfDue, counts.due());
  }

  /**
   * 准确派遣率 = 准确派遣数 / 派遣数: of the cases dispatched in the period, those dispatched to a lead exactly
   * once and never returned, before the period end.
   *
   * @return the accurate dispatch rate
   */
  public Rate accurateDispatchRate() {
    return new Rate(accuratelyDispatched, counts.dispatched());
  }

  /**
   * 响应率 = 及时响应数 / 派遣数: of the cases dispatched in the period, those whose lead first accepted them
   * within the {@linkplain IndicatorQuery#responseLimit() response limit} of the first lead
   * dispatch.
   *
   * @return the response rate
   */
  public Rate responseRate() {
    return new Rate(responded, counts.dispatched());
  }

  /**
   * 解决率 = 已解决数 / 评价数: of the cases evaluated in the period (last evaluation in the period), those
   * the reporter considers solved.
   *
   * @return the solved rate
   */
  public Rate solvedRate() {
    return new Rate(solved, evaluated);
  }

  /**
   * 满意率 = (满意 + 基本满意) / 评价数: of the cases evaluated in the period, those rated satisfied or
   * basically satisfied.
   *
   * @return the satisfaction rate
   */
  public Rate satisfactionRate() {
    return new Rate(satisfied, evaluated);
  }

  /**
   * Returns the three-rate composite score in [0, 100]: {@code 100 × (w_r·响应率 + w_s·解决率 + w_m·满意率)
   * / (w_r + w_s + w_m)} with the query's {@link ThreeRateWeights}. A rate whose weight is 0 is
   * ignored.
   *
   * @return the score, empty if a rate with a positive weight has an empty denominator
   */
  public OptionalDouble compositeScore() {
    double sum = 0;
    double[] w = {weights.response(), weights.solved(), weights.satisfied()};
    Rate[] r = {responseRate(), solvedRate(), satisfactionRate()};
    for (int i = 0; i < 3; i++) {
      if (w[i] > 0) {
        OptionalDouble v = r[i].value();
        if (v.isEmpty()) {
          return OptionalDouble.empty();
        }
        sum += w[i] * v.getAsDouble();
      }
    }
    return OptionalDouble.of(100 * sum / (w[0] + w[1] + w[2]));
  }

  /**
   * Returns the natural time from report to closing over the cases closed in the period (for a case
   * closed several times in the period, its last closing in the period).
   *
   * @return the statistics
   */
  public TimeToClose timeToClose() {
    return timeToClose;
  }

  /**
   * Returns the same statistics in working time, measured by the query's working-time function.
   *
   * @return the statistics, empty when the query has no working-time function
   */
  public Optional<TimeToClose> workingTimeToClose() {
    return workingTimeToClose;
  }

  /**
   * Returns the load of every handler that appeared in the considered cases (and matches the
   * handler filter), by handler id.
   *
   * @return the loads in handler id order
   */
  public ImmutableSortedMap<String, HandlerLoad> handlerLoads() {
    return handlerLoads;
  }

  /** Renders the counts and the main rates. */
  @Override
  public String toString() {
    return "IndicatorReport["
        + fromInclusive
        + ", "
        + toExclusive
        + "): cases="
        + cases
        + ", "
        + counts
        + ", 结案率="
        + closingRate()
        + ", 按期结案率="
        + onTimeClosingRate()
        + ", 返工率="
        + reworkRate()
        + ", 延期率="
        + extensionRate()
        + ", 按期处置率="
        + onTimeResolutionRate()
        + ", 准确派遣率="
        + accurateDispatchRate()
        + ", 响应率="
        + responseRate()
        + ", 解决率="
        + solvedRate()
        + ", 满意率="
        + satisfactionRate()
        + ", timeToClose="
        + timeToClose;
  }
}
