package org.gridgov.simulation.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import org.gridgov.simulation.Estimate;
import org.gridgov.simulation.Metric;
import org.gridgov.simulation.Sweep;
import org.gridgov.simulation.SweepParameter;
import org.gridgov.simulation.SweepPoint;
import org.gridgov.simulation.SweepResult;
import org.junit.jupiter.api.Test;

class BacklogNoteTest {
  private static final Duration TEN_DAYS = Duration.ofDays(10);

  /** A 10-day horizon with 10,000 cases reported: the threshold is 1 % of 1,000 a day, 10 a day. */
  private static SweepResult result(SweepPoint... points) {
    ImmutableList.Builder<String> values = ImmutableList.builder();
    for (SweepPoint p : points) {
      values.add(p.parameterValue());
    }
    Sweep sweep =
        new Sweep(
            SweepFixtures.scenario()
                .withPeriods(Duration.ofDays(1), Duration.ofDays(10), Duration.ofDays(1)),
            SweepParameter.HOUSEHOLDS_PER_GRID,
            values.build(),
            5,
            42,
            1);
    return new SweepResult(sweep, ImmutableList.of(), ImmutableList.copyOf(points));
  }

  private static SweepPoint point(String value, Estimate growth) {
    return new SweepPoint(
        value,
        ImmutableMap.of(
            Metric.CASES_REPORTED, new Estimate(10_000, 50, 5), Metric.BACKLOG_GROWTH, growth));
  }

  @Test
  void namesTheValuesWhoseGrowthLiesAboveTheThresholdWithItsInterval() {
    SweepResult r =
        result(
            point("150", new Estimate(40, 12, 5)), // lower end 28 > 10
            point("300", new Estimate(15, 8, 5)), // lower end 7: could be 10 or less
            point("500", new Estimate(-3, 4, 5)), // shrinking
            point("800", new Estimate(10.5, 0.4, 5))); // lower end 10.1 > 10

    assertThat(BacklogNote.grown(r.points(), TEN_DAYS))
        .containsExactly("150: 40 ± 12 cases a day", "800: 10.50 ± 0.40 cases a day");
    assertThat(BacklogNote.html(r.points(), TEN_DAYS))
        .startsWith("<p class=\"note\"><b>Backlog grew</b>")
        .contains("150: 40 ± 12 cases a day; 800: 10.50 ± 0.40 cases a day")
        .doesNotContain("300:")
        .doesNotContain("500:");
  }

  @Test
  void aSingleReplicationIsJudgedByItsValue() {
    SweepResult r =
        result(
            point("150", new Estimate(11, Double.NaN, 1)),
            point("800", new Estimate(9, Double.NaN, 1)));

    assertThat(BacklogNote.grown(r.points(), TEN_DAYS)).hasSize(1);
    assertThat(BacklogNote.grown(r.points(), TEN_DAYS).get(0)).startsWith("150: 11");
  }

  @Test
  void saysNothingWhenEveryValueKeptUpOrTheMetricIsMissing() {
    SweepResult kept = result(point("150", new Estimate(2, 3, 5)));
    SweepResult missing =
        result(
            new SweepPoint("150", ImmutableMap.of(Metric.CASES_REPORTED, new Estimate(1, 0, 5))));

    assertThat(BacklogNote.html(kept.points(), TEN_DAYS)).isEmpty();
    assertThat(BacklogNote.html(missing.points(), TEN_DAYS)).isEmpty();
  }

  @Test
  void theSweepReportCarriesTheNoteOnlyWhenABacklogGrew() {
    SweepResult fixture = SweepFixtures.numeric();

    assertThat(SweepReport.html(withGrowth(fixture, 40), "", "")).contains("<b>Backlog grew</b>");
    assertThat(SweepReport.html(withGrowth(fixture, 0), "", "")).doesNotContain("Backlog grew");
  }

  /** The fixture with every value's growth set to {@code perDay} ± 1 over 10,000 cases. */
  private static SweepResult withGrowth(SweepResult r, double perDay) {
    ImmutableList.Builder<SweepPoint> points = ImmutableList.builder();
    for (SweepPoint p : r.points()) {
      ImmutableMap.Builder<Metric, Estimate> e = ImmutableMap.builder();
      p.estimates()
          .forEach(
              (m, v) ->
                  e.put(
                      m,
                      m == Metric.BACKLOG_GROWTH
                          ? new Estimate(perDay, 1, 2)
                          : m == Metric.CASES_REPORTED ? new Estimate(10_000, 1, 2) : v));
      points.add(new SweepPoint(p.parameterValue(), e.buildOrThrow()));
    }
    return new SweepResult(r.sweep(), r.runs(), points.build());
  }
}
