package org.gridgov.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.junit.jupiter.api.Test;

class QuickstartExampleTest {

  @Test
  void printsTheQueriesAndMergesTheTwoGrids() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RegionTree after = QuickstartExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out)
        .contains("2号楼 lies in 第一网格")
        .contains("belongs to 霞林社区 (COMMUNITY)")
        .contains("霞林社区: 231 people in 3 units") // 96 + 120 + 15
        .contains("after merging: 1 grid(s)");
    assertThat(after.count(RegionLevel.GRID)).isEqualTo(1);
    assertThat(after.count(RegionLevel.UNIT)).isEqualTo(3);
    assertThat(after.totalPopulation()).isEqualTo(231);
  }
}
