package org.gridgov.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.gridgov.casefile.CaseId;
import org.jspecify.annotations.Nullable;

/**
 * The server's own table beside the event store's: one row per Open311 request, with its public
 * fields and its personal fields. Public reads ({@link #loadAll()}) never select the personal
 * columns; {@link #personal(long)} is for the operators' back office (and the test that proves the
 * fields are kept).
 */
final class RequestRepository {
  private static final String TABLE = "open311_requests";
  private static final String PUBLIC_COLUMNS =
      "id, token, case_id, service_code, description, lat, lon, address, media_url, requested_ms,"
          + " grid_code";

  private static final String INSERT =
      "INSERT INTO "
          + TABLE
          + " ("
          + PUBLIC_COLUMNS
          + ", email, first_name, last_name, phone, device_id, account_id)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final DataSource dataSource;

  RequestRepository(DataSource dataSource) {
    this.dataSource = dataSource;
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + TABLE
              + " (id BIGINT PRIMARY KEY, token VARCHAR(64) NOT NULL UNIQUE,"
              + " case_id VARCHAR(100) NOT NULL, service_code VARCHAR(32) NOT NULL,"
              + " description VARCHAR(4000), lat DOUBLE PRECISION NOT NULL,"
              + " lon DOUBLE PRECISION NOT NULL, address VARCHAR(500), media_url VARCHAR(1000),"
              + " requested_ms BIGINT NOT NULL, grid_code BIGINT NOT NULL, email VARCHAR(200),"
              + " first_name VARCHAR(100), last_name VARCHAR(100), phone VARCHAR(50),"
              + " device_id VARCHAR(100), account_id VARCHAR(100))");
      if (!c.getAutoCommit()) {
        c.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the table " + TABLE + ": " + e, e);
    }
  }

  /**
   * Writes requests on a connection in its current transaction (the caller commits: the event
   * store's batch transaction, {@link org.gridgov.store.jdbc.SameTransaction}).
   */
  void insertAll(Connection c, List<Submission> submissions) throws SQLException {
    if (submissions.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      for (Submission s : submissions) {
        bind(ps, s.record(), s.personal());
        ps.addBatch();
      }
      var unused = ps.executeBatch();
    }
  }

  private static void bind(PreparedStatement ps, RequestRecord r, PersonalFields p)
      throws SQLException {
    ps.setLong(1, r.id());
    ps.setString(2, r.token());
    ps.setString(3, r.caseId().value());
    ps.setString(4, r.serviceCode());
    text(ps, 5, r.description());
    ps.setDouble(6, r.lat());
    ps.setDouble(7, r.lon());
    text(ps, 8, r.address());
    text(ps, 9, r.mediaUrl());
    ps.setLong(10, r.requestedAt().toEpochMilli());
    ps.setLong(11, r.gridCode());
    text(ps, 12, p.email());
    text(ps, 13, p.firstName());
    text(ps, 14, p.lastName());
    text(ps, 15, p.phone());
    text(ps, 16, p.deviceId());
    text(ps, 17, p.accountId());
  }

  private static void text(PreparedStatement ps, int i, @Nullable String v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, v);
    }
  }

  /** Every request's public fields, in id order. */
  List<RequestRecord> loadAll() {
    List<RequestRecord> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT " + PUBLIC_COLUMNS + " FROM " + TABLE + " ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new RequestRecord(
                rs.getLong(1),
                rs.getString(2),
                CaseId.of(rs.getString(3)),
                rs.getString(4),
                rs.getString(5),
                rs.getDouble(6),
                rs.getDouble(7),
                rs.getString(8),
                rs.getString(9),
                Instant.ofEpochMilli(rs.getLong(10)),
                rs.getLong(11)));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + TABLE + ": " + e.getSQLState(), e);
    }
  }

  /** The personal fields of a request, for the back office. */
  Optional<PersonalFields> personal(long id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT email, first_name, last_name, phone, device_id, account_id FROM "
                    + TABLE
                    + " WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(
                new PersonalFields(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + TABLE + " row " + id, e);
    }
  }

  /** A request to store: public and personal fields. */
  record Submission(RequestRecord record, PersonalFields personal) {}
}
