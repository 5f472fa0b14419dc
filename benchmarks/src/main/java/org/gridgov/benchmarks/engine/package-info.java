/** JMH benchmarks and a memory measurement of the case engine. */
@NullMarked
@CheckReturnValue
package org.gridgov.benchmarks.engine;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
