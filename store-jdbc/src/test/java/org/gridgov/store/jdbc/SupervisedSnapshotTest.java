package org.gridgov.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.store.jdbc.StoreFixture.DISTRICT;
import static org.gridgov.store.jdbc.StoreFixture.freshUrl;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.EventType;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.casefile.Satisfaction;
import org.gridgov.engine.CaseEngine;
import org.gridgov.engine.Command;
import org.gridgov.engine.EngineSnapshot;
import org.gridgov.engine.Principal;
import org.gridgov.engine.SupervisionPolicy;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Persisted snapshots of supervised cases and repeat reports, on H2 and PostgreSQL: the store's
 * engine has a supervision policy (automatic 督办 after breaches, returns and repeats; repeats linked
 * for 30 days; a dissatisfied 回访 reopens), and the kill test's random scenario is interleaved with
 * random repeat reports, supervisions opened, urged and closed, and visits. After each segment the
 * store is reopened from its newest snapshot and by full replay; both must equal the live engine
 * and a plain in-memory engine run over the same commands — report counts, breach counts and
 * supervisions included (they are part of {@link EngineSnapshot}). The run must have reopened from
 * a snapshot that held a supervised case and a case reported more than once, and opened, urged and
 * closed supervisions and linked repeats; a visit of a closed case must be recorded (a run may
 * close no case before a visit: the engine's property test covers visits over many seeds).
 */
class SupervisedSnapshotTest {
  private static final PrintStream QUIET =
      new PrintStream(PrintStream.nullOutputStream(), false, StandardCharsets.UTF_8);

  static final String POLICY =
      """
      level 一般督办 working-days 2 same-clock-time
      level 重点督办 natural PT24H
      level 挂牌督办 natural PT12H
      auto breaches 2 一般督办
      auto returns 2 重点督办
      auto repeat-while-open 重点督办
      repeat window P30D reopen
      visit dissatisfied reopen
      """;

  private static final String[] LEVELS = {"一般督办", "重点督办", "挂牌督办", "特级督办"};
  private static final List<Satisfaction> ANSWERS =
      List.of(Satisfaction.SATISFIED, Satisfaction.BASICALLY_SATISFIED, Satisfaction.DISSATISFIED);
  private static final Principal SUPERVISOR =
      Principal.inRegion("sup-1", Role.SUPERVISOR, DISTRICT);
  private static final Principal DISPATCHER =
      Principal.inRegion("disp-1", Role.DISPATCHER, DISTRICT);

  static Stream<Arguments> seeds() {
    List<Arguments> out = new ArrayList<>();
    for (String db : StoreFixture.databases()) {
      for (long seed = 21; seed <= 22; seed++) {
        out.add(Arguments.of(db, seed));
      }
    }
    return out.stream();
  }

  private static CaseEngine.Builder config() {
    return StoreFixture.config().supervisionPolicy(SupervisionPolicy.parse(POLICY, "test-policy"));
  }

  private static DurableCaseEngine open(EventStore store, SnapshotPolicy policy) {
    return DurableCaseEngine.open(
        store, Partition.DEFAULT, config(), StoreLimits.defaults(), policy);
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("seeds")
  void supervisedAndRepeatedCases_reopenFromSnapshotAndReplay_equalToLive(
      String db, long seed, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    int steps = 300;
    CrashScenario scenario = new CrashScenario(seed, steps);
    SplittableRandom r = new SplittableRandom(seed);
    CaseEngine oracle = config().build();
    CrashScenario.Target oracleTarget = plain(oracle);
    List<CaseId> ids = new ArrayList<>();
    List<CaseId> oracleIds = new ArrayList<>();
    List<CaseEvent> oracleLog = new ArrayList<>();
    int step = 0;
    int serial = 0;
    int richReopens = 0;
    EventStore store = StoreFixture.open(url);
    DurableCaseEngine live = open(store, SnapshotPolicy.onDemand());
    try {
      while (step < steps) {
        int cut = Math.min(steps, step + 1 + r.nextInt(50));
        int end = Math.min(steps, cut + r.nextInt(50));
        scenario.run(CrashScenario.durable(live), step, cut, ids, QUIET);
        scenario.run(oracleTarget, step, cut, oracleIds, QUIET);
        serial = supervise(r, live, oracle, ids, oracleLog, serial, 3 + r.nextInt(12));
        OptionalLong snapshotAt = OptionalLong.empty();
        boolean rich = false;
        if (r.nextInt(4) > 0) {
          snapshotAt = OptionalLong.of(live.takeSnapshot());
          rich = supervisedAndRepeated(live.snapshot());
        }
        scenario.run(CrashScenario.durable(live), cut, end, ids, QUIET);
        scenario.run(oracleTarget, cut, end, oracleIds, QUIET);
        serial = supervise(r, live, oracle, ids, oracleLog, serial, r.nextInt(8));
        step = end;
        EngineSnapshot expected = oracle.snapshot();
        assertThat(live.snapshot()).as("live at step %s", step).isEqualTo(expected);
        store.close();

        store = StoreFixture.open(url);
        DurableCaseEngine replayed = open(store, SnapshotPolicy.replayOnly());
        assertThat(replayed.restoredFromSnapshot()).isEmpty();
        assertThat(replayed.snapshot()).as("replay at step %s", step).isEqualTo(expected);
        assertThat(replayed.now()).isEqualTo(live.now());
        store.close();

        store = StoreFixture.open(url);
        live = open(store, SnapshotPolicy.onDemand());
        if (snapshotAt.isPresent()) {
          assertThat(live.restoredFromSnapshot()).isEqualTo(snapshotAt);
          if (rich) {
            richReopens++;
          }
        }
        assertThat(live.snapshot()).as("snapshot + tail at step %s", step).isEqualTo(expected);
        assertThat(live.now()).isEqualTo(replayed.now());
      }
      // further time on the reopened engine: supervision deadlines and breaches fire as on the
      // oracle
      Instant later = oracle.now().orElseThrow().plusSeconds(10 * 86_400L);
      assertThat(live.advanceTo(later)).isEqualTo(oracle.advanceTo(later));
      assertThat(live.snapshot()).isEqualTo(oracle.snapshot());
    } finally {
      store.close();
    }
    assertThat(richReopens)
        .as("reopens from a snapshot holding a supervised and a repeat-reported case")
        .isGreaterThan(0);
    assertThat(oracleLog.stream().map(CaseEvent::type))
        .as("supervision events the interleaved commands produced")
        .contains(
            EventType.REPEAT_REPORTED,
            EventType.SUPERVISION_OPENED,
            EventType.URGED,
            EventType.SUPERVISION_CLOSED);
  }

  /** Whether a snapshot holds a case under supervision and a case reported more than once. */
  private static boolean supervisedAndRepeated(EngineSnapshot s) {
    return s.cases().stream().anyMatch(c -> c.supervision().isPresent())
        && s.cases().stream().anyMatch(c -> c.reportCount() > 1);
  }

  /**
   * Runs {@code n} random supervision commands (repeat reports, 督办 open / urge / close, 回访) on the
   * durable engine and the oracle at the live engine's time; both must give the same events or both
   * refuse. Returns the next serial number for command ids.
   */
  private static int supervise(
      SplittableRandom r,
      DurableCaseEngine live,
      CaseEngine oracle,
      List<CaseId> ids,
      List<CaseEvent> oracleLog,
      int serial,
      int n) {
    if (ids.isEmpty() || live.now().isEmpty()) {
      return serial;
    }
    Instant t = live.now().orElseThrow();
    for (int i = 0; i < n; i++) {
      String cid = "s" + serial++;
      Command c = supervisionCommand(r, oracle, ids, cid, t);
      boolean visitOfClosedCase = c.action() instanceof Command.Visit && closed(oracle, c.caseId());
      Optional<List<CaseEvent>> expected = outcome(() -> oracle.execute(c));
      Optional<List<CaseEvent>> actual = outcome(() -> live.execute(c));
      assertThat(actual).as("%s", c).isEqualTo(expected);
      if (visitOfClosedCase) { // 回访 of a closed case is never refused
        assertThat(expected).as("%s", c).isPresent();
        assertThat(expected.orElseThrow().get(0).type()).isEqualTo(EventType.VISITED);
      }
      expected.ifPresent(oracleLog::addAll);
    }
    return serial;
  }

  /** The events of a call, or empty if the engine refused the command. */
  private static Optional<List<CaseEvent>> outcome(java.util.function.Supplier<List<CaseEvent>> f) {
    try {
      return Optional.of(List.copyOf(f.get()));
    } catch (EventStoreException e) {
      throw e;
    } catch (RuntimeException refused) {
      return Optional.empty();
    }
  }

  private static Command supervisionCommand(
      SplittableRandom r, CaseEngine oracle, List<CaseId> ids, String cid, Instant t) {
    int k = r.nextInt(6);
    CaseId id = ids.get(r.nextInt(ids.size()));
    if ((k == 3 || k == 4) && r.nextInt(5) > 0) { // mostly a case under open supervision
      id = pick(r, ids, c -> oracle.supervision(c).filter(s -> s.isOpen()).isPresent(), id);
    } else if (k == 5 && r.nextInt(5) > 0) { // mostly a closed case
      id = pick(r, ids, c -> closed(oracle, c), id);
    }
    if (k < 2) { // a repeat report: same category, same first location
      CaseFacts of = oracle.facts(id).orElseThrow();
      CaseFacts again =
          CaseFacts.builder()
              .id(CaseId.of("S-" + cid))
              .categoryCode(of.categoryCode())
              .priority(Priority.NORMAL)
              .kind(of.kind())
              .locationCodes(
                  com.google.common.primitives.ImmutableLongArray.of(of.locationCodes().get(0)))
              .source(CaseSource.HOTLINE_12345)
              .build();
      return Command.of(
          cid, Principal.resident("res-" + r.nextInt(5)), again.id(), t, new Command.Report(again));
    }
    Command.Action a =
        switch (k) {
          case 2 -> new Command.OpenSupervision(LEVELS[r.nextInt(LEVELS.length)], "群众反映强烈");
          case 3 -> new Command.Urge("今日内处置完毕");
          case 4 -> new Command.CloseSupervision("按期整改完毕");
          default ->
              r.nextBoolean()
                  ? Command.Visit.reached(ANSWERS.get(r.nextInt(ANSWERS.size())))
                  : Command.Visit.notReached();
        };
    return Command.of(cid, k == 5 ? DISPATCHER : SUPERVISOR, id, t, a);
  }

  private static boolean closed(CaseEngine e, CaseId id) {
    return e.state(id)
        .map(st -> st.status() == CaseStatus.CLOSED || st.status() == CaseStatus.EVALUATED)
        .orElse(false);
  }

  /** A random case that passes {@code test}, or {@code otherwise} if none does. */
  private static CaseId pick(
      SplittableRandom r,
      List<CaseId> ids,
      java.util.function.Predicate<CaseId> test,
      CaseId otherwise) {
    List<CaseId> fit = ids.stream().filter(test).toList();
    return fit.isEmpty() ? otherwise : fit.get(r.nextInt(fit.size()));
  }

  private static CrashScenario.Target plain(CaseEngine engine) {
    return new CrashScenario.Target() {
      @Override
      public List<CaseEvent> advanceTo(Instant t) {
        return engine.advanceTo(t);
      }

      @Override
      public List<CaseEvent> execute(Command c) {
        if (c.action() instanceof Command.Report rep
            && engine.state(rep.facts().id()).isPresent()) {
          return engine.execute(c); // a retry, as the reference run of the kill test treats it
        }
        var unused = engine.advanceTo(c.at());
        return engine.execute(c);
      }

      @Override
      public Optional<CaseState> state(CaseId id) {
        return engine.state(id);
      }
    };
  }
}
