package org.gridgov.simulation.report;

import static org.gridgov.simulation.report.SweepCsv.field;
import static org.gridgov.simulation.report.SweepCsv.number;
import static org.gridgov.simulation.report.SweepReport.esc;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gridgov.simulation.DesignResult;
import org.gridgov.simulation.Estimate;
import org.gridgov.simulation.Metric;
import org.gridgov.simulation.SweepPoint;
import org.gridgov.simulation.SweepResult;
import org.jspecify.annotations.Nullable;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Cost beside effect: each point of a sweep or design with its {@link StaffCost} next to its
 * on-time closing rate, as {@code cost.csv}, an HTML table and a chart of the on-time rate against
 * the grid worker-hours per year.
 *
 * @param header the columns naming a point (e.g. {@code parameter, value}, or the point's index and
 *     the factors)
 * @param keys per point, its values of the header's columns
 * @param costs per point, its cost
 * @param points per point, its estimates
 */
record CostEffect(
    ImmutableList<String> header,
    ImmutableList<ImmutableList<String>> keys,
    ImmutableList<StaffCost> costs,
    ImmutableList<SweepPoint> points) {

  /** The indicator the cost is set against. */
  static final Metric EFFECT = Metric.ON_TIME_CLOSING_RATE;

  /** The chart's file name, without extension. */
  static final String CHART_FILE = "cost-effect";

  /**
   * The costs of a sweep's values.
   *
   * @param result the sweep's result
   * @return the table
   */
  static CostEffect of(SweepResult result) {
    ImmutableList.Builder<ImmutableList<String>> keys = ImmutableList.builder();
    ImmutableList.Builder<StaffCost> costs = ImmutableList.builder();
    String parameter = result.sweep().parameter().id();
    for (SweepPoint p : result.points()) {
      keys.add(ImmutableList.of(parameter, p.parameterValue()));
      costs.add(
          StaffCost.of(
              result.sweep().parameter().apply(result.sweep().scenario(), p.parameterValue())));
    }
    return new CostEffect(
        ImmutableList.of("parameter", "value"), keys.build(), costs.build(), result.points());
  }

  /**
   * The costs of a design's points.
   *
   * @param result the design's result
   * @return the table
   */
  static CostEffect of(DesignResult result) {
    ImmutableList.Builder<String> header = ImmutableList.<String>builder().add("point");
    result.design().plan().factors().forEach(f -> header.add(f.id()));
    ImmutableList.Builder<ImmutableList<String>> keys = ImmutableList.builder();
    ImmutableList.Builder<StaffCost> costs = ImmutableList.builder();
    for (int i = 0; i < result.points().size(); i++) {
      var point = result.design().plan().points().get(i);
      ImmutableList.Builder<String> key = ImmutableList.<String>builder().add(Integer.toString(i));
      result.design().plan().factors().forEach(f -> key.add(point.level(f)));
      keys.add(key.build());
      costs.add(StaffCost.of(point.apply(result.design().scenario())));
    }
    return new CostEffect(header.build(), keys.build(), costs.build(), result.points());
  }

  /**
   * Returns {@code cost.csv}: the header's columns, {@code grids, grid_workers,
   * worker_hours_per_year}, then the on-time closing rate's {@code mean, half_width, n}.
   */
  String csv() {
    StringBuilder b = new StringBuilder(String.join(",", header));
    b.append(",grids,grid_workers,worker_hours_per_year,")
        .append(EFFECT.id())
        .append(',')
        .append(EFFECT.id())
        .append("_half_width,n\n");
    for (int i = 0; i < keys.size(); i++) {
      for (String k : keys.get(i)) {
        b.append(field(k)).append(',');
      }
      StaffCost c = costs.get(i);
      b.append(c.grids())
          .append(',')
          .append(c.gridWorkers())
          .append(',')
          .append(number(c.workerHoursPerYear()))
          .append(',');
      Estimate e = effect(i);
      if (e == null) {
        b.append("NaN,NaN,0\n");
      } else {
        b.append(number(e.mean()))
            .append(',')
            .append(number(e.halfWidth()))
            .append(',')
            .append(e.n())
            .append('\n');
      }
    }
    return b.toString();
  }

  /**
   * Returns {@code cost.json}: an array with one object per point: its key columns, {@code grids,
   * grid_workers, worker_hours_per_year} and the on-time closing rate's {@code mean, half_width, n}
   * ({@code null} where undefined).
   */
  String json() {
    StringBuilder j = new StringBuilder("[");
    for (int i = 0; i < keys.size(); i++) {
      j.append(i == 0 ? "\n  " : ",\n  ").append('{');
      for (int k = 0; k < header.size(); k++) {
        j.append(StudyJson.str(header.get(k)))
            .append(": ")
            .append(StudyJson.str(keys.get(i).get(k)))
            .append(", ");
      }
      StaffCost c = costs.get(i);
      Estimate e = effect(i);
      j.append("\"grids\": ")
          .append(c.grids())
          .append(", \"grid_workers\": ")
          .append(c.gridWorkers())
          .append(", \"worker_hours_per_year\": ")
          .append(StudyJson.num(c.workerHoursPerYear()))
          .append(", ")
          .append(StudyJson.str(EFFECT.id()))
          .append(": {\"mean\": ")
          .append(e == null ? "null" : StudyJson.num(e.mean()))
          .append(", \"half_width\": ")
          .append(e == null ? "null" : StudyJson.num(e.halfWidth()))
          .append(", \"n\": ")
          .append(e == null ? 0 : e.n())
          .append("}}");
    }
    return j.append(keys.isEmpty() ? "]\n" : "\n]\n").toString();
  }

  /** Returns the HTML section: the table of cost beside effect. */
  String html(String figure) {
    StringBuilder h =
        new StringBuilder("<h2>Cost beside effect</h2>\n")
            .append(
                "<p>What each point costs in grid staff — grids, grid workers (grids × workers per"
                    + " grid) and their scheduled worker-hours in one year from the scenario's"
                    + " start (the calendar's working time; role shares and absences not"
                    + " subtracted) — next to its on-time closing rate. Office and department"
                    + " staff are not counted.</p>\n")
            .append(figure)
            .append("<table>\n<tr>");
    for (String c : header) {
      h.append("<th>").append(esc(c)).append("</th>");
    }
    h.append("<th>grids</th><th>grid workers</th><th>worker-hours per year</th><th>")
        .append(esc(EFFECT.label()))
        .append("</th></tr>\n");
    for (int i = 0; i < keys.size(); i++) {
      h.append("<tr>");
      for (String k : keys.get(i)) {
        h.append("<td>").append(esc(k)).append("</td>");
      }
      StaffCost c = costs.get(i);
      Estimate e = effect(i);
      h.append("<td>")
          .append(c.grids())
          .append("</td><td>")
          .append(c.gridWorkers())
          .append("</td><td>")
          .append(hours(c.workerHoursPerYear()))
          .append("</td><td>")
          .append(e == null ? "—" : esc(ReportNumbers.estimate(e, EFFECT.unit())))
          .append("</td></tr>\n");
    }
    return h.append("</table>\n").toString();
  }

  /** Returns the chart of the on-time rate against the worker-hours, if any point has both. */
  Optional<XYChart> chart() {
    List<double[]> rows = new ArrayList<>(); // worker-hours, mean, half-width
    for (int i = 0; i < keys.size(); i++) {
      Estimate e = effect(i);
      double hours = costs.get(i).workerHoursPerYear();
      if (e != null && Double.isFinite(e.mean()) && Double.isFinite(hours)) {
        rows.add(
            new double[] {hours, e.mean(), Double.isFinite(e.halfWidth()) ? e.halfWidth() : 0.0});
      }
    }
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    rows.sort(Comparator.comparingDouble(r -> r[0]));
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    List<Double> err = new ArrayList<>();
    for (double[] r : rows) {
      x.add(r[0]);
      y.add(r[1]);
      err.add(r[2]);
    }
    XYChart chart =
        new XYChartBuilder()
            .width(SweepCharts.WIDTH)
            .height(SweepCharts.HEIGHT)
            .title("On-time closing rate (按期结案率) against staff cost")
            .xAxisTitle("grid worker-hours per year")
            .yAxisTitle("fraction of cases")
            .build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setYAxisDecimalPattern("#,##0.###");
    chart.getStyler().setXAxisDecimalPattern("#,##0");
    ChartFonts.apply(chart.getStyler());
    var unused = chart.addSeries(EFFECT.label() + " (95% CI), one point per row", x, y, err);
    return Optional.of(chart);
  }

  private @Nullable Estimate effect(int i) {
    return points.get(i).estimates().get(EFFECT);
  }

  static String hours(double h) {
    return Double.isFinite(h) ? String.format(Locale.ROOT, "%,.0f", h) : "—";
  }
}
