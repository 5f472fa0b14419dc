package org.gridgov.simulation.report;

import static org.gridgov.simulation.report.SweepCsv.field;
import static org.gridgov.simulation.report.SweepCsv.number;

import org.gridgov.simulation.DesignPoint;
import org.gridgov.simulation.DesignResult;
import org.gridgov.simulation.Estimate;
import org.gridgov.simulation.FactorEffect;
import org.gridgov.simulation.Metric;
import org.gridgov.simulation.PairedDifference;
import org.gridgov.simulation.ReplicationResult;
import org.gridgov.simulation.SweepParameter;
import org.gridgov.simulation.SweepPoint;
import org.jspecify.annotations.Nullable;

/**
 * The CSV files of a designed experiment: every replication, each point's summary, the paired
 * difference of every pair of points and every factor's main effect, each with its 95% interval.
 * Numbers as in {@link SweepCsv}; the text depends only on the result.
 */
public final class DesignCsv {
  private DesignCsv() {}

  /**
   * Returns {@code runs.csv}: {@code point}, one column per factor, {@code replication}, one column
   * per {@link Metric#id()}, then {@code simulated_events, engine_events}.
   *
   * @param result the design's result
   * @return the CSV text
   */
  public static String runs(DesignResult result) {
    StringBuilder b = new StringBuilder("point");
    for (SweepParameter f : result.design().plan().factors()) {
      b.append(',').append(f.id());
    }
    b.append(",replication");
    for (Metric m : Metric.values()) {
      b.append(',').append(m.id());
    }
    b.append(",simulated_events,engine_events\n");
    int r = result.design().replications();
    for (int i = 0; i < result.runs().size(); i++) {
      ReplicationResult run = result.runs().get(i);
      b.append(i / r);
      levels(b, result.design().plan().points().get(i / r), result);
      b.append(',').append(run.replication());
      for (Metric m : Metric.values()) {
        b.append(',').append(number(run.value(m)));
      }
      b.append(',').append(run.simulatedEvents()).append(',').append(run.engineEvents());
      b.append('\n');
    }
    return b.toString();
  }

  /**
   * Returns {@code summary.csv}: {@code point}, one column per factor, {@code metric, unit, mean,
   * half_width, lower, upper, n}; a metric undefined at a point has {@code NaN}s and {@code n} 0.
   *
   * @param result the design's result
   * @return the CSV text
   */
  public static String summary(DesignResult result) {
    StringBuilder b = new StringBuilder("point");
    for (SweepParameter f : result.design().plan().factors()) {
      b.append(',').append(f.id());
    }
    b.append(",metric,unit,mean,half_width,lower,upper,n\n");
    for (int i = 0; i < result.points().size(); i++) {
      SweepPoint p = result.points().get(i);
      for (Metric m : Metric.values()) {
        b.append(i);
        levels(b, result.design().plan().points().get(i), result);
        b.append(',').append(m.id()).append(',').append(m.unit()).append(',');
        estimate(b, p.estimates().get(m));
      }
    }
    return b.toString();
  }

  /**
   * Returns {@code paired.csv}: for every metric and every pair of points {@code from < to}, the
   * mean paired difference {@code to - from} over the replications with its 95% interval and
   * whether the interval excludes 0; pairs where the metric is undefined at either point are left
   * out.
   *
   * @param result the design's result
   * @return the CSV text
   */
  public static String paired(DesignResult result) {
    StringBuilder b =
        new StringBuilder(
            "metric,unit,from,to,from_label,to_label,difference,half_width,lower,upper,n,"
                + "significant\n");
    int n = result.points().size();
    for (Metric m : Metric.values()) {
      for (int from = 0; from < n; from++) {
        for (int to = from + 1; to < n; to++) {
          if (!defined(result, m, from) || !defined(result, m, to)) {
            continue;
          }
          PairedDifference d = result.paired(m, from, to);
          b.append(m.id())
              .append(',')
              .append(m.unit())
              .append(',')
              .append(from)
              .append(',')
              .append(to)
              .append(',')
              .append(field(result.points().get(from).parameterValue()))
              .append(',')
              .append(field(result.points().get(to).parameterValue()))
              .append(',');
          estimateRow(b, d.difference());
          b.append(',').append(d.significant()).append('\n');
        }
      }
    }
    return b.toString();
  }

  /**
   * Returns {@code effects.csv}: for every metric and factor with a main effect ({@link
   * FactorEffect}), the effect of going from the factor's first to its last level with its 95%
   * interval over the replications.
   *
   * @param result the design's result
   * @return the CSV text
   */
  public static String effects(DesignResult result) {
    StringBuilder b =
        new StringBuilder(
            "metric,unit,factor,low,high,effect,half_width,lower,upper,n,significant\n");
    for (Metric m : Metric.values()) {
      for (FactorEffect e : FactorEffect.of(result, m)) {
        b.append(m.id())
            .append(',')
            .append(m.unit())
            .append(',')
            .append(e.factor().id())
            .append(',')
            .append(field(e.low()))
            .append(',')
            .append(field(e.high()))
            .append(',');
        estimateRow(b, e.effect());
        b.append(',').append(e.significant()).append('\n');
      }
    }
    return b.toString();
  }

  static boolean defined(DesignResult result, Metric m, int point) {
    return result.runsOf(point).stream().anyMatch(r -> !Double.isNaN(r.value(m)));
  }

  private static void levels(StringBuilder b, DesignPoint p, DesignResult result) {
    for (SweepParameter f : result.design().plan().factors()) {
      b.append(',').append(field(p.level(f)));
    }
  }

  private static void estimate(StringBuilder b, @Nullable Estimate e) {
    if (e == null) {
      b.append("NaN,NaN,NaN,NaN,0\n");
    } else {
      estimateRow(b, e);
      b.append('\n');
    }
  }

  private static void estimateRow(StringBuilder b, Estimate e) {
    b.append(number(e.mean()))
        .append(',')
        .append(number(e.halfWidth()))
        .append(',')
        .append(number(e.lower()))
        .append(',')
        .append(number(e.upper()))
        .append(',')
        .append(e.n());
  }
}
