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
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.gridgov.engine.Command;
import org.gridgov.store.jdbc.CommandOutcome;
import org.gridgov.store.jdbc.DurableCaseEngine;
import org.gridgov.store.jdbc.EventStore;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Durable commands per second with and without group commit, in one run, on {@code db} = {@code h2}
 * (a file database in a new temporary directory) or {@code pg} (a new schema in the database at
 * {@code GRIDGOV_PG_URL}; without it run with {@code -p db=h2}). The workload is cases' lives of 8
 * commands each (report, verify, register, dispatch by the example policy, accept, resolve, check,
 * close), 200 commands per invocation; the score is per command.
 *
 * <ul>
 *   <li>{@link #oneTransactionPerCommand}: {@code DurableCaseEngine.execute} per command (a look-up
 *       of its id, then one commit each).
 *   <li>{@link #batched}: {@code DurableCaseEngine.executeAll} over all 200 commands (one look-up
 *       of the 200 ids, then one commit).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StoreBatchingBenchmark {
  private static final int LIVES = 25;
  private static final int COMMANDS = LIVES * 8;
  private static final Instant START = Instant.parse("2025-03-03T01:00:00Z");

  /** The database: {@code h2} or {@code pg}. */
  @Param({"h2", "pg"})
  public String db = "h2";

  private @Nullable Path dir;
  private @Nullable EventStore store;
  private @Nullable DurableCaseEngine durable;
  private Instant t = START;
  private int lives;

  /**
   * Opens a fresh store and a durable engine on it.
   *
   * @throws IOException if the H2 directory cannot be created
   */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    if (db.equals("h2")) {
      dir = Files.createTempDirectory("gridgov-batch-bench");
      store = EventStore.open(h2(EventStore.h2Url(dir)));
    } else {
      store = EventStore.open(pg(freshPgSchema()));
    }
    durable = DurableCaseEngine.open(store, EventStoreBenchmark.config());
    t = START;
    lives = 0;
  }

  /**
   * Closes the store and deletes the H2 directory.
   *
   * @throws IOException if the H2 directory cannot be deleted
   */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    if (store != null) {
      store.close();
    }
    if (dir != null) {
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /**
   * 200 commands, one transaction each (score per command).
   *
   * @return the number of events stored
   */
  @Benchmark
  @OperationsPerInvocation(COMMANDS)
  public int oneTransactionPerCommand() {
    DurableCaseEngine e = Objects.requireNonNull(durable);
    int events = 0;
    for (Command c : commands()) {
      events += e.execute(c).size();
    }
    return events;
  }

  /**
   * The same kind of 200 commands in one {@code executeAll}: one transaction (score per command).
   *
   * @return the number of events stored
   */
  @Benchmark
  @OperationsPerInvocation(COMMANDS)
  public int batched() {
    DurableCaseEngine e = Objects.requireNonNull(durable);
    int events = 0;
    for (CommandOutcome o : e.executeAll(commands())) {
      events += o.eventsOrThrow().size();
    }
    return events;
  }

  private List<Command> commands() {
    List<Command> out = new ArrayList<>(COMMANDS);
    for (int i = 0; i < LIVES; i++) {
      t = t.plusMillis(1);
      out.addAll(EventStoreBenchmark.life(++lives, t));
    }
    return out;
  }

  private static String freshPgSchema() {
    String base = System.getenv("GRIDGOV_PG_URL");
    if (base == null || base.isBlank()) {
      throw new IllegalStateException(
          "db=pg needs GRIDGOV_PG_URL (e.g. jdbc:postgresql://127.0.0.1:5432/gridgov?user=g);"
              + " without a server run with -p db=h2");
    }
    String schema = String.format(Locale.ROOT, "bench_batch_%d", ProcessHandle.current().pid());
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
