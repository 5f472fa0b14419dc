package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Maps;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one replication of one scenario measured.
 *
 * @param parameterValue the swept parameter's value (as text) of this run, or {@code ""} outside a
 *     sweep
 * @param replication the replication number, from 0
 * @param values every {@link Metric}'s value ({@code NaN} where undefined, e.g. no case closed)
 * @param simulatedEvents events handled by the simulation kernel (arrivals, service ends, ...)
 * @param engineEvents case events the engine emitted
 * @param scorecards the handlers' scorecards summed per level, in level order (levels without a
 *     handler with a scorecard left out; empty for results made without them)
 */
public record ReplicationResult(
    String parameterValue,
    int replication,
    ImmutableMap<Metric, Double> values,
    long simulatedEvents,
    long engineEvents,
    ImmutableList<LevelScorecard> scorecards) {

  /**
   * Validates: every metric has a value.
   *
   * @param engineEvents case events the engine emitted
   * @param parameterValue the swept parameter's value (as text) of this run, or {@code ""} outside
   *     a sweep
   * @param replication the replication number, from 0
   * @param simulatedEvents events handled by the simulation kernel (arrivals, service ends, ...)
   * @param values every {@link Metric}'s value ({@code NaN} where undefined, e.g. no case closed)
   * @param scorecards the scorecards per level, in level order, each level at most once
   */
  public ReplicationResult {
    checkArgument(replication >= 0, "replication must be >= 0 but was %s", replication);
    for (Metric m : Metric.values()) {
      checkArgument(values.containsKey(m), "no value for metric %s", m.id());
    }
    values = Maps.immutableEnumMap(values);
    for (int i = 1; i < scorecards.size(); i++) {
      checkArgument(
          scorecards.get(i - 1).level().compareTo(scorecards.get(i).level()) < 0,
          "scorecards must be in level order, each level once: %s after %s",
          scorecards.get(i).level(),
          scorecards.get(i - 1).level());
    }
  }

  /**
   * Builds a result from a map of every metric, without scorecards.
   *
   * @param parameterValue the swept value
   * @param replication the replication number
   * @param values every metric's value
   * @param simulatedEvents kernel events
   * @param engineEvents engine events
   * @return the result
   */
  public static ReplicationResult of(
      String parameterValue,
      int replication,
      Map<Metric, Double> values,
      long simulatedEvents,
      long engineEvents) {
    return of(
        parameterValue, replication, values, simulatedEvents, engineEvents, ImmutableList.of());
  }

  /**
   * Builds a result from a map of every metric and the scorecards per level.
   *
   * @param parameterValue the swept value
   * @param replication the replication number
   * @param values every metric's value
   * @param simulatedEvents kernel events
   * @param engineEvents engine events
   * @param scorecards the scorecards per level, in level order
   * @return the result
   */
  public static ReplicationResult of(
      String parameterValue,
      int replication,
      Map<Metric, Double> values,
      long simulatedEvents,
      long engineEvents,
      List<LevelScorecard> scorecards) {
    return new ReplicationResult(
        parameterValue,
        replication,
        Maps.immutableEnumMap(new EnumMap<>(values)),
        simulatedEvents,
        engineEvents,
        ImmutableList.copyOf(scorecards));
  }

  /**
   * Returns the scorecard summary of one level.
   *
   * @param level the level
   * @return its summary, or empty if no handler of the level had a scorecard
   */
  public Optional<LevelScorecard> scorecard(LevelScorecard.Level level) {
    return scorecards.stream().filter(s -> s.level() == level).findFirst();
  }

  /**
   * Returns one metric's value.
   *
   * @param metric the metric
   * @return its value
   */
  public double value(Metric metric) {
    Double v = values.get(metric);
    return v == null ? Double.NaN : v;
  }
}
