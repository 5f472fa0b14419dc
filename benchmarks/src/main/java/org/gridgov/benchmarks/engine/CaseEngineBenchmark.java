package org.gridgov.benchmarks.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseLifecycle;
import org.gridgov.casefile.CaseState;
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
 * The engine, old and new in one run ({@code engine = legacy | new}; legacy is the frozen copy of
 * the engine before the facade split).
 *
 * <ul>
 *   <li>{@code engineCommands}: commands per second while the engine holds {@code openCases} open
 *       cases with running clocks; each operation is one command (a case's whole life is 8 commands
 *       and 8 events: report, verify, register, dispatch by the policy, accept, resolve, check,
 *       close), with time moving 1 ms between lives and {@code advanceTo} called before each life.
 *       The engine keeps every case it closed (millions by the end of a fork).
 *   <li>{@code engineCommandsReleasing}: the same, and each closed case is then released, so the
 *       heap stays the open cases' (as in the simulator, which releases what it closed).
 *   <li>{@code restore}: events per second of {@code CaseEngine.restore} over a log of {@value
 *       #RESTORE_EVENTS} events ({@value #RESTORE_CASES} cases, half of them closed, half open).
 *   <li>{@code lifecycleOnly} (baseline, independent of the engine): the same 8 events folded
 *       through {@link CaseLifecycle#apply} alone.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CaseEngineBenchmark {
  static final int RESTORE_CASES = 10_000;
  static final int RESTORE_EVENTS = 60_000; // half the cases 8 events, half 4

  @Param({"100000"})
  public int openCases;

  @Param({EngineUnderTest.LEGACY, EngineUnderTest.NEW})
  public String engine = EngineUnderTest.NEW;

  private final EngineSetup setup = new EngineSetup();
  private EngineUnderTest under = EngineUnderTest.create(EngineUnderTest.NEW, setup, 16, 0);
  private Instant t = EngineSetup.START;
  private int n;
  private CaseId lastId = CaseId.of("none");
  private final List<CaseEvent> sampleLife = new ArrayList<>();
  private final CaseFacts sampleFacts = setup.facts("S-1", 1);
  private final Map<CaseId, CaseFacts> restoreFacts = new LinkedHashMap<>();
  private final List<CaseEvent> restoreLog = new ArrayList<>();

  private final List<CaseEvent> sink = new ArrayList<>();

  /**
   * Opens the background cases once per trial, records one case's life for the baseline and the log
   * for restore.
   */
  @Setup(Level.Trial)
  public void setUp() {
    under = EngineUnderTest.create(engine, setup, openCases * 2, 1 << 16);
    t = EngineSetup.START;
    for (int i = 0; i < openCases; i++) {
      under.open(setup.facts("O-" + i, i), "o" + i, t, sink);
    }
    sink.clear();
    EngineUnderTest rec = EngineUnderTest.create(engine, setup, 16, 0);
    sampleLife.clear();
    rec.open(sampleFacts, "s", t, sampleLife);
    rec.finish(sampleFacts, "s", t, sampleLife);
    EngineUnderTest logged = EngineUnderTest.create(EngineUnderTest.NEW, setup, RESTORE_CASES, 0);
    restoreLog.clear();
    for (int i = 0; i < RESTORE_CASES; i++) {
      CaseFacts f = setup.facts("R-" + i, i);
      restoreFacts.put(f.id(), f);
      logged.open(f, "r" + i, t, restoreLog);
      if (i % 2 == 0) {
        logged.finish(f, "r" + i, t, restoreLog);
      }
    }
    if (restoreLog.size() != RESTORE_EVENTS) {
      throw new IllegalStateException(
          "restore log has " + restoreLog.size() + " events, expected " + RESTORE_EVENTS);
    }
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
    sink.addAll(under.advanceTo(t));
    n++;
    CaseFacts f = setup.facts("L-" + n, n);
    lastId = f.id();
    String p = "l" + n;
    under.open(f, p, t, sink);
    under.finish(f, p, t, sink);
    return sink.size();
  }

  /**
   * As {@link #engineCommands}, then the closed case is released, as the simulator and an embedder
   * whose store holds closed cases do: the engine holds its open cases and nothing that grows, so
   * the collector copies and marks a steady heap (the score is per command; the release is part of
   * the operation).
   *
   * @return the number of events
   */
  @Benchmark
  @OperationsPerInvocation(8)
  public int engineCommandsReleasing() {
    int events = engineCommands();
    if (!under.release(lastId)) {
      throw new IllegalStateException("case " + lastId + " was not released");
    }
    return events;
  }

  /**
   * Restores an engine from the log (score per event).
   *
   * @return the restored engine's open-case count
   */
  @Benchmark
  @OperationsPerInvocation(RESTORE_EVENTS)
  public int restore() {
    return EngineUnderTest.restore(engine, setup, restoreFacts, restoreLog);
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
