/** Helpers of the case engine; not API. */
@NullMarked
@CheckReturnValue
package org.gridgov.engine.internal;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
