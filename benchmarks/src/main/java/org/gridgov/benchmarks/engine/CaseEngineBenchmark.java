package org.gridgov.benchmarks.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseLifecycle;
import org.gridgov.casefile.CaseState;
import org.gridgov.engine.CaseEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Commands per second through the engine while it holds {@code openCases} open cases with running
 * clocks: each operation is one command (a case's whole life is 8 commands and 8 events: report,
 * verify, register, dispatch by the policy, accept, resolve, check, close), with time moving 1 ms
 * between lives and {@code advanceTo} called before each life. Baseline in the same run: the same 8
 * events folded through {@link CaseLifecycle#apply} alone (no authorisation, SLA clocks, routing or
 * deadline queue).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CaseEngineBenchmark {
  @Param({"100000"})
  public int openCases;

  private final EngineSetup setup = new EngineSetup();
  private CaseEngine engine = setup.config().build();
  private Instant t = EngineSetup.START;
  private int n;
  private final List<CaseEvent> sampleLife = new ArrayList<>();
  private CaseFacts sampleFacts = setup.facts("S-1", 1);

  private final List<CaseEvent> sink = new ArrayList<>();

  /** Opens the background cases once per trial and records one case's life for the baseline. */
  @Setup(Level.Trial)
  public void setUp() {
    engine = setup.config().initialCapacity(openCases * 2).build();
    t = EngineSetup.START;
    for (int i = 0; i < openCases; i++) {
      EngineSetup.open(engine, setup.facts("O-" + i, i), "o" + i, t, sink);
    }
    sink.clear();
    CaseEngine rec = setup.config().build();
    sampleLife.clear();
    EngineSetup.open(rec, sampleFacts, "s", t, sampleLife);
    EngineSetup.finish(rec, sampleFacts, "s", t, sampleLife);
  }

  /**
   * One case's life through the engine: 8 commands, 8 events (score is per command = per event).
   *
   * @return the number of events (8, plus any SLA events fired)
   */
  @Benchmark
  @OperationsPerInvocation(8)
  public int engineCommands() {
    t = t.plusMillis(1);
    sink.clear();
    sink.addAll(engine.advanceTo(t));
    n++;
    CaseFacts f = setup.facts("L-" + n, n);
    String p = "l" + n;
    EngineSetup.open(engine, f, p, t, sink);
    EngineSetup.finish(engine, f, p, t, sink);
    return sink.size();
  }

  /**
   * Baseline: the same 8 events through {@code CaseLifecycle.apply} only.
   *
   * @return the final state
   */
  @Benchmark
  @OperationsPerInvocation(8)
  public CaseState lifecycleOnly() {
    CaseState s = CaseLifecycle.initial(sampleFacts.id());
    for (CaseEvent e : sampleLife) {
      s = CaseLifecycle.apply(s, e);
    }
    return s;
  }
}
