package org.gridgov.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database sessions of a store as another connection sees them: how many are open and how many
 * are inside a transaction. On PostgreSQL the store's sessions are those carrying the name {@link
 * #named} put in the URL ({@code pg_stat_activity.application_name}; its {@code state} is {@code
 * idle in transaction} between a statement and the commit); on H2 they are every other session of
 * the test's own database file ({@code INFORMATION_SCHEMA.SESSIONS}; {@code CONTAINS_UNCOMMITTED}
 * shows uncommitted writes only, a read-only transaction is not visible there).
 */
final class StoreSessions {
  private static final AtomicInteger NAMES = new AtomicInteger();

  private StoreSessions() {}

  /** The URL with a name of its own for PostgreSQL's session list; an H2 URL as it is. */
  static String named(String url) {
    if (url.startsWith("jdbc:h2:")) {
      return url;
    }
    String name =
        String.format(
            Locale.ROOT, "gg%d_%d", ProcessHandle.current().pid(), NAMES.incrementAndGet());
    return url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + name;
  }

  /** The sessions on the store's database other than the asking one. */
  static int open(String url) {
    return count(
        url,
        url.startsWith("jdbc:h2:")
            ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID()"
            : "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = ?"
                + " AND pid <> pg_backend_pid()");
  }

  /** Those of them inside a transaction (see the class comment for what H2 shows). */
  static int inTransaction(String url) {
    return count(
        url,
        url.startsWith("jdbc:h2:")
            ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID()"
                + " AND CONTAINS_UNCOMMITTED"
            : "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = ?"
                + " AND pid <> pg_backend_pid() AND state <> 'idle'");
  }

  private static int count(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps = c.prepareStatement(sql)) {
      if (!url.startsWith("jdbc:h2:")) {
        ps.setString(1, applicationName(url));
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static String applicationName(String url) {
    int at = url.indexOf("ApplicationName=");
    if (at < 0) {
      throw new IllegalArgumentException("not a URL from named(): " + EventStore.redact(url));
    }
    String rest = url.substring(at + "ApplicationName=".length());
    int end = rest.indexOf('&');
    return end < 0 ? rest : rest.substring(0, end);
  }
}
