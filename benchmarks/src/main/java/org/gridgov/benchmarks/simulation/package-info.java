/**
 * JMH benchmark of the simulation kernel against SSJ, and timed runs of the {@code putian} scenario
 * and sweep.
 */
@NullMarked
@CheckReturnValue
package org.gridgov.benchmarks.simulation;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
