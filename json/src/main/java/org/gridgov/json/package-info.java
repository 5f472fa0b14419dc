/**
 * JSON formats for gridgov: official holiday notices in the holiday-cn format.
 */
@NullMarked
@CheckReturnValue
package org.gridgov.json;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
