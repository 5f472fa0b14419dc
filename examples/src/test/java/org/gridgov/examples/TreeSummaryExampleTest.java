package org.gridgov.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.gridgov.simulation.BuiltInCities;
import org.junit.jupiter.api.Test;

class TreeSummaryExampleTest {

  private static String summary() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TreeSummaryExample.print(
        BuiltInCities.putian(TreeSummaryExample.SEED),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsPutiansLevelCountsAndEveryDistrict() {
    String out = summary();

    assertThat(out)
        .containsPattern("DISTRICT +区/县 +5\\b")
        .containsPattern("STREET +街道/乡镇 +57\\b")
        .containsPattern("GRID +网格 +10,440\\b")
        .containsPattern("UNIT +单元 +136,063\\b")
        .contains("350302", "城厢区", "350322", "仙游县");
  }

  @Test
  void sameSeedPrintsTheSameSummary() {
    assertThat(summary()).isEqualTo(summary());
  }
}
