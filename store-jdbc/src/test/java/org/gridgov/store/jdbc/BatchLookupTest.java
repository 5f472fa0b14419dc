package org.gridgov.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.store.jdbc.StoreFixture.*;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.engine.Command;
import org.gridgov.engine.Principal;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What one {@link DurableCaseEngine#executeAll} costs the database: the batch's id look-up reads
 * the primary key, not the whole table, after the store grew (the defect that made a batch of 200
 * as slow as 200 single commits on a durable PostgreSQL: PostgreSQL kept the plan it made for the
 * young store's small table, a sequential scan); and a batch takes the same statements and the same
 * two commits (the look-up's read, the batch's one write) whatever its size.
 */
class BatchLookupTest {
  private static final Principal DISP = Principal.inRegion("disp-1", Role.DISPATCHER, DISTRICT);
  private static final int STORED = 20_000;

  static List<String> databases() {
    return StoreFixture.databases();
  }

  /**
   * {@code cases} new cases' first four commands (report, verify, register, dispatch), one second
   * apart from {@code start} on, so that none is refused and no deadline passes.
   */
  private static List<Command> lives(String prefix, int cases, Instant start) {
    List<Command> out = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      CaseId id = CaseId.of(prefix + "-" + i);
      Instant t = start.plusSeconds(4L * i);
      out.add(
          Command.of(
              prefix + "r" + i,
              Principal.resident("res-" + i),
              id,
              t,
              new Command.Report(facts(id.value(), "0102", Priority.NORMAL, GRID1))));
      out.add(
          Command.of(prefix + "v" + i, DISP, id, t.plusSeconds(1), new Command.Verify(true, "")));
      out.add(Command.of(prefix + "g" + i, DISP, id, t.plusSeconds(2), new Command.Register()));
      out.add(
          Command.of(prefix + "d" + i, DISP, id, t.plusSeconds(3), Command.Dispatch.byPolicy()));
    }
    return out;
  }

  @Test
  void batchLookupReadsThePrimaryKeyAfterTheStoreGrew(@TempDir Path dir) throws SQLException {
    String url = freshUrl("pg", dir);
    Recording ds = new Recording(dataSource(url), false);
    try (EventStore store = EventStore.open(ds)) {
      // statistics stay those of the empty table for the length of the test (autovacuum would
      // analyse it now and then; between two analyses the table grows by up to 10 %)
      sql(url, "ALTER TABLE gridgov_commands SET (autovacuum_enabled = false)");
      DurableCaseEngine engine = DurableCaseEngine.open(store, config());
      Instant t = at("2025-03-03T09:00");
      for (int i = 0; i < 8; i++) { // a young store: PostgreSQL settles on a plan for small tables
        var unused = engine.executeAll(lives("Y" + i, 1, t.plusSeconds(60L * i)));
      }
      sql(
          url,
          "INSERT INTO gridgov_commands (command_id, case_id, at_ms, first_position, event_count)"
              + " SELECT 'old-' || g, 'OLD-' || g, 0, 1, 0 FROM generate_series(1, "
              + STORED
              + ") g");
      Connection c = ds.last();
      long[] before = commandTableReads(c);
      for (int round = 1; round <= 3; round++) {
        var unused = engine.executeAll(lives("P" + round, 50, t.plusSeconds(3600L * round)));
      }
      long[] after = commandTableReads(c);
      assertThat(after[0] - before[0])
          .as(
              "rows of gridgov_commands read by sequential scans during 3 batches of 200 (a scan"
                  + " reads all %s)",
              STORED)
          .isLessThan(STORED);
      assertThat(after[1] - before[1]).as("index scans of gridgov_commands").isPositive();
      assertThat(store.load().facts()).hasSize(158);
    }
  }

  /** {@code seq_tup_read, idx_scan} of gridgov_commands, after flushing this session's counts. */
  private static long[] commandTableReads(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT pg_stat_force_next_flush()")) {
        assertThat(rs.next()).isTrue();
      }
      c.commit(); // the session goes idle and reports its counts before the next query
      try (ResultSet rs =
          st.executeQuery(
              "SELECT seq_tup_read, COALESCE(idx_scan, 0) FROM pg_stat_user_tables"
                  + " WHERE schemaname = current_schema() AND relname = 'gridgov_commands'")) {
        assertThat(rs.next()).isTrue();
        long[] out = {rs.getLong(1), rs.getLong(2)};
        c.commit();
        return out;
      }
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aBatchTakesTheSameStatementsAndTwoCommitsWhateverItsSize(String db, @TempDir Path dir) {
    Recording ds = new Recording(dataSource(freshUrl(db, dir)), true);
    try (EventStore store = EventStore.open(ds)) {
      DurableCaseEngine engine = DurableCaseEngine.open(store, config());
      Instant t = at("2025-03-03T09:00");
      var unused = engine.executeAll(lives("W", 2, t)); // prepares the batch's statements
      int[] small = ds.counted(() -> engine.executeAll(lives("S", 5, t.plusSeconds(3600))));
      int[] large = ds.counted(() -> engine.executeAll(lives("L", 250, t.plusSeconds(7200))));
      assertThat(large)
          .as("statements executed and commits of a batch of 1,000 vs one of 20 on %s", db)
          .containsExactly(small);
      assertThat(small[1])
          .as("commits per batch: the look-up's read and the one write")
          .isEqualTo(2);
      assertThat(small[0]).as("statements per batch").isBetween(4, 10);
      assertThat(store.load().facts()).hasSize(257);
    }
  }

  /**
   * A data source that remembers the last connection it gave (the store's: Flyway's come first) and
   * can count, on it, the statements executed and the commits.
   */
  private static final class Recording implements DataSource {
    private final DataSource delegate;
    private final boolean counting;
    private final AtomicInteger executions = new AtomicInteger();
    private final AtomicInteger commits = new AtomicInteger();
    private @Nullable Connection last;

    Recording(DataSource delegate, boolean counting) {
      this.delegate = delegate;
      this.counting = counting;
    }

    Connection last() {
      return java.util.Objects.requireNonNull(last);
    }

    int[] counted(java.util.function.Supplier<?> call) {
      int e = executions.get();
      int c = commits.get();
      var unused = call.get();
      return new int[] {executions.get() - e, commits.get() - c};
    }

    @Override
    public Connection getConnection() throws SQLException {
      return remember(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return remember(delegate.getConnection(user, password));
    }

    private Connection remember(Connection c) {
      Connection out = counting ? countingConnection(c) : c;
      last = out;
      return out;
    }

    private Connection countingConnection(Connection c) {
      InvocationHandler h =
          (proxy, method, args) -> {
            if (method.getName().equals("commit")) {
              commits.incrementAndGet();
            }
            Object result = invoke(method, c, args);
            if (result instanceof Statement st
                && (method.getName().startsWith("prepare")
                    || method.getName().equals("createStatement"))) {
              return countingStatement(st);
            }
            return result;
          };
      return (Connection)
          Proxy.newProxyInstance(
              BatchLookupTest.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
    }

    private Statement countingStatement(Statement s) {
      InvocationHandler h =
          (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
              executions.incrementAndGet();
            }
            return invoke(method, s, args);
          };
      Class<?> type = s instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
      return (Statement)
          Proxy.newProxyInstance(BatchLookupTest.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args)
        throws Throwable {
      try {
        return m.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
      return delegate.isWrapperFor(iface);
    }
  }
}
