package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFile;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.metrics.Scorecard;
import org.gridgov.metrics.ScorecardTable;
import org.gridgov.metrics.ScorecardWeights;
import org.gridgov.metrics.Scorecards;
import org.gridgov.region.RegionLevel;
import org.gridgov.simulation.internal.CityModel;
import org.gridgov.simulation.internal.PreparedScenario;
import org.gridgov.simulation.internal.Replication;
import org.junit.jupiter.api.Test;

/**
 * The scorecards per handler level a replication reports (issue #20): equal to a table recomputed
 * from the measured cases' events and summed per level by handler ids read against the region tree;
 * the same whether the cases are filed on the helper thread or handed to an observer, in parallel
 * or in sequence.
 */
class LevelScorecardTest {
  private static final long SEED = 11;

  /** Rework, not-satisfied visits that reopen, repeat reports: every scorecard figure moves. */
  static Scenario scenario() {
    return TestScenarios.small()
        .mechanisms(new Mechanisms(0.15).withVisits(0.3, 24).withRepeats(0.3, 12))
        .build();
  }

  @Test
  void perLevelScorecards_equalAnOracleOverTheMeasuredCasesEvents_onEitherFilingPath() {
    Scenario s = scenario();
    PreparedScenario p = PreparedScenario.of(s, CityModel.of(s.city(), s.householdsPerGrid()));
    List<CaseFile> files = new ArrayList<>();
    ReplicationResult observed = Replication.run(p, SEED, 0, "", Progress.NONE, files::add);
    ReplicationResult filed = Replication.run(p, SEED, 0, "", Progress.NONE, null);
    assertThat(filed.scorecards()).isEqualTo(observed.scorecards());
    assertThat(filed).isEqualTo(observed);

    Instant from =
        s.start()
            .atZone(ScenarioRegions.calendar(s.calendar()).zone())
            .toInstant()
            .plus(s.warmUp());
    Instant end = from.plus(s.horizon());
    List<CaseEvent> measured = new ArrayList<>();
    long leadAssignments = 0;
    for (CaseFile f : files) {
      Instant reported = f.events().get(0).at();
      if (!reported.isBefore(from) && reported.isBefore(end)) {
        measured.addAll(f.events());
        for (CaseEvent e : f.events()) {
          if (e.payload() instanceof EventPayload.Escalated
              || (e.payload() instanceof EventPayload.Dispatched d
                  && d.role() == HandlerRole.LEAD)) {
            leadAssignments++;
          }
        }
      }
    }
    ScorecardTable table =
        Scorecards.compute(
            measured,
            from,
            from.plus(Duration.ofDays(400)),
            ScorecardWeights.parse(LevelScorecard.WEIGHTS_TEXT, "test"));
    ImmutableList<LevelScorecard> expected = oracle(table);

    assertThat(observed.scorecards()).containsExactlyElementsOf(expected);
    // an oracle that does not go through the scorecards at all: every lead assignment received
    assertThat(observed.scorecards().stream().mapToLong(LevelScorecard::received).sum())
        .isEqualTo(leadAssignments);
    // the run exercises the figures: several levels, rework, answers, many ranked grids
    LevelScorecard grid = observed.scorecard(LevelScorecard.Level.GRID).orElseThrow();
    assertThat(observed.scorecards()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(grid.received()).isGreaterThan(200);
    assertThat(grid.ranked()).isGreaterThan(20);
    assertThat(grid.compositeP10()).isLessThanOrEqualTo(grid.compositeMedian());
    assertThat(grid.compositeMedian()).isLessThanOrEqualTo(grid.compositeP90());
    assertThat(observed.scorecards().stream().mapToLong(LevelScorecard::rework).sum())
        .isGreaterThan(0);
    assertThat(observed.scorecards().stream().mapToLong(LevelScorecard::answers).sum())
        .isGreaterThan(0);
  }

  @Test
  void sweepScorecards_areTheSameInParallelAsInSequence() {
    ImmutableList<String> values = ImmutableList.of("1", "2");
    Sweep sequential = new Sweep(scenario(), SweepParameter.WORKERS_PER_GRID, values, 2, SEED, 1);
    Sweep parallel = new Sweep(scenario(), SweepParameter.WORKERS_PER_GRID, values, 2, SEED, 2);
    SweepResult a = Experiments.run(sequential, Progress.NONE);
    SweepResult b = Experiments.run(parallel, Progress.NONE);
    assertThat(b.runs()).isEqualTo(a.runs());
    assertThat(a.runs()).allSatisfy(r -> assertThat(r.scorecards()).isNotEmpty());
    // two grid workers instead of one change the grids' figures (the runs are not all alike)
    assertThat(a.runs().get(2).scorecards()).isNotEqualTo(a.runs().get(0).scorecards());
  }

  @Test
  void badSummaries_areRefusedNamingTheLevel() {
    assertThatThrownBy(
            () ->
                new LevelScorecard(
                    LevelScorecard.Level.STREET,
                    1,
                    5,
                    6,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN))
        .hasMessageContaining("STREET: accepted in time 6 is not in [0, 5]");
    assertThatThrownBy(
            () ->
                new LevelScorecard(
                    LevelScorecard.Level.GRID,
                    2,
                    5,
                    5,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    1,
                    Double.NaN,
                    1,
                    1,
                    1))
        .hasMessageContaining("GRID: composites must be NaN exactly when no handler is ranked");
    LevelScorecard ok =
        new LevelScorecard(
            LevelScorecard.Level.GRID,
            2,
            5,
            5,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN);
    assertThatThrownBy(() -> ReplicationResult.of("", 0, filedValues(), 0, 0, List.of(ok, ok)))
        .hasMessageContaining("scorecards must be in level order, each level once");
  }

  private static Map<Metric, Double> filedValues() {
    Map<Metric, Double> v = new EnumMap<>(Metric.class);
    for (Metric m : Metric.values()) {
      v.put(m, 0.0);
    }
    return v;
  }

  /** The level of a handler read from its id and the region tree: not the simulator's columns. */
  private static LevelScorecard.Level level(String handlerId) {
    if (handlerId.equals("office:city")) {
      return LevelScorecard.Level.CITY;
    }
    if (!handlerId.startsWith("office:")) {
      return LevelScorecard.Level.DEPARTMENT;
    }
    RegionLevel l =
        TestScenarios.SMALL_CITY
            .get(Long.parseLong(handlerId.substring("office:".length())))
            .level();
    return switch (l) {
      case GRID -> LevelScorecard.Level.GRID;
      case COMMUNITY -> LevelScorecard.Level.COMMUNITY;
      case STREET -> LevelScorecard.Level.STREET;
      case DISTRICT -> LevelScorecard.Level.DISTRICT;
      case UNIT -> throw new AssertionError("a unit holds no case: " + handlerId);
    };
  }

  /** Sums the table per level, the percentiles from their definition. */
  private static ImmutableList<LevelScorecard> oracle(ScorecardTable table) {
    ImmutableList.Builder<LevelScorecard> out = ImmutableList.builder();
    for (LevelScorecard.Level level : LevelScorecard.Level.values()) {
      List<Scorecard> cards =
          table.rows().stream()
              .map(ScorecardTable.Row::card)
              .filter(c -> level(c.handlerId()) == level)
              .toList();
      if (cards.isEmpty()) {
        continue;
      }
      double[] composites =
          cards.stream()
              .filter(c -> c.composite().isPresent())
              .mapToDouble(c -> c.composite().getAsDouble())
              .toArray();
      out.add(
          new LevelScorecard(
              level,
              cards.size(),
              cards.stream().mapToLong(Scorecard::received).sum(),
              cards.stream().mapToLong(c -> c.acceptedInTime().numerator()).sum(),
              cards.stream().mapToLong(c -> c.onTimeHandling().denominator()).sum(),
              cards.stream().mapToLong(c -> c.onTimeHandling().numerator()).sum(),
              cards.stream().mapToLong(c -> c.onTimeClosing().denominator()).sum(),
              cards.stream().mapToLong(c -> c.onTimeClosing().numerator()).sum(),
              cards.stream().mapToLong(c -> c.rework().denominator()).sum(),
              cards.stream().mapToLong(c -> c.rework().numerator()).sum(),
              cards.stream().mapToLong(Scorecard::shirks).sum(),
              cards.stream().mapToLong(Scorecard::supervised).sum(),
              cards.stream().mapToLong(c -> c.satisfaction().denominator()).sum(),
              cards.stream().mapToLong(c -> c.satisfaction().numerator()).sum(),
              composites.length,
              mean(composites),
              percentile(composites, 10),
              percentile(composites, 50),
              percentile(composites, 90)));
    }
    return out.build();
  }

  /** The mean, summed smallest first (so that the last bit agrees); NaN for none. */
  private static double mean(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (double x : sorted) {
      sum += x;
    }
    return sum / sorted.length;
  }

  /** The smallest value with at least p percent of the values at or below it; NaN for none. */
  static double percentile(double[] values, int p) {
    double best = Double.NaN;
    for (double x : values) {
      long atOrBelow = Arrays.stream(values).filter(y -> y <= x).count();
      if (atOrBelow * 100 >= (long) p * values.length && (Double.isNaN(best) || x < best)) {
        best = x;
      }
    }
    return best;
  }
}
