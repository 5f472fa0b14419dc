/**
 * Routing policies as a table people can read and review: the text format, its parser and the
 * compiled policy.
 */
@NullMarked
@CheckReturnValue
package org.gridgov.routing.table;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
