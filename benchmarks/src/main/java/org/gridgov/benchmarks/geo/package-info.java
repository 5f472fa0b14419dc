/** Benchmarks of gridgov-geo: point → unit against a JTS STRtree with prepared polygons. */
@NullMarked
package org.gridgov.benchmarks.geo;

import org.jspecify.annotations.NullMarked;
