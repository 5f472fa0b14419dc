/**
 * Service-level limits (办理时限): business calendars with holidays and make-up workdays, limits with
 * explicit units, case clocks and the deadline queue.
 */
@NullMarked
@CheckReturnValue
package org.gridgov.sla;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
