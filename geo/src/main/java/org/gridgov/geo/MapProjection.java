package org.gridgov.geo;

import java.util.Locale;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Longitude/latitude onto a drawing: the local equirectangular projection (x = longitude ×
 * cos(latitude at the centre), y = latitude, north up) scaled to fit an envelope into a box of
 * pixels with a margin, and SVG path data for polygons. Pure and deterministic: numbers are written
 * with one decimal in {@link Locale#ROOT}, so the same geometry always gives the same text. It
 * draws nothing itself (no colours, no documents, no I/O): the maps of the simulation report and
 * the policy tool build on it.
 *
 * <p>Accurate enough for a city (docs/geo.md, "The local metric"); not for a country.
 */
public final class MapProjection {
  private final double minLon;
  private final double maxLat;
  private final double cosLat;
  private final double scale;
  private final double margin;
  private final double width;
  private final double height;

  private MapProjection(
      double minLon,
      double maxLat,
      double cosLat,
      double scale,
      double margin,
      double width,
      double height) {
    this.minLon = minLon;
    this.maxLat = maxLat;
    this.cosLat = cosLat;
    this.scale = scale;
    this.margin = margin;
    this.width = width;
    this.height = height;
  }

  /**
   * Fits an envelope into a box of the given width, keeping the aspect ratio: the height follows.
   *
   * @param bounds the area to show, in degrees, with a width and a height
   * @param widthPixels the drawing's width, &gt; 2 × margin
   * @param marginPixels the empty border on every side, &gt;= 0
   * @return the projection
   * @throws IllegalArgumentException if the bounds have no area or the sizes do not fit
   */
  public static MapProjection fit(Envelope bounds, double widthPixels, double marginPixels) {
    Objects.requireNonNull(bounds, "bounds");
    if (bounds.isNull() || !(bounds.getWidth() > 0) || !(bounds.getHeight() > 0)) {
      throw new IllegalArgumentException("the bounds need a width and a height but were " + bounds);
    }
    if (!(marginPixels >= 0) || !(widthPixels > 2 * marginPixels)) {
      throw new IllegalArgumentException(
          "need 0 <= margin and width > 2 × margin but got width "
              + widthPixels
              + ", margin "
              + marginPixels);
    }
    double cos = StrictMath.cos(StrictMath.toRadians(bounds.centre().y));
    double scale = (widthPixels - 2 * marginPixels) / (bounds.getWidth() * cos);
    double height = bounds.getHeight() * scale + 2 * marginPixels;
    return new MapProjection(
        bounds.getMinX(), bounds.getMaxY(), cos, scale, marginPixels, widthPixels, height);
  }

  /**
   * Returns the drawing's width in pixels.
   *
   * @return the width
   */
  public double width() {
    return width;
  }

  /**
   * Returns the drawing's height in pixels (from the bounds' aspect ratio).
   *
   * @return the height
   */
  public double height() {
    return height;
  }

  /**
   * Returns the x pixel of a longitude.
   *
   * @param lon the longitude
   * @return x, from the left
   */
  public double x(double lon) {
    return margin + (lon - minLon) * cosLat * scale;
  }

  /**
   * Returns the y pixel of a latitude.
   *
   * @param lat the latitude
   * @return y, from the top
   */
  public double y(double lat) {
    return margin + (maxLat - lat) * scale;
  }

  /**
   * Returns SVG path data for the polygons of a geometry: one {@code M … Z} sub-path per ring
   * (holes included; draw with {@code fill-rule="evenodd"}), coordinates with one decimal.
   * Consecutive positions that round to the same pixel are written once.
   *
   * @param g a Polygon or MultiPolygon (other parts are skipped)
   * @return the path data, empty for an empty geometry
   */
  public String path(Geometry g) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      if (g.getGeometryN(i) instanceof Polygon p) {
        ring(p.getExteriorRing(), b);
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
          ring(p.getInteriorRingN(h), b);
        }
      }
    }
    return b.toString();
  }

  private void ring(LineString ring, StringBuilder b) {
    Coordinate[] cs = ring.getCoordinates();
    String last = "";
    for (int k = 0; k < cs.length - 1; k++) {
      String xy = number(x(cs[k].x)) + " " + number(y(cs[k].y));
      if (xy.equals(last)) {
        continue;
      }
      b.append(k == 0 ? (b.length() == 0 ? "M" : " M") : " L").append(xy);
      last = xy;
    }
    b.append(" Z");
  }

  /**
   * Writes a pixel value with one decimal, {@code -0.0} as {@code 0.0}.
   *
   * @param v the value
   * @return the text
   */
  public static String number(double v) {
    String s = String.format(Locale.ROOT, "%.1f", v);
    return s.equals("-0.0") ? "0.0" : s;
  }
}
