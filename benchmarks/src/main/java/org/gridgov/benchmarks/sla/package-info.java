/**
 * JMH benchmarks of the SLA package: calendar arithmetic against a minute-stepping reference, and
 * the deadline queue against {@link java.util.PriorityQueue} and Agrona's {@code
 * DeadlineTimerWheel}.
 */
@NullMarked
@CheckReturnValue
package org.gridgov.benchmarks.sla;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
