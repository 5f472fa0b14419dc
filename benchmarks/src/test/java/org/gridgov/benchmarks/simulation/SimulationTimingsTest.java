package org.gridgov.benchmarks.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationTimingsTest {

  /**
   * A run named twice runs twice in one JVM: the second under its own key, and with the counts of
   * the first (the same scenario and seed).
   */
  @Test
  void aRepeatedYearGetsItsOwnKeyAndTheSameCounts(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("t.json");
    String before = System.getProperty("gridgov.timings.days");
    System.setProperty("gridgov.timings.days", "1");
    try {
      SimulationTimings.main(new String[] {"year", "year", out.toString()});
    } finally {
      if (before == null) {
        System.clearProperty("gridgov.timings.days");
      } else {
        System.setProperty("gridgov.timings.days", before);
      }
    }
    String json = Files.readString(out, StandardCharsets.UTF_8);
    String first = counts(json, "year");
    String second = counts(json, "yearRun2");
    assertThat(first).isNotEmpty();
    assertThat(second).isEqualTo(first);
    assertThat(json).doesNotContain("yearRun3");
  }

  @Test
  void keysNumberTheRunsAfterTheFirst() {
    assertThat(SimulationTimings.keyOf("yearAllMechanisms", 1)).isEqualTo("yearAllMechanisms");
    assertThat(SimulationTimings.keyOf("yearAllMechanisms", 3)).isEqualTo("yearAllMechanismsRun3");
  }

  @Test
  void anUnknownRunIsRefusedByName(@TempDir Path dir) {
    assertThatThrownBy(
            () -> SimulationTimings.main(new String[] {"month", dir.resolve("t.json").toString()}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("month")
        .hasMessageContaining("year-all");
  }

  /** The kernel events, engine events and cases of the run under {@code key}. */
  private static String counts(String json, String key) {
    Matcher m =
        Pattern.compile(
                "\""
                    + key
                    + "\": \\{\"seconds\": [0-9.]+, (\"kernelEvents\": \\d+, \"engineEvents\": \\d+, \"horizonCases\": \\d+)")
            .matcher(json);
    return m.find() ? m.group(1) : "";
  }
}
