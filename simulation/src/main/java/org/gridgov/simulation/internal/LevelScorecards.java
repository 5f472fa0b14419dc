package org.gridgov.simulation.internal;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gridgov.metrics.Scorecard;
import org.gridgov.metrics.ScorecardTable;
import org.gridgov.metrics.ScorecardWeights;
import org.gridgov.simulation.LevelScorecard;

/**
 * Sums a replication's scorecard table level by level ({@link LevelScorecard}), and holds the
 * parsed weights the simulation scores with.
 */
public final class LevelScorecards {
  private LevelScorecards() {}

  /** {@link LevelScorecard#WEIGHTS_TEXT}, parsed. */
  public static final ScorecardWeights WEIGHTS =
      ScorecardWeights.parse(LevelScorecard.WEIGHTS_TEXT, "LevelScorecard.WEIGHTS_TEXT");

  /** Percentiles of the composite reported per level. */
  private static final int[] PERCENTILES = {10, 50, 90};

  /**
   * Sums a table per level, in level order; levels without a handler in the table are left out.
   *
   * @param table the replication's scorecards
   * @param levelOf the level of each handler id in the table
   * @return one summary per level present
   */
  public static ImmutableList<LevelScorecard> of(
      ScorecardTable table, Function<String, LevelScorecard.Level> levelOf) {
    Map<LevelScorecard.Level, List<Scorecard>> byLevel = new EnumMap<>(LevelScorecard.Level.class);
    for (ScorecardTable.Row r : table.rows()) {
      byLevel
          .computeIfAbsent(levelOf.apply(r.card().handlerId()), l -> new ArrayList<>())
          .add(r.card());
    }
    ImmutableList.Builder<LevelScorecard> out = ImmutableList.builder();
    for (var e : byLevel.entrySet()) {
      out.add(sum(e.getKey(), e.getValue()));
    }
    return out.build();
  }

  private static LevelScorecard sum(LevelScorecard.Level level, List<Scorecard> cards) {
    long[] n = new long[12];
    double[] composites = new double[cards.size()];
    int ranked = 0;
    for (Scorecard c : cards) {
      n[0] += c.received();
      n[1] += c.acceptedInTime().numerator();
      n[2] += c.onTimeHandling().denominator();
      n[3] += c.onTimeHandling().numerator();
      n[4] += c.onTimeClosing().denominator();
      n[5] += c.onTimeClosing().numerator();
      n[6] += c.rework().denominator();
      n[7] += c.rework().numerator();
      n[8] += c.shirks();
      n[9] += c.supervised();
      n[10] += c.satisfaction().denominator();
      n[11] += c.satisfaction().numerator();
      if (c.composite().isPresent()) {
        composites[ranked++] = c.composite().getAsDouble();
      }
    }
    double[] sorted = Arrays.copyOf(composites, ranked);
    Arrays.sort(sorted);
    double mean = Double.NaN;
    if (ranked > 0) {
      double s = 0;
      for (double x : sorted) {
        s += x;
      }
      mean = s / ranked;
    }
    return new LevelScorecard(
        level,
        cards.size(),
        n[0],
        n[1],
        n[2],
        n[3],
        n[4],
        n[5],
        n[6],
        n[7],
        n[8],
        n[9],
        n[10],
        n[11],
        ranked,
        mean,
        percentile(sorted, PERCENTILES[0]),
        percentile(sorted, PERCENTILES[1]),
        percentile(sorted, PERCENTILES[2]));
  }

  /**
   * The p-th percentile by nearest rank: the {@code ceil(p·n/100)}-th smallest; NaN when empty.
   *
   * @param sorted the values, ascending
   * @param p the percentile, 1 to 100
   * @return the value
   */
  static double percentile(double[] sorted, int p) {
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    int rank = (n * p + 99) / 100;
    return sorted[Math.max(1, rank) - 1];
  }
}
