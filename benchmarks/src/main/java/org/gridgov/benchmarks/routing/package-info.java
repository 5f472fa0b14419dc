/**
 * JMH benchmarks of routing: the table policy against Camunda DMN, policy analysis and graph build
 * time.
 */
@NullMarked
@CheckReturnValue
package org.gridgov.benchmarks.routing;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
