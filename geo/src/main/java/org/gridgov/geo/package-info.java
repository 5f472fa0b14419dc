/**
 * Region geometry: {@link org.gridgov.geo.RegionGeometry} (polygons per region code, GeoJSON in and
 * out), {@link org.gridgov.geo.RegionLocator} (point → region and its ancestors), {@link
 * org.gridgov.geo.ChinaCoordinates} (WGS-84, GCJ-02, BD-09) and {@link
 * org.gridgov.geo.SyntheticGeometry} (seeded test geometry).
 */
@NullMarked
@CheckReturnValue
package org.gridgov.geo;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
