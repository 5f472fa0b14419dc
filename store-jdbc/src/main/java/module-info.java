/**
 * gridgov-store-jdbc: the durable case engine. An append-only event store over a {@link
 * javax.sql.DataSource} (embedded H2 or PostgreSQL; the JDBC driver is the user's dependency), its
 * tables created and migrated by the Flyway scripts in this jar, and a {@link
 * org.gridgov.store.jdbc.DurableCaseEngine} that writes every engine call in one transaction and
 * restores the engine from the store on start-up. Guide: {@code docs/event-store.md}.
 */
module org.gridgov.store.jdbc {
  requires transitive org.gridgov.engine;
  requires transitive java.sql;
  requires org.gridgov.json;
  // Flyway 13 ships no module descriptor and no Automatic-Module-Name: its module name comes from
  // the jar name.
  requires flyway.core;
  requires static com.google.errorprone.annotations;
  requires static org.jspecify;

  exports org.gridgov.store.jdbc;
}
