package org.gridgov.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The partition leases of one store connection (table {@code gridgov_partitions}): acquire, take
 * over, release, and the fencing check every append runs in its own transaction.
 *
 * <p>A lease row holds the fencing token and the database session of its holder. A holder is alive
 * while its session is: the session ends when its connection closes or its process dies (PostgreSQL
 * ends the backend when the socket closes; an embedded H2 database dies with the process), so a
 * restarted writer gets its partition back at once, without waiting for a timeout. A session is
 * named by its id and start time (PostgreSQL {@code pg_stat_activity}, H2 {@code
 * INFORMATION_SCHEMA.SESSIONS}), so a reused process id or session number is not mistaken for the
 * old holder. On another database the holder counts as alive until released or taken over.
 */
final class Leases {
  private final Connection connection;
  private final Dialect dialect;
  private final String session;

  /** The databases whose sessions can be listed. */
  private enum Dialect {
    POSTGRESQL(
        "SELECT pid, backend_start FROM pg_stat_activity WHERE pid = pg_backend_pid()",
        "SELECT pid, backend_start FROM pg_stat_activity"),
    H2(
        "SELECT SESSION_ID, SESSION_START FROM INFORMATION_SCHEMA.SESSIONS"
            + " WHERE SESSION_ID = SESSION_ID()",
        "SELECT SESSION_ID, SESSION_START FROM INFORMATION_SCHEMA.SESSIONS"),
    OTHER("", "");

    final String own;
    final String all;

    Dialect(String own, String all) {
      this.own = own;
      this.all = all;
    }
  }

  Leases(Connection connection) throws SQLException {
    this.connection = connection;
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    this.dialect =
        product.contains("postgres")
            ? Dialect.POSTGRESQL
            : product.equals("h2") ? Dialect.H2 : Dialect.OTHER;
    this.session = ownSession();
  }

  private String ownSession() throws SQLException {
    if (dialect == Dialect.OTHER) {
      return "session-" + java.util.UUID.randomUUID();
    }
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(dialect.own)) {
      String s = rs.next() ? rs.getString(1) + "@" + rs.getString(2) : null;
      connection.commit();
      if (s == null) {
        throw new EventStoreException("cannot find the store connection's own database session");
      }
      return s;
    }
  }

  private boolean alive(String holder) throws SQLException {
    if (dialect == Dialect.OTHER) {
      return true;
    }
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(dialect.all)) {
      while (rs.next()) {
        if (holder.equals(rs.getString(1) + "@" + rs.getString(2))) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Acquires a partition: creates its lease row with token 1, or raises the token of a released
   * lease or of a dead holder's. Commits.
   *
   * @throws PartitionLeaseHeldException if a live writer (another session) holds it
   */
  PartitionLease acquire(Partition partition) throws SQLException {
    for (int attempt = 0; ; attempt++) {
      @Nullable Holder h = read(partition);
      if (h == null) {
        if (insert(partition)) {
          return new PartitionLease(partition, 1);
        }
      } else if (session.equals(h.holder)) {
        connection.commit();
        return new PartitionLease(partition, h.token);
      } else if (h.holder != null && alive(h.holder)) {
        connection.commit();
        throw new PartitionLeaseHeldException(partition, h.token);
      } else if (raise(partition, h.token)) {
        return new PartitionLease(partition, h.token + 1);
      }
      if (attempt >= 2) { // lost the race to another writer every time: it holds the partition now
        @Nullable Holder now = read(partition);
        connection.commit();
        throw new PartitionLeaseHeldException(partition, now == null ? 0 : now.token);
      }
    }
  }

  /** Takes a partition over whoever holds it: raises its token (fencing the holder). Commits. */
  PartitionLease takeOver(Partition partition) throws SQLException {
    for (; ; ) {
      @Nullable Holder h = read(partition);
      if (h == null ? insert(partition) : raise(partition, h.token)) {
        return new PartitionLease(partition, h == null ? 1 : h.token + 1);
      }
    }
  }

  /** Releases a lease if it is still the partition's. Commits. */
  void release(PartitionLease lease) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE gridgov_partitions SET holder = NULL WHERE partition_key = ? AND lease_token = ?")) {
      ps.setString(1, lease.partition().key());
      ps.setLong(2, lease.token());
      var unused = ps.executeUpdate();
    }
    connection.commit();
  }

  /**
   * The fencing check, inside an append's transaction: records the partition's time and last
   * command id if the lease is still the partition's (or, with no lease, in the default partition).
   * Does not commit.
   *
   * @throws PartitionFencedException if the lease was taken over (the caller rolls back)
   */
  void stamp(@Nullable PartitionLease lease, long nowMs, @Nullable String commandId)
      throws SQLException {
    String sql =
        "UPDATE gridgov_partitions SET "
            + "now_ms = CASE WHEN now_ms IS NULL OR now_ms < ? THEN ? ELSE now_ms END, "
            + "last_command_id = COALESCE(?, last_command_id) WHERE partition_key = ?"
            + (lease == null ? "" : " AND lease_token = ?");
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setLong(1, nowMs);
      ps.setLong(2, nowMs);
      if (commandId == null) {
        ps.setNull(3, java.sql.Types.VARCHAR);
      } else {
        ps.setString(3, commandId);
      }
      Partition p = lease == null ? Partition.DEFAULT : lease.partition();
      ps.setString(4, p.key());
      if (lease != null) {
        ps.setLong(5, lease.token());
      }
      if (ps.executeUpdate() == 1) {
        return;
      }
    }
    if (lease == null) {
      throw new EventStoreException(
          "the lease row of partition "
              + Partition.DEFAULT
              + " is missing (tables edited by hand?)");
    }
    @Nullable Holder h = read(lease.partition());
    throw new PartitionFencedException(lease.partition(), lease.token(), h == null ? 0 : h.token);
  }

  /**
   * The fencing check of a write that stamps nothing (a snapshot): locks the lease row if the lease
   * is still the partition's, until the caller's transaction ends, so no take-over commits in
   * between. Does not commit.
   *
   * @throws PartitionFencedException if the lease was taken over (the caller rolls back)
   */
  void fence(PartitionLease lease) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE gridgov_partitions SET lease_token = lease_token"
                + " WHERE partition_key = ? AND lease_token = ?")) {
      ps.setString(1, lease.partition().key());
      ps.setLong(2, lease.token());
      if (ps.executeUpdate() == 1) {
        return;
      }
    }
    @Nullable Holder h = read(lease.partition());
    throw new PartitionFencedException(lease.partition(), lease.token(), h == null ? 0 : h.token);
  }

  /** A partition's time and last command id, as stored. */
  record Clock(@Nullable Long nowMs, @Nullable String lastCommandId) {}

  /** The partition's time and last command id (nulls if it has no row). Does not commit. */
  Clock clock(Partition partition) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT now_ms, last_command_id FROM gridgov_partitions WHERE partition_key = ?")) {
      ps.setString(1, partition.key());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return new Clock(null, null);
        }
        long now = rs.getLong(1);
        return new Clock(rs.wasNull() ? null : now, rs.getString(2));
      }
    }
  }

  private record Holder(long token, @Nullable String holder) {}

  private @Nullable Holder read(Partition partition) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT lease_token, holder FROM gridgov_partitions WHERE partition_key = ?")) {
      ps.setString(1, partition.key());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new Holder(rs.getLong(1), rs.getString(2)) : null;
      }
    }
  }

  /** Inserts the lease row with token 1 held by this session; false if another writer was first. */
  private boolean insert(Partition partition) throws SQLException {
    return insertRow(partition, 1, session);
  }

  private boolean insertRow(Partition partition, long token, String holder) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO gridgov_partitions (partition_key, lease_token, holder) VALUES (?, ?, ?)")) {
      ps.setString(1, partition.key());
      ps.setLong(2, token);
      ps.setString(3, holder);
      var unused = ps.executeUpdate();
      connection.commit();
      return true;
    } catch (SQLException e) {
      connection.rollback();
      if (EventStore.isDuplicate(e)) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Compare-and-set: raises the token from {@code token} and takes the lease; false if it moved.
   */
  private boolean raise(Partition partition, long token) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE gridgov_partitions SET lease_token = ?, holder = ?"
                + " WHERE partition_key = ? AND lease_token = ?")) {
      ps.setLong(1, token + 1);
      ps.setString(2, session);
      ps.setString(3, partition.key());
      ps.setLong(4, token);
      boolean won = ps.executeUpdate() == 1;
      connection.commit();
      return won;
    }
  }
}
