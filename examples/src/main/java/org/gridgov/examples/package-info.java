/** Runnable examples for each kind of gridgov user. */
@NullMarked
@CheckReturnValue
package org.gridgov.examples;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
