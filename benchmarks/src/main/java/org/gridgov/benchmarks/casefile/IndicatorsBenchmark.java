package org.gridgov.benchmarks.casefile;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFile;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.EventType;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.metrics.CaseIndicators;
import org.gridgov.metrics.IndicatorQuery;
import org.gridgov.metrics.IndicatorReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Indicators over a million synthetic case files (a year of cases, ~9.3 events each), for one
 * quarter: {@link CaseIndicators} (one pass) against a naive baseline that scans all files once per
 * count.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class IndicatorsBenchmark {
  /** The number of case files. */
  @Param("1000000")
  public int cases;

  private ImmutableList<CaseFile> files = ImmutableList.of();
  private IndicatorQuery quarter = query(false);
  private IndicatorQuery quarterInRegion = query(true);

  private static IndicatorQuery query(boolean region) {
    IndicatorQuery.Builder b =
        IndicatorQuery.builder()
            .fromInclusive(Instant.parse("2024-04-01T00:00:00Z"))
            .toExclusive(Instant.parse("2024-07-01T00:00:00Z"))
            .workingTime((a, z) -> Duration.between(a, z).dividedBy(3));
    if (region) {
      b.regionFilter(code -> code < 1050);
    }
    return b.build();
  }

  /** Builds the case files (replaying each). */
  @Setup
  public void setUp() {
    files = SyntheticCases.files(cases, 7);
  }

  /**
   * All indicators in one pass.
   *
   * @return the report
   */
  @Benchmark
  public IndicatorReport onePass() {
    return CaseIndicators.compute(files, quarter);
  }

  /**
   * All indicators in one pass, for half of the regions.
   *
   * @return the report
   */
  @Benchmark
  public IndicatorReport onePassRegionFilter() {
    return CaseIndicators.compute(files, quarterInRegion);
  }

  /**
   * Baseline: the twelve counts only, each by its own stream over all files and their events.
   *
   * @return the sum of the counts
   */
  @Benchmark
  public long naiveCountsOnly() {
    Instant from = quarter.fromInclusive();
    Instant to = quarter.toExclusive();
    long sum = 0;
    for (EventType t :
        new EventType[] {
          EventType.REPORTED,
          EventType.REGISTERED,
          EventType.DISPATCHED,
          EventType.RESOLVED,
          EventType.CLOSED,
          EventType.CHECK_FAILED,
          EventType.RETURNED,
          EventType.SUSPENDED,
          EventType.EXTENDED
        }) {
      sum +=
          files.stream()
              .filter(
                  f ->
                      f.events().stream()
                          .anyMatch(
                              e ->
                                  e.type() == t
                                      && !e.at().isBefore(from)
                                      && e.at().isBefore(to)
                                      && (t != EventType.DISPATCHED
                                          || ((EventPayload.Dispatched) e.payload()).role()
                                              == HandlerRole.LEAD)))
              .count();
    }
    // due, closed on time, overdue: deadline of the last due-setting event before the period end
    long due = 0;
    long onTime = 0;
    for (CaseFile f : files) {
      Instant dueAt = null;
      Instant closedAt = null;
      for (CaseEvent e : f.events()) {
        if (!e.at().isBefore(to)) {
          break;
        }
        if (e.payload() instanceof EventPayload.Registered x) {
          dueAt = x.dueAt();
        } else if (e.payload() instanceof EventPayload.Resumed x) {
          dueAt = x.dueAt();
        } else if (e.payload() instanceof EventPayload.Closed) {
          closedAt = e.at();
        }
      }
      if (dueAt != null && !dueAt.isBefore(from) && dueAt.isBefore(to)) {
        due++;
        if (closedAt != null && !closedAt.isAfter(dueAt)) {
          onTime++;
        }
      }
    }
    return sum + due + onTime + (due - onTime);
  }
}
