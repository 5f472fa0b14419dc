/**
 * Discrete-event simulation of grid governance over the real case engine: scenarios, experiments
 * and reports.
 */
@NullMarked
@CheckReturnValue
package org.gridgov.simulation;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
