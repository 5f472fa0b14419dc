package org.gridgov.store.jdbc;

import static org.gridgov.store.jdbc.StoreFixture.*;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.casefile.Satisfaction;
import org.gridgov.engine.CaseEngine;
import org.gridgov.engine.Command;
import org.gridgov.engine.Principal;

/**
 * A long deterministic scenario for the crash test: step {@code i} is an occasional {@code
 * advanceTo} and one command at {@code times[i]}, drawn from a random stream seeded by (seed, i)
 * and the engine's state, so a process that restarts at step {@code i} from a restored engine
 * issues exactly what an uninterrupted one would. About one command in twenty is a retry of an
 * earlier report (same id: no new events), about one in fifteen a command the engine refuses.
 *
 * <p>As a program ({@link #main}): {@code <jdbc url> <seed> <steps>}: opens the store, restores,
 * resumes after the last command the store has seen, prints {@code resume <step>}, then {@code ack
 * <step> stored} after each step is committed ({@code ack <step> retry} for a retry, which writes
 * nothing), and {@code done} at the end.
 */
final class CrashScenario {
  private static final long[] GRIDS = {GRID1, GRID2, GRID3, VGRID};
  private static final String[] CATEGORIES = {
    "0101", "0102", "0301", "0402", "0504", "5501", "0601"
  };
  private static final long[] STEPS_MS = {0, 60_000, 600_000, 3_600_000, 5 * 3_600_000, 86_400_000};
  private static final int TICK_EVERY = 25;

  /** What the scenario drives: a plain engine (the reference run) or a durable one. */
  interface Target {
    List<CaseEvent> advanceTo(Instant t);

    List<CaseEvent> execute(Command c);

    Optional<CaseState> state(CaseId id);
  }

  private final long seed;
  private final Instant[] times;

  CrashScenario(long seed, int steps) {
    this.seed = seed;
    this.times = new Instant[steps];
    SplittableRandom r = new SplittableRandom(seed);
    Instant t = at("2025-03-03T08:00");
    for (int i = 0; i < steps; i++) {
      t = t.plusMillis(STEPS_MS[r.nextInt(STEPS_MS.length)]);
      times[i] = t;
    }
  }

  int steps() {
    return times.length;
  }

  /**
   * Runs steps {@code from} to the end; {@code ids} are the cases reported so far, in report order.
   */
  void run(Target target, int from, List<CaseId> ids, PrintStream progress) {
    run(target, from, times.length, ids, progress);
  }

  /**
   * Runs steps {@code from} to {@code to} (exclusive), as {@link #run(Target, int, List,
   * PrintStream)}.
   */
  void run(Target target, int from, int to, List<CaseId> ids, PrintStream progress) {
    for (int step = from; step < to; step++) {
      Instant t = times[step];
      if (step % TICK_EVERY == 0) {
        var unused = target.advanceTo(t);
      }
      Command c = next(step, target, ids, t);
      boolean retry =
          c.action() instanceof Command.Report again && ids.contains(again.facts().id());
      try {
        var unused = target.execute(c);
        if (c.action() instanceof Command.Report rep && !ids.contains(rep.facts().id())) {
          ids.add(rep.facts().id());
        }
      } catch (RuntimeException refused) {
        if (refused instanceof org.gridgov.store.jdbc.EventStoreException) {
          throw refused;
        }
      }
      progress.println("ack " + step + (retry ? " retry" : " stored"));
    }
  }

  /** The full log of an uninterrupted run on a plain engine, with the reported facts. */
  List<CaseEvent> referenceLog(List<CaseFacts> reported) {
    return referenceLogWithSteps(reported, new ArrayList<>(), new ArrayList<>());
  }

  /**
   * The full log of an uninterrupted run on a plain engine, with the reported facts; {@code
   * logSizeAfterStep} gets, for each step in order, the size of the log once that step is done, and
   * {@code retryStep} whether the step was a retry (which a store does not record as its last
   * command).
   */
  List<CaseEvent> referenceLogWithSteps(
      List<CaseFacts> reported, List<Integer> logSizeAfterStep, List<Boolean> retryStep) {
    PrintStream progress =
        new PrintStream(PrintStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    CaseEngine engine = config().build();
    List<CaseEvent> log = new ArrayList<>();
    Target t =
        new Target() {
          @Override
          public List<CaseEvent> advanceTo(Instant i) {
            List<CaseEvent> out = engine.advanceTo(i);
            log.addAll(out);
            return out;
          }

          @Override
          public List<CaseEvent> execute(Command c) {
            if (c.action() instanceof Command.Report rep
                && engine.state(rep.facts().id()).isPresent()) {
              return engine.execute(
                  c); // a retry: the engine remembers the id and returns the same events
            }
            List<CaseEvent> adv = engine.advanceTo(c.at());
            log.addAll(adv);
            List<CaseEvent> out = engine.execute(c);
            log.addAll(out);
            if (c.action() instanceof Command.Report rep) {
              reported.add(rep.facts());
            }
            return out;
          }

          @Override
          public Optional<CaseState> state(CaseId id) {
            return engine.state(id);
          }
        };
    PrintStream steps =
        new PrintStream(progress, false, StandardCharsets.UTF_8) {
          @Override
          public void println(String line) {
            logSizeAfterStep.add(log.size());
            retryStep.add(line.endsWith(" retry"));
            super.println(line);
          }
        };
    run(t, 0, new ArrayList<>(), steps);
    steps.flush();
    return log;
  }

  static Target durable(DurableCaseEngine engine) {
    return new Target() {
      @Override
      public List<CaseEvent> advanceTo(Instant t) {
        return engine.advanceTo(t);
      }

      @Override
      public List<CaseEvent> execute(Command c) {
        return engine.execute(c);
      }

      @Override
      public Optional<CaseState> state(CaseId id) {
        return engine.state(id);
      }
    };
  }

  private SplittableRandom random(int step) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step);
  }

  /**
   * The report command of a step: depends on (seed, step) only, so it can be retried from anywhere.
   */
  private Command report(int step) {
    SplittableRandom r = new SplittableRandom(seed * 0xBF58476D1CE4E5B9L + step);
    String id = "K-" + step;
    Priority p = r.nextInt(6) == 0 ? Priority.URGENT : Priority.NORMAL;
    CaseFacts f =
        facts(id, CATEGORIES[r.nextInt(CATEGORIES.length)], p, GRIDS[r.nextInt(GRIDS.length)]);
    return Command.of(
        "c" + step,
        Principal.resident("res-" + r.nextInt(5)),
        f.id(),
        times[step],
        new Command.Report(f));
  }

  private Command next(int step, Target e, List<CaseId> ids, Instant t) {
    SplittableRandom r = random(step);
    String cid = "c" + step;
    if (ids.isEmpty() || r.nextInt(8) == 0) {
      return report(step);
    }
    if (r.nextInt(20) == 0) { // an embedder's retry of an earlier report: same id, same command
      CaseId old = ids.get(r.nextInt(ids.size()));
      return report(Integer.parseInt(old.value().substring(2)));
    }
    CaseId id = ids.get(r.nextInt(ids.size()));
    Principal disp = Principal.inRegion("disp-1", Role.DISPATCHER, DISTRICT);
    if (r.nextInt(15) == 0) { // a command that may well be refused
      return Command.of(cid, Principal.resident("res-9"), id, t, new Command.Close());
    }
    CaseState s = e.state(id).orElseThrow();
    String lead = s.lead().orElse("");
    Principal holder =
        lead.startsWith("dept:") || lead.startsWith("party:")
            ? Principal.ofDepartment("staff-" + lead, lead)
            : Principal.inRegion("leader", Role.LEADER, DISTRICT);
    String dept = DEPARTMENTS.get(r.nextInt(DEPARTMENTS.size()));
    if (!s.awaitingArrival().isEmpty() && r.nextInt(3) == 0) {
      String arriving = s.awaitingArrival().asList().get(r.nextInt(s.awaitingArrival().size()));
      return Command.of(
          cid,
          Principal.ofDepartment("staff-" + arriving, arriving),
          id,
          t,
          new Command.Arrive(arriving));
    }
    Command.Action action;
    Principal who = disp;
    int k = r.nextInt(10);
    switch (s.status()) {
      case REPORTED ->
          action = k < 9 ? new Command.Verify(true, "") : new Command.Verify(false, "not found");
      case VERIFIED -> action = new Command.Register();
      case REGISTERED ->
          action =
              k < 7
                  ? Command.Dispatch.byPolicy()
                  : k < 9
                      ? Command.Dispatch.to(dept)
                      : Command.Summon.of(List.of(dept), Duration.ofMinutes(30));
      case DISPATCHED, HANDLING -> {
        boolean handling = s.status() == CaseStatus.HANDLING;
        if (k < 5) {
          who = holder;
          action = handling ? new Command.Resolve(lead, "done") : new Command.Accept(lead);
        } else if (k < 7) {
          who = holder;
          action = new Command.Return(lead, "not ours");
        } else if (k == 7) {
          action = handling ? new Command.Suspend("waiting") : new Command.Assist(dept);
        } else if (k == 8) {
          action = Command.Summon.of(List.of(dept), Duration.ofMinutes(30));
        } else {
          action = new Command.Escalate(Optional.empty());
        }
      }
      case SUSPENDED -> action = new Command.Resume();
      case RESOLVED -> {
        who = Principal.inRegion("sup-1", Role.SUPERVISOR, DISTRICT);
        action = k < 8 ? new Command.Check(true, "") : new Command.Check(false, "still there");
      }
      case CHECKED -> action = new Command.Close();
      case CLOSED -> {
        who = Principal.resident("res-1");
        action =
            new Command.Evaluate(k < 6 ? Satisfaction.SATISFIED : Satisfaction.DISSATISFIED, k < 6);
      }
      default -> action = new Command.Reopen("complaint again");
    }
    return Command.of(cid, who, id, t, action);
  }

  /**
   * The child process: {@code <jdbc url> <seed> <steps>}.
   *
   * @param args the URL, the seed and the number of steps
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    CrashScenario scenario = new CrashScenario(Long.parseLong(args[1]), Integer.parseInt(args[2]));
    try (EventStore store = StoreFixture.open(args[0])) {
      DurableCaseEngine engine = DurableCaseEngine.open(store, config());
      StoredLog log = store.load();
      int from = log.lastCommandId().map(id -> Integer.parseInt(id.substring(1)) + 1).orElse(0);
      out.println("resume " + from);
      scenario.run(durable(engine), from, new ArrayList<>(log.facts().keySet()), out);
      out.println("done");
    }
  }
}
