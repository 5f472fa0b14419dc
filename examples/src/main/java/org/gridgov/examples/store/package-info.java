/**
 * A real-database event store for the case engine, over JDBC: an append-only table of case events keyed by
 * (case id, sequence), the case facts, optimistic concurrency per case, and a {@link
 * org.gridgov.examples.store.DurableCaseEngine} that writes every engine call in one transaction and restores the
 * engine on start-up. Runs on embedded H2 (a file database) by default and on PostgreSQL given a JDBC URL.
 *
 * <p>This package does I/O and lives in the examples module on purpose: gridgov's library modules stay pure. Guide:
 * {@code docs/event-store.md}.
 */
@NullMarked
@CheckReturnValue
package org.gridgov.examples.store;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
