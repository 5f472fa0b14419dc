package org.gridgov.store.jdbc;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Runs the Flyway migrations shipped in this jar ({@code db/migration/gridgov}) on a data source.
 */
final class Migrations {
  static final String HISTORY_TABLE = "gridgov_schema_history";
  static final String LOCATION = "classpath:db/migration/gridgov";

  private Migrations() {}

  /**
   * Migrates the data source's default schema to the newest table layout. A schema with tables but
   * no history (an application's own schema, or a store an earlier gridgov created itself) is
   * baselined at version 0 first, so version 1 runs over it; its {@code IF NOT EXISTS} keeps
   * existing rows.
   */
  static void migrate(DataSource dataSource) {
    var unused =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations(LOCATION)
            .table(HISTORY_TABLE)
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load()
            .migrate();
  }
}
