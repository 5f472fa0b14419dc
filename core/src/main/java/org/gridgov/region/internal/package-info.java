/** Storage helpers of the region tree; not API. */
@NullMarked
@CheckReturnValue
package org.gridgov.region.internal;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
