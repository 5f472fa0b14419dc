package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * The scorecards (考核, {@link org.gridgov.metrics.Scorecards}) of one replication's handlers of one
 * level, summed: the counts behind every scorecard figure over the level's handlers, and the spread
 * of their composite scores. Computed from the measured cases' event logs (the cases reported in
 * the measured period, each with all its events up to the end of the run). Handler ids and counts
 * only: no personal data.
 *
 * <p>The rates of the level are the pooled ratios (e.g. on-time closings of all the level's
 * handlers per closing of all of them), so a level of many small handlers and one of few large ones
 * compare on the same footing; the composite's mean and quantiles say how unequal the level's
 * handlers are (quantiles by nearest rank: the {@code ceil(p·n)}-th smallest of {@code n}).
 *
 * @param level the handlers' level
 * @param handlers handlers of the level with a scorecard (anything counted in the period)
 * @param received lead assignments received
 * @param acceptedInTime of those, accepted within the weights' limit
 * @param handlingDue holdings resolved or breached (按期处置率's denominator)
 * @param handledOnTime of those, resolved without a breach of the lead clock
 * @param closed cases closed by a lead of the level
 * @param closedOnTime of those, at or before the case's deadline
 * @param reworkBase checks and reopenings (返工率's denominator)
 * @param rework failed checks and reopenings
 * @param shirks returns after which the case came back to the returner (推诿)
 * @param supervised supervisions (督办) opened on cases the level led
 * @param answers satisfaction answers (reached visits and evaluations)
 * @param satisfied of those, satisfied or basically satisfied
 * @param ranked handlers with a composite score
 * @param compositeMean the mean composite of the ranked handlers, {@code NaN} when none
 * @param compositeP10 the 10th percentile of their composites, {@code NaN} when none
 * @param compositeMedian the median of their composites, {@code NaN} when none
 * @param compositeP90 the 90th percentile of their composites, {@code NaN} when none
 */
public record LevelScorecard(
    Level level,
    int handlers,
    long received,
    long acceptedInTime,
    long handlingDue,
    long handledOnTime,
    long closed,
    long closedOnTime,
    long reworkBase,
    long rework,
    long shirks,
    long supervised,
    long answers,
    long satisfied,
    int ranked,
    double compositeMean,
    double compositeP10,
    double compositeMedian,
    double compositeP90)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * The composite's weights and acceptance limit the simulation scores handlers with, as data in
   * the text form of {@link org.gridgov.metrics.ScorecardWeights#parse} (the weights of
   * docs/supervision.md's example).
   */
  public static final String WEIGHTS_TEXT =
      """
      accept-within PT2H
      weight accepted-in-time 0.1
      weight on-time-handling 0.25
      weight on-time-closing 0.2
      weight rework 0.15
      weight shirking 0.1
      weight supervised 0.1
      weight satisfaction 0.1
      """;

  /** A handler's level in the simulated city, as the report lists them. */
  public enum Level {
    /** Grid stations (网格). */
    GRID,
    /** Community offices (社区). */
    COMMUNITY,
    /** Street centres (街道). */
    STREET,
    /** District command centres (区县). */
    DISTRICT,
    /** The city office (市). */
    CITY,
    /** Functional departments and outside parties (职能部门). */
    DEPARTMENT;

    /**
     * Returns the level's name in the report's files, e.g. {@code grid}.
     *
     * @return the lower-case name
     */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Validates: counts are not negative, no part exceeds its whole, and the composites are given
   * exactly when a handler is ranked.
   *
   * @param level the handlers' level
   * @param handlers handlers of the level with a scorecard
   * @param received lead assignments received
   * @param acceptedInTime of those, accepted within the limit
   * @param handlingDue holdings resolved or breached
   * @param handledOnTime of those, resolved without a breach
   * @param closed cases closed by a lead of the level
   * @param closedOnTime of those, on time
   * @param reworkBase checks and reopenings
   * @param rework failed checks and reopenings
   * @param shirks returns judged unjustified
   * @param supervised supervisions opened
   * @param answers satisfaction answers
   * @param satisfied of those, satisfied or basically satisfied
   * @param ranked handlers with a composite
   * @param compositeMean the mean composite
   * @param compositeP10 the 10th percentile
   * @param compositeMedian the median
   * @param compositeP90 the 90th percentile
   */
  public LevelScorecard {
    Objects.requireNonNull(level, "level");
    checkArgument(
        handlers >= 0 && ranked >= 0 && ranked <= handlers,
        "%s: %s ranked of %s handlers",
        level,
        ranked,
        handlers);
    part(level, "accepted in time", acceptedInTime, received);
    part(level, "handled on time", handledOnTime, handlingDue);
    part(level, "closed on time", closedOnTime, closed);
    part(level, "rework", rework, reworkBase);
    part(level, "satisfied", satisfied, answers);
    checkArgument(shirks >= 0 && supervised >= 0, "%s: negative count", level);
    boolean none = ranked == 0;
    checkArgument(
        none == Double.isNaN(compositeMean)
            && none == Double.isNaN(compositeP10)
            && none == Double.isNaN(compositeMedian)
            && none == Double.isNaN(compositeP90),
        "%s: composites must be NaN exactly when no handler is ranked (%s ranked)",
        level,
        ranked);
  }

  private static void part(Level level, String what, long part, long whole) {
    checkArgument(
        part >= 0 && part <= whole, "%s: %s %s is not in [0, %s]", level, what, part, whole);
  }
}
