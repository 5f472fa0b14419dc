package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.gridgov.engine.Fixture.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseLifecycle;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.casefile.Satisfaction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random runs: random command sequences (valid ones, retries and random, possibly refused
 * ones) with random time steps. Run A is never interrupted; run B gets the same inputs but is
 * killed at random points and restored from its own event log. Both must answer every call
 * identically.
 */
class CaseEnginePropertyTest {
  private static final long[] GRIDS = {GRID1, GRID2, GRID3, VGRID};
  private static final String[] CATEGORIES = {"0101", "0301", "0501", "0601"};
  private static final long[] STEPS_MS = {
    0, 60_000, 600_000, 3_600_000, 5 * 3_600_000, 86_400_000, 3 * 86_400_000
  };

  static Stream<Long> seeds() {
    return LongStream.range(0, 24).map(i -> 0x5EEDL * 31 + i * 7919).boxed();
  }

  /** The first eight seeds (a run with every case in columns snapshots slowly). */
  static Stream<Long> compactSeeds() {
    return seeds().limit(8);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void killedAndRestoredEngineContinuesIdentically_andEveryEventIsLegal(long seed) {
    try {
      run(seed, 400, 0);
    } catch (AssertionError e) {
      throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
    }
  }

  /**
   * The same run with engine b holding only the one case touched last as a record, every other case
   * in primitive columns (CompactCase): its events, refusals and snapshots equal engine a's, which
   * holds its recent cases as records, and cases were compacted.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("compactSeeds")
  void anEngineHoldingCasesInColumnsBehavesAsOneHoldingRecords(long seed) {
    try {
      run(seed, 400, 1);
    } catch (AssertionError e) {
      throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
    }
  }

  private static CaseEngine restored(
      Map<CaseId, CaseFacts> facts, List<CaseEvent> log, int hotCases) {
    return hotCases == 0
        ? CaseEngine.restore(config(), facts, log)
        : CaseEngine.restore(
            config().config(),
            new EngineSnapshot(com.google.common.collect.ImmutableList.of()),
            facts,
            log,
            hotCases);
  }

  @org.junit.jupiter.api.Test
  void hotCasesOutsideItsRangeIsRefusedWithTheValue() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> config().hotCases(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hotCases")
        .hasMessageContaining("but was 0");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> config().hotCases(EngineConfig.MAX_HOT_CASES + 1))
        .hasMessageContaining("but was " + (EngineConfig.MAX_HOT_CASES + 1));
    assertThat(config().hotCases(7).config().hotCases()).isEqualTo(7);
    assertThat(config().config().hotCases()).isEqualTo(EngineConfig.DEFAULT_HOT_CASES);
  }

  private static void run(long seed, int steps, int hotB) {
    SplittableRandom r = new SplittableRandom(seed);
    CaseEngine a = config().build();
    // the public setting, so a setting the engine ignored would leave every case a record and fail
    // the compact-count check below
    CaseEngine b = hotB == 0 ? config().build() : config().hotCases(hotB).build();
    List<CaseEvent> logA = new ArrayList<>();
    List<CaseEvent> logB = new ArrayList<>();
    Map<CaseId, CaseFacts> facts = new LinkedHashMap<>();
    List<CaseId> ids = new ArrayList<>();
    List<Command> sinceKill = new ArrayList<>();
    Instant t = at("2025-03-03T08:00");
    int kills = 0;
    int refused = 0;
    for (int step = 0; step < steps; step++) {
      t = t.plusMillis(STEPS_MS[r.nextInt(STEPS_MS.length)]);
      List<CaseEvent> fa = a.advanceTo(t);
      List<CaseEvent> fb = b.advanceTo(t);
      assertThat(fb).as("advance at step %s", step).isEqualTo(fa);
      logA.addAll(fa);
      logB.addAll(fb);
      Command c;
      boolean retry = !sinceKill.isEmpty() && r.nextInt(20) == 0;
      if (retry) {
        c =
            sinceKill.get(
                r.nextInt(sinceKill.size())); // an embedder's retry: same events, nothing changes
        EngineSnapshot before = a.snapshot();
        List<CaseEvent> again = a.execute(c);
        assertThat(b.execute(c)).isEqualTo(again);
        assertThat(a.snapshot()).isEqualTo(before);
        assertThat(logA).as("a retry returns the original events").containsAll(again);
        continue;
      }
      c = next(r, a, ids, "c" + step, t);
      Object ra = execute(a, c, logA);
      Object rb = execute(b, c, logB);
      assertThat(rb).as("step %s: %s", step, c).isEqualTo(ra);
      if (ra instanceof String) {
        refused++;
      } else {
        sinceKill.add(c);
        if (c.action() instanceof Command.Report rep && !facts.containsKey(rep.facts().id())) {
          facts.put(rep.facts().id(), rep.facts());
          ids.add(rep.facts().id());
        }
      }
      if (r.nextInt(40) == 0) {
        CaseEngine restored = restored(facts, logB, hotB);
        assertThat(restored.snapshot()).as("restore at step %s", step).isEqualTo(b.snapshot());
        b = restored;
        sinceKill.clear();
        kills++;
      }
    }
    assertThat(logB).isEqualTo(logA);
    assertThat(b.snapshot()).isEqualTo(a.snapshot());
    if (hotB > 0) {
      assertThat(b.compactCaseCount()).as("cases held in columns").isPositive();
    }
    assertThat(kills).isPositive();
    assertThat(refused).isPositive();
    assertThat(logA)
        .as("arrivals in the run")
        .anyMatch(ev -> ev.payload() instanceof EventPayload.Arrived);
    checkLog(a, logA);
  }

  /**
   * Runs a command; returns its events, or the refusal's class and message (and checks nothing
   * changed).
   */
  static Object execute(CaseEngine e, Command c, List<CaseEvent> log) {
    EngineSnapshot before = e.snapshot();
    Optional<java.time.Instant> nowBefore = e.now();
    try {
      List<CaseEvent> out = e.execute(c);
      log.addAll(out);
      return out;
    } catch (NotAuthorizedException
        | RoutingFailedException
        | IllegalArgumentException
        | IllegalStateException x) {
      assertThat(e.snapshot()).as("state after refused %s", c).isEqualTo(before);
      assertThat(e.now()).isEqualTo(nowBefore);
      return x.getClass().getSimpleName() + ": " + x.getMessage();
    } catch (org.gridgov.GridgovException x) {
      assertThat(e.snapshot()).as("state after refused %s", c).isEqualTo(before);
      return x.getClass().getSimpleName() + ": " + x.getMessage();
    }
  }

  /**
   * Every case's log replays through the lifecycle to the engine's state, and every breach follows
   * its warning.
   */
  private static void checkLog(CaseEngine e, List<CaseEvent> log) {
    Map<CaseId, List<CaseEvent>> byCase = new LinkedHashMap<>();
    for (CaseEvent ev : log) {
      byCase.computeIfAbsent(ev.caseId(), k -> new ArrayList<>()).add(ev);
    }
    int breaches = 0;
    for (var entry : byCase.entrySet()) {
      CaseState replayed = CaseLifecycle.replay(entry.getKey(), entry.getValue());
      assertThat(e.state(entry.getKey())).contains(replayed);
      Set<String> warned = new HashSet<>();
      // the fixture's return rule is KEEP: the lead clock a return carries on is not restarted by
      // the next lead's Dispatched or Escalated
      boolean carried = false;
      for (CaseEvent ev : entry.getValue()) {
        EventPayload p = ev.payload();
        boolean takesOnCarried =
            carried
                && ((p instanceof EventPayload.Dispatched d && d.role() == HandlerRole.LEAD)
                    || p instanceof EventPayload.Escalated);
        for (String started : startedClocks(p)) {
          if (!(takesOnCarried && started.equals(CaseEngine.LEAD_CLOCK))) {
            warned.remove(started);
          }
        }
        if (p instanceof EventPayload.Returned) {
          carried = true;
        } else if (takesOnCarried
            || p instanceof EventPayload.Reopened
            || p instanceof EventPayload.Resolved) {
          carried = false;
        }
        if (p instanceof EventPayload.SlaWarning w && w.level() == 1) {
          warned.add(w.clockId());
        }
        if (p instanceof EventPayload.SlaBreached br) {
          breaches++;
          if (!warned.contains(br.clockId())) {
            fail(
                "case %s: breach of %s at %s without its warning since the clock started",
                ev.caseId(), br.clockId(), ev.at());
          }
        }
      }
    }
    assertThat(breaches).as("breaches in the run").isPositive();
  }

  private static List<String> startedClocks(EventPayload p) {
    if (p instanceof EventPayload.Registered || p instanceof EventPayload.Reopened) {
      return List.of(CaseState.WHOLE_CASE_CLOCK);
    }
    if ((p instanceof EventPayload.Dispatched d && d.role() == HandlerRole.LEAD)
        || p instanceof EventPayload.Escalated
        || p instanceof EventPayload.CheckFailed) {
      return List.of(CaseEngine.LEAD_CLOCK);
    }
    if (p instanceof EventPayload.Summoned s) {
      return s.departmentIds().stream().map(d -> CaseEngine.SUMMON_CLOCK_PREFIX + d).toList();
    }
    return List.of();
  }

  // ------------------------------------------------------------------ the command generator

  static Command next(SplittableRandom r, CaseEngine e, List<CaseId> ids, String cid, Instant t) {
    if (ids.isEmpty() || r.nextInt(8) == 0) {
      String id = "K-" + cid;
      long grid = GRIDS[r.nextInt(GRIDS.length)];
      Priority p = r.nextInt(6) == 0 ? Priority.URGENT : Priority.NORMAL;
      CaseFacts f = facts(id, CATEGORIES[r.nextInt(CATEGORIES.length)], p, CaseSource.APP, grid);
      return Command.of(
          cid, Principal.resident("res-" + r.nextInt(5)), f.id(), t, new Command.Report(f));
    }
    CaseId id = ids.get(r.nextInt(ids.size()));
    if (r.nextInt(15) == 0) {
      return garbage(r, id, cid, t);
    }
    CaseState s = e.state(id).orElseThrow();
    Principal disp = districtDispatcher();
    String lead = s.lead().orElse("");
    Principal holder =
        lead.startsWith("dept:")
            ? Principal.ofDepartment("staff-" + lead, lead)
            : Principal.inRegion("leader", Role.LEADER, DISTRICT);
    String dept = DEPARTMENTS.get(r.nextInt(DEPARTMENTS.size()));
    if (!s.awaitingArrival().isEmpty() && r.nextInt(3) == 0) {
      // 吹哨报到: mostly a summoned department reports on site; sometimes one that was not summoned
      // (refused)
      String arriving =
          r.nextInt(5) == 0
              ? dept
              : s.awaitingArrival().asList().get(r.nextInt(s.awaitingArrival().size()));
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
      case REPORTED -> {
        if (k < 8) {
          action = new Command.Verify(true, "");
        } else if (k == 8) {
          action = new Command.Verify(false, "not found on site");
        } else {
          action = new Command.Merge(ids.get(r.nextInt(ids.size())));
        }
      }
      case VERIFIED -> action = new Command.Register();
      case REGISTERED -> {
        if (k < 5) {
          action = Command.Dispatch.byPolicy();
        } else if (k < 8) {
          action = Command.Dispatch.to(dept);
        } else if (k == 8) {
          action = Command.Summon.of(List.of(dept), Duration.ofMinutes(30));
        } else {
          action = new Command.Escalate(Optional.of(COMMAND_CENTRE));
        }
      }
      case DISPATCHED, HANDLING -> {
        boolean handling = s.status() == org.gridgov.casefile.CaseStatus.HANDLING;
        if (k < 4) {
          who = holder;
          action = handling ? new Command.Resolve(lead, "done") : new Command.Accept(lead);
        } else if (k < 6) {
          who = holder;
          action = new Command.Return(lead, "not ours");
        } else if (k == 6) {
          action = handling ? new Command.Suspend("waiting") : new Command.Assist(dept);
        } else if (k == 7) {
          action = Command.Summon.of(List.of(dept), Duration.ofMinutes(30));
        } else {
          action = new Command.Escalate(Optional.empty());
        }
      }
      case SUSPENDED -> action = new Command.Resume();
      case RESOLVED -> {
        who = supervisor();
        action = k < 7 ? new Command.Check(true, "") : new Command.Check(false, "still leaking");
      }
      case CHECKED -> action = new Command.Close();
      case CLOSED, EVALUATED -> {
        if (k < 6 && s.status() == org.gridgov.casefile.CaseStatus.CLOSED) {
          who = Principal.resident("res-1");
          action =
              new Command.Evaluate(
                  k < 4 ? Satisfaction.SATISFIED : Satisfaction.DISSATISFIED, k < 4);
        } else {
          action = new Command.Reopen("complaint again");
        }
      }
      default -> {
        return garbage(r, id, cid, t);
      }
    }
    return Command.of(cid, who, id, t, action);
  }

  /**
   * A random command that may well be refused: wrong actor, wrong state, unknown handler or case.
   */
  private static Command garbage(SplittableRandom r, CaseId id, String cid, Instant t) {
    Principal[] who = {
      Principal.resident("res-9"),
      Principal.inRegion("gw", Role.GRID_WORKER, GRID1),
      Principal.inRegion("town", Role.DISPATCHER, TOWNSHIP),
      Principal.ofDepartment("w", WATER),
      districtDispatcher(),
    };
    Command.Action[] actions = {
      new Command.Accept(WATER),
      new Command.Resolve(CaseEngine.officeOf(GRID1), "x"),
      Command.Dispatch.to("dept:nonexistent"),
      new Command.Close(),
      new Command.Resume(),
      new Command.Register(),
      new Command.Escalate(Optional.of("office:999")),
      new Command.Merge(id),
      new Command.Check(true, ""),
      new Command.Arrive(WATER),
    };
    CaseId target = r.nextInt(10) == 0 ? CaseId.of("UNKNOWN-1") : id;
    return Command.of(
        cid, who[r.nextInt(who.length)], target, t, actions[r.nextInt(actions.length)]);
  }
}
