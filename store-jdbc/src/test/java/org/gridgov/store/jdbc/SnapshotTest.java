package org.gridgov.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.store.jdbc.StoreFixture.config;
import static org.gridgov.store.jdbc.StoreFixture.freshUrl;
import static org.gridgov.store.jdbc.StoreFixture.sql;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.gridgov.casefile.CaseId;
import org.gridgov.engine.CaseEngine;
import org.gridgov.engine.EngineSnapshot;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Persisted snapshots: the live engine, the engine reopened from its newest snapshot and the tail,
 * and the engine reopened by replaying the whole log are equal, at random cut points of a long
 * random scenario, on H2 and PostgreSQL; the oracle is a plain in-memory engine run over the same
 * commands. A snapshot of an unknown version, with a bad checksum or a payload that is not gzip is
 * skipped with a warning and an older one or the whole log is used; a fenced writer writes none.
 */
class SnapshotTest {
  private static final PrintStream QUIET =
      new PrintStream(PrintStream.nullOutputStream(), false, StandardCharsets.UTF_8);

  static Stream<Arguments> seeds() {
    List<Arguments> out = new ArrayList<>();
    for (String db : StoreFixture.databases()) {
      for (long seed = 1; seed <= 3; seed++) {
        out.add(Arguments.of(db, seed));
      }
    }
    return out.stream();
  }

  static List<String> databases() {
    return StoreFixture.databases();
  }

  private static DurableCaseEngine open(EventStore store, SnapshotPolicy policy) {
    return DurableCaseEngine.open(
        store, Partition.DEFAULT, config(), StoreLimits.defaults(), policy);
  }

  /**
   * Runs the scenario in segments; after each, a snapshot at a random step of it (sometimes none),
   * the store closed and reopened twice: from the snapshot and by replay. Both must equal the live
   * engine and the oracle, and the run goes on from the reopened engine.
   */
  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("seeds")
  void liveEqualsSnapshotPlusTailEqualsFullReplay(String db, long seed, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    int steps = 360;
    CrashScenario scenario = new CrashScenario(seed, steps);
    SplittableRandom r = new SplittableRandom(seed);
    CaseEngine oracle = config().build();
    CrashScenario.Target oracleTarget = plain(oracle);
    List<CaseId> ids = new ArrayList<>();
    List<CaseId> oracleIds = new ArrayList<>();
    int step = 0;
    int reopenedFromSnapshot = 0;
    EventStore store = StoreFixture.open(url);
    DurableCaseEngine live = open(store, SnapshotPolicy.onDemand());
    try {
      while (step < steps) {
        int cut = Math.min(steps, step + 1 + r.nextInt(60));
        int end = Math.min(steps, cut + r.nextInt(60));
        scenario.run(CrashScenario.durable(live), step, cut, ids, QUIET);
        scenario.run(oracleTarget, step, cut, oracleIds, QUIET);
        OptionalLong snapshotAt = OptionalLong.empty();
        if (r.nextInt(4) > 0) {
          snapshotAt = OptionalLong.of(live.takeSnapshot());
        }
        scenario.run(CrashScenario.durable(live), cut, end, ids, QUIET);
        scenario.run(oracleTarget, cut, end, oracleIds, QUIET);
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
          reopenedFromSnapshot++;
        }
        assertThat(live.snapshot()).as("snapshot + tail at step %s", step).isEqualTo(expected);
        assertThat(live.now()).isEqualTo(replayed.now());
      }
    } finally {
      store.close();
    }
    assertThat(reopenedFromSnapshot).as("cut points with a snapshot").isGreaterThan(1);
    assertThat(ids).isEqualTo(oracleIds);
  }

  private static CrashScenario.Target plain(CaseEngine engine) {
    return new CrashScenario.Target() {
      @Override
      public List<org.gridgov.casefile.CaseEvent> advanceTo(java.time.Instant t) {
        return engine.advanceTo(t);
      }

      @Override
      public List<org.gridgov.casefile.CaseEvent> execute(org.gridgov.engine.Command c) {
        if (c.action() instanceof org.gridgov.engine.Command.Report rep
            && engine.state(rep.facts().id()).isPresent()) {
          return engine.execute(c); // a retry, as the reference run of the kill test treats it
        }
        var unused = engine.advanceTo(c.at());
        return engine.execute(c);
      }

      @Override
      public java.util.Optional<org.gridgov.casefile.CaseState> state(CaseId id) {
        return engine.state(id);
      }
    };
  }

  /** A store with two snapshots (at steps 100 and 200 of a scenario) and 300 steps in its log. */
  private static long[] twoSnapshots(String url) {
    CrashScenario scenario = new CrashScenario(11, 300);
    List<CaseId> ids = new ArrayList<>();
    try (EventStore store = StoreFixture.open(url)) {
      DurableCaseEngine live = open(store, SnapshotPolicy.onDemand());
      scenario.run(CrashScenario.durable(live), 0, 100, ids, QUIET);
      long first = live.takeSnapshot();
      scenario.run(CrashScenario.durable(live), 100, 200, ids, QUIET);
      long second = live.takeSnapshot();
      scenario.run(CrashScenario.durable(live), 200, 300, ids, QUIET);
      assertThat(second).isGreaterThan(first);
      return new long[] {first, second};
    }
  }

  private static EngineSnapshot replay(String url) {
    try (EventStore store = StoreFixture.open(url)) {
      return open(store, SnapshotPolicy.replayOnly()).snapshot();
    }
  }

  private static long snapshotCount(String url) {
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM gridgov_snapshots");
        ResultSet rs = ps.executeQuery()) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aBadNewestSnapshotIsSkippedWithAWarningAndTheOlderOneUsed(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    long[] at = twoSnapshots(url);
    EngineSnapshot expected = replay(url);

    sql(
        url,
        "UPDATE gridgov_snapshots SET checksum = ? WHERE log_position = ?",
        "0".repeat(64),
        at[1]);
    List<String> logged =
        LogCapture.messages(
            Level.WARNING,
            () -> {
              try (EventStore store = StoreFixture.open(url)) {
                DurableCaseEngine e = open(store, SnapshotPolicy.onDemand());
                assertThat(e.restoredFromSnapshot()).hasValue(at[0]);
                assertThat(e.snapshot()).isEqualTo(expected);
              }
            });
    assertThat(logged)
        .singleElement()
        .asString()
        .contains("snapshot at log position " + at[1] + " is skipped")
        .contains("SHA-256 checksum");

    sql(url, "UPDATE gridgov_snapshots SET format_version = 99 WHERE log_position = ?", at[0]);
    logged =
        LogCapture.messages(
            Level.WARNING,
            () -> {
              try (EventStore store = StoreFixture.open(url)) {
                DurableCaseEngine e = open(store, SnapshotPolicy.onDemand());
                assertThat(e.restoredFromSnapshot()).isEmpty();
                assertThat(e.snapshot()).isEqualTo(expected);
              }
            });
    assertThat(logged).hasSize(2);
    assertThat(logged.get(1)).contains("format version 99, this code reads 1");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aPayloadThatIsNotGzipOrDoesNotFitTheLogIsSkipped(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    long[] at = twoSnapshots(url);
    EngineSnapshot expected = replay(url);
    byte[] junk = "not gzip".getBytes(StandardCharsets.UTF_8);
    sql(
        url,
        "UPDATE gridgov_snapshots SET payload = ?, checksum = ? WHERE log_position = ?",
        junk,
        Snapshots.sha256(junk),
        at[1]);
    // the older snapshot moved past its position: it now claims cases it does not hold
    sql(
        url,
        "UPDATE gridgov_snapshots SET log_position = ? WHERE log_position = ?",
        at[1] - 1,
        at[0]);
    List<String> logged =
        LogCapture.messages(
            Level.WARNING,
            () -> {
              try (EventStore store = StoreFixture.open(url)) {
                DurableCaseEngine e = open(store, SnapshotPolicy.onDemand());
                assertThat(e.restoredFromSnapshot()).isEmpty();
                assertThat(e.snapshot()).isEqualTo(expected);
              }
            });
    assertThat(logged).hasSize(2);
    assertThat(logged.get(0)).contains("not gzip-compressed JSON");
    assertThat(logged.get(1)).contains("does not fit the log");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aPeriodicPolicyWritesSnapshotsAndKeepsTheNewestTwo(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    CrashScenario scenario = new CrashScenario(5, 200);
    List<CaseId> ids = new ArrayList<>();
    EngineSnapshot live;
    try (EventStore store = StoreFixture.open(url)) {
      DurableCaseEngine e = open(store, SnapshotPolicy.everyEvents(40));
      scenario.run(CrashScenario.durable(e), 0, 200, ids, QUIET);
      live = e.snapshot();
    }
    assertThat(snapshotCount(url)).isEqualTo(2);
    try (EventStore store = StoreFixture.open(url)) {
      DurableCaseEngine e = open(store, SnapshotPolicy.onDemand());
      assertThat(e.restoredFromSnapshot()).isPresent();
      assertThat(e.replayedEvents()).isLessThan(40); // else another snapshot was due
      assertThat(e.snapshot()).isEqualTo(live);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aFencedWriterWritesNoSnapshot(String db, @TempDir Path dir) {
    String url = freshUrl(db, dir);
    CrashScenario scenario = new CrashScenario(3, 50);
    try (EventStore store = StoreFixture.open(url);
        EventStore other = StoreFixture.open(url)) {
      DurableCaseEngine e = open(store, SnapshotPolicy.onDemand());
      scenario.run(CrashScenario.durable(e), 0, 50, new ArrayList<>(), QUIET);
      var unused = other.takeOver(Partition.DEFAULT);
      assertThatThrownBy(e::takeSnapshot).isInstanceOf(PartitionFencedException.class);
      assertThat(e.isBroken()).isTrue();
    }
    assertThat(snapshotCount(url)).isZero();
  }
}
