package org.gridgov.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.store.jdbc.StoreFixture.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.engine.Command;
import org.gridgov.engine.Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The snapshot rows ({@link Snapshots}) on a migrated store: the SHA-256 checksum against published
 * test vectors, gzip by a round trip through {@link GZIPInputStream}, an insert with and without
 * its taken time, existence per partition and position, the newest-first listing, and the count of
 * rows dropped below a position; through the engine, a snapshot at the same position is not written
 * twice.
 */
class SnapshotsEdgesTest {
  private static final Partition P = Partition.DEFAULT;
  private static final Partition Q = Partition.of("other");

  static List<String> databases() {
    return StoreFixture.databases();
  }

  @Test
  void sha256IsTheLowerCaseHexOfThePublishedVectors() {
    // FIPS 180-2 / NIST examples
    assertThat(Snapshots.sha256(new byte[0]))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(Snapshots.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void gzipRoundTripsEmptySmallAndLargeArrays() {
    byte[] large = new byte[300_000];
    for (int i = 0; i < large.length; i++) {
      large[i] = (byte) (i * 31 + i / 7);
    }
    for (byte[] bytes : List.of(new byte[0], "snapshot".getBytes(StandardCharsets.UTF_8), large)) {
      byte[] z = Snapshots.gzip(bytes);
      assertThat(z[0] & 0xff).as("gzip magic").isEqualTo(0x1f);
      assertThat(z[1] & 0xff).isEqualTo(0x8b);
      assertThat(gunzip(z)).isEqualTo(bytes);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void rowsAreInsertedListedFoundAndDroppedPerPartition(String db, @TempDir Path dir)
      throws SQLException {
    String url = freshUrl(db, dir);
    try (EventStore store = StoreFixture.open(url)) { // migrates the schema
      assertThat(store.storedSequence(CaseId.of("A"))).isZero();
    }
    try (Connection c = DriverManager.getConnection(url)) {
      Snapshots s = new Snapshots(c);
      byte[] p1 = {1, 2, 3};
      byte[] p3 = {4};
      s.insert(P, 1, 7, 2, null, p1);
      s.insert(P, 3, 7, 5, 1_700_000_000_123L, p3);
      s.insert(P, 5, 8, 6, 42L, new byte[] {5, 5});
      s.insert(P, 8, 8, 9, 43L, new byte[] {8});
      s.insert(Q, 2, 7, 1, null, new byte[] {9});

      assertThat(takenMs(c, P, 1)).as("no taken time is stored as NULL").isNull();
      assertThat(takenMs(c, P, 3)).isEqualTo(1_700_000_000_123L);
      assertThat(s.exists(P, 3)).isTrue();
      assertThat(s.exists(P, 2)).as("that position is Q's").isFalse();
      assertThat(s.exists(Q, 2)).isTrue();
      assertThat(s.payload(P, 1)).isEqualTo(p1);
      assertThat(s.payload(P, 4)).isNull();

      assertThat(s.list(P, 3))
          .containsExactly(
              new Snapshots.Row(8, 8, 9, Snapshots.sha256(new byte[] {8})),
              new Snapshots.Row(5, 8, 6, Snapshots.sha256(new byte[] {5, 5})),
              new Snapshots.Row(3, 7, 5, Snapshots.sha256(p3)));

      assertThat(s.deleteBelow(P, 5)).as("positions 1 and 3").isEqualTo(2);
      assertThat(s.deleteBelow(P, 5)).isZero();
      assertThat(s.list(P, 10)).extracting(Snapshots.Row::position).containsExactly(8L, 5L);
      assertThat(s.list(Q, 10)).extracting(Snapshots.Row::position).containsExactly(2L);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aSecondSnapshotAtTheSamePositionIsNotWritten(String db, @TempDir Path dir)
      throws SQLException {
    String url = freshUrl(db, dir);
    CaseFacts a = StoreFixture.facts("A", "0102", Priority.NORMAL, GRID1);
    Principal worker = Principal.inRegion("gw-1", Role.GRID_WORKER, GRID1);
    try (EventStore store = StoreFixture.open(url)) {
      DurableCaseEngine e = DurableCaseEngine.open(store, config());
      var events =
          e.execute(
              Command.of(
                  "c1", worker, CaseId.of("A"), at("2025-03-03T09:00"), new Command.Report(a)));
      long first = e.takeSnapshot();
      assertThat(e.takeSnapshot()).isEqualTo(first);
      assertThat(e.isBroken()).isFalse();
      assertThat(events).isNotEmpty();
    }
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM gridgov_snapshots");
        ResultSet rs = ps.executeQuery()) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(1);
    }
  }

  private static @org.jspecify.annotations.Nullable Long takenMs(
      Connection c, Partition partition, long position) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT taken_ms FROM gridgov_snapshots WHERE partition_key = ? AND log_position = ?")) {
      ps.setString(1, partition.key());
      ps.setLong(2, position);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        long v = rs.getLong(1);
        return rs.wasNull() ? null : v;
      }
    }
  }

  private static byte[] gunzip(byte[] z) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(z))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
