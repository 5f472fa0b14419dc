package org.gridgov.simulation.report;

import java.util.Locale;
import org.gridgov.simulation.CalibrationResult;
import org.gridgov.simulation.DesignPoint;
import org.gridgov.simulation.DesignResult;
import org.gridgov.simulation.Estimate;
import org.gridgov.simulation.FactorEffect;
import org.gridgov.simulation.Metric;
import org.gridgov.simulation.PairedDifference;
import org.gridgov.simulation.SweepParameter;

/**
 * The JSON files of a designed experiment ({@code design.json}) and of a calibration ({@code
 * calibration.json}): the same numbers as the CSV files, nested for programs. Undefined numbers are
 * {@code null}; keys in a fixed order, so the text depends only on the result.
 */
public final class StudyJson {
  private StudyJson() {}

  /**
   * Returns {@code design.json}: the design, every point's levels and estimates, the paired
   * differences of every pair of points and the factors' main effects.
   *
   * @param result the design's result
   * @param commonRandomNumbers whether the points shared random numbers
   * @return the JSON text
   */
  public static String design(DesignResult result, boolean commonRandomNumbers) {
    StringBuilder j = new StringBuilder("{\n");
    j.append("  \"scenario\": ").append(str(result.design().scenario().name())).append(",\n");
    j.append("  \"design\": ").append(str(result.design().plan().description())).append(",\n");
    j.append("  \"replications\": ").append(result.design().replications()).append(",\n");
    j.append("  \"seed\": ").append(result.design().seed()).append(",\n");
    j.append("  \"common_random_numbers\": ").append(commonRandomNumbers).append(",\n");
    points(j, result);
    paired(j, result);
    effects(j, result);
    return j.append("\n  ]\n}\n").toString();
  }

  private static void points(StringBuilder j, DesignResult result) {
    j.append("  \"points\": [");
    for (int i = 0; i < result.points().size(); i++) {
      DesignPoint p = result.design().plan().points().get(i);
      j.append(i == 0 ? "\n" : ",\n")
          .append("    {\"point\": ")
          .append(i)
          .append(", \"levels\": {");
      boolean first = true;
      for (SweepParameter f : result.design().plan().factors()) {
        j.append(first ? "" : ", ").append(str(f.id())).append(": ").append(str(p.level(f)));
        first = false;
      }
      j.append("}, \"estimates\": {");
      first = true;
      for (Metric m : Metric.values()) {
        Estimate e = result.points().get(i).estimates().get(m);
        if (e != null) {
          j.append(first ? "" : ", ").append(str(m.id())).append(": ").append(estimate(e));
          first = false;
        }
      }
      j.append("}}");
    }
    j.append("\n  ],\n");
  }

  private static void paired(StringBuilder j, DesignResult result) {
    j.append("  \"paired\": [");
    boolean first = true;
    int n = result.points().size();
    for (Metric m : Metric.values()) {
      for (int from = 0; from < n; from++) {
        for (int to = from + 1; to < n; to++) {
          if (DesignCsv.defined(result, m, from) && DesignCsv.defined(result, m, to)) {
            PairedDifference d = result.paired(m, from, to);
            j.append(first ? "\n" : ",\n")
                .append("    {\"metric\": ")
                .append(str(m.id()))
                .append(", \"from\": ")
                .append(from)
                .append(", \"to\": ")
                .append(to)
                .append(", \"difference\": ")
                .append(estimate(d.difference()))
                .append(", \"significant\": ")
                .append(d.significant())
                .append('}');
            first = false;
          }
        }
      }
    }
    j.append("\n  ],\n");
  }

  private static void effects(StringBuilder j, DesignResult result) {
    j.append("  \"effects\": [");
    boolean first = true;
    for (Metric m : Metric.values()) {
      for (FactorEffect e : FactorEffect.of(result, m)) {
        j.append(first ? "\n" : ",\n")
            .append("    {\"metric\": ")
            .append(str(m.id()))
            .append(", \"factor\": ")
            .append(str(e.factor().id()))
            .append(", \"low\": ")
            .append(str(e.low()))
            .append(", \"high\": ")
            .append(str(e.high()))
            .append(", \"effect\": ")
            .append(estimate(e.effect()))
            .append(", \"significant\": ")
            .append(e.significant())
            .append('}');
        first = false;
      }
    }
  }

  /**
   * Returns {@code calibration.json}: the fitted parameters with standard errors and 95% intervals,
   * and each target beside its simulated value.
   *
   * @param scenario the scenario's name
   * @param result the calibration's result
   * @return the JSON text
   */
  public static String calibration(String scenario, CalibrationResult result) {
    StringBuilder j = new StringBuilder("{\n");
    j.append("  \"scenario\": ").append(str(scenario)).append(",\n");
    j.append("  \"objective\": ").append(num(result.objective())).append(",\n");
    j.append("  \"evaluations\": ").append(result.evaluations()).append(",\n");
    j.append("  \"converged\": ").append(result.converged()).append(",\n");
    j.append("  \"parameters\": [");
    for (int i = 0; i < result.parameters().size(); i++) {
      CalibrationResult.Fitted f = result.parameters().get(i);
      j.append(i == 0 ? "\n" : ",\n")
          .append("    {\"name\": ")
          .append(str(f.parameter().name()))
          .append(", \"lower_bound\": ")
          .append(num(f.parameter().lower()))
          .append(", \"upper_bound\": ")
          .append(num(f.parameter().upper()))
          .append(", \"value\": ")
          .append(num(f.value()))
          .append(", \"standard_error\": ")
          .append(num(f.standardError()))
          .append(", \"lower\": ")
          .append(num(f.lower()))
          .append(", \"upper\": ")
          .append(num(f.upper()))
          .append('}');
    }
    j.append("\n  ],\n  \"targets\": [");
    for (int i = 0; i < result.fit().size(); i++) {
      CalibrationResult.TargetFit t = result.fit().get(i);
      j.append(i == 0 ? "\n" : ",\n")
          .append("    {\"metric\": ")
          .append(str(t.target().metric().id()))
          .append(", \"target\": ")
          .append(num(t.target().value()))
          .append(", \"target_half_width\": ")
          .append(num(t.target().halfWidth()))
          .append(", \"simulated\": ")
          .append(estimate(t.simulated()))
          .append('}');
    }
    return j.append("\n  ]\n}\n").toString();
  }

  private static String estimate(Estimate e) {
    return "{\"mean\": "
        + num(e.mean())
        + ", \"half_width\": "
        + num(e.halfWidth())
        + ", \"lower\": "
        + num(e.lower())
        + ", \"upper\": "
        + num(e.upper())
        + ", \"n\": "
        + e.n()
        + "}";
  }

  /** A JSON number with six decimals as in the CSV files, or {@code null} when not finite. */
  static String num(double v) {
    return Double.isFinite(v) ? SweepCsv.number(v) : "null";
  }

  /** A JSON string. */
  static String str(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
