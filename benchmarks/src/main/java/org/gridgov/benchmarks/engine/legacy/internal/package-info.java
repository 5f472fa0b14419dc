/** Helpers of the case engine; not API. */
@NullMarked
@CheckReturnValue
package org.gridgov.benchmarks.engine.legacy.internal;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
