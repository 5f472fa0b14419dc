package org.gridgov.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retry of {@link Migrations#migrate} as its Javadoc states it: up to {@value
 * Migrations#ATTEMPTS} attempts, waiting 50, 100, 200 and 400 ms between them, the last failure
 * thrown, an interrupt while waiting ending the retry with the thread's flag kept (issue 17, the
 * mutation-testing gate). Run in the test itself, so PIT sees it (the fixtures' migrations run in
 * set-up, which PIT attributes to no test).
 */
class MigrationsGateTest {

  /** A data source over H2 whose first {@code refusals} connection requests fail. */
  private static final class Flaky {
    final List<Long> refusedAtNanos = new ArrayList<>();
    long firstGrantNanos;
    int granted;
    final DataSource dataSource;

    Flaky(String url, int refusals) {
      DataSource real = StoreFixture.dataSource(url);
      this.dataSource =
          (DataSource)
              Proxy.newProxyInstance(
                  DataSource.class.getClassLoader(),
                  new Class<?>[] {DataSource.class},
                  (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                      if (refusedAtNanos.size() < refusals) {
                        refusedAtNanos.add(System.nanoTime());
                        throw new SQLException("refused #" + refusedAtNanos.size(), "08001");
                      }
                      if (granted++ == 0) {
                        firstGrantNanos = System.nanoTime();
                      }
                    }
                    try {
                      return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                      throw e.getCause();
                    }
                  });
    }

    /** The waits between consecutive attempts (refused, then the first granted), in ms. */
    List<Long> gapsMillis() {
      List<Long> times = new ArrayList<>(refusedAtNanos);
      if (granted > 0) {
        times.add(firstGrantNanos);
      }
      List<Long> gaps = new ArrayList<>();
      for (int i = 1; i < times.size(); i++) {
        gaps.add((times.get(i) - times.get(i - 1)) / 1_000_000);
      }
      return gaps;
    }
  }

  private static String url(Path dir) {
    return EventStore.h2Url(dir.resolve("h2"));
  }

  private static boolean historyTableExists(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        ResultSet rs = c.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
      while (rs.next()) {
        if (rs.getString("TABLE_NAME").equalsIgnoreCase(Migrations.HISTORY_TABLE)) {
          return true;
        }
      }
      return false;
    }
  }

  @Test
  void fourFailedAttemptsThenTheFifthMigrates(@TempDir Path dir) throws SQLException {
    Flaky flaky = new Flaky(url(dir), 4);

    Migrations.migrate(flaky.dataSource);

    assertThat(flaky.refusedAtNanos).hasSize(4);
    assertThat(flaky.granted).as("the fifth attempt connected").isPositive();
    assertThat(historyTableExists(url(dir))).isTrue();
    // The Javadoc's waits: 50, 100, 200 and 400 ms, each at least that. Their sum is 750 ms; a
    // schedule one step longer (200, 400, 800, 1600) sleeps at least 3 s, so a bound of 2.5 s tells
    // them apart whatever the machine's load adds to the shorter one.
    List<Long> gaps = flaky.gapsMillis();
    assertThat(gaps).hasSize(4);
    assertThat(gaps.get(0)).as("wait after attempt 1").isGreaterThanOrEqualTo(50);
    assertThat(gaps.get(1)).as("wait after attempt 2").isGreaterThanOrEqualTo(100);
    assertThat(gaps.get(2)).as("wait after attempt 3").isGreaterThanOrEqualTo(200);
    assertThat(gaps.get(3)).as("wait after attempt 4").isGreaterThanOrEqualTo(400);
    assertThat(gaps.stream().mapToLong(Long::longValue).sum()).isLessThan(2_500);
  }

  @Test
  void fiveFailedAttemptsThrowTheLastFailure(@TempDir Path dir) throws SQLException {
    Flaky flaky = new Flaky(url(dir), Integer.MAX_VALUE);

    assertThatThrownBy(() -> Migrations.migrate(flaky.dataSource))
        .isInstanceOf(FlywayException.class)
        .hasRootCauseMessage("refused #5");

    assertThat(flaky.refusedAtNanos).as("exactly five attempts").hasSize(Migrations.ATTEMPTS);
    assertThat(flaky.granted).isZero();
    assertThat(historyTableExists(url(dir))).isFalse();
  }

  @Test
  void anInterruptWhileWaitingEndsTheRetryAndKeepsTheFlag(@TempDir Path dir) {
    Flaky flaky = new Flaky(url(dir), Integer.MAX_VALUE);
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> Migrations.migrate(flaky.dataSource))
          .isInstanceOf(FlywayException.class)
          .hasMessageContaining("interrupted while waiting to repeat the migration")
          .hasCauseInstanceOf(InterruptedException.class);
      assertThat(Thread.currentThread().isInterrupted()).as("flag set again").isTrue();
      assertThat(flaky.refusedAtNanos).as("no attempt after the interrupt").hasSize(1);
    } finally {
      var unused = Thread.interrupted();
    }
  }

  @Test
  void aSchemaWithOtherTablesIsBaselinedAndMigratedBesideThem(@TempDir Path dir)
      throws SQLException {
    String url = url(dir);
    StoreFixture.sql(url, "CREATE TABLE app_own (id INT PRIMARY KEY)");
    StoreFixture.sql(url, "INSERT INTO app_own VALUES (7)");

    Migrations.migrate(StoreFixture.dataSource(url));

    assertThat(historyTableExists(url)).isTrue();
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT id FROM app_own")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(7);
    }
    // Opening the store on it works: its tables were created beside the application's.
    try (EventStore store = StoreFixture.open(url)) {
      assertThat(store).isNotNull();
    }
  }
}
