package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Maps;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one replication of one scenario measured.
 *
 * @param parameterValue the swept parameter's value (as text) of this run, or {@code ""} outside a
 *     sweep
 * @param replication the replication number, from 0
 * @param values every {@link Metric}'s value ({@code NaN} where undefined, e.g. no case closed)
 * @param simulatedEvents events handled by the simulation kernel (arrivals, service ends, ...)
 * @param engineEvents case events the engine emitted
 */
public record ReplicationResult(
    String parameterValue,
    int replication,
    ImmutableMap<Metric, Double> values,
    long simulatedEvents,
    long engineEvents) {

  /**
   * Validates: every metric has a value.
   *
   * @param engineEvents case events the engine emitted
   * @param parameterValue the swept parameter's value (as text) of this run, or {@code ""} outside
   *     a sweep
   * @param replication the replication number, from 0
   * @param simulatedEvents events handled by the simulation kernel (arrivals, service ends, ...)
   * @param values every {@link Metric}'s value ({@code NaN} where undefined, e.g. no case closed)
   */
  public ReplicationResult {
    checkArgument(replication >= 0, "replication must be >= 0 but was %s", replication);
    for (Metric m : Metric.values()) {
      checkArgument(values.containsKey(m), "no value for metric %s", m.id());
    }
    values = Maps.immutableEnumMap(values);
  }

  /**
   * Builds a result from a map of every metric.
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
    return new ReplicationResult(
        parameterValue,
        replication,
        Maps.immutableEnumMap(new EnumMap<>(values)),
        simulatedEvents,
        engineEvents);
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
