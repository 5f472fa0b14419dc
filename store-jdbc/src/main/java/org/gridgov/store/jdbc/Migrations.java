package org.gridgov.store.jdbc;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Runs the Flyway migrations shipped in this jar ({@code db/migration/gridgov}) on a data source.
 */
final class Migrations {
  static final String HISTORY_TABLE = "gridgov_schema_history";
  static final String LOCATION = "classpath:db/migration/gridgov";

  /** Attempts before a migration failure is final; see {@link #migrate}. */
  static final int ATTEMPTS = 5;

  private Migrations() {}

  /**
   * Migrates the data source's default schema to the newest table layout. A schema with tables but
   * no history (an application's own schema, or a store an earlier gridgov created itself) is
   * baselined at version 0 first, so version 1 runs over it; its {@code IF NOT EXISTS} keeps
   * existing rows.
   *
   * <p>Two processes opening the same empty schema at once race inside Flyway: while one has
   * created the history table and not yet written its first row, the other finds tables without
   * history, tries to baseline and fails ("already exists, and is empty"). Flyway's own lock covers
   * a schema whose history table holds rows, so a failed attempt is repeated (up to {@value
   * #ATTEMPTS} attempts, waiting 50, 100, 200 and 400 ms); by then the first process has written
   * its history and the second migrates, or validates, under that lock. A failure that persists (a
   * newer layout, an unreachable database) is thrown after the last attempt.
   */
  static void migrate(DataSource dataSource) {
    Flyway flyway =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations(LOCATION)
            .table(HISTORY_TABLE)
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load();
    for (int attempt = 1; ; attempt++) {
      try {
        var unused = flyway.migrate();
        return;
      } catch (FlywayException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        pause(50L << (attempt - 1));
      }
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlywayException("interrupted while waiting to repeat the migration", e);
    }
  }
}
