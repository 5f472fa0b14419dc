package org.gridgov.benchmarks.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.engine.CaseEngine;
import org.gridgov.engine.EngineSnapshot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Engine restore time against log length, in memory (no database, no deserialisation): a full
 * replay of {@code events} events versus {@link CaseEngine#restore(CaseEngine.Builder,
 * EngineSnapshot, Map, List)} from the snapshot taken {@code tail} events before the end plus those
 * events. The log: cases opened and (three in four) finished a minute apart on the {@link
 * EngineSetup} district, with the SLA warnings and breaches that fire on the way.
 */
@SuppressWarnings("NullAway.Init") // fields are set in @Setup
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EngineRestoreBenchmark {

  /** The number of events in the log. */
  @Param({"10000", "100000"})
  public int events;

  /** The number of events after the snapshot. */
  @Param({"1000"})
  public int tail;

  private CaseEngine.Builder config;
  private Map<CaseId, CaseFacts> facts;
  private List<CaseEvent> log;
  private EngineSnapshot snapshot;
  private List<CaseEvent> tailEvents;
  private EngineSnapshot expected;

  /**
   * Writes the log with a live engine and keeps its snapshot {@code tail} events before the end.
   */
  @Setup(Level.Trial)
  public void setUp() {
    EngineSetup setup = new EngineSetup();
    config = setup.config();
    CaseEngine live = config.build();
    facts = new HashMap<>();
    log = new ArrayList<>(events + 16);
    Instant t = EngineSetup.START;
    int cut = -1;
    for (int n = 0; log.size() < events; n++) {
      if (cut < 0 && log.size() >= events - tail) {
        snapshot = live.snapshot();
        cut = log.size();
      }
      t = t.plusSeconds(60);
      log.addAll(live.advanceTo(t));
      CaseFacts f = setup.facts("c" + n, n);
      facts.put(f.id(), f);
      EngineSetup.open(live, f, "c" + n, t, log);
      if (n % 4 != 0) {
        EngineSetup.finish(live, f, "c" + n, t, log);
      }
    }
    tailEvents = List.copyOf(log.subList(cut, log.size()));
    expected = live.snapshot();
    if (!fromSnapshot().snapshot().equals(expected) || !fullReplay().snapshot().equals(expected)) {
      throw new AssertionError("a restored engine differs from the live one");
    }
  }

  /**
   * Replays the whole log.
   *
   * @return the engine
   */
  @Benchmark
  public CaseEngine fullReplay() {
    return CaseEngine.restore(config, facts, log);
  }

  /**
   * Loads the snapshot and replays the tail.
   *
   * @return the engine
   */
  @Benchmark
  public CaseEngine fromSnapshot() {
    return CaseEngine.restore(config, snapshot, facts, tailEvents);
  }
}
