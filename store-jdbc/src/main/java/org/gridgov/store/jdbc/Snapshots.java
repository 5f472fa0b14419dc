package org.gridgov.store.jdbc;

import com.google.common.collect.ImmutableList;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * The snapshot rows of one store connection (table {@code gridgov_snapshots}, layout version 4):
 * list a partition's snapshots, read one's payload, insert one, drop the older ones. The payload is
 * gzip-compressed snapshot JSON; its checksum is the SHA-256 of the stored (compressed) bytes, in
 * lower-case hex. Nothing here commits: the caller owns the transaction.
 */
final class Snapshots {
  /**
   * A stored snapshot's row without its payload.
   *
   * @param position the last log position it covers
   * @param formatVersion the version of its format
   * @param caseCount how many cases it holds
   * @param checksum the SHA-256 of the payload, hex
   */
  record Row(long position, int formatVersion, int caseCount, String checksum) {}

  private final Connection connection;

  Snapshots(Connection connection) {
    this.connection = connection;
  }

  /** The partition's snapshots, newest (highest position) first, at most {@code max}. */
  ImmutableList<Row> list(Partition partition, int max) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT log_position, format_version, case_count, checksum FROM gridgov_snapshots"
                + " WHERE partition_key = ? ORDER BY log_position DESC FETCH FIRST ? ROWS ONLY")) {
      ps.setString(1, partition.key());
      ps.setInt(2, max);
      ImmutableList.Builder<Row> rows = ImmutableList.builder();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new Row(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4)));
        }
      }
      return rows.build();
    }
  }

  /** The payload of a snapshot, or null if the row is gone. */
  byte @Nullable [] payload(Partition partition, long position) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT payload FROM gridgov_snapshots WHERE partition_key = ? AND log_position = ?")) {
      ps.setString(1, partition.key());
      ps.setLong(2, position);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getBytes(1) : null;
      }
    }
  }

  /** Whether the partition holds a snapshot at this position. */
  boolean exists(Partition partition, long position) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT 1 FROM gridgov_snapshots WHERE partition_key = ? AND log_position = ?")) {
      ps.setString(1, partition.key());
      ps.setLong(2, position);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Inserts a snapshot row. */
  void insert(
      Partition partition,
      long position,
      int formatVersion,
      int caseCount,
      @Nullable Long takenMs,
      byte[] payload)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO gridgov_snapshots (partition_key, log_position, format_version, case_count,"
                + " taken_ms, checksum, payload) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, partition.key());
      ps.setLong(2, position);
      ps.setInt(3, formatVersion);
      ps.setInt(4, caseCount);
      if (takenMs == null) {
        ps.setNull(5, java.sql.Types.BIGINT);
      } else {
        ps.setLong(5, takenMs);
      }
      ps.setString(6, sha256(payload));
      ps.setBytes(7, payload);
      var unused = ps.executeUpdate();
    }
  }

  /** Deletes the partition's snapshots below a position; returns how many. */
  int deleteBelow(Partition partition, long position) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "DELETE FROM gridgov_snapshots WHERE partition_key = ? AND log_position < ?")) {
      ps.setString(1, partition.key());
      ps.setLong(2, position);
      return ps.executeUpdate();
    }
  }

  /** The SHA-256 of bytes, lower-case hex. */
  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** Bytes compressed with gzip. */
  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 6));
    try (GZIPOutputStream z = new GZIPOutputStream(out, 1 << 16)) {
      z.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return out.toByteArray();
  }
}
