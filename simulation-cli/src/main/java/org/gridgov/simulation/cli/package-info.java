/**
 * The {@code gridgov-sim} command line: {@code run}, {@code sweep} and {@code validate}. Not API.
 */
@NullMarked
@CheckReturnValue
package org.gridgov.simulation.cli;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
