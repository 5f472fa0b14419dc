package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.engine.Fixture.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random runs: a live engine runs random command sequences with random time steps; at a
 * random cut its snapshot is kept. At the end, the snapshot plus the events after the cut, and the
 * whole log replayed from nothing, must both give the live engine's snapshot, and all three must
 * answer further advances with equal events.
 */
class CaseEngineSnapshotRestorePropertyTest {
  private static final long[] STEPS_MS = {
    0, 60_000, 600_000, 3_600_000, 5 * 3_600_000, 86_400_000, 3 * 86_400_000
  };

  static Stream<Long> seeds() {
    return LongStream.range(0, 24).map(i -> 0xC0FFEEL * 17 + i * 104_729).boxed();
  }

  /** Draws the next random command for an engine. */
  @FunctionalInterface
  interface Commands {
    Command next(SplittableRandom r, CaseEngine e, List<CaseId> ids, String cid, Instant t);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void snapshotPlusTailEqualsLiveAndFullReplay(long seed) {
    var unused = checkSnapshotPlusTail(seed, Fixture::config, CaseEnginePropertyTest::next);
  }

  /**
   * The same with a supervision policy and random 督办 (open, urge, close), repeat reports and 回访
   * visits among the commands: supervisions, report counts, breach counts and reopenings must
   * survive the snapshot and the replay alike. Each run must have opened and urged a supervision
   * and linked a repeat report, or it would prove little about them.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void withSupervisionRepeatsAndVisits_snapshotPlusTailEqualsLiveAndFullReplay(long seed) {
    assertThat(supervisedRunTypes(seed))
        .as("seed %s: event types in the log", seed)
        .contains(EventType.SUPERVISION_OPENED, EventType.URGED, EventType.REPEAT_REPORTED);
  }

  /**
   * Over all seeds, the supervised runs closed supervisions and visited closed cases too (a short
   * run may close no case, so this is not asked of every seed).
   */
  @Test
  void theSupervisedRunsTogether_closeSupervisionsAndVisitClosedCases() {
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    seeds().forEach(seed -> types.addAll(supervisedRunTypes(seed)));
    assertThat(types)
        .contains(
            EventType.SUPERVISION_OPENED,
            EventType.URGED,
            EventType.SUPERVISION_CLOSED,
            EventType.REPEAT_REPORTED,
            EventType.VISITED,
            EventType.REOPENED);
  }

  private static Set<EventType> supervisedRunTypes(long seed) {
    List<CaseEvent> log =
        checkSnapshotPlusTail(seed, SupervisedCommands::config, SupervisedCommands::next);
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    log.forEach(e -> types.add(e.type()));
    return types;
  }

  /**
   * Runs random commands on a live engine, keeps its snapshot at a random cut, and checks that
   * snapshot + tail and full replay both equal the live engine, now and after further advances.
   *
   * @return the live engine's log
   */
  private static List<CaseEvent> checkSnapshotPlusTail(
      long seed, Supplier<CaseEngine.Builder> config, Commands commands) {
    SplittableRandom r = new SplittableRandom(seed);
    int steps = 60 + r.nextInt(240);
    int cut = r.nextInt(steps + 1);
    CaseEngine live = config.get().build();
    List<CaseEvent> log = new ArrayList<>();
    Map<CaseId, CaseFacts> facts = new LinkedHashMap<>();
    List<CaseId> ids = new ArrayList<>();
    EngineSnapshot atCut = live.snapshot();
    int cutPosition = 0;
    Instant t = at("2025-03-03T08:00");
    for (int step = 0; step < steps; step++) {
      if (step == cut) {
        atCut = live.snapshot();
        cutPosition = log.size();
      }
      t = t.plusMillis(STEPS_MS[r.nextInt(STEPS_MS.length)]);
      log.addAll(live.advanceTo(t));
      Command c = commands.next(r, live, ids, "c" + step, t);
      Object out = CaseEnginePropertyTest.execute(live, c, log);
      if (!(out instanceof String)
          && c.action() instanceof Command.Report rep
          && !facts.containsKey(rep.facts().id())) {
        facts.put(rep.facts().id(), rep.facts());
        ids.add(rep.facts().id());
      }
    }
    if (cut == steps) {
      atCut = live.snapshot();
      cutPosition = log.size();
    }
    List<CaseEvent> tail = log.subList(cutPosition, log.size());
    CaseEngine fromSnapshot = CaseEngine.restore(config.get(), atCut, facts, tail);
    CaseEngine replayed = CaseEngine.restore(config.get(), facts, log);

    String where = "seed " + seed + ", cut " + cut + " of " + steps + ", tail " + tail.size();
    assertThat(fromSnapshot.snapshot()).as(where).isEqualTo(live.snapshot());
    assertThat(replayed.snapshot()).as(where).isEqualTo(live.snapshot());
    assertThat(fromSnapshot.now()).as(where).isEqualTo(replayed.now());
    assertThat(fromSnapshot.pendingDeadlineCount()).isEqualTo(live.pendingDeadlineCount());
    assertThat(fromSnapshot.openCaseCount()).isEqualTo(live.openCaseCount());

    // Further time: every SLA warning and breach still pending fires alike in all three.
    for (int k = 0; k < 4; k++) {
      t = t.plusMillis(5 * 86_400_000L);
      List<CaseEvent> expected = live.advanceTo(t);
      assertThat(fromSnapshot.advanceTo(t)).as(where + ", advance " + k).isEqualTo(expected);
      assertThat(replayed.advanceTo(t)).as(where + ", advance " + k).isEqualTo(expected);
      log.addAll(expected);
    }
    assertThat(fromSnapshot.snapshot()).as(where).isEqualTo(live.snapshot());
    for (CaseId id : ids) {
      assertThat(fromSnapshot.supervision(id))
          .as(where + ", " + id)
          .isEqualTo(live.supervision(id));
      assertThat(replayed.supervision(id)).as(where + ", " + id).isEqualTo(live.supervision(id));
      assertThat(fromSnapshot.reportCount(id))
          .as(where + ", " + id)
          .isEqualTo(live.reportCount(id));
      assertThat(replayed.reportCount(id)).as(where + ", " + id).isEqualTo(live.reportCount(id));
    }
    return log;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void restoredEngineAcceptsTheSameNextCommandAsTheLiveOne(long seed) {
    checkRestoredAcceptsTheSame(seed, Fixture::config, CaseEnginePropertyTest::next);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void withSupervision_restoredEngineAcceptsTheSameNextCommandAsTheLiveOne(long seed) {
    checkRestoredAcceptsTheSame(seed, SupervisedCommands::config, SupervisedCommands::next);
  }

  /**
   * A live engine and, after random kills, one restored from its snapshot with no tail answer every
   * following advance and command alike (events, or the same refusal).
   */
  private static void checkRestoredAcceptsTheSame(
      long seed, Supplier<CaseEngine.Builder> config, Commands commands) {
    SplittableRandom r = new SplittableRandom(seed);
    CaseEngine live = config.get().build();
    List<CaseEvent> log = new ArrayList<>();
    Map<CaseId, CaseFacts> facts = new LinkedHashMap<>();
    List<CaseId> ids = new ArrayList<>();
    Instant t = at("2025-03-03T08:00");
    CaseEngine restored = null;
    for (int step = 0; step < 200; step++) {
      t = t.plusMillis(STEPS_MS[r.nextInt(STEPS_MS.length)]);
      List<CaseEvent> fired = live.advanceTo(t);
      log.addAll(fired);
      if (restored != null) {
        assertThat(restored.advanceTo(t)).isEqualTo(fired);
      }
      Command c = commands.next(r, live, ids, "c" + step, t);
      Object out = CaseEnginePropertyTest.execute(live, c, log);
      if (restored != null) {
        Object again = CaseEnginePropertyTest.execute(restored, c, new ArrayList<>());
        assertThat(again).as("seed %s step %s: %s", seed, step, c).isEqualTo(out);
      }
      if (!(out instanceof String)
          && c.action() instanceof Command.Report rep
          && !facts.containsKey(rep.facts().id())) {
        facts.put(rep.facts().id(), rep.facts());
        ids.add(rep.facts().id());
      }
      if (r.nextInt(25) == 0) { // kill: restore from the live engine's snapshot and no tail
        restored = CaseEngine.restore(config.get(), live.snapshot(), Map.of(), List.of());
      }
    }
    if (restored != null) {
      assertThat(restored.snapshot()).as("seed %s at the end", seed).isEqualTo(live.snapshot());
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aSnapshotWhoseDeadlineDisagreesWithItsClocksIsRefusedNamingTheCase(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    CaseEngine live = config().build();
    List<CaseEvent> log = new ArrayList<>();
    List<CaseId> ids = new ArrayList<>();
    Instant t = at("2025-03-03T08:00");
    for (int step = 0; step < 80; step++) {
      t = t.plusMillis(STEPS_MS[r.nextInt(STEPS_MS.length)]);
      log.addAll(live.advanceTo(t));
      Command c = CaseEnginePropertyTest.next(r, live, ids, "c" + step, t);
      Object out = CaseEnginePropertyTest.execute(live, c, log);
      if (!(out instanceof String) && c.action() instanceof Command.Report rep) {
        ids.add(rep.facts().id());
      }
    }
    EngineSnapshot s = live.snapshot();
    int victim = -1;
    for (int i = 0; i < s.cases().size() && victim < 0; i++) {
      if (s.cases().get(i).pendingDeadline().isPresent()) {
        victim = i;
      }
    }
    if (victim < 0) {
      return; // no pending deadline in this run: nothing to corrupt
    }
    List<EngineSnapshot.CaseSnapshot> cases = new ArrayList<>(s.cases());
    EngineSnapshot.CaseSnapshot c = cases.get(victim);
    cases.set(
        victim,
        new EngineSnapshot.CaseSnapshot(
            c.facts(),
            c.state(),
            c.clocks(),
            Optional.of(c.pendingDeadline().orElseThrow().plusMillis(1))));
    assertThatThrownBy(
            () -> CaseEngine.restore(config(), new EngineSnapshot(cases), Map.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(c.facts().id().toString())
        .hasMessageContaining("pending deadline");
    List<EngineSnapshot.CaseSnapshot> twice = new ArrayList<>(s.cases());
    twice.add(s.cases().get(0));
    assertThatThrownBy(
            () -> CaseEngine.restore(config(), new EngineSnapshot(twice), Map.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than once");
  }
}
