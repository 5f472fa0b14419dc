package org.gridgov.geo.internal;

import org.locationtech.jts.geom.Geometry;

/**
 * Metres from degrees near a point: the local equirectangular approximation on a sphere of the mean
 * Earth radius (6,371,008.8 m). One degree of latitude is {@link #METRES_PER_DEGREE} metres and one
 * degree of longitude that times cos(latitude). Within a district (tens of kilometres) the relative
 * error of a distance or area against the WGS-84 ellipsoid is below 0.5 %, plenty for tolerances,
 * slivers and nearest-region searches.
 */
public final class LocalMetric {
  /** Metres per degree of latitude on the mean sphere. */
  public static final double METRES_PER_DEGREE = 6_371_008.8 * StrictMath.PI / 180.0;

  private LocalMetric() {}

  /**
   * Returns metres per degree of longitude at a latitude.
   *
   * @param lat the latitude in degrees
   * @return metres per degree of longitude
   */
  public static double metresPerDegreeLon(double lat) {
    return METRES_PER_DEGREE * StrictMath.cos(StrictMath.toRadians(lat));
  }

  /**
   * Returns a geometry's area in square metres, scaled at a reference latitude.
   *
   * @param g a geometry in degrees
   * @param lat the reference latitude (e.g. of the region the area belongs to)
   * @return the area in m²
   */
  public static double areaSquareMetres(Geometry g, double lat) {
    return g.getArea() * METRES_PER_DEGREE * metresPerDegreeLon(lat);
  }
}
