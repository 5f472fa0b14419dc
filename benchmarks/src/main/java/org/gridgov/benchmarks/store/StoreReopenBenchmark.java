package org.gridgov.benchmarks.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.gridgov.engine.Command;
import org.gridgov.engine.EngineSnapshot;
import org.gridgov.store.jdbc.DurableCaseEngine;
import org.gridgov.store.jdbc.EventStore;
import org.gridgov.store.jdbc.Partition;
import org.gridgov.store.jdbc.SnapshotPolicy;
import org.gridgov.store.jdbc.StoreLimits;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Reopening a durable engine from its store: {@link #fullReplay} (the whole log, {@code
 * SnapshotPolicy.replayOnly()}) against {@link #snapshotPlusTail} (the persisted snapshot and the
 * events after it), in one run, on {@code db} = {@code h2} (a file database in a new temporary
 * directory) or {@code pg} (a new schema at {@code GRIDGOV_PG_URL}; without it run with {@code -p
 * db=h2}). Each invocation opens the store, opens the engine (reading and checking rows, parsing,
 * restoring), and closes it.
 *
 * <p>The store: {@code cases} cases of the shared workload ({@link EventStoreBenchmark#life}), one
 * in two taken through its whole life (8 events), the others left at their dispatch (4 events, SLA
 * clocks running), then a snapshot, then a tail of 25 more lives (200 events). Set-up checks that
 * both ways give the engine the writer had.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StoreReopenBenchmark {
  private static final Instant START = Instant.parse("2025-03-03T01:00:00Z");
  private static final int TAIL_LIVES = 25;

  /** The database: {@code h2} or {@code pg}. */
  @Param({"h2", "pg"})
  public String db = "h2";

  /** The cases before the snapshot. */
  @Param({"1000", "10000"})
  public int cases = 1000;

  private @Nullable Path dir;
  private @Nullable DataSource source;

  /**
   * Builds the store: the cases, a snapshot, the tail; checks both ways of reopening.
   *
   * @throws IOException if the H2 directory cannot be created
   */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    if (db.equals("h2")) {
      dir = Files.createTempDirectory("gridgov-reopen-bench");
      source = h2(EventStore.h2Url(dir));
    } else {
      source = pg(freshPgSchema());
    }
    EngineSnapshot written;
    try (EventStore store = EventStore.open(source)) {
      DurableCaseEngine e = open(store, SnapshotPolicy.onDemand());
      Instant t = START;
      int n = 0;
      for (int batch = 0; batch < cases / 100; batch++) {
        t = t.plusSeconds(60);
        var unused = e.executeAll(lives(n, 100, t, true));
        n += 100;
      }
      long at = e.takeSnapshot();
      t = t.plusSeconds(60);
      var unused = e.executeAll(lives(n, TAIL_LIVES, t, false));
      written = e.snapshot();
      if (at <= 0) {
        throw new IllegalStateException("the snapshot covers no event");
      }
    }
    check(SnapshotPolicy.replayOnly(), written, false);
    check(SnapshotPolicy.onDemand(), written, true);
  }

  private void check(SnapshotPolicy policy, EngineSnapshot written, boolean fromSnapshot) {
    try (EventStore store = EventStore.open(java.util.Objects.requireNonNull(source))) {
      DurableCaseEngine e = open(store, policy);
      if (!e.snapshot().equals(written) || e.restoredFromSnapshot().isPresent() != fromSnapshot) {
        throw new IllegalStateException(
            "reopened with " + policy + ": not the engine that was written");
      }
    }
  }

  /** Lives {@code from + 1 ...}; every other one stops at its dispatch when {@code halfOpen}. */
  private static List<Command> lives(int from, int count, Instant t, boolean halfOpen) {
    List<Command> out = new ArrayList<>(count * 8);
    for (int i = 1; i <= count; i++) {
      List<Command> life = EventStoreBenchmark.life(from + i, t);
      out.addAll(halfOpen && i % 2 == 0 ? life.subList(0, 4) : life);
    }
    return out;
  }

  private static DurableCaseEngine open(EventStore store, SnapshotPolicy policy) {
    return DurableCaseEngine.open(
        store, Partition.DEFAULT, EventStoreBenchmark.config(), StoreLimits.defaults(), policy);
  }

  /**
   * Deletes the H2 directory.
   *
   * @throws IOException if it cannot be deleted
   */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    if (dir != null) {
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /**
   * Opens the store and the engine by replaying the whole log, then closes.
   *
   * @return the number of events replayed
   */
  @Benchmark
  public long fullReplay() {
    try (EventStore store = EventStore.open(java.util.Objects.requireNonNull(source))) {
      return open(store, SnapshotPolicy.replayOnly()).replayedEvents();
    }
  }

  /**
   * Opens the store and the engine from the snapshot and the tail, then closes.
   *
   * @return the number of events replayed (the tail)
   */
  @Benchmark
  public long snapshotPlusTail() {
    try (EventStore store = EventStore.open(java.util.Objects.requireNonNull(source))) {
      return open(store, SnapshotPolicy.onDemand()).replayedEvents();
    }
  }

  private static String freshPgSchema() {
    String base = System.getenv("GRIDGOV_PG_URL");
    if (base == null || base.isBlank()) {
      throw new IllegalStateException(
          "db=pg needs GRIDGOV_PG_URL (e.g. jdbc:postgresql://127.0.0.1:5432/gridgov?user=g);"
              + " without a server run with -p db=h2");
    }
    String schema = String.format(Locale.ROOT, "bench_reopen_%d", ProcessHandle.current().pid());
    try (Connection c = DriverManager.getConnection(base);
        Statement st = c.createStatement()) {
      var unused = st.executeUpdate("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      unused = st.executeUpdate("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new UncheckedIOException(new IOException("cannot create schema " + schema, e));
    }
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static DataSource h2(String url) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(url);
    return ds;
  }

  private static DataSource pg(String url) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    return ds;
  }
}
