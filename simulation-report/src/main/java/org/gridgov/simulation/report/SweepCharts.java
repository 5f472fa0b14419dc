package org.gridgov.simulation.report;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.gridgov.simulation.Estimate;
import org.gridgov.simulation.Metric;
import org.gridgov.simulation.SweepParameter;
import org.gridgov.simulation.SweepPoint;
import org.gridgov.simulation.SweepResult;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * The report's charts: indicators against the swept parameter with 95% confidence intervals as
 * error bars.
 */
final class SweepCharts {
  private SweepCharts() {}

  static final int WIDTH = 720;
  static final int HEIGHT = 420;

  /**
   * One chart of the report.
   *
   * @param fileName the base file name, e.g. {@code on-time-closing-rate}
   * @param title the title
   * @param yAxis the y axis title
   * @param metrics its series
   */
  record Spec(String fileName, String title, String yAxis, ImmutableList<Metric> metrics) {}

  static final ImmutableList<Spec> SPECS =
      ImmutableList.of(
          new Spec(
              "on-time-closing-rate",
              "On-time closing rate (按期结案率)",
              "fraction of cases",
              ImmutableList.of(Metric.ON_TIME_CLOSING_RATE)),
          new Spec(
              "time-to-close",
              "Time to close",
              "hours",
              ImmutableList.of(Metric.MEAN_HOURS_TO_CLOSE, Metric.P90_HOURS_TO_CLOSE)),
          new Spec(
              "escalation-rate",
              "Escalation rate",
              "fraction of cases",
              ImmutableList.of(Metric.ESCALATION_RATE)),
          new Spec(
              "worker-utilisation",
              "Grid worker utilisation",
              "fraction of working time",
              ImmutableList.of(Metric.WORKER_UTILISATION)));

  /**
   * Builds a chart, or empty if none of its metrics has a value at any point.
   *
   * @param result the sweep's result
   * @param spec the chart
   * @return the chart
   */
  static Optional<Chart<?, ?>> chart(SweepResult result, Spec spec) {
    SweepParameter parameter = result.sweep().parameter();
    List<SweepPoint> points = new ArrayList<>(result.points());
    if (parameter.numeric()) {
      points.sort(Comparator.comparingDouble(p -> Double.parseDouble(p.parameterValue())));
      XYChart chart =
          new XYChartBuilder()
              .width(WIDTH)
              .height(HEIGHT)
              .title(spec.title())
              .xAxisTitle(parameter.label())
              .yAxisTitle(spec.yAxis())
              .build();
      style(chart.getStyler());
      chart.getStyler().setXAxisDecimalPattern("#,##0.##");
      boolean any = false;
      for (Metric m : spec.metrics()) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Double> err = new ArrayList<>();
        for (SweepPoint p : points) {
          Estimate e = p.estimates().get(m);
          if (e != null && Double.isFinite(e.mean())) {
            x.add(Double.parseDouble(p.parameterValue()));
            y.add(e.mean());
            err.add(Double.isFinite(e.halfWidth()) ? e.halfWidth() : 0.0);
          }
        }
        if (!x.isEmpty()) {
          var unused = chart.addSeries(m.label() + " (95% CI)", x, y, err);
          any = true;
        }
      }
      return any ? Optional.of(chart) : Optional.empty();
    }
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(spec.title())
            .xAxisTitle(parameter.label())
            .yAxisTitle(spec.yAxis())
            .build();
    style(chart.getStyler());
    boolean any = false;
    for (Metric m : spec.metrics()) {
      List<String> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      List<Double> err = new ArrayList<>();
      for (SweepPoint p : points) {
        Estimate e = p.estimates().get(m);
        if (e != null && Double.isFinite(e.mean())) {
          x.add(p.parameterValue());
          y.add(e.mean());
          err.add(Double.isFinite(e.halfWidth()) ? e.halfWidth() : 0.0);
        }
      }
      if (!x.isEmpty()) {
        var unused = chart.addSeries(m.label() + " (95% CI)", x, y, err);
        any = true;
      }
    }
    return any ? Optional.of(chart) : Optional.empty();
  }

  private static void style(AxesChartStyler styler) {
    styler.setLegendPosition(Styler.LegendPosition.OutsideS); // never over a line
    styler.setChartBackgroundColor(java.awt.Color.WHITE);
    styler.setYAxisDecimalPattern("#,##0.###");
    ChartFonts.apply(styler);
  }
}
