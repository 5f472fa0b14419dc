package org.gridgov.simulation.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Small scenarios and directory comparisons shared by the tests. */
final class Fixtures {
  private Fixtures() {}

  /** One grid, one category, a few simulated days: a replication takes well under a second. */
  static final String TINY =
      """
      name: tiny
      city: {single-grid: {residents: 2000}}
      warm-up: 1d
      horizon: 3d
      drain: 3d
      categories:
        - {code: "0101", share: 1, handling: "exponential(30)"}
        - {code: "0102", share: 2, handling: "lognormal(60, 40)", solved-by-holder: 0.7}
      staffing: {workers-per-grid: 1}
      work-schedule: always
      calendar: always-open
      travel: none
      """;

  /**
   * {@link #TINY} with ten million residents in its grid: at 1,000 cases per resident per year it
   * expects more cases than a run may ({@code Scenario.MAX_EXPECTED_CASES}), which the sequential
   * run refuses before any run; at 0.001 it is small.
   */
  static final String CROWDED = TINY.replace("residents: 2000}", "residents: 10000000}");

  /** The swept values of {@link #CROWDED}: the second design point is bad. */
  static final String CROWDED_PARAM = "cases-per-resident-per-year=0.001,1000";

  static Path write(Path dir, String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  /** Every file under {@code dir}, by relative path, with its bytes. */
  static SortedMap<String, byte[]> files(Path dir) throws IOException {
    TreeMap<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      List<Path> regular = s.filter(Files::isRegularFile).toList();
      for (Path p : regular) {
        out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return out;
  }

  /** Asserts the two directories hold the same files with the same bytes. */
  static void assertSameFiles(Path expected, Path actual) throws IOException {
    SortedMap<String, byte[]> a = files(expected);
    SortedMap<String, byte[]> b = files(actual);
    assertThat(b.keySet()).isEqualTo(a.keySet());
    for (String name : a.keySet()) {
      assertThat(b.get(name)).as(name).isEqualTo(a.get(name));
    }
  }

  /** Data rows of a CSV file (lines after the header). */
  static long dataRows(Path csv) throws IOException {
    try (Stream<String> lines = Files.lines(csv, StandardCharsets.UTF_8)) {
      return lines.count() - 1;
    }
  }
}
