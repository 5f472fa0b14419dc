package org.gridgov.benchmarks.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseFile;
import org.gridgov.casefile.CaseId;
import org.gridgov.engine.CaseEngine;
import org.gridgov.engine.Command;
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
 * Whether a long case costs what its events cost: {@value #EVENTS} suspension and resumption events
 * spread over {@code cases} cases (1: one case with {@value #EVENTS} events; 1,000: a hundred each,
 * the baseline in the same run). Linear work gives the same time for both.
 *
 * <ul>
 *   <li>{@code engineSuspendResume}: the engine runs the {@value #EVENTS} {@code Suspend} and
 *       {@code Resume} commands (each case reported, registered, dispatched and accepted
 *       beforehand, not timed; a command a millisecond).
 *   <li>{@code caseFileAppend}: {@link CaseFile#append} of the same events, one file per case.
 * </ul>
 *
 * Each operation is the whole batch (single shot, a fresh engine and fresh files per operation).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LongCaseBenchmark {
  static final int EVENTS = 100_000;

  @Param({"1", "1000"})
  public int cases;

  private final EngineSetup setup = new EngineSetup();
  private CaseEngine engine = setup.config().build();
  private List<Command> commands = List.of();
  private List<CaseFile> files = List.of();
  private List<CaseEvent> events = List.of();
  private int[] fileOf = new int[0]; // per event: the index of its case's file

  /** A fresh engine with the cases open and accepted, and the commands to time. */
  @Setup(Level.Invocation)
  public void prepare() {
    List<CaseFacts> facts = new ArrayList<>();
    for (int c = 0; c < cases; c++) {
      facts.add(setup.facts("LONG-" + c, c));
    }
    CaseEngine throwaway = setup.config().build(); // makes the events the case files append
    List<CaseEvent> opened = new ArrayList<>();
    openAndAccept(throwaway, facts, opened);
    List<Command> timed = new ArrayList<>(EVENTS);
    Instant t = EngineSetup.START;
    for (int i = 0; i < EVENTS; i++) {
      t = t.plusMillis(1); // 100 s in all: no clock reaches a warning
      CaseFacts f = facts.get(i % cases);
      Command.Action a =
          (i / cases) % 2 == 0 ? new Command.Suspend("waiting") : new Command.Resume();
      timed.add(Command.of("s" + i, EngineSetup.DISPATCHER, f.id(), t, a));
    }
    commands = timed;
    events = suspensionEvents(throwaway, timed);
    Map<CaseId, Integer> index = new HashMap<>();
    List<List<CaseEvent>> own = new ArrayList<>();
    for (int c = 0; c < cases; c++) {
      index.put(facts.get(c).id(), c);
      own.add(new ArrayList<>());
    }
    for (CaseEvent e : opened) {
      own.get(Objects.requireNonNull(index.get(e.caseId()))).add(e);
    }
    files = new ArrayList<>(cases);
    for (int c = 0; c < cases; c++) {
      files.add(CaseFile.of(facts.get(c), own.get(c)));
    }
    fileOf = new int[events.size()];
    for (int i = 0; i < events.size(); i++) {
      fileOf[i] = Objects.requireNonNull(index.get(events.get(i).caseId()));
    }
    engine = setup.config().build();
    openAndAccept(engine, facts, new ArrayList<>());
  }

  /** Reports, verifies, registers, dispatches and accepts each case at the start instant. */
  private static void openAndAccept(CaseEngine e, List<CaseFacts> facts, List<CaseEvent> sink) {
    Instant t = EngineSetup.START;
    for (int c = 0; c < facts.size(); c++) {
      CaseFacts f = facts.get(c);
      EngineSetup.open(e, f, "o" + c, t, sink);
      String office = CaseEngine.officeOf(f.locationCodes().get(0));
      sink.addAll(
          e.execute(
              Command.of("a" + c, EngineSetup.LEADER, f.id(), t, new Command.Accept(office))));
    }
  }

  private static List<CaseEvent> suspensionEvents(CaseEngine e, List<Command> timed) {
    List<CaseEvent> out = new ArrayList<>(timed.size());
    for (Command c : timed) {
      out.addAll(e.execute(c));
    }
    return out;
  }

  /**
   * The engine runs the suspensions and resumptions.
   *
   * @return the last command's events, so the work is not dropped
   */
  @Benchmark
  public List<CaseEvent> engineSuspendResume() {
    List<CaseEvent> last = List.of();
    for (Command c : commands) {
      last = engine.execute(c);
    }
    return last;
  }

  /**
   * The same events appended to the case files.
   *
   * @return the files
   */
  @Benchmark
  public List<CaseFile> caseFileAppend() {
    List<CaseFile> out = new ArrayList<>(files);
    for (int i = 0; i < events.size(); i++) {
      int c = fileOf[i];
      out.set(c, out.get(c).append(events.get(i)));
    }
    return out;
  }
}
