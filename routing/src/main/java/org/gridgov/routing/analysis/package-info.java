/**
 * Policy analysis: gaps, overlaps, escalation cycles and dead ends, ping-pong, worst-case time; DOT
 * and Mermaid export.
 */
@NullMarked
@CheckReturnValue
package org.gridgov.routing.analysis;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
