package org.gridgov.simulation.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.gridgov.geo.MapProjection;
import org.gridgov.geo.RegionGeometry;
import org.gridgov.geo.analysis.CoverageFinding;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Draws an SVG map of the regions of one level coloured by a value (load, on-time rate, ...), their
 * parents outlined, and coverage findings as circled markers. Offline and deterministic: no
 * scripts, no fonts or tiles fetched, numbers in {@link Locale#ROOT} with fixed decimals, regions
 * in tree order, so the same input always gives the same bytes.
 *
 * <p>Colours: six classes of equal width between the smallest and the largest value (yellow to dark
 * red, ColorBrewer YlOrRd), grey for a region without a value; a legend under the map.
 */
public final class GridMap {
  /** The six class colours, lightest (smallest values) first. */
  static final List<String> COLOURS =
      List.of("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026");

  /** The colour of a region without a value. */
  static final String NO_VALUE = "#dddddd";

  private static final double LEGEND_HEIGHT = 40;

  private GridMap() {}

  /**
   * Draws the map.
   *
   * @param geometry the geometry; every region of {@code level} with geometry is drawn
   * @param level the level to colour (e.g. grids)
   * @param values the value per region code; regions without one are grey
   * @param valueLabel what the value is, for the legend (e.g. "expected cases per year")
   * @param findings coverage findings to mark at their points
   * @param widthPixels the map's width
   * @return an SVG document without XML declaration (fit to inline into HTML)
   * @throws IllegalArgumentException if no region of the level has geometry
   */
  public static String svg(
      RegionGeometry geometry,
      RegionLevel level,
      Map<Long, Double> values,
      String valueLabel,
      List<CoverageFinding> findings,
      double widthPixels) {
    Objects.requireNonNull(values, "values");
    List<Region> regions = geometry.regions(level);
    if (regions.isEmpty()) {
      throw new IllegalArgumentException("no region at level " + level + " has geometry");
    }
    Envelope bounds = new Envelope();
    for (Region r : regions) {
      bounds.expandToInclude(geometry.geometry(r.code()).orElseThrow().getEnvelopeInternal());
    }
    MapProjection p = MapProjection.fit(bounds, widthPixels, 10);
    double[] range = range(regions, values);
    double height = p.height() + LEGEND_HEIGHT;
    StringBuilder b = new StringBuilder();
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(MapProjection.number(p.width()))
        .append("\" height=\"")
        .append(MapProjection.number(height))
        .append("\" viewBox=\"0 0 ")
        .append(MapProjection.number(p.width()))
        .append(' ')
        .append(MapProjection.number(height))
        .append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
    b.append("<g stroke=\"#ffffff\" stroke-width=\"0.6\" fill-rule=\"evenodd\">\n");
    for (Region r : regions) {
      Double v = values.get(r.code());
      b.append("<path d=\"")
          .append(p.path(geometry.geometry(r.code()).orElseThrow()))
          .append("\" fill=\"")
          .append(v == null || v.isNaN() ? NO_VALUE : COLOURS.get(colourClass(v, range)))
          .append("\"><title>")
          .append(r.code())
          .append(": ")
          .append(v == null || v.isNaN() ? "no value" : format(v))
          .append("</title></path>\n");
    }
    b.append("</g>\n");
    parents(geometry, regions, p, b);
    markers(findings, p, b);
    legend(range, valueLabel, findings.size(), p.height(), b);
    return b.append("</svg>\n").toString();
  }

  private static double[] range(List<Region> regions, Map<Long, Double> values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Region r : regions) {
      Double v = values.get(r.code());
      if (v != null && !v.isNaN()) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return new double[] {min, max};
  }

  /**
   * Returns the colour class of a value: six classes of equal width from the smallest value to the
   * largest, the largest in the last.
   */
  static int colourClass(double v, double[] range) {
    double span = range[1] - range[0];
    if (!(span > 0)) {
      return 0;
    }
    int k = (int) Math.floor((v - range[0]) / span * COLOURS.size());
    return Math.max(0, Math.min(COLOURS.size() - 1, k));
  }

  private static void parents(
      RegionGeometry geometry, List<Region> regions, MapProjection p, StringBuilder b) {
    List<Long> seen = new ArrayList<>();
    b.append("<g fill=\"none\" stroke=\"#333333\" stroke-width=\"1.2\">\n");
    for (Region r : regions) {
      Region parent = r.parent().orElse(null);
      if (parent == null || seen.contains(parent.code())) {
        continue;
      }
      seen.add(parent.code());
      Geometry g = geometry.geometry(parent.code()).orElse(null);
      if (g != null) {
        b.append("<path d=\"").append(p.path(g)).append("\"/>\n");
      }
    }
    b.append("</g>\n");
  }

  private static void markers(List<CoverageFinding> findings, MapProjection p, StringBuilder b) {
    for (CoverageFinding f : findings) {
      b.append("<circle cx=\"")
          .append(MapProjection.number(p.x(f.point().lon())))
          .append("\" cy=\"")
          .append(MapProjection.number(p.y(f.point().lat())))
          .append("\" r=\"6\" fill=\"none\" stroke=\"#000000\" stroke-width=\"2\"><title>")
          .append(SweepReport.esc(f.toString()))
          .append("</title></circle>\n");
    }
  }

  private static void legend(
      double[] range, String label, int findings, double top, StringBuilder b) {
    double y = top + 8;
    for (int k = 0; k < COLOURS.size(); k++) {
      b.append("<rect x=\"")
          .append(10 + 40 * k)
          .append("\" y=\"")
          .append(MapProjection.number(y))
          .append("\" width=\"40\" height=\"10\" fill=\"")
          .append(COLOURS.get(k))
          .append("\"/>\n");
    }
    String text =
        range[0] <= range[1]
            ? format(range[0]) + " … " + format(range[1]) + " " + label
            : "no value: " + label;
    b.append("<text x=\"260\" y=\"")
        .append(MapProjection.number(y + 9))
        .append("\">")
        .append(SweepReport.esc(text))
        .append("; ○ coverage finding (")
        .append(findings)
        .append(")</text>\n");
  }

  static String format(double v) {
    return Math.abs(v) >= 100
        ? String.format(Locale.ROOT, "%,.0f", v)
        : String.format(Locale.ROOT, "%.3g", v);
  }
}
