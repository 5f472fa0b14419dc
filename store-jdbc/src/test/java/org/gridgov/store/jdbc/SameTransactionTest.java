package org.gridgov.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.store.jdbc.StoreFixture.*;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.Priority;
import org.gridgov.engine.Command;
import org.gridgov.engine.Principal;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link DurableCaseEngine#executeAll(List, SameTransaction)}: the application's rows are committed
 * with the batch's events, seen with the batch's outcomes, or rolled back with them.
 */
class SameTransactionTest {

  static List<String> databases() {
    return StoreFixture.databases();
  }

  private static List<Command> batch(String prefix, int cases) {
    Instant t = at("2025-03-03T09:00");
    List<Command> out = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      CaseFacts f = facts(prefix + i, "0102", Priority.NORMAL, GRID1);
      out.add(
          Command.of(
              prefix + "r" + i, Principal.resident("res-" + i), f.id(), t, new Command.Report(f)));
      // a resident may not close a case: refused, and the hook sees the refusal
      out.add(
          Command.of(
              prefix + "x" + i, Principal.resident("res-" + i), f.id(), t, new Command.Close()));
    }
    return out;
  }

  /** Writes one row per accepted command into app_rows. */
  private static SameTransaction rows(List<List<CommandOutcome>> seen) {
    return (c, outcomes) -> {
      seen.add(outcomes);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_rows (id) VALUES (?)")) {
        for (CommandOutcome o : outcomes) {
          if (o.accepted()) {
            ps.setString(1, o.commandId());
            ps.addBatch();
          }
        }
        var unused = ps.executeBatch();
      }
    };
  }

  private static int count(String url, String table) throws SQLException {
    try (Connection c = dataSource(url).getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
      assertThat(rs.next()).isTrue();
      return rs.getInt(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void rowsAreCommittedWithTheBatchAndSeeItsOutcomes(String db, @TempDir Path dir)
      throws SQLException {
    String url = freshUrl(db, dir);
    sql(url, "CREATE TABLE app_rows (id VARCHAR(100) PRIMARY KEY)");
    List<List<CommandOutcome>> seen = new ArrayList<>();
    try (EventStore store = StoreFixture.open(url)) {
      DurableCaseEngine e = DurableCaseEngine.open(store, config());
      List<CommandOutcome> outcomes = e.executeAll(batch("A", 5), rows(seen));
      assertThat(seen).containsExactly(outcomes);
      assertThat(outcomes.stream().filter(CommandOutcome::accepted).count()).isEqualTo(5);
    }
    assertThat(count(url, "app_rows")).isEqualTo(5);
    try (EventStore store = StoreFixture.open(url)) {
      assertThat(store.load().events()).hasSizeGreaterThanOrEqualTo(5);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aFailingRowRollsTheWholeBatchBack(String db, @TempDir Path dir) throws SQLException {
    String url = freshUrl(db, dir);
    sql(url, "CREATE TABLE app_rows (id VARCHAR(100) PRIMARY KEY)");
    sql(url, "INSERT INTO app_rows (id) VALUES ('Br2')"); // the batch's third row will collide
    int eventsBefore;
    try (EventStore store = StoreFixture.open(url)) {
      DurableCaseEngine e = DurableCaseEngine.open(store, config());
      var unused = e.executeAll(batch("A", 2), rows(new ArrayList<>()));
      eventsBefore = store.load().events().size();
      assertThatThrownBy(() -> e.executeAll(batch("B", 4), rows(new ArrayList<>())))
          .isInstanceOf(EventStoreException.class)
          .hasMessageContaining("nothing was written");
      assertThatThrownBy(() -> e.executeAll(batch("C", 1)))
          .isInstanceOf(IllegalStateException.class);
    }
    assertThat(count(url, "app_rows")).isEqualTo(1 + 2);
    try (EventStore store = StoreFixture.open(url)) {
      assertThat(store.load().events()).hasSize(eventsBefore);
      DurableCaseEngine reopened = DurableCaseEngine.open(store, config());
      assertThat(reopened.state(facts("B0", "0102", Priority.NORMAL, GRID1).id())).isEmpty();
      assertThat(reopened.state(facts("A1", "0102", Priority.NORMAL, GRID1).id())).isPresent();
    }
  }
}
