/**
 * Routing (派遣/上报/联动): the routing graph of handlers and typed links, pluggable routing policies,
 * and policy analysis.
 */
@NullMarked
@CheckReturnValue
package org.gridgov.routing;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
