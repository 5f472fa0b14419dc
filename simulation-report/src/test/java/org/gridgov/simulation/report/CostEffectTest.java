package org.gridgov.simulation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridgov.simulation.Metric;
import org.gridgov.simulation.SweepParameter;
import org.gridgov.simulation.SweepResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostEffectTest {

  @SuppressWarnings("NullAway.Init") // injected by JUnit
  @TempDir
  Path dir;

  @Test
  void everyValueShowsItsStaffCostBesideItsOnTimeRate() {
    SweepResult result = SweepFixtures.numeric();
    CostEffect cost = CostEffect.of(result);
    StaffCost at150 =
        StaffCost.of(SweepParameter.HOUSEHOLDS_PER_GRID.apply(result.sweep().scenario(), "150"));
    StaffCost at800 =
        StaffCost.of(SweepParameter.HOUSEHOLDS_PER_GRID.apply(result.sweep().scenario(), "800"));
    assertThat(cost.costs()).containsExactly(at150, at800);

    String[] lines = cost.csv().split("\n");
    assertThat(lines[0])
        .isEqualTo(
            "parameter,value,grids,grid_workers,worker_hours_per_year,"
                + "on_time_closing_rate,on_time_closing_rate_half_width,n");
    // the on-time rate at 150 is the mean of the fixture's two replications
    double mean =
        (SweepFixtures.value(Metric.ON_TIME_CLOSING_RATE, 0, 0)
                + SweepFixtures.value(Metric.ON_TIME_CLOSING_RATE, 0, 1))
            / 2;
    assertThat(lines[1])
        .startsWith(
            "households-per-grid,150,"
                + at150.grids()
                + ","
                + at150.gridWorkers()
                + ","
                + SweepCsv.number(at150.workerHoursPerYear())
                + ","
                + SweepCsv.number(mean)
                + ",")
        .endsWith(",2");
    assertThat(lines).hasSize(3);

    assertThat(cost.json())
        .contains("\"value\": \"150\", \"grids\": " + at150.grids())
        .contains("\"grid_workers\": " + at800.gridWorkers())
        .contains("\"on_time_closing_rate\": {\"mean\": " + SweepCsv.number(mean));

    assertThat(cost.html(""))
        .contains("<h2>Cost beside effect</h2>")
        .contains("<td>" + at150.grids() + "</td><td>" + at150.gridWorkers() + "</td>")
        .contains(CostEffect.hours(at800.workerHoursPerYear()));
  }

  @Test
  void theChartSetsTheOnTimeRateAgainstTheWorkerHoursInOrderOfCost() {
    CostEffect cost = CostEffect.of(SweepFixtures.numeric());
    var chart = cost.chart().orElseThrow();
    var series = chart.getSeriesCollection().iterator().next();
    double[] x = series.getXData();
    assertThat(x).hasSize(2);
    assertThat(x[0]).isLessThan(x[1]); // the 800-household grids are cheaper: drawn first
    assertThat(x[0]).isEqualTo(cost.costs().get(1).workerHoursPerYear());
    assertThat(series.getYData()[0])
        .isEqualTo(cost.points().get(1).estimate(Metric.ON_TIME_CLOSING_RATE).mean());
  }

  @Test
  void sweepReportWritesCostFilesAndTheCostChart() throws IOException {
    SweepResult result = SweepFixtures.numeric();
    Path html = SweepReport.write(result, dir);
    CostEffect cost = CostEffect.of(result);
    assertThat(Files.readString(dir.resolve("cost.csv"))).isEqualTo(cost.csv());
    assertThat(Files.readString(dir.resolve("cost.json"))).isEqualTo(cost.json());
    assertThat(Files.readAllBytes(dir.resolve("charts/cost-effect.png")))
        .startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    assertThat(Files.readString(html))
        .contains("<h2>Cost beside effect</h2>")
        .contains("charts/cost-effect.svg / .png");
  }
}
