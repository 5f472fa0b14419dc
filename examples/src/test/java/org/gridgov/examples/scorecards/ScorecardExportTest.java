package org.gridgov.examples.scorecards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.EventType;
import org.gridgov.metrics.HotSpots;
import org.gridgov.metrics.ScorecardTable;
import org.gridgov.metrics.ScorecardWeights;
import org.gridgov.metrics.Scorecards;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The export writes, per month, the scorecard CSV equal to the table of that month, an SVG chart
 * with one bar per ranked handler whose length is its composite, and the hot-spot CSV; no file
 * holds the reporters' personal data.
 */
class ScorecardExportTest {
  @Test
  void writesTheMonthsFiles_chartBarsMatchTheScores_noPersonalData(@TempDir Path dir)
      throws Exception {
    ScorecardExport.Demo demo = ScorecardExport.Demo.run(11);
    ScorecardWeights w = ScorecardWeights.parse(ScorecardExport.WEIGHTS, "weights");
    List<YearMonth> months = List.of(YearMonth.of(2025, 3), YearMonth.of(2025, 4));
    List<Path> files = ScorecardExport.export(demo.log(), demo.facts(), months, w, dir);

    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "scorecards-2025-03.csv",
            "scorecards-2025-03.svg",
            "hotspots-2025-03.csv",
            "scorecards-2025-04.csv",
            "scorecards-2025-04.svg",
            "hotspots-2025-04.csv");
    // the demo exercised what the files measure
    assertThat(demo.log().stream().map(CaseEvent::type))
        .contains(
            EventType.SLA_BREACHED,
            EventType.ESCALATED,
            EventType.REPEAT_REPORTED,
            EventType.VISITED,
            EventType.CHECK_FAILED);

    for (int i = 0; i < months.size(); i++) {
      YearMonth m = months.get(i);
      Instant from = m.atDay(1).atStartOfDay(ScorecardExport.ZONE).toInstant();
      Instant to = m.plusMonths(1).atDay(1).atStartOfDay(ScorecardExport.ZONE).toInstant();
      ScorecardTable table = Scorecards.compute(demo.log(), from, to, w);
      assertThat(table.rows()).isNotEmpty();
      assertThat(ScorecardExport.read(files.get(3 * i))).isEqualTo(table.toCsv());
      assertThat(ScorecardExport.read(files.get(3 * i + 2)))
          .isEqualTo(HotSpots.toCsv(HotSpots.compute(demo.log(), demo.facts(), from, to, 2, true)))
          .startsWith(HotSpots.CSV_HEADER + "\n");

      String svg = ScorecardExport.read(files.get(3 * i + 1));
      var doc =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
      NodeList rects = doc.getElementsByTagName("rect");
      long ranked = table.rows().stream().filter(r -> r.card().composite().isPresent()).count();
      assertThat(rects.getLength()).isEqualTo((int) ranked);
      for (int k = 0; k < rects.getLength(); k++) {
        Element bar = (Element) rects.item(k);
        ScorecardTable.Row row = table.row(bar.getAttribute("data-handler")).orElseThrow();
        double composite = row.card().composite().getAsDouble();
        assertThat(Double.parseDouble(bar.getAttribute("width")))
            .isCloseTo(
                ScorecardChart.BAR_WIDTH * composite / 100.0,
                org.assertj.core.data.Offset.offset(0.006));
      }
    }
    for (Path p : files) {
      String text = ScorecardExport.read(p);
      assertThat(text).doesNotContain(ScorecardExport.REPORTER_PHONE).doesNotContain("张三");
    }
  }
}
