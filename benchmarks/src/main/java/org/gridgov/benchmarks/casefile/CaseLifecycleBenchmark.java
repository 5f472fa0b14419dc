package org.gridgov.benchmarks.casefile;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFile;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseLifecycle;
import org.gridgov.casefile.CaseState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Event throughput of the lifecycle: {@link CaseLifecycle#replay} (one mutable draft per case)
 * against folding {@link CaseLifecycle#apply} event by event (one immutable state per event, the
 * baseline) and against building a {@link CaseFile} by {@code append}. Scores are events per second
 * over 10,000 synthetic cases of ~9.3 events.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CaseLifecycleBenchmark {
  /** Total events over the {@value #CASES} cases; fixed by the seed, checked in setup. */
  static final int EVENTS = 93_026;

  static final int CASES = 10_000;

  private final List<CaseId> ids = new ArrayList<>();
  private final List<List<CaseEvent>> logs = new ArrayList<>();
  private final List<CaseFile> empties = new ArrayList<>();

  /** Builds the logs. */
  @Setup
  public void setUp() {
    SplittableRandom r = new SplittableRandom(42);
    int total = 0;
    for (int i = 0; i < CASES; i++) {
      CaseFile f = SyntheticCases.caseFile(i, r);
      ids.add(f.id());
      logs.add(f.events());
      empties.add(CaseFile.open(f.facts()));
      total += f.events().size();
    }
    if (total != EVENTS) {
      throw new IllegalStateException("EVENTS must be " + total + " for this seed, not " + EVENTS);
    }
  }

  /**
   * Replays every log with {@link CaseLifecycle#replay}.
   *
   * @param bh the sink
   */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void replay(Blackhole bh) {
    for (int i = 0; i < CASES; i++) {
      bh.consume(CaseLifecycle.replay(ids.get(i), logs.get(i)));
    }
  }

  /**
   * Baseline: folds every log with {@link CaseLifecycle#apply}, one immutable state per event.
   *
   * @param bh the sink
   */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void applyEventByEvent(Blackhole bh) {
    for (int i = 0; i < CASES; i++) {
      CaseState s = CaseLifecycle.initial(ids.get(i));
      for (CaseEvent e : logs.get(i)) {
        s = CaseLifecycle.apply(s, e);
      }
      bh.consume(s);
    }
  }

  /**
   * Builds every case file by {@link CaseFile#append}, copying the log per event.
   *
   * @param bh the sink
   */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void caseFileAppend(Blackhole bh) {
    for (int i = 0; i < CASES; i++) {
      CaseFile f = empties.get(i);
      for (CaseEvent e : logs.get(i)) {
        f = f.append(e);
      }
      bh.consume(f);
    }
  }
}
