package org.gridgov.simulation.report;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.gridgov.simulation.Estimate;
import org.gridgov.simulation.Metric;
import org.gridgov.simulation.ReplicationResult;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.ScenarioFiles;
import org.gridgov.simulation.ScenarioRegions;
import org.gridgov.simulation.Sweep;
import org.gridgov.simulation.SweepPoint;
import org.gridgov.simulation.SweepResult;
import org.gridgov.sla.BusinessCalendar;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes the report of a sweep into a directory: {@code runs.csv} and {@code summary.csv} ({@link
 * SweepCsv}), {@code cost.csv} and {@code cost.json} (each value's grids, grid workers and
 * worker-hours per year beside its on-time rate, {@link StaffCost}), {@code charts/*.png} and
 * {@code charts/*.svg} (on-time closing rate, mean and p90 time to close, escalation rate and grid
 * worker utilisation against the swept parameter, with 95% confidence intervals), and one
 * self-contained {@code report.html} with the charts inline, the summary tables, the scenario and
 * the seed.
 *
 * <p>The CSV files depend only on the result (same sweep and seed: same bytes). Charts are drawn
 * headless.
 *
 * <pre>{@code
 * Path html = SweepReport.write(Experiments.run(sweep, Progress.NONE), Path.of("gridgov-out"));
 * }</pre>
 */
public final class SweepReport {
  private SweepReport() {}

  /** The chart files written, without extension, in the {@code charts} sub-directory. */
  public static final String CHARTS_DIRECTORY = "charts";

  /** The file name of the map in {@link #CHARTS_DIRECTORY}. */
  public static final String MAP_FILE = "grid-map.svg";

  /**
   * Writes the report with no command line in it.
   *
   * @param result the sweep's result
   * @param directory the output directory, created if missing; existing files of the same names are
   *     replaced
   * @return the path of {@code report.html}
   * @throws UncheckedIOException if a file cannot be written
   */
  public static Path write(SweepResult result, Path directory) {
    return write(result, directory, "");
  }

  /**
   * Writes the report.
   *
   * @param result the sweep's result
   * @param directory the output directory, created if missing; existing files of the same names are
   *     replaced
   * @param commandLine the command that produced the result, shown in the report ({@code ""}: none)
   * @return the path of {@code report.html}
   * @throws UncheckedIOException if a file cannot be written
   */
  public static Path write(SweepResult result, Path directory, String commandLine) {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    try {
      Path charts = directory.resolve(CHARTS_DIRECTORY);
      Files.createDirectories(charts);
      Files.writeString(
          directory.resolve("runs.csv"), SweepCsv.runs(result), StandardCharsets.UTF_8);
      Files.writeString(
          directory.resolve("summary.csv"), SweepCsv.summary(result), StandardCharsets.UTF_8);
      scorecards(result, directory);
      String figures = figures(result, charts) + cost(CostEffect.of(result), directory, charts);
      String map = map(result, charts);
      Path html = directory.resolve("report.html");
      Files.writeString(html, html(result, commandLine, figures + map), StandardCharsets.UTF_8);
      return html;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the scorecard table per value and level ({@link ScorecardSection}). */
  private static void scorecards(SweepResult result, Path directory) throws IOException {
    var groups = ScorecardSection.groups(result);
    Files.writeString(
        directory.resolve(ScorecardSection.CSV_FILE),
        ScorecardSection.csv("value", groups),
        StandardCharsets.UTF_8);
    Files.writeString(
        directory.resolve(ScorecardSection.JSON_FILE),
        ScorecardSection.json("value", groups),
        StandardCharsets.UTF_8);
  }

  /** Writes each chart as PNG and SVG and returns the figures for the page. */
  private static String figures(SweepResult result, Path charts) throws IOException {
    StringBuilder figures = new StringBuilder();
    for (SweepCharts.Spec spec : SweepCharts.SPECS) {
      Optional<Chart<?, ?>> chart = SweepCharts.chart(result, spec);
      if (chart.isEmpty()) {
        figures
            .append("<p class=\"note\">")
            .append(esc(spec.title()))
            .append(": no value in any replication (e.g. no case closed).</p>\n");
        continue;
      }
      figures.append(figure(chart.get(), spec.fileName(), spec.title(), charts));
    }
    return figures.toString();
  }

  /** Writes a chart as PNG and SVG and returns its figure for the page. */
  static String figure(Chart<?, ?> chart, String fileName, String title, Path charts)
      throws IOException {
    Files.write(charts.resolve(fileName + ".png"), png(chart));
    ByteArrayOutputStream svg = new ByteArrayOutputStream();
    svg(chart, svg);
    Files.write(charts.resolve(fileName + ".svg"), svg.toByteArray());
    return "<figure>"
        + inline(svg.toString(StandardCharsets.UTF_8))
        + "<figcaption>"
        + esc(title)
        + " — "
        + CHARTS_DIRECTORY
        + '/'
        + esc(fileName)
        + ".svg / .png</figcaption></figure>\n";
  }

  /** Writes {@code cost.csv}, {@code cost.json} and the cost chart; returns the page's section. */
  static String cost(CostEffect cost, Path directory, Path charts) throws IOException {
    Files.writeString(directory.resolve("cost.csv"), cost.csv(), StandardCharsets.UTF_8);
    Files.writeString(directory.resolve("cost.json"), cost.json(), StandardCharsets.UTF_8);
    Optional<? extends Chart<?, ?>> chart = cost.chart();
    String figure =
        chart.isEmpty()
            ? "<p class=\"note\">No cost chart: no point has an on-time rate.</p>\n"
            : figure(
                chart.get(),
                CostEffect.CHART_FILE,
                "On-time closing rate against grid worker-hours per year",
                charts);
    return cost.html(figure);
  }

  /** Writes the map, if the city has grids, and returns its section of the page. */
  private static String map(SweepResult result, Path charts) throws IOException {
    StringBuilder map = new StringBuilder("<h2>Map</h2>\n");
    Optional<ScenarioMap> drawn = ScenarioMap.of(result.sweep());
    if (drawn.isEmpty()) {
      return map.append("<p class=\"note\">No map: the city has no grid.</p>\n").toString();
    }
    Files.writeString(charts.resolve(MAP_FILE), drawn.get().svg(), StandardCharsets.UTF_8);
    return map.append("<figure>")
        .append(drawn.get().svg())
        .append("<figcaption>")
        .append(esc(drawn.get().caption()))
        .append(" — ")
        .append(CHARTS_DIRECTORY)
        .append('/')
        .append(MAP_FILE)
        .append("</figcaption></figure>\n")
        .toString();
  }

  /** Draws a chart as PNG (XChart's raster image, written by ImageIO). */
  static byte[] png(Chart<?, ?> chart) throws IOException {
    BufferedImage image = BitmapEncoder.getBufferedImage(chart);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(image, "png", out)) {
      throw new IOException("no PNG writer in this Java runtime");
    }
    return out.toByteArray();
  }

  /** Draws a chart as SVG with VectorGraphics2D (what XChart's VectorGraphicsEncoder does). */
  static void svg(Chart<?, ?> chart, OutputStream out) throws IOException {
    VectorGraphics2D g = new VectorGraphics2D();
    chart.paint(g, chart.getWidth(), chart.getHeight());
    new SVGProcessor()
        .getDocument(g.getCommands(), new PageSize(0, 0, chart.getWidth(), chart.getHeight()))
        .writeTo(out);
  }

  /**
   * An SVG document as an element to put into HTML: without its XML declaration and document type.
   */
  static String inline(String svg) {
    int start = svg.indexOf("<svg");
    return start < 0 ? svg : svg.substring(start);
  }

  static String html(SweepResult result, String commandLine, String figures) {
    Sweep sweep = result.sweep();
    StringBuilder h = new StringBuilder();
    head(h, sweep);
    parameters(h, sweep, commandLine);
    howToRead(h, sweep);
    h.append("<h2>Charts</h2>\n").append(figures);
    summary(h, result);
    h.append(BacklogNote.html(result.points(), sweep.scenario().horizon()));
    h.append(DesignConclusion.of(result).html());
    h.append(ScorecardSection.html(sweep.parameter().label(), ScorecardSection.groups(result)));
    replications(h, result);
    scenario(h, sweep);
    h.append("<p class=\"note\">Written by gridgov-sim.</p>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void head(StringBuilder h, Sweep sweep) {
    h.append(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>gridgov-sim: ")
        .append(esc(sweep.scenario().name()))
        .append("</title>\n<style>\n")
        .append(
            "body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}\n")
        .append(
            "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;")
        .append(
            "text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}\n")
        .append("figure{display:inline-block;margin:.5em}figcaption{font-size:.85em;color:#555}\n")
        .append(
            "pre{background:#f7f7f7;padding:1em;overflow:auto}.note{color:#666}\n</style>\n</head>\n<body>\n");
    h.append("<h1>gridgov-sim report: ").append(esc(sweep.scenario().name())).append("</h1>\n");
  }

  private static void parameters(StringBuilder h, Sweep sweep, String commandLine) {
    Scenario s = sweep.scenario();
    h.append("<table>\n");
    row(h, "Scenario", s.name());
    row(h, "Swept parameter", sweep.parameter().label() + " (" + sweep.parameter().id() + ")");
    row(h, "Values", String.join(", ", sweep.values()));
    row(h, "Replications per value", Integer.toString(sweep.replications()));
    row(h, "Seed", Long.toString(sweep.seed()));
    row(
        h,
        "Measured period",
        ReportNumbers.duration(s.horizon())
            + " after a warm-up of "
            + ReportNumbers.duration(s.warmUp())
            + ", then up to "
            + ReportNumbers.duration(s.drain())
            + " for open cases to close");
    row(h, "Calendar", calendarNote(s));
    if (!commandLine.isEmpty()) {
      row(h, "Command", commandLine);
    }
    h.append("</table>\n");
  }

  private static void howToRead(StringBuilder h, Sweep sweep) {
    h.append("<h2>How to read this</h2>\n<p>Each point is the mean over ")
        .append(sweep.replications())
        .append(
            " independent replications of the scenario at that value; the bars, and the ± in the"
                + " tables, are the half-widths of 95% confidence intervals (Student's t), given"
                + " to two significant digits, with each mean rounded to the same digit. Where two"
                + " values' intervals do not overlap, the difference is not noise. Every value uses"
                + " the same random numbers in replication <i>r</i> (common random numbers), so"
                + " differences between values are sharper than the intervals suggest. Indicators"
                + " cover the cases reported during the measured period; the warm-up is discarded."
                + " Rates are percentages of the cases reported. The same scenario and seed always"
                + " give the same numbers: <code>runs.csv</code> holds every replication,"
                + " <code>summary.csv</code> the intervals (rates there as fractions).</p>\n")
        .append(
            "<p class=\"note\">Model notes: waits and times to close are natural (clock) time."
                + " Outside working hours (nights, weekends and holidays of the calendar and work"
                + " schedule) nobody starts a case, so those hours count in the waits: a mean wait"
                + " of many hours at low utilisation is the night, not a queue. The charts' value"
                + " axes fit the data and need not start at zero: read differences against the"
                + " intervals, not against the height of the plot.</p>\n");
  }

  private static void summary(StringBuilder h, SweepResult result) {
    h.append("<h2>Summary</h2>\n<table>\n<tr><th>")
        .append(esc(result.sweep().parameter().label()))
        .append("</th>");
    for (Metric m : Metric.values()) {
      h.append("<th>")
          .append(esc(m.label()))
          .append("<br><small>")
          .append(esc(ReportNumbers.unit(m.unit())))
          .append("</small></th>");
    }
    h.append("</tr>\n");
    for (SweepPoint p : result.points()) {
      h.append("<tr><td>").append(esc(p.parameterValue())).append("</td>");
      for (Metric m : Metric.values()) {
        Estimate e = p.estimates().get(m);
        h.append("<td>")
            .append(e == null ? "—" : esc(ReportNumbers.estimate(e, m.unit())))
            .append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n");
  }

  private static void replications(StringBuilder h, SweepResult result) {
    h.append("<details><summary>Every replication (")
        .append(result.runs().size())
        .append(")</summary>\n<table>\n")
        .append("<tr><th>")
        .append(esc(result.sweep().parameter().label()))
        .append("</th><th>replication</th>");
    for (Metric m : Metric.values()) {
      h.append("<th>").append(esc(m.id())).append("</th>");
    }
    h.append("</tr>\n");
    for (ReplicationResult r : result.runs()) {
      h.append("<tr><td>")
          .append(esc(r.parameterValue()))
          .append("</td><td>")
          .append(r.replication())
          .append("</td>");
      for (Metric m : Metric.values()) {
        h.append("<td>").append(significant(r.value(m))).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n</details>\n");
  }

  private static void scenario(StringBuilder h, Sweep sweep) {
    h.append(
            "<h2>Scenario</h2>\n<p>As a scenario file (save as <code>.yaml</code> and run it with ")
        .append("<code>gridgov-sim sweep</code>):</p>\n<pre>");
    try {
      h.append(esc(ScenarioFiles.toYaml(sweep.scenario())));
    } catch (IllegalArgumentException e) {
      h.append(esc("# " + e.getMessage()));
    }
    h.append("</pre>\n");
  }

  /**
   * Says which calendar the run counted on and whether it reaches into provisional years (holidays
   * predicted from the statutory rules, not yet published): the run from the scenario's start to
   * the end of its drain, plus the 60 days its deadlines may need.
   *
   * @param s the scenario
   * @return one sentence for the report
   */
  public static String calendarNote(Scenario s) {
    BusinessCalendar c = ScenarioRegions.calendar(s.calendar());
    LocalDate from = s.start().toLocalDate();
    LocalDate to =
        s.start().plus(s.warmUp()).plus(s.horizon()).plus(s.drain()).toLocalDate().plusDays(60);
    Optional<LocalDate> provisional = c.firstProvisionalDate();
    String base = "edition " + c.edition() + ", run and deadlines " + from + ".." + to;
    if (provisional.isPresent() && !provisional.get().isAfter(to)) {
      return base
          + ": from "
          + provisional.get()
          + " on the days are PROVISIONAL (holidays predicted from the"
          + " statutory rules; the official notice is not published yet), so results there may shift slightly";
    }
    return base + ": every day official";
  }

  private static void row(StringBuilder h, String key, String value) {
    h.append("<tr><th>")
        .append(esc(key))
        .append("</th><td style=\"text-align:left\">")
        .append(esc(value))
        .append("</td></tr>\n");
  }

  static String significant(double v) {
    if (Double.isNaN(v)) {
      return "—";
    }
    if (v == 0 || Double.isInfinite(v)) {
      return v == 0 ? "0" : Double.toString(v);
    }
    String s =
        new java.math.BigDecimal(v)
            .round(new java.math.MathContext(4))
            .stripTrailingZeros()
            .toPlainString();
    return s.equals("-0") ? "0" : s;
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Formats an estimate without a unit, rounded by its interval (for the design and calibration
   * reports).
   */
  static String estimate(Estimate e) {
    return ReportNumbers.estimate(e, "");
  }
}
