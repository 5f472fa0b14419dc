/**
 * Internal helpers shared by gridgov-core's packages and by the other gridgov modules. Not exported
 * to users: nothing here is API, and anything may change without notice.
 */
@NullMarked
@CheckReturnValue
package org.gridgov.internal;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
