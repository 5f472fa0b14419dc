/**
 * A JSON adapter for gridgov case files and events, written with Jackson: an example of persisting the event log
 * outside gridgov-core, which does no I/O. Personal data is written masked unless the caller asks otherwise.
 */
@NullMarked
@CheckReturnValue
package org.gridgov.examples.json;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
