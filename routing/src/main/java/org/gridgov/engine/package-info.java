/**
 * The case engine: commands and time in, events out; deterministic, authorised, and restorable from its event log.
 */
@NullMarked
@CheckReturnValue
package org.gridgov.engine;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
