package org.gridgov.simulation.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import org.gridgov.simulation.CalendarChoice;
import org.gridgov.simulation.CategoryMix;
import org.gridgov.simulation.CitySpec;
import org.gridgov.simulation.Distribution;
import org.gridgov.simulation.Estimate;
import org.gridgov.simulation.Metric;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.SweepPoint;
import org.gridgov.simulation.SweepResult;
import org.gridgov.sla.ChinaCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepReportTest {

  @SuppressWarnings("NullAway.Init") // injected by JUnit
  @TempDir
  Path dir;

  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

  @Test
  void writesCsvChartsAndASelfContainedHtmlReport() throws IOException {
    SweepResult result = SweepFixtures.numeric();
    Path html =
        SweepReport.write(result, dir.resolve("out"), "gridgov-sim sweep fixture --seed 42");

    assertThat(html).isEqualTo(dir.resolve("out/report.html"));
    assertThat(Files.readString(dir.resolve("out/runs.csv"))).isEqualTo(SweepCsv.runs(result));
    assertThat(Files.readString(dir.resolve("out/summary.csv")))
        .isEqualTo(SweepCsv.summary(result));
    for (String chart :
        ImmutableList.of(
            "on-time-closing-rate", "time-to-close", "escalation-rate", "worker-utilisation")) {
      byte[] png = Files.readAllBytes(dir.resolve("out/charts/" + chart + ".png"));
      assertThat(png).startsWith(PNG_MAGIC);
      assertThat(Files.readString(dir.resolve("out/charts/" + chart + ".svg"))).contains("<svg");
    }
    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertThat(page)
        .startsWith("<!DOCTYPE html>")
        .contains("fixture")
        .contains("gridgov-sim sweep fixture --seed 42")
        .contains("How to read this")
        .contains("Households per grid (households-per-grid)");
    // every chart, the cost chart and the map inline
    assertThat(page.split("<svg", -1)).hasSize(1 + 4 + 1 + 1);
    assertThat(page).contains("<h2>Map</h2>").contains("Synthetic geometry (seed 42)");
    assertThat(page).contains(Files.readString(dir.resolve("out/charts/" + SweepReport.MAP_FILE)));
    assertThat(page).doesNotContain("<?xml").doesNotContain("src=\"http").doesNotContain("<script");
    // the summary table: mean ± half-width of on-time closing rate at 150 (samples 0.7 and 0.701),
    // as a percentage rounded by its interval
    assertThat(page).contains("<td>70.05 ± 0.64 %</td>");
    assertThat(page)
        .contains("the ± in the tables, are the half-widths of 95% confidence intervals")
        .contains("nights, weekends and holidays")
        .containsPattern("Measured period</th><td[^>]*>\\d+ (day|days|h|min)")
        .doesNotContainPattern("Measured period</th><td[^>]*>PT");
    // the seed and the scenario as a file
    assertThat(page)
        .contains("<tr><th>Seed</th><td style=\"text-align:left\">42</td></tr>")
        .contains("households-per-grid: 300");
  }

  @Test
  void policySweepsDrawCategoryChartsAndEscapeValues() throws IOException {
    Path html = SweepReport.write(SweepFixtures.policies(), dir);
    assertThat(Files.exists(dir.resolve("charts/time-to-close.svg"))).isTrue();
    String page = Files.readString(html);
    assertThat(page).contains("<td>a,b</td>").doesNotContain("<tr><th>Command</th>");
  }

  @Test
  void aChartWithoutAnyValueIsReplacedByANote() throws IOException {
    SweepResult full = SweepFixtures.numeric();
    ImmutableMap<Metric, Estimate> onlyCases =
        ImmutableMap.of(Metric.CASES_REPORTED, Estimate.of(1, 2));
    SweepResult sparse =
        new SweepResult(
            full.sweep(),
            full.runs(),
            ImmutableList.of(new SweepPoint("150", onlyCases), new SweepPoint("800", onlyCases)));
    Path html = SweepReport.write(sparse, dir);
    assertThat(Files.exists(dir.resolve("charts/time-to-close.png"))).isFalse();
    assertThat(Files.readString(html)).contains("Time to close: no value in any replication");
  }

  @Test
  void rewritingGivesTheSameCsvBytes() throws IOException {
    var unused = SweepReport.write(SweepFixtures.numeric(), dir.resolve("a"));
    var unused2 = SweepReport.write(SweepFixtures.numeric(), dir.resolve("b"));
    for (String f : ImmutableList.of("runs.csv", "summary.csv", "charts/" + SweepReport.MAP_FILE)) {
      assertThat(Files.readAllBytes(dir.resolve("a").resolve(f)))
          .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(f)));
    }
  }

  @Test
  void estimatesAndTextAreFormattedForHtml() {
    // the mean rounded to the digit of its half-width, the half-width to two significant digits
    assertThat(ReportNumbers.estimate(new Estimate(12.3456, 0.012345, 5), "hours"))
        .isEqualTo("12.346 ± 0.012");
    assertThat(ReportNumbers.estimate(new Estimate(63, 0.2505, 5), "cases"))
        .isEqualTo("63.00 ± 0.25");
    assertThat(ReportNumbers.estimate(new Estimate(0.9573, 0.001028, 5), "fraction"))
        .isEqualTo("95.73 ± 0.10 %");
    assertThat(ReportNumbers.estimate(new Estimate(1234.5, 250, 5), "minutes"))
        .isEqualTo("1230 ± 250");
    assertThat(ReportNumbers.estimate(new Estimate(2, Double.NaN, 1), "cases")).isEqualTo("2");
    assertThat(ReportNumbers.duration(Duration.parse("PT168H"))).isEqualTo("7 days");
    assertThat(ReportNumbers.duration(Duration.ofHours(52))).isEqualTo("2 days 4 h");
    assertThat(ReportNumbers.duration(Duration.ofMinutes(45))).isEqualTo("45 min");
    assertThat(ReportNumbers.duration(Duration.ofDays(1).plusMinutes(5))).isEqualTo("1 day 5 min");
    assertThat(SweepReport.significant(Double.NaN)).isEqualTo("—");
    assertThat(SweepReport.esc("<a href=\"x\">&</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
    assertThat(SweepReport.inline("<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg a=\"1\"/>"))
        .isEqualTo("<svg a=\"1\"/>");
  }

  @Test
  void calendarNote_saysWhenARunReachesProvisionalYears() {
    Scenario in2025 =
        SweepFixtures.scenario()
            .withPeriods(Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(7));
    assertThat(SweepReport.calendarNote(in2025))
        .contains("edition " + ChinaCalendar.EDITION)
        .contains("every day official")
        .doesNotContain("PROVISIONAL");
    // A run into 2027: the measured period ends past the last published notice.
    Scenario into2027 =
        fixture(LocalDateTime.of(2026, 11, 2, 0, 0), CalendarChoice.CHINA)
            .withPeriods(Duration.ofDays(7), Duration.ofDays(60), Duration.ofDays(7));
    assertThat(SweepReport.calendarNote(into2027))
        .contains("from 2027-01-01 on the days are PROVISIONAL");
    // The always-open calendar has no provisional day.
    Scenario open =
        fixture(LocalDateTime.of(2026, 11, 2, 0, 0), CalendarChoice.ALWAYS_OPEN)
            .withPeriods(Duration.ofDays(7), Duration.ofDays(60), Duration.ofDays(7));
    assertThat(SweepReport.calendarNote(open))
        .contains("edition always-open")
        .contains("every day official");
  }

  private static Scenario fixture(LocalDateTime start, CalendarChoice calendar) {
    return Scenario.builder()
        .name("fixture")
        .city(new CitySpec.Putian(1))
        .householdsPerGrid(300)
        .addCategories(new CategoryMix("0101", 1, Distribution.exponential(30), 1))
        .start(start)
        .calendar(calendar)
        .build();
  }
}
