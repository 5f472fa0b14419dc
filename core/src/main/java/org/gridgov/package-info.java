/**
 * The root package: the exception types shared by every gridgov module.
 *
 * <p>The domain lives in sub-packages: {@link org.gridgov.region} (the region tree), {@link
 * org.gridgov.sla} (calendars, limits, clocks, the deadline queue), {@link org.gridgov.category},
 * {@link org.gridgov.casefile} and {@link org.gridgov.metrics}.
 */
@NullMarked
@CheckReturnValue
package org.gridgov;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
