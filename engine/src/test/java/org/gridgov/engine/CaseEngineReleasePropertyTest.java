package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.casefile.Satisfaction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random runs of {@link CaseEngine#release}: engine A never releases; engine B gets the same
 * calls and releases ended cases at random. For every case B still knows, both answer identically
 * (advances, commands, snapshots); commands on released cases are refused by B as for an unknown
 * case; a restore of B's log followed by the same releases gives B again.
 */
class CaseEngineReleasePropertyTest {
  private static final long[] GRIDS = {GRID1, GRID2, GRID3, VGRID};
  private static final String[] CATEGORIES = {"0101", "0301", "0501", "0601"};
  private static final long[] STEPS_MS = {0, 60_000, 3_600_000, 86_400_000, 3 * 86_400_000};

  static Stream<Long> seeds() {
    return LongStream.range(0, 16).map(i -> 0xE1EA5EL * 17 + i * 104_729).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void releasingEndedCasesChangesNothingForTheOthers(long seed) {
    try {
      run(seed, 500);
    } catch (AssertionError e) {
      throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
    }
  }

  private static void run(long seed, int steps) {
    SplittableRandom r = new SplittableRandom(seed);
    CaseEngine a = config().build();
    CaseEngine b = config().build();
    List<CaseEvent> logB = new ArrayList<>();
    Map<CaseId, CaseFacts> facts = new LinkedHashMap<>();
    List<CaseId> ids = new ArrayList<>();
    Set<CaseId> released = new HashSet<>();
    Instant t = at("2025-03-03T08:00");
    int refusedUnknown = 0;
    for (int step = 0; step < steps; step++) {
      t = t.plusMillis(STEPS_MS[r.nextInt(STEPS_MS.length)]);
      List<CaseEvent> fa = a.advanceTo(t);
      List<CaseEvent> fb = b.advanceTo(t);
      assertThat(fb).as("advance at step %s", step).isEqualTo(withoutReleased(fa, released));
      logB.addAll(fb);

      CaseId id;
      Command c;
      if (ids.isEmpty() || r.nextInt(5) == 0) {
        String name = "K-" + step;
        CaseFacts f =
            facts(
                name,
                CATEGORIES[r.nextInt(CATEGORIES.length)],
                r.nextInt(6) == 0 ? Priority.URGENT : Priority.NORMAL,
                CaseSource.APP,
                GRIDS[r.nextInt(GRIDS.length)]);
        id = f.id();
        c = Command.of("c" + step, Principal.resident("res"), id, t, new Command.Report(f));
      } else {
        id = ids.get(r.nextInt(ids.size()));
        c = next(r, a.state(id).orElseThrow(), id, "c" + step, t);
      }
      Object ra = execute(a, c);
      Object rb = execute(b, c);
      if (released.contains(id)) {
        assertThat(rb).as("step %s: %s on released %s", step, c, id).isInstanceOf(String.class);
        assertThat((String) rb).contains("unknown case " + id);
        refusedUnknown++;
      } else {
        assertThat(rb).as("step %s: %s", step, c).isEqualTo(ra);
        if (rb instanceof List<?> events) {
          for (Object ev : events) {
            logB.add((CaseEvent) ev);
          }
          if (c.action() instanceof Command.Report rep) {
            facts.put(id, rep.facts());
            ids.add(id);
          }
        }
      }
      // release some ended cases that B still knows
      for (CaseId known : ids) {
        Optional<CaseState> s = b.state(known);
        if (s.isPresent() && !s.get().status().isOpen() && r.nextInt(3) == 0) {
          assertThat(b.release(known)).isTrue();
          assertThat(b.release(known)).isFalse();
          released.add(known);
        } else if (s.isPresent() && s.get().status().isOpen() && r.nextInt(50) == 0) {
          CaseStatus st = s.get().status();
          org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.release(known))
              .isInstanceOf(IllegalStateException.class)
              .hasMessageContaining(known.toString())
              .hasMessageContaining(st.name());
        }
      }
      assertThat(b.snapshot())
          .as("snapshot at step %s", step)
          .isEqualTo(withoutReleasedCases(a, released));
      assertThat(b.caseCount()).isEqualTo(a.caseCount() - released.size());
    }
    assertThat(released).as("cases released in the run").isNotEmpty();
    assertThat(refusedUnknown).as("commands on released cases").isPositive();

    CaseEngine restored = CaseEngine.restore(config(), facts, logB);
    assertThat(restored.caseCount()).isEqualTo(facts.size());
    for (CaseId id : released) {
      assertThat(restored.release(id)).isTrue();
    }
    assertThat(restored.snapshot()).isEqualTo(b.snapshot());
    Instant later = t.plus(Duration.ofDays(30));
    assertThat(restored.advanceTo(later)).isEqualTo(b.advanceTo(later));
  }

  private static List<CaseEvent> withoutReleased(List<CaseEvent> events, Set<CaseId> released) {
    return events.stream().filter(ev -> !released.contains(ev.caseId())).toList();
  }

  /** A's snapshot without the entries of released cases. */
  private static EngineSnapshot withoutReleasedCases(CaseEngine a, Set<CaseId> released) {
    List<EngineSnapshot.CaseSnapshot> out = new ArrayList<>();
    for (EngineSnapshot.CaseSnapshot entry : a.snapshot().cases()) {
      if (!released.contains(entry.facts().id())) {
        out.add(entry);
      }
    }
    return new EngineSnapshot(out);
  }

  private static Object execute(CaseEngine e, Command c) {
    try {
      return e.execute(c);
    } catch (org.gridgov.GridgovException | IllegalArgumentException | IllegalStateException x) {
      return x.getClass().getSimpleName() + ": " + x.getMessage();
    }
  }

  /** Mostly the next step of the closed loop; closed cases are sometimes evaluated or reopened. */
  private static Command next(SplittableRandom r, CaseState s, CaseId id, String cid, Instant t) {
    Principal disp = districtDispatcher();
    String lead = s.lead().orElse("");
    Principal holder =
        lead.startsWith("dept:")
            ? Principal.ofDepartment("staff-" + lead, lead)
            : Principal.inRegion("leader", Role.LEADER, DISTRICT);
    int k = r.nextInt(10);
    Principal who = disp;
    Command.Action action;
    switch (s.status()) {
      case REPORTED ->
          action = k < 8 ? new Command.Verify(true, "") : new Command.Verify(false, "not there");
      case VERIFIED -> action = new Command.Register();
      case REGISTERED -> action = k < 7 ? Command.Dispatch.byPolicy() : Command.Dispatch.to(WATER);
      case DISPATCHED -> {
        who = holder;
        action = k < 8 ? new Command.Accept(lead) : new Command.Return(lead, "not ours");
      }
      case HANDLING -> {
        if (k < 8) {
          who = holder;
          action = new Command.Resolve(lead, "done");
        } else {
          action = Command.Summon.of(List.of(HOUSING), Duration.ofMinutes(30));
        }
      }
      case SUSPENDED -> action = new Command.Resume();
      case RESOLVED -> {
        who = supervisor();
        action = new Command.Check(k < 8, k < 8 ? "" : "still broken");
      }
      case CHECKED -> action = new Command.Close();
      case CLOSED -> {
        if (k < 5) {
          who = Principal.resident("res");
          action = new Command.Evaluate(Satisfaction.SATISFIED, true);
        } else {
          action = new Command.Reopen("complaint again");
        }
      }
      case EVALUATED -> action = new Command.Reopen("complaint again");
      default -> action = new Command.Close(); // INVALID, MERGED: refused by both
    }
    return Command.of(cid, who, id, t, action);
  }
}
