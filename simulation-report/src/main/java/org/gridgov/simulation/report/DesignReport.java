package org.gridgov.simulation.report;

import static org.gridgov.simulation.report.SweepReport.esc;
import static org.gridgov.simulation.report.SweepReport.estimate;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.gridgov.simulation.DesignPoint;
import org.gridgov.simulation.DesignResult;
import org.gridgov.simulation.Estimate;
import org.gridgov.simulation.FactorEffect;
import org.gridgov.simulation.Metric;
import org.gridgov.simulation.PairedDifference;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.Sweep;
import org.gridgov.simulation.SweepParameter;

/**
 * Writes the report of a designed experiment into a directory: {@code runs.csv}, {@code
 * summary.csv}, {@code paired.csv}, {@code effects.csv} ({@link DesignCsv}), {@code design.json}
 * ({@link StudyJson}), {@code cost.csv}, {@code cost.json} and {@code charts/cost-effect.png/svg}
 * (each point's grid staff cost beside its on-time rate, {@link StaffCost}), the map of the first
 * point's grids ({@code charts/grid-map.svg}) and one self-contained {@code report.html}: the
 * factors' main effects with 95% intervals, every point's indicators, the paired differences from
 * the first point, the written conclusion in English and Chinese ({@link DesignConclusion}) and the
 * map.
 *
 * <p>Every file depends only on the result and the command line (same design and seed: same bytes).
 */
public final class DesignReport {
  private DesignReport() {}

  /**
   * Writes the report.
   *
   * @param result the design's result
   * @param commonRandomNumbers whether the points shared random numbers
   * @param directory the output directory, created if missing; files of the same names are replaced
   * @param commandLine the command that produced the result ({@code ""}: none)
   * @return the path of {@code report.html}
   * @throws UncheckedIOException if a file cannot be written
   */
  public static Path write(
      DesignResult result, boolean commonRandomNumbers, Path directory, String commandLine) {
    try {
      Path charts = directory.resolve(SweepReport.CHARTS_DIRECTORY);
      Files.createDirectories(charts);
      write(directory.resolve("runs.csv"), DesignCsv.runs(result));
      write(directory.resolve("summary.csv"), DesignCsv.summary(result));
      write(directory.resolve("paired.csv"), DesignCsv.paired(result));
      write(directory.resolve("effects.csv"), DesignCsv.effects(result));
      write(directory.resolve("design.json"), StudyJson.design(result, commonRandomNumbers));
      var groups = ScorecardSection.groups(result);
      write(directory.resolve(ScorecardSection.CSV_FILE), ScorecardSection.csv("point", groups));
      write(directory.resolve(ScorecardSection.JSON_FILE), ScorecardSection.json("point", groups));
      if (System.getProperty("java.awt.headless") == null) {
        System.setProperty("java.awt.headless", "true");
      }
      String cost = SweepReport.cost(CostEffect.of(result), directory, charts);
      StringBuilder map = new StringBuilder("<h2>Map</h2>\n");
      Optional<ScenarioMap> drawn = map(result);
      if (drawn.isPresent()) {
        write(charts.resolve(SweepReport.MAP_FILE), drawn.get().svg());
        map.append("<figure>")
            .append(drawn.get().svg())
            .append("<figcaption>")
            .append(esc(drawn.get().caption()))
            .append("</figcaption></figure>\n");
      } else {
        map.append("<p class=\"note\">No map: the city has no grid.</p>\n");
      }
      Path html = directory.resolve("report.html");
      write(html, html(result, commonRandomNumbers, commandLine, cost + map));
      return html;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** The map of the first point's city. */
  static Optional<ScenarioMap> map(DesignResult result) {
    DesignPoint first = result.design().plan().points().get(0);
    SweepParameter f = result.design().plan().factors().get(0);
    Scenario s = first.apply(result.design().scenario());
    return ScenarioMap.of(
        new Sweep(s, f, ImmutableList.of(first.level(f)), 1, result.design().seed(), 1));
  }

  static String html(
      DesignResult result, boolean commonRandomNumbers, String commandLine, String map) {
    Scenario s = result.design().scenario();
    StringBuilder h = new StringBuilder();
    StudyHtml.head(h, "design of " + s.name());
    h.append("<table>\n");
    StudyHtml.row(h, "Scenario", s.name());
    StudyHtml.row(h, "Design", result.design().plan().description());
    for (SweepParameter f : result.design().plan().factors()) {
      StudyHtml.row(h, "Factor " + f.id(), f.label() + ": " + levels(result, f));
    }
    StudyHtml.row(h, "Replications per point", Integer.toString(result.design().replications()));
    StudyHtml.row(h, "Seed", Long.toString(result.design().seed()));
    StudyHtml.row(
        h,
        "Random numbers",
        commonRandomNumbers
            ? "common: replication r of every point uses the same streams (paired differences)"
            : "independent per point (differences are still paired by replication, but wider)");
    StudyHtml.periods(h, s);
    if (!commandLine.isEmpty()) {
      StudyHtml.row(h, "Command", commandLine);
    }
    h.append("</table>\n");
    h.append(
        "<p>Each point is the mean over the replications with its 95% confidence interval"
            + " (Student's t). A <b>main effect</b> is the mean over the points at a factor's high"
            + " level minus the mean over its low level, computed per replication and averaged;"
            + " its interval comes from the spread of the per-replication effects. A"
            + " <b>paired difference</b> compares two points replication by replication. Rates"
            + " are fractions of the cases reported (0.95 = 95%). Every point and every paired"
            + " difference is in <code>summary.csv</code>, <code>paired.csv</code> and"
            + " <code>design.json</code>.</p>\n");
    effects(h, result);
    points(h, result);
    paired(h, result);
    h.append(BacklogNote.html(result.points(), s.horizon()));
    h.append(DesignConclusion.of(result).html());
    h.append(ScorecardSection.html("point", ScorecardSection.groups(result)));
    h.append(map);
    StudyHtml.scenario(h, s, "gridgov-sim design");
    return h.toString();
  }

  private static String levels(DesignResult result, SweepParameter f) {
    ImmutableList<String> seen =
        result.design().plan().points().stream()
            .map(p -> p.level(f))
            .distinct()
            .collect(ImmutableList.toImmutableList());
    return String.join(", ", seen);
  }

  private static void effects(StringBuilder h, DesignResult result) {
    h.append("<h2>Main effects</h2>\n");
    StringBuilder rows = new StringBuilder();
    for (Metric m : DesignConclusion.METRICS) {
      for (FactorEffect e : FactorEffect.of(result, m)) {
        rows.append("<tr><td>")
            .append(esc(m.label()))
            .append("</td><td>")
            .append(esc(e.factor().id() + ": " + e.low() + " → " + e.high()))
            .append("</td><td>")
            .append(esc(estimate(e.effect())))
            .append("</td><td>")
            .append(interval(e.effect()))
            .append("</td><td>")
            .append(e.significant() ? "yes" : "no")
            .append("</td></tr>\n");
      }
    }
    if (rows.length() == 0) {
      h.append(
          "<p class=\"note\">No main effects: no factor has each of its levels at more than one"
              + " point (a Latin hypercube or a one-factor design); see the paired differences.</p>\n");
      return;
    }
    h.append(
        "<table>\n<tr><th>indicator</th><th>factor: low → high</th><th>effect ± 95% half-width"
            + "</th><th>95% CI</th><th>significant</th></tr>\n");
    h.append(rows).append("</table>\n");
  }

  private static void points(StringBuilder h, DesignResult result) {
    h.append("<h2>Points</h2>\n<table>\n<tr><th>point</th>");
    for (SweepParameter f : result.design().plan().factors()) {
      h.append("<th>").append(esc(f.id())).append("</th>");
    }
    for (Metric m : DesignConclusion.METRICS) {
      h.append("<th>").append(esc(m.label())).append("</th>");
    }
    h.append("</tr>\n");
    for (int i = 0; i < result.points().size(); i++) {
      h.append("<tr><td>").append(i).append("</td>");
      for (SweepParameter f : result.design().plan().factors()) {
        h.append("<td>")
            .append(esc(result.design().plan().points().get(i).level(f)))
            .append("</td>");
      }
      for (Metric m : DesignConclusion.METRICS) {
        Estimate e = result.points().get(i).estimates().get(m);
        h.append("<td>").append(e == null ? "—" : esc(estimate(e))).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n");
  }

  private static void paired(StringBuilder h, DesignResult result) {
    h.append("<h2>Paired differences from point 0</h2>\n<table>\n")
        .append("<tr><th>indicator</th><th>point</th><th>difference ± 95% half-width</th>")
        .append("<th>95% CI</th><th>significant</th></tr>\n");
    for (Metric m : DesignConclusion.METRICS) {
      for (PairedDifference d : result.pairedAgainst(m, 0)) {
        h.append("<tr><td>")
            .append(esc(m.label()))
            .append("</td><td>")
            .append(d.to())
            .append("</td><td>")
            .append(esc(estimate(d.difference())))
            .append("</td><td>")
            .append(interval(d.difference()))
            .append("</td><td>")
            .append(d.significant() ? "yes" : "no")
            .append("</td></tr>\n");
      }
    }
    h.append("</table>\n");
  }

  static String interval(Estimate e) {
    return Double.isFinite(e.halfWidth())
        ? esc(
            "["
                + SweepReport.significant(e.lower())
                + ", "
                + SweepReport.significant(e.upper())
                + "]")
        : "—";
  }
}
