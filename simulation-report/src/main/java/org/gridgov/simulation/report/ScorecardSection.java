package org.gridgov.simulation.report;

import static org.gridgov.simulation.report.SweepReport.esc;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableDoubleArray;
import com.google.common.primitives.ImmutableLongArray;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gridgov.simulation.DesignResult;
import org.gridgov.simulation.LevelScorecard;
import org.gridgov.simulation.ReplicationResult;
import org.gridgov.simulation.SweepResult;

/**
 * The scorecard table (考核) of a sweep or a design, per swept value (or design point) and handler
 * level: {@code scorecards.csv}, {@code scorecards.json} and a section of {@code report.html}.
 *
 * <p>Each row pools the replications of one value: the counts of every replication's {@link
 * LevelScorecard} are summed, so each rate is the pooled ratio (all the level's on-time closings
 * over all its closings, say); the composite's mean and its 10th, 50th and 90th percentiles over
 * the level's handlers are averaged over the replications where the level had a ranked handler.
 * Levels rather than named handlers, because a different granularity has different grids: the
 * handlers of one value do not exist at another, but every value has a grid level, a community
 * level and so on, so the rows compare across values. Every number depends only on the runs, so the
 * same sweep and seed give the same bytes.
 */
final class ScorecardSection {
  private ScorecardSection() {}

  /** The file names written. */
  static final String CSV_FILE = "scorecards.csv";

  static final String JSON_FILE = "scorecards.json";

  /**
   * The replications of one value (or design point).
   *
   * @param label the value or the point's label
   * @param runs its replications
   */
  record Group(String label, List<ReplicationResult> runs) {}

  /**
   * One row: a level of one value, pooled over its replications.
   *
   * @param label the value
   * @param level the level
   * @param replications replications of the value
   * @param handlers handlers with a scorecard, summed over the replications
   * @param counts the summed counts: received, accepted in time, handling due, handled on time,
   *     closed, closed on time, rework base, rework, shirks, supervised, answers, satisfied
   * @param composites mean composite, p10, median, p90, each averaged over the replications with a
   *     ranked handler of the level (NaN when none)
   */
  record Row(
      String label,
      LevelScorecard.Level level,
      int replications,
      long handlers,
      ImmutableLongArray counts,
      ImmutableDoubleArray composites) {}

  /** The groups of a sweep: one per value, in the sweep's order. */
  static ImmutableList<Group> groups(SweepResult result) {
    int r = result.sweep().replications();
    ImmutableList.Builder<Group> out = ImmutableList.builder();
    for (int i = 0; i < result.sweep().values().size(); i++) {
      out.add(new Group(result.sweep().values().get(i), result.runs().subList(i * r, (i + 1) * r)));
    }
    return out.build();
  }

  /** The groups of a design: one per point, in the plan's order. */
  static ImmutableList<Group> groups(DesignResult result) {
    ImmutableList.Builder<Group> out = ImmutableList.builder();
    for (int i = 0; i < result.points().size(); i++) {
      out.add(new Group(result.points().get(i).parameterValue(), result.runsOf(i)));
    }
    return out.build();
  }

  /** The rows: per group in order, per level in level order, levels no replication has left out. */
  static ImmutableList<Row> rows(List<Group> groups) {
    ImmutableList.Builder<Row> out = ImmutableList.builder();
    for (Group g : groups) {
      for (LevelScorecard.Level level : LevelScorecard.Level.values()) {
        pool(g, level).ifPresent(out::add);
      }
    }
    return out.build();
  }

  private static Optional<Row> pool(Group g, LevelScorecard.Level level) {
    long handlers = 0;
    long[] n = new long[12];
    double[] sums = new double[4];
    int ranked = 0;
    boolean any = false;
    for (ReplicationResult r : g.runs()) {
      Optional<LevelScorecard> s = r.scorecard(level);
      if (s.isEmpty()) {
        continue;
      }
      any = true;
      LevelScorecard c = s.get();
      handlers += c.handlers();
      long[] k = counts(c);
      for (int i = 0; i < n.length; i++) {
        n[i] += k[i];
      }
      if (c.ranked() > 0) {
        ranked++;
        sums[0] += c.compositeMean();
        sums[1] += c.compositeP10();
        sums[2] += c.compositeMedian();
        sums[3] += c.compositeP90();
      }
    }
    if (!any) {
      return Optional.empty();
    }
    double[] composites = new double[4];
    for (int i = 0; i < 4; i++) {
      composites[i] = ranked == 0 ? Double.NaN : sums[i] / ranked;
    }
    return Optional.of(
        new Row(
            g.label(),
            level,
            g.runs().size(),
            handlers,
            ImmutableLongArray.copyOf(n),
            ImmutableDoubleArray.copyOf(composites)));
  }

  private static long[] counts(LevelScorecard c) {
    return new long[] {
      c.received(),
      c.acceptedInTime(),
      c.handlingDue(),
      c.handledOnTime(),
      c.closed(),
      c.closedOnTime(),
      c.reworkBase(),
      c.rework(),
      c.shirks(),
      c.supervised(),
      c.answers(),
      c.satisfied()
    };
  }

  /**
   * Returns {@code scorecards.csv}: per row the key, the level, the replications, the handlers per
   * replication, {@code received}, the rates as {@code numerator/denominator} (accepted in time,
   * on-time handling, on-time closing, rework, satisfaction), the shirks and supervisions, and the
   * composite's mean and percentiles.
   */
  static String csv(String keyHeader, List<Group> groups) {
    StringBuilder b =
        new StringBuilder(keyHeader)
            .append(
                ",level,replications,handlers_per_replication,received,accepted_in_time,"
                    + "on_time_handling,on_time_closing,rework,shirks,supervised,satisfaction,"
                    + "composite_mean,composite_p10,composite_median,composite_p90\n");
    for (Row r : rows(groups)) {
      long[] n = r.counts().toArray();
      b.append(field(r.label()))
          .append(',')
          .append(r.level().id())
          .append(',')
          .append(r.replications())
          .append(',')
          .append(SweepCsv.number((double) r.handlers() / r.replications()))
          .append(',')
          .append(n[0])
          .append(',')
          .append(n[1])
          .append('/')
          .append(n[0]);
      for (int i = 2; i < 8; i += 2) {
        b.append(',').append(n[i + 1]).append('/').append(n[i]);
      }
      b.append(',').append(n[8]).append(',').append(n[9]);
      b.append(',').append(n[11]).append('/').append(n[10]);
      for (double x : r.composites().toArray()) {
        b.append(',').append(SweepCsv.number(x));
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** Returns {@code scorecards.json}: the same rows, rates as {@code [numerator, denominator]}. */
  static String json(String keyHeader, List<Group> groups) {
    StringBuilder j = new StringBuilder("{\n  \"weights\": ");
    j.append(StudyJson.str(LevelScorecard.WEIGHTS_TEXT)).append(",\n  \"rows\": [");
    String sep = "\n";
    for (Row r : rows(groups)) {
      long[] n = r.counts().toArray();
      double[] c = r.composites().toArray();
      j.append(sep)
          .append("    {")
          .append(StudyJson.str(keyHeader))
          .append(": ")
          .append(StudyJson.str(r.label()))
          .append(", \"level\": ")
          .append(StudyJson.str(r.level().id()))
          .append(", \"replications\": ")
          .append(r.replications())
          .append(", \"handlers_per_replication\": ")
          .append(StudyJson.num((double) r.handlers() / r.replications()))
          .append(", \"received\": ")
          .append(n[0])
          .append(pair("accepted_in_time", n[1], n[0]))
          .append(pair("on_time_handling", n[3], n[2]))
          .append(pair("on_time_closing", n[5], n[4]))
          .append(pair("rework", n[7], n[6]))
          .append(", \"shirks\": ")
          .append(n[8])
          .append(", \"supervised\": ")
          .append(n[9])
          .append(pair("satisfaction", n[11], n[10]))
          .append(", \"composite\": {\"mean\": ")
          .append(StudyJson.num(c[0]))
          .append(", \"p10\": ")
          .append(StudyJson.num(c[1]))
          .append(", \"median\": ")
          .append(StudyJson.num(c[2]))
          .append(", \"p90\": ")
          .append(StudyJson.num(c[3]))
          .append("}}");
      sep = ",\n";
    }
    return j.append("\n  ]\n}\n").toString();
  }

  private static String pair(String key, long numerator, long denominator) {
    return ", \"" + key + "\": [" + numerator + ", " + denominator + "]";
  }

  /** Returns the section of {@code report.html}. */
  static String html(String keyHeader, List<Group> groups) {
    ImmutableList<Row> rows = rows(groups);
    StringBuilder h = new StringBuilder("<h2>Scorecards (考核) per level</h2>\n");
    if (rows.isEmpty()) {
      return h.append("<p class=\"note\">No scorecards: no run recorded any.</p>\n").toString();
    }
    h.append(
        "<p>The handlers' scorecards of the measured cases (formulas in docs/supervision.md,"
            + " weights in <code>scorecards.json</code>), summed per level and pooled over the"
            + " replications: each rate is the level's total over its total, so levels and values"
            + " compare on the same footing; <i>composite</i> is the mean composite score (0–100)"
            + " of the level's handlers and its 10th / 50th / 90th percentiles, averaged over the"
            + " replications: how unequal the level's handlers are. Levels, not named handlers,"
            + " because another granularity has other grids. Counts per received assignment are"
            + " per 100. Numerators and denominators are in <code>scorecards.csv</code>.</p>\n");
    h.append("<table>\n<tr><th>")
        .append(esc(keyHeader))
        .append("</th><th>level</th><th>handlers</th><th>received<br><small>per replication")
        .append("</small></th><th>accepted in time</th><th>按期处置率</th><th>按期结案率</th>")
        .append("<th>返工率</th><th>推诿<br><small>per 100</small></th><th>督办<br><small>")
        .append("per 100</small></th><th>满意率</th><th>composite<br><small>mean</small></th>")
        .append("<th>composite<br><small>p10 / median / p90</small></th></tr>\n");
    for (Row r : rows) {
      long[] n = r.counts().toArray();
      double[] c = r.composites().toArray();
      double reps = r.replications();
      h.append("<tr><td>")
          .append(esc(r.label()))
          .append("</td><td>")
          .append(r.level().id())
          .append("</td><td>")
          .append(SweepReport.significant(r.handlers() / reps))
          .append("</td><td>")
          .append(SweepReport.significant(n[0] / reps))
          .append("</td>");
      cell(h, percent(n[1], n[0]));
      cell(h, percent(n[3], n[2]));
      cell(h, percent(n[5], n[4]));
      cell(h, percent(n[7], n[6]));
      cell(h, perHundred(n[8], n[0]));
      cell(h, perHundred(n[9], n[0]));
      cell(h, percent(n[11], n[10]));
      cell(h, oneDecimal(c[0]));
      cell(h, oneDecimal(c[1]) + " / " + oneDecimal(c[2]) + " / " + oneDecimal(c[3]));
      h.append("</tr>\n");
    }
    return h.append("</table>\n").toString();
  }

  private static void cell(StringBuilder h, String text) {
    h.append("<td>").append(esc(text)).append("</td>");
  }

  static String percent(long numerator, long denominator) {
    return denominator == 0
        ? "—"
        : String.format(Locale.ROOT, "%.1f%%", 100.0 * numerator / denominator);
  }

  private static String perHundred(long count, long received) {
    return received == 0 ? "—" : String.format(Locale.ROOT, "%.1f", 100.0 * count / received);
  }

  private static String oneDecimal(double v) {
    return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.1f", v);
  }

  /** A CSV field, quoted when it holds a comma, a quote or a line break. */
  private static String field(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
