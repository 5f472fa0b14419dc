/**
 * The durable engine of {@code gridgov-store-jdbc} in use: {@link
 * org.gridgov.examples.store.EventStoreExample} runs a case over a HikariCP pool on H2 or
 * PostgreSQL, "crashes", restores and retries. Guide: {@code docs/event-store.md}.
 */
@NullMarked
@CheckReturnValue
package org.gridgov.examples.store;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
