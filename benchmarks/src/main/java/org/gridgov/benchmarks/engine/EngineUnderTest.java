package org.gridgov.benchmarks.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gridgov.benchmarks.engine.legacy.Command;
import org.gridgov.benchmarks.engine.legacy.Principal;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.Role;
import org.gridgov.engine.CaseEngine;

/**
 * The engine under test, the current one ({@code "new"}) or the frozen copy of the engine before
 * the facade split ({@code "legacy"}, package {@code legacy}), behind one interface, so that one
 * JMH run measures both with the same workload: {@link EngineSetup#open} and {@link
 * EngineSetup#finish}.
 */
interface EngineUnderTest {
  /** The names of the engines, for {@code @Param}. */
  String NEW = "new";

  /** The frozen baseline. */
  String LEGACY = "legacy";

  /** Moves time. */
  List<CaseEvent> advanceTo(Instant t);

  /** Report, verify, register, dispatch by the policy (4 commands). */
  void open(CaseFacts f, String cmdPrefix, Instant t, List<CaseEvent> sink);

  /** Accept, resolve, check, close (4 commands). */
  void finish(CaseFacts f, String cmdPrefix, Instant t, List<CaseEvent> sink);

  /** The number of open cases. */
  int openCaseCount();

  /** Drops a closed case (see {@code CaseEngine.release}); false if the engine does not know it. */
  boolean release(CaseId id);

  /** A new, empty engine of the named kind. */
  static EngineUnderTest create(String which, EngineSetup setup, int capacity, int commandMemory) {
    if (which.equals(NEW)) {
      return new Current(
          setup.config().initialCapacity(capacity).commandMemory(commandMemory).build());
    }
    if (which.equals(LEGACY)) {
      return new Legacy(
          setup.legacyConfig().initialCapacity(capacity).commandMemory(commandMemory).build());
    }
    throw new IllegalArgumentException("engine " + which + ": expected new or legacy");
  }

  /** Restores an engine of the named kind from a log; returns its open-case count. */
  static int restore(
      String which, EngineSetup setup, Map<CaseId, CaseFacts> facts, List<CaseEvent> log) {
    if (which.equals(NEW)) {
      return CaseEngine.restore(setup.config(), facts, log).openCaseCount();
    }
    return org.gridgov.benchmarks.engine.legacy.CaseEngine.restore(setup.legacyConfig(), facts, log)
        .openCaseCount();
  }

  /** The current engine. */
  record Current(CaseEngine e) implements EngineUnderTest {
    @Override
    public List<CaseEvent> advanceTo(Instant t) {
      return e.advanceTo(t);
    }

    @Override
    public void open(CaseFacts f, String cmdPrefix, Instant t, List<CaseEvent> sink) {
      EngineSetup.open(e, f, cmdPrefix, t, sink);
    }

    @Override
    public void finish(CaseFacts f, String cmdPrefix, Instant t, List<CaseEvent> sink) {
      EngineSetup.finish(e, f, cmdPrefix, t, sink);
    }

    @Override
    public int openCaseCount() {
      return e.openCaseCount();
    }

    @Override
    public boolean release(CaseId id) {
      return e.release(id);
    }
  }

  /** The frozen legacy engine, driven by the same commands in its own command types. */
  record Legacy(org.gridgov.benchmarks.engine.legacy.CaseEngine e) implements EngineUnderTest {
    static final Principal DISPATCHER =
        Principal.inRegion("disp", Role.DISPATCHER, EngineSetup.DISTRICT);
    static final Principal LEADER = Principal.inRegion("lead", Role.LEADER, EngineSetup.DISTRICT);
    static final Principal RESIDENT = Principal.resident("res");

    @Override
    public List<CaseEvent> advanceTo(Instant t) {
      return e.advanceTo(t);
    }

    @Override
    public void open(CaseFacts f, String p, Instant t, List<CaseEvent> sink) {
      CaseId id = f.id();
      sink.addAll(e.execute(Command.of(p + "r", RESIDENT, id, t, new Command.Report(f))));
      sink.addAll(e.execute(Command.of(p + "v", DISPATCHER, id, t, new Command.Verify(true, ""))));
      sink.addAll(e.execute(Command.of(p + "g", DISPATCHER, id, t, new Command.Register())));
      sink.addAll(e.execute(Command.of(p + "d", DISPATCHER, id, t, Command.Dispatch.byPolicy())));
    }

    @Override
    public void finish(CaseFacts f, String p, Instant t, List<CaseEvent> sink) {
      CaseId id = f.id();
      String office = CaseEngine.officeOf(f.locationCodes().get(0));
      sink.addAll(e.execute(Command.of(p + "a", LEADER, id, t, new Command.Accept(office))));
      sink.addAll(
          e.execute(Command.of(p + "s", LEADER, id, t, new Command.Resolve(office, "done"))));
      sink.addAll(e.execute(Command.of(p + "c", DISPATCHER, id, t, new Command.Check(true, ""))));
      sink.addAll(e.execute(Command.of(p + "x", DISPATCHER, id, t, new Command.Close())));
    }

    @Override
    public int openCaseCount() {
      return e.openCaseCount();
    }

    @Override
    public boolean release(CaseId id) {
      return e.release(id);
    }
  }
}
