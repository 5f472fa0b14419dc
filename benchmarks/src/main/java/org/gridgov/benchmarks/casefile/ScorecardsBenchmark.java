package org.gridgov.benchmarks.casefile;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Iterables;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFile;
import org.gridgov.metrics.CaseIndicators;
import org.gridgov.metrics.IndicatorQuery;
import org.gridgov.metrics.IndicatorReport;
import org.gridgov.metrics.ScorecardTable;
import org.gridgov.metrics.ScorecardWeights;
import org.gridgov.metrics.Scorecards;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Scorecards (考核) of 200 handlers over a million synthetic case files (a year of cases, ~9.3 events
 * each, mostly closed; the workload of {@link IndicatorsBenchmark}), for the whole year and for one
 * quarter, from the event log alone; the same run's {@link CaseIndicators} pass over the same files
 * is the reference (target: the year's table in under 2 s).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScorecardsBenchmark {
  /** The number of case files. */
  @Param("1000000")
  public int cases;

  private static final ScorecardWeights WEIGHTS =
      ScorecardWeights.parse(
          """
          accept-within PT2H
          weight accepted-in-time 0.1
          weight on-time-handling 0.25
          weight on-time-closing 0.2
          weight rework 0.15
          weight shirking 0.1
          weight supervised 0.1
          weight satisfaction 0.1
          """,
          "benchmark weights");

  private Iterable<CaseEvent> log = ImmutableList.of();
  private ImmutableList<CaseFile> files = ImmutableList.of();
  private final IndicatorQuery quarter =
      IndicatorQuery.builder()
          .fromInclusive(Instant.parse("2024-04-01T00:00:00Z"))
          .toExclusive(Instant.parse("2024-07-01T00:00:00Z"))
          .workingTime((a, z) -> Duration.between(a, z).dividedBy(3))
          .build();

  /** Builds the case files; the log is their events, case by case (a replay's order). */
  @Setup
  public void setUp() {
    files = SyntheticCases.files(cases, 7);
    log = Iterables.concat(Iterables.transform(files, CaseFile::events));
  }

  /**
   * The scorecards of the whole year.
   *
   * @return the table
   */
  @Benchmark
  public ScorecardTable scorecardsYear() {
    return Scorecards.compute(
        log, Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"), WEIGHTS);
  }

  /**
   * The scorecards of the whole year fed one case file at a time ({@link Scorecards#addCase}, as
   * the simulation feeds its finished cases): no state kept per case.
   *
   * @return the table
   */
  @Benchmark
  public ScorecardTable scorecardsYearCaseByCase() {
    Scorecards s =
        Scorecards.accumulator(
            Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"), WEIGHTS);
    for (CaseFile f : files) {
      s.addCase(f.events());
    }
    return s.table();
  }

  /**
   * The scorecards of one quarter (every event before the quarter's end is still read).
   *
   * @return the table
   */
  @Benchmark
  public ScorecardTable scorecardsQuarter() {
    return Scorecards.compute(log, quarter.fromInclusive(), quarter.toExclusive(), WEIGHTS);
  }

  /**
   * Reference: the indicators of the quarter over the same files, one pass.
   *
   * @return the report
   */
  @Benchmark
  public IndicatorReport indicatorsQuarter() {
    return CaseIndicators.compute(files, quarter);
  }
}
