package org.gridgov.metrics;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The counts of an {@link IndicatorReport}; each counts <em>cases</em>, not events. "In the period"
 * means an event of that type with an instant in {@code [fromInclusive, toExclusive)}; see {@link
 * CaseIndicators} for the full definitions.
 *
 * @param received 受理: cases reported in the period
 * @param registered 立案: cases registered in the period
 * @param dispatched 派遣: cases with a lead dispatch in the period
 * @param resolved 处置: cases resolved (处置完成) in the period
 * @param due 应结案: cases whose deadline falls in the period (see {@link CaseIndicators})
 * @param closed 结案: cases closed in the period
 * @param closedOnTime 按期结案: due cases closed at or before their deadline
 * @param overdue 超期: due cases not closed by their deadline ({@code due - closedOnTime})
 * @param rework 返工: cases with a failed check in the period
 * @param returned 退单: cases returned by a handler in the period
 * @param deferred 缓办: cases suspended in the period
 * @param extended 延期: cases granted an extension in the period
 */
public record IndicatorCounts(
    long received,
    long registered,
    long dispatched,
    long resolved,
    long due,
    long closed,
    long closedOnTime,
    long overdue,
    long rework,
    long returned,
    long deferred,
    long extended) {

  /**
   * Validates.
   *
   * @param received the received component
   * @param registered the registered component
   * @param dispatched the dispatched component
   * @param resolved the resolved component
   * @param due the due component
   * @param closed the closed component
   * @param closedOnTime the closedOnTime component
   * @param overdue the overdue component
   * @param rework the rework component
   * @param returned the returned component
   * @param deferred the deferred component
   * @param extended the extended component
   * @throws IllegalArgumentException if a count is negative or {@code closedOnTime + overdue !=
   *     due}
   */
  public IndicatorCounts {
    checkArgument(
        received >= 0
            && registered >= 0
            && dispatched >= 0
            && resolved >= 0
            && due >= 0
            && closed >= 0
            && closedOnTime >= 0
            && overdue >= 0
            && rework >= 0
            && returned >= 0
            && deferred >= 0
            && extended >= 0,
        "counts must be >= 0");
    checkArgument(
        closedOnTime + overdue == due,
        "closedOnTime %s + overdue %s must equal due %s",
        closedOnTime,
        overdue,
        due);
  }
}
