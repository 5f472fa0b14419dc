package org.gridgov.simulation.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.simulation.Estimate;
import org.gridgov.simulation.Metric;
import org.gridgov.simulation.SweepPoint;

/**
 * The report's warning that a run was not in a steady state: the values whose {@link
 * Metric#BACKLOG_GROWTH} lies above {@value #SHARE} of the cases reported per day of the horizon
 * (the interval's lower end when there is an interval, else the single replication's value). An
 * overloaded level or a warm-up too short for the open cases to build up both show so; either way
 * the other indicators change with the horizon's length.
 */
final class BacklogNote {
  /** Growth per day, as a share of the cases reported per day, above which a value is named. */
  static final double SHARE = 0.01;

  private BacklogNote() {}

  /**
   * Returns the note as an HTML paragraph, or the empty string when every value kept up.
   *
   * @param points the sweep's values or the design's points, each labelled by its parameter value
   * @param horizon the scenario's measured period
   * @return the paragraph or {@code ""}
   */
  static String html(List<SweepPoint> points, Duration horizon) {
    List<String> grown = grown(points, horizon);
    if (grown.isEmpty()) {
      return "";
    }
    return "<p class=\"note\"><b>Backlog grew</b> during the measured period at "
        + SweepReport.esc(String.join("; ", grown))
        + ". Either some level received more cases than it could handle (its queue grows for as"
        + " long as the run lasts; often an office that escalated cases reach), or the warm-up"
        + " was too short for the open cases to reach their usual number. Either way the waits"
        + " and on-time rates were still changing when the horizon ended and depend on its"
        + " length: lengthen the warm-up, and if the growth stays, add staff where cases"
        + " queue.</p>\n";
  }

  /** The values that grew, each with its growth ({@code value: mean ± hw cases a day}). */
  static List<String> grown(List<SweepPoint> points, Duration horizon) {
    double days = horizon.toMillis() / 86_400_000.0;
    List<String> grown = new ArrayList<>();
    for (SweepPoint p : points) {
      Estimate growth = p.estimates().get(Metric.BACKLOG_GROWTH);
      Estimate cases = p.estimates().get(Metric.CASES_REPORTED);
      if (growth == null || cases == null) {
        continue;
      }
      double bound = Double.isFinite(growth.halfWidth()) ? growth.lower() : growth.mean();
      if (bound > SHARE * cases.mean() / days) {
        grown.add(
            p.parameterValue()
                + ": "
                + ReportNumbers.estimate(growth, Metric.BACKLOG_GROWTH.unit())
                + " cases a day");
      }
    }
    return grown;
  }
}
