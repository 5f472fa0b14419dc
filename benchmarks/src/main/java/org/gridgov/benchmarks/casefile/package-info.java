/**
 * JMH benchmarks of case files: lifecycle apply/replay throughput and indicators over a million
 * case files.
 */
@NullMarked
@CheckReturnValue
package org.gridgov.benchmarks.casefile;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
