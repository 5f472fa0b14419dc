/**
 * Built-in routing rules taken from practice, each its own class, and their composition ({@link
 * org.gridgov.routing.rules.FirstMatchPolicy}, {@link org.gridgov.routing.rules.ScopedRule}).
 */
@NullMarked
@CheckReturnValue
package org.gridgov.routing.rules;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
