package org.gridgov.simulation.report;

import java.util.Locale;
import org.gridgov.simulation.Estimate;
import org.gridgov.simulation.Metric;
import org.gridgov.simulation.ReplicationResult;
import org.gridgov.simulation.SweepPoint;
import org.gridgov.simulation.SweepResult;

/**
 * The CSV files of a sweep: {@code runs.csv} (one row per replication) and {@code summary.csv} (one
 * row per value and metric). Numbers are written with {@link Locale#ROOT} and six decimals, so the
 * same result always gives the same bytes; undefined values are {@code NaN}. Lines end in {@code
 * \n}; fields are quoted per RFC 4180 when needed.
 */
public final class SweepCsv {
  private SweepCsv() {}

  /**
   * Returns {@code runs.csv}: columns {@code parameter, value, replication}, one column per {@link
   * Metric#id()} in the enum's order, then {@code simulated_events, engine_events}.
   *
   * @param result the sweep's result
   * @return the CSV text
   */
  public static String runs(SweepResult result) {
    StringBuilder b = new StringBuilder("parameter,value,replication");
    for (Metric m : Metric.values()) {
      b.append(',').append(m.id());
    }
    b.append(",simulated_events,engine_events\n");
    String parameter = result.sweep().parameter().id();
    for (ReplicationResult r : result.runs()) {
      b.append(field(parameter))
          .append(',')
          .append(field(r.parameterValue()))
          .append(',')
          .append(r.replication());
      for (Metric m : Metric.values()) {
        b.append(',').append(number(r.value(m)));
      }
      b.append(',').append(r.simulatedEvents()).append(',').append(r.engineEvents()).append('\n');
    }
    return b.toString();
  }

  /**
   * Returns {@code summary.csv}: columns {@code parameter, value, metric, unit, mean, half_width,
   * lower, upper, n} (the 95% confidence interval over the replications), per value in the sweep's
   * order and metric in the enum's order; a metric undefined in every replication of a value has
   * {@code NaN}s and {@code n} 0.
   *
   * @param result the sweep's result
   * @return the CSV text
   */
  public static String summary(SweepResult result) {
    StringBuilder b =
        new StringBuilder("parameter,value,metric,unit,mean,half_width,lower,upper,n\n");
    String parameter = result.sweep().parameter().id();
    for (SweepPoint p : result.points()) {
      for (Metric m : Metric.values()) {
        Estimate e = p.estimates().get(m);
        b.append(field(parameter))
            .append(',')
            .append(field(p.parameterValue()))
            .append(',')
            .append(m.id())
            .append(',')
            .append(m.unit())
            .append(',');
        if (e == null) {
          b.append("NaN,NaN,NaN,NaN,0\n");
        } else {
          b.append(number(e.mean()))
              .append(',')
              .append(number(e.halfWidth()))
              .append(',')
              .append(number(e.lower()))
              .append(',')
              .append(number(e.upper()))
              .append(',')
              .append(e.n())
              .append('\n');
        }
      }
    }
    return b.toString();
  }

  /**
   * Formats a number as the CSV files do: six decimals, {@link Locale#ROOT}, {@code NaN} when
   * undefined, never {@code -0.000000}.
   *
   * @param value the number
   * @return the text
   */
  public static String number(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    String s = String.format(Locale.ROOT, "%.6f", value);
    return s.equals("-0.000000") ? "0.000000" : s;
  }

  static String field(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
