package org.gridgov.server;

import java.util.Locale;
import java.util.Optional;
import org.gridgov.geo.ChinaCoordinates;
import org.gridgov.geo.LonLat;
import org.gridgov.region.AddressMatch;
import org.gridgov.region.AddressMatcher;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Where a posted report lies: its grid and a WGS-84 point. Open311 lets a client give {@code
 * lat}/{@code long}, an {@code address_id} or an {@code address_string}; this server takes them in
 * that order of preference. A point is located in the grids (converted from GCJ-02 or BD-09 when
 * {@code coord_system} says so); an {@code address_id} is the code of a grid or unit of the city's
 * tree (the tree is the master address list); an {@code address_string} is matched against the
 * tree's names ({@link AddressMatcher}) and must name one grid or unit. A place found from an
 * address gets the interior point of the named unit's polygon, else of its grid's. Addresses are
 * personal data: no message repeats one.
 *
 * @param grid the grid the report belongs to
 * @param point the report's point (WGS-84)
 */
record ReportPlace(Region grid, LonLat point) {

  /** Reads the place from a request's parameters. */
  interface Params {
    /**
     * Returns a parameter's trimmed value.
     *
     * @param name the parameter
     * @return its value, or null when absent or blank
     */
    @Nullable String get(String name);
  }

  /**
   * Resolves a report's place.
   *
   * @param params the request's parameters
   * @param city the city
   * @param addresses the matcher over the city's tree
   * @return the place
   * @throws Open311Exception (400) naming what is missing, malformed or outside the city
   */
  static ReportPlace of(Params params, DemoCity city, AddressMatcher addresses) {
    if (params.get("lat") != null || params.get("long") != null) {
      return fromPoint(point(params), city);
    }
    String id = params.get("address_id");
    if (id != null) {
      Region r =
          city.tree()
              .find(id)
              .filter(ReportPlace::gridOrUnit)
              .orElseThrow(
                  () ->
                      Open311Exception.badRequest(
                          "address_id " + Texts.clip(id) + " is not the code of a grid or unit"));
      return at(r, city);
    }
    String address = params.get("address_string");
    if (address == null) {
      throw Open311Exception.badRequest("lat and long, address_id or address_string is required");
    }
    return fromAddress(address, city, addresses);
  }

  private static ReportPlace fromPoint(LonLat point, DemoCity city) {
    Region grid =
        city.locator()
            .locate(point.lon(), point.lat())
            .orElseThrow(
                () ->
                    Open311Exception.badRequest(
                        "lat "
                            + point.lat()
                            + ", long "
                            + point.lon()
                            + " (WGS-84) lies outside the city's grids"))
            .at(RegionLevel.GRID)
            .orElseThrow(
                () -> Open311Exception.badRequest("the point lies in no grid of the city"));
    return new ReportPlace(grid, point);
  }

  private static ReportPlace fromAddress(String address, DemoCity city, AddressMatcher addresses) {
    AddressMatch match;
    try {
      match = addresses.match(address);
    } catch (IllegalArgumentException e) {
      throw Open311Exception.badRequest("address_string: " + e.getMessage());
    }
    return switch (match.outcome()) {
      case UNMATCHED ->
          throw Open311Exception.badRequest(
              "address_string names no region of this city: give lat and long");
      case AMBIGUOUS ->
          throw Open311Exception.badRequest(
              "address_string fits "
                  + match.candidateCount()
                  + " regions equally"
                  + match.region().map(r -> " (all in " + r.name() + ")").orElse("")
                  + ": name the grid or community, or give lat and long");
      case MATCHED -> {
        Region r = match.region().orElseThrow();
        if (!gridOrUnit(r)) {
          throw Open311Exception.badRequest(
              "address_string names "
                  + r.name()
                  + " ("
                  + r.level().name().toLowerCase(Locale.ROOT)
                  + ") but no grid in it: name the grid, or give lat and long");
        }
        yield at(r, city);
      }
    };
  }

  private static boolean gridOrUnit(Region r) {
    return r.level() == RegionLevel.GRID || r.level() == RegionLevel.UNIT;
  }

  private static ReportPlace at(Region region, DemoCity city) {
    Region grid = region.level() == RegionLevel.GRID ? region : region.parent().orElseThrow();
    Geometry shape =
        city.geometry()
            .geometry(region.code())
            .or(() -> city.geometry().geometry(grid.code()))
            .orElseThrow(
                () ->
                    Open311Exception.badRequest(
                        "grid " + grid.name() + " has no outline on the map: give lat and long"));
    Point p = shape.getInteriorPoint();
    return new ReportPlace(grid, new LonLat(p.getX(), p.getY()));
  }

  /** The point in WGS-84, converted from GCJ-02 or BD-09 when {@code coord_system} says so. */
  static LonLat point(Params params) {
    String latText = params.get("lat");
    String lonText = params.get("long");
    if (latText == null || lonText == null) {
      throw Open311Exception.badRequest(latText == null ? "lat is missing" : "long is missing");
    }
    double lat = number("lat", latText, 90);
    double lon = number("long", lonText, 180);
    String system = Optional.ofNullable(params.get("coord_system")).orElse("wgs84");
    return switch (system.toLowerCase(Locale.ROOT)) {
      case "wgs84" -> new LonLat(lon, lat);
      case "gcj02" -> ChinaCoordinates.gcj02ToWgs84(lon, lat);
      case "bd09" -> ChinaCoordinates.bd09ToWgs84(lon, lat);
      default ->
          throw Open311Exception.badRequest(
              "coord_system " + Texts.clip(system) + " is not one of wgs84, gcj02, bd09");
    };
  }

  private static double number(String name, String text, double bound) {
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw Open311Exception.badRequest(name + " " + Texts.clip(text) + " is not a number");
    }
    if (!(Math.abs(v) <= bound)) {
      throw Open311Exception.badRequest(
          name + " " + Texts.clip(text) + " is outside -" + (int) bound + ".." + (int) bound);
    }
    return v;
  }
}
