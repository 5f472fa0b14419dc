/**
 * The case engine (案件引擎): commands and the passing of time in, {@link
 * org.gridgov.casefile.CaseEvent}s out, by a {@link org.gridgov.routing.RoutingPolicy} and an
 * {@link org.gridgov.sla.SlaPolicy}; deterministic, authorised, idempotent and restorable from its
 * event log. Start at {@link org.gridgov.benchmarks.engine.legacy.CaseEngine}.
 */
@NullMarked
@CheckReturnValue
package org.gridgov.benchmarks.engine.legacy;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
