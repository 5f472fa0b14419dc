/**
 * For people testing routing policies: the {@code gridgov-policy} command ({@link
 * org.gridgov.examples.policy.GridgovPolicy}), which checks a policy table over a region tree and
 * draws the routing graph.
 */
@NullMarked
@CheckReturnValue
package org.gridgov.examples.policy;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
