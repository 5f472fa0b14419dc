/**
 * Appends per second of the JDBC event store ({@code org.gridgov.store.jdbc}) on embedded H2 and on
 * PostgreSQL, and commands per second through the durable engine against the in-memory engine.
 */
@NullMarked
@CheckReturnValue
package org.gridgov.benchmarks.store;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
