/** Internal helpers of gridgov-geo: the locate index, GeoJSON mapping and local metric. Not API. */
@NullMarked
@CheckReturnValue
package org.gridgov.geo.internal;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
