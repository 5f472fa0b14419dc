package org.gridgov.simulation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gridgov.simulation.Metric;
import org.gridgov.simulation.ReplicationResult;
import org.junit.jupiter.api.Test;

class DesignConclusionTest {

  private static ReplicationResult run(String label, int r, double onTime, double hours) {
    Map<Metric, Double> v = new EnumMap<>(Metric.class);
    for (Metric m : Metric.values()) {
      v.put(m, Double.NaN);
    }
    v.put(Metric.ON_TIME_CLOSING_RATE, onTime);
    v.put(Metric.MEAN_HOURS_TO_CLOSE, hours);
    return ReplicationResult.of(label, r, v, 1, 1);
  }

  /**
   * On-time rate rises by exactly 1 point in every replication (paired differences 0.010, 0.011,
   * 0.009: interval excludes 0) although the points' own spreads overlap; hours differ by +1, -1,
   * +0.5 (interval includes 0).
   */
  @Test
  void statesSignificantAndNotSignificantDifferencesInBothLanguages() {
    List<ReplicationResult> a =
        List.of(run("150", 0, 0.90, 10), run("150", 1, 0.95, 12), run("150", 2, 0.93, 11));
    List<ReplicationResult> b =
        List.of(run("500", 0, 0.91, 11), run("500", 1, 0.961, 11), run("500", 2, 0.939, 11.5));

    DesignConclusion c = DesignConclusion.of(List.of("150", "500"), List.of(a, b));

    assertThat(c.english())
        .containsExactly(
            "On-time closing rate, 500 against 150: +1.00 percentage points (95% CI +0.75 percentage"
                + " points to +1.25 percentage points): significant, the interval excludes 0.",
            "Mean time to close, 500 against 150: +0.17 hours (95% CI -2.42 hours to +2.75 hours): not"
                + " significant, the interval includes 0.");
    assertThat(c.chinese().get(0))
        .startsWith("按期结案率：500 相对 150 变化 +1.00 个百分点")
        .endsWith("差异显著（区间不含 0）。");
    assertThat(c.chinese().get(1)).startsWith("平均结案时长").endsWith("差异不显著（区间包含 0）。");
    assertThat(c.html()).contains("<h2>Conclusion / 结论</h2>").contains("差异显著");
  }

  @Test
  void onePointHasNothingToConclude() {
    DesignConclusion c =
        DesignConclusion.of(List.of("150"), List.of(List.of(run("150", 0, 0.9, 10))));
    assertThat(c.english()).isEmpty();
    assertThat(c.html()).isEmpty();
  }
}
