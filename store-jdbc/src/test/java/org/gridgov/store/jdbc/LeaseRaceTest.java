package org.gridgov.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.store.jdbc.StoreFixture.*;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The races of {@code Leases.acquire} and {@code takeOver}, made deterministic in one JVM: the
 * store's connection comes from a data source that hands out the real connection wrapped, and the
 * wrapper lets "another writer" (a second connection, or a second store) change the lease row just
 * before the store prepares its write (the insert of a new row, or the compare-and-set of the
 * token), after the store has read the row. That is exactly the window in which a writer in another
 * process can win; the store must then read again, and give up after three lost attempts. Also the
 * rest of the lease life cycle as rows: a release on close, a partition's clock, nothing left
 * uncommitted. H2 and PostgreSQL.
 */
class LeaseRaceTest {
  private static final Partition NORTH = Partition.of("north");
  private static final String INSERT_LEASE = "INSERT INTO gridgov_partitions";
  private static final String RAISE_LEASE = "UPDATE gridgov_partitions SET lease_token = ?, holder";

  static List<String> databases() {
    return StoreFixture.databases();
  }

  /** Another writer's move, run on its own connection just before the store prepares a write. */
  @FunctionalInterface
  interface Move {
    void run() throws SQLException;
  }

  /**
   * A store on {@code url} whose first write of the lease row (the statement starting with {@code
   * prefix}) comes just after {@code other} acquires {@code NORTH} at {@code token}.
   */
  private static EventStore openAfterOtherAcquires(
      String url, String prefix, EventStore other, long token, AtomicInteger moves)
      throws SQLException {
    return EventStore.open(
        interfering(
            url,
            prefix,
            1,
            moves,
            () -> assertThat(other.acquire(NORTH).token()).isEqualTo(token)));
  }

  /**
   * A data source whose connections run {@code move} before preparing a statement that starts with
   * {@code prefix}, at most {@code times} times; {@code moves} counts the moves made.
   */
  private static DataSource interfering(
      String url, String prefix, int times, AtomicInteger moves, Move move) {
    DataSource real = dataSource(url);
    InvocationHandler sources =
        (proxy, method, args) -> {
          Object result = invoke(real, method, args);
          if (method.getName().equals("getConnection")) {
            Connection c = (Connection) Objects.requireNonNull(result);
            return Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (p, m, a) -> {
                  if (m.getName().equals("prepareStatement")
                      && a != null
                      && a[0] instanceof String sql
                      && sql.startsWith(prefix)
                      && moves.get() < times) {
                    moves.incrementAndGet();
                    move.run();
                  }
                  return invoke(c, m, a);
                });
          }
          return result;
        };
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, sources);
  }

  private static @Nullable Object invoke(
      Object target, java.lang.reflect.Method m, Object @Nullable [] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** A fresh store (tables made), with a lease row for {@code north} if {@code token > 0}. */
  private static String store(String db, Path dir, long token) {
    String url = StoreSessions.named(freshUrl(db, dir));
    try (EventStore s = StoreFixture.open(url)) {
      assertThat(s.lease()).isEmpty();
    }
    if (token > 0) {
      sql(
          url,
          "INSERT INTO gridgov_partitions (partition_key, lease_token, holder) VALUES (?, ?, NULL)",
          NORTH.key(),
          token);
    }
    return url;
  }

  /** The lease row's token and holder, as another connection reads them; empty if there is none. */
  private static List<@Nullable Object> row(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT lease_token, holder FROM gridgov_partitions WHERE partition_key = ?")) {
      ps.setString(1, NORTH.key());
      try (ResultSet rs = ps.executeQuery()) {
        List<@Nullable Object> out = new ArrayList<>();
        if (rs.next()) {
          out.add(rs.getLong(1));
          out.add(rs.getString(2));
        }
        return out;
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aNewRowInsertedFirstByALiveWriterIsRefusedNamingItsToken(String db, @TempDir Path dir)
      throws SQLException {
    String url = store(db, dir, 0);
    AtomicInteger moves = new AtomicInteger();
    try (EventStore other = StoreFixture.open(url);
        EventStore s = openAfterOtherAcquires(url, INSERT_LEASE, other, 1, moves)) {
      assertThatThrownBy(() -> s.acquire(NORTH))
          .isInstanceOfSatisfying(
              PartitionLeaseHeldException.class,
              x -> {
                assertThat(x.holderToken()).isEqualTo(1);
                assertThat(x.partition()).isEqualTo(NORTH);
              });
      assertThat(moves).hasValue(1);
      assertThat(s.lease()).isEmpty();
      assertThat(other.lease()).contains(new PartitionLease(NORTH, 1));
      assertThat(StoreSessions.inTransaction(url)).as("nothing left uncommitted").isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aNewRowInsertedFirstAndReleasedIsTakenWithTheNextToken(String db, @TempDir Path dir)
      throws SQLException {
    String url = store(db, dir, 0);
    AtomicInteger moves = new AtomicInteger();
    DataSource racing =
        interfering(
            url,
            INSERT_LEASE,
            1,
            moves,
            () ->
                sql(
                    url,
                    "INSERT INTO gridgov_partitions (partition_key, lease_token, holder)"
                        + " VALUES (?, 1, NULL)",
                    NORTH.key()));
    try (EventStore s = EventStore.open(racing)) {
      assertThat(s.acquire(NORTH)).isEqualTo(new PartitionLease(NORTH, 2));
      assertThat(moves).hasValue(1);
      assertThat(row(url).get(0)).isEqualTo(2L);
      assertThat(row(url).get(1)).as("held by the store's session").isNotNull();
      assertThat(StoreSessions.inTransaction(url)).isZero();
    }
    assertThat(row(url)).as("released on close").containsExactly(2L, null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aTokenRaisedFirstByALiveWriterIsRefusedNamingItsToken(String db, @TempDir Path dir)
      throws SQLException {
    String url = store(db, dir, 4); // released at token 4
    AtomicInteger moves = new AtomicInteger();
    try (EventStore other = StoreFixture.open(url);
        EventStore s = openAfterOtherAcquires(url, RAISE_LEASE, other, 5, moves)) {
      assertThatThrownBy(() -> s.acquire(NORTH))
          .isInstanceOfSatisfying(
              PartitionLeaseHeldException.class, x -> assertThat(x.holderToken()).isEqualTo(5));
      assertThat(moves).hasValue(1);
      assertThat(s.lease()).isEmpty();
      assertThat(StoreSessions.inTransaction(url)).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void threeLostRacesGiveUpNamingTheTokenThen(String db, @TempDir Path dir) throws SQLException {
    String url = store(db, dir, 5); // released at token 5
    AtomicInteger moves = new AtomicInteger();
    // each time the store is about to raise the token it read, another writer raises it and
    // releases it again: the store reads a free lease every time and loses every time
    DataSource racing =
        interfering(
            url,
            RAISE_LEASE,
            10,
            moves,
            () ->
                sql(
                    url,
                    "UPDATE gridgov_partitions SET lease_token = lease_token + 1"
                        + " WHERE partition_key = ?",
                    NORTH.key()));
    try (EventStore s = EventStore.open(racing)) {
      assertThatThrownBy(() -> s.acquire(NORTH))
          .isInstanceOfSatisfying(
              PartitionLeaseHeldException.class,
              x -> assertThat(x.holderToken()).as("5 raised three times").isEqualTo(8));
      assertThat(moves).as("three attempts").hasValue(3);
      assertThat(s.lease()).isEmpty();
      assertThat(row(url)).containsExactly(8L, null);
      assertThat(StoreSessions.inTransaction(url)).isZero();
      // the other writer stops: the next acquire takes the lease at once
      moves.set(10);
      assertThat(s.acquire(NORTH)).isEqualTo(new PartitionLease(NORTH, 9));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aTakeOverThatLosesTheRaceRaisesAgain(String db, @TempDir Path dir) throws SQLException {
    String url = store(db, dir, 3);
    AtomicInteger moves = new AtomicInteger();
    try (EventStore other = StoreFixture.open(url);
        EventStore s =
            EventStore.open(
                interfering(
                    url,
                    RAISE_LEASE,
                    1,
                    moves,
                    () -> assertThat(other.takeOver(NORTH).token()).isEqualTo(4)))) {
      assertThat(s.takeOver(NORTH)).isEqualTo(new PartitionLease(NORTH, 5));
      assertThat(moves).hasValue(1);
      assertThat(row(url).get(0)).isEqualTo(5L);
      assertThat(StoreSessions.inTransaction(url)).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aTakeOverOfARowInsertedFirstRaisesItsToken(String db, @TempDir Path dir)
      throws SQLException {
    String url = store(db, dir, 0);
    AtomicInteger moves = new AtomicInteger();
    try (EventStore other = StoreFixture.open(url);
        EventStore s = openAfterOtherAcquires(url, INSERT_LEASE, other, 1, moves)) {
      assertThat(s.takeOver(NORTH)).isEqualTo(new PartitionLease(NORTH, 2));
      assertThat(moves).hasValue(1);
      assertThat(StoreSessions.inTransaction(url)).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aLeaseIsCommittedWhenTakenAndAgainAndReleasedOnClose(String db, @TempDir Path dir)
      throws SQLException {
    String url = store(db, dir, 0);
    try (EventStore s = StoreFixture.open(url)) {
      assertThat(s.acquire(NORTH)).isEqualTo(new PartitionLease(NORTH, 1));
      assertThat(row(url).get(0)).as("committed: another connection sees it").isEqualTo(1L);
      assertThat(StoreSessions.inTransaction(url)).isZero();
      assertThat(s.acquire(NORTH))
          .as("its own lease again")
          .isEqualTo(new PartitionLease(NORTH, 1));
      assertThat(StoreSessions.inTransaction(url)).isZero();
      assertThat(StoreSessions.open(url)).isEqualTo(1);
    }
    assertThat(row(url)).as("released: no holder, the token kept").containsExactly(1L, null);
    assertThat(StoreSessions.open(url)).as("the connection closed").isZero();
    try (EventStore s = StoreFixture.open(url)) {
      assertThat(s.acquire(NORTH)).isEqualTo(new PartitionLease(NORTH, 2));
      sql(
          url,
          "UPDATE gridgov_partitions SET lease_token = 7 WHERE partition_key = ?",
          NORTH.key());
    }
    List<@Nullable Object> after = row(url);
    assertThat(after.get(0)).isEqualTo(7L);
    assertThat(after.get(1))
        .as("a lease taken over meanwhile is not released by its old holder")
        .isNotNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aPartitionsClockIsItsOwnAndEmptyWithoutARow(String db, @TempDir Path dir) {
    String url = store(db, dir, 0);
    Partition south = Partition.of("south");
    try (EventStore s = StoreFixture.open(url)) {
      DurableCaseEngine e = DurableCaseEngine.open(s, NORTH, config());
      var unused = e.execute(PartitionedWritersTest.lifecycle("N", GRID1, "2025-03-03").get(0));
      StoredLog north = s.load(NORTH);
      assertThat(north.lastCommandId()).contains("N-1");
      assertThat(north.now()).contains(at("2025-03-03T09:00"));
      StoredLog none = s.load(south);
      assertThat(none.now()).isEmpty();
      assertThat(none.lastCommandId()).isEmpty();
      assertThat(none.events()).isEmpty();
      assertThat(StoreSessions.inTransaction(url)).isZero();
    }
  }
}
