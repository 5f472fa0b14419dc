/**
 * Benchmarks of the region tree against a naive object tree: build, code lookup, ancestor test,
 * lowest common ancestor, and retained memory.
 */
@NullMarked
@CheckReturnValue
package org.gridgov.benchmarks.region;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
