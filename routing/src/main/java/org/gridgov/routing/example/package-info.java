/**
 * The shipped example routing policy of a Putian-like city ({@link
 * org.gridgov.routing.example.ExamplePolicy}): for simulations, tests, examples and benchmarks, not
 * part of the API. Routing's module exports this package only to {@code org.gridgov.simulation} and
 * {@code org.gridgov.engine} (its tests).
 */
@NullMarked
@CheckReturnValue
package org.gridgov.routing.example;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
