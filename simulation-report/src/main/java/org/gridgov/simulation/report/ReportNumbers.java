package org.gridgov.simulation.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import org.gridgov.simulation.Estimate;

/**
 * How the report writes numbers a reader compares: rates as percentages, each mean rounded to the
 * digit its 95% interval allows (the half-width to two significant digits, the mean to the same
 * decimal place) and durations in days, hours and minutes rather than ISO-8601 ({@code PT168H}).
 */
final class ReportNumbers {
  private ReportNumbers() {}

  /**
   * Formats an estimate in the metric's unit: a {@code fraction} as a percentage.
   *
   * @param e the estimate
   * @param unit the metric's unit ({@code fraction}, {@code hours}, {@code minutes}, {@code cases})
   * @return e.g. {@code 95.73 ± 0.10 %} or {@code 63.00 ± 0.25}
   */
  static String estimate(Estimate e, String unit) {
    boolean percent = unit.equals("fraction");
    double scale = percent ? 100 : 1;
    String text = rounded(e.mean() * scale, e.halfWidth() * scale);
    return percent && !Double.isNaN(e.mean()) ? text + " %" : text;
  }

  /**
   * Returns the unit a table header shows for a metric's unit.
   *
   * @param unit the metric's unit
   * @return {@code %} for a fraction, else the unit itself
   */
  static String unit(String unit) {
    return unit.equals("fraction") ? "%" : unit;
  }

  /**
   * Formats {@code mean ± halfWidth}, the half-width to two significant digits and the mean to the
   * same decimal place; without a finite half-width (one replication) the mean to four significant
   * digits.
   *
   * @param mean the mean
   * @param halfWidth the half-width of its interval
   * @return the text
   */
  static String rounded(double mean, double halfWidth) {
    if (!Double.isFinite(mean)) {
      return SweepReport.significant(mean);
    }
    if (!Double.isFinite(halfWidth) || halfWidth <= 0) {
      return SweepReport.significant(mean);
    }
    BigDecimal hw = new BigDecimal(halfWidth).round(new MathContext(2, RoundingMode.HALF_UP));
    int decimals = hw.scale();
    BigDecimal m = new BigDecimal(mean).setScale(decimals, RoundingMode.HALF_EVEN);
    String ms =
        m.signum() == 0
            ? BigDecimal.ZERO.setScale(Math.max(decimals, 0)).toPlainString()
            : m.toPlainString();
    return ms + " ± " + hw.toPlainString();
  }

  /**
   * Writes a duration for people: {@code 7 days}, {@code 2 days 4 h}, {@code 3 h 30 min}, {@code 45
   * min}.
   *
   * @param d a non-negative duration
   * @return the text
   */
  static String duration(Duration d) {
    long minutes = d.toMinutes();
    long days = minutes / (24 * 60);
    long hours = minutes / 60 % 24;
    long mins = minutes % 60;
    StringBuilder b = new StringBuilder();
    if (days > 0) {
      b.append(days).append(days == 1 ? " day" : " days");
    }
    if (hours > 0) {
      b.append(b.length() > 0 ? " " : "").append(hours).append(" h");
    }
    if (mins > 0 || b.length() == 0) {
      b.append(b.length() > 0 ? " " : "").append(mins).append(" min");
    }
    return b.toString();
  }
}
