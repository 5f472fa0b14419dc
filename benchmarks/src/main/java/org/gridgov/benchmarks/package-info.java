/** JMH benchmarks of gridgov against baselines and peer libraries. */
@NullMarked
@CheckReturnValue
package org.gridgov.benchmarks;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
