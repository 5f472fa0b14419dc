/**
 * Spatial coverage analysis: do a parent's children tile it? Gaps, overlaps, slivers, children
 * outside it.
 */
@NullMarked
@CheckReturnValue
package org.gridgov.geo.analysis;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
