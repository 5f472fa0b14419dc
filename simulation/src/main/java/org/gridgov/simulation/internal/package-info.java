/**
 * Internals of the simulator: the event list, the prepared city and one replication's state
 * machine. Not an API: {@code EventList} is public only so that the benchmarks can measure the
 * kernel on its own.
 */
@NullMarked
@CheckReturnValue
package org.gridgov.simulation.internal;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
