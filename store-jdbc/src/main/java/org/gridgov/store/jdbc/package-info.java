/**
 * A real-database event store for the case engine, over JDBC: an append-only table of case events
 * keyed by (case id, sequence), the case facts, optimistic concurrency per case, and a {@link
 * org.gridgov.store.jdbc.DurableCaseEngine} that writes every engine call in one transaction and
 * restores the engine on start-up. Runs over any {@link javax.sql.DataSource}: embedded H2 (a file
 * database) or PostgreSQL; the tables belong to the Flyway migrations shipped in this jar.
 *
 * <p>This package does I/O and lives in its own module on purpose: gridgov's domain modules stay
 * pure. Guide: {@code docs/event-store.md}.
 */
@NullMarked
@CheckReturnValue
package org.gridgov.store.jdbc;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
