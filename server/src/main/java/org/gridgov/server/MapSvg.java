package org.gridgov.server;

import java.util.Locale;
import org.gridgov.geo.MapProjection;
import org.gridgov.geo.RegionGeometry;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The dashboard's map: a region's grids as SVG paths ({@link MapProjection}, no external tiles),
 * each {@code <path id="g-CODE" class="grid">} for the page to colour, the streets' outlines over
 * them, and an empty {@code <g id="markers">} for the cases.
 */
final class MapSvg {
  /** The map's width in pixels. */
  static final double WIDTH = 640;

  private final RegionGeometry geometry;

  MapSvg(RegionGeometry geometry) {
    this.geometry = geometry;
  }

  /** Where longitude and latitude land on a region's map. */
  record Fit(MapProjection projection) {
    double x(double lon) {
      return Math.round(projection.x(lon) * 10) / 10.0;
    }

    double y(double lat) {
      return Math.round(projection.y(lat) * 10) / 10.0;
    }
  }

  Fit fit(Region region) {
    Envelope e = geometry.geometry(region.code()).orElseThrow().getEnvelopeInternal();
    return new Fit(MapProjection.fit(e, WIDTH, 12));
  }

  String svg(Region region) {
    MapProjection p = fit(region).projection();
    StringBuilder b = new StringBuilder(16_384);
    b.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"map\" viewBox=\"0 0 %s %s\""
                + " width=\"%s\" height=\"%s\">",
            MapProjection.number(p.width()),
            MapProjection.number(p.height()),
            MapProjection.number(p.width()),
            MapProjection.number(p.height())));
    b.append("<g id=\"grids\">");
    for (Region g : region.descendantsAt(RegionLevel.GRID)) {
      Geometry geom = geometry.geometry(g.code()).orElseThrow();
      b.append("<path id=\"g-")
          .append(g.code())
          .append("\" class=\"grid\" data-code=\"")
          .append(g.code())
          .append("\" d=\"")
          .append(p.path(geom))
          .append("\"><title>")
          .append(g.name())
          .append("</title></path>");
    }
    b.append("</g><g id=\"streets\">");
    var streets =
        region.level() == RegionLevel.STREET
            ? java.util.List.of(region)
            : region.descendantsAt(RegionLevel.STREET);
    for (Region s : streets) {
      geometry
          .geometry(s.code())
          .ifPresent(
              geom -> b.append("<path class=\"street\" d=\"").append(p.path(geom)).append("\"/>"));
    }
    b.append("</g><g id=\"markers\"></g></svg>");
    return b.toString();
  }
}
