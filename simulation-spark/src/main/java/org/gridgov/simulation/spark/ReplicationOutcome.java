package org.gridgov.simulation.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import org.gridgov.simulation.LevelScorecard;
import org.gridgov.simulation.Metric;
import org.gridgov.simulation.ReplicationResult;

/**
 * What a task sends back to the driver: a {@link ReplicationResult} in serializable form (Java
 * serialization keeps each double's bits, NaN included).
 *
 * @param point the value's index in the sweep
 * @param replication the replication number
 * @param values every metric's value
 * @param simulatedEvents kernel events
 * @param engineEvents engine events
 * @param scorecards the scorecards per level
 */
record ReplicationOutcome(
    int point,
    int replication,
    EnumMap<Metric, Double> values,
    long simulatedEvents,
    long engineEvents,
    ArrayList<LevelScorecard> scorecards)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Copies the map and the list: a record's state is its own. */
  ReplicationOutcome {
    values = new EnumMap<>(values);
    scorecards = new ArrayList<>(scorecards);
  }

  static ReplicationOutcome of(int point, ReplicationResult r) {
    return new ReplicationOutcome(
        point,
        r.replication(),
        new EnumMap<>(r.values()),
        r.simulatedEvents(),
        r.engineEvents(),
        new ArrayList<>(r.scorecards()));
  }

  /** The result, labelled with the swept value as a sequential sweep labels it. */
  ReplicationResult toResult(String parameterValue) {
    return ReplicationResult.of(
        parameterValue, replication, values, simulatedEvents, engineEvents, scorecards);
  }
}
