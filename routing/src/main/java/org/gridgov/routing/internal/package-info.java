/** Internal helpers of gridgov-routing; not exported, not API. */
@NullMarked
@CheckReturnValue
package org.gridgov.routing.internal;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
