package org.gridgov.simulation.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.simulation.Estimate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gridgov-sim design} and {@code calibrate}: the files they write, paired differences that
 * agree with the runs they come from, and the same bytes whatever the threads and on a rerun.
 */
class StudyCommandsTest {
  @SuppressWarnings("NullAway.Init") // injected by JUnit
  @TempDir
  Path dir;

  private static final String DESIGN =
      GridgovSimTest.TINY
          + """
          experiment:
            factors:
              workers-per-grid: [1, 2]
              cases-per-resident-per-year: [1, 2]
            replications: 3
          """;

  private static final String CALIBRATION =
      GridgovSimTest.TINY
          + """
          calibration:
            parameters:
              handling-scale: {lower: 0.5, upper: 3, start: 1}
            targets:
              worker_utilisation: {value: 0.2, standard-error: 0.005}
            replications: 2
            max-evaluations: 8
          """;

  private Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static Map<String, String> files(Path out, String... names) throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    for (String n : names) {
      m.put(n, Files.readString(out.resolve(n), StandardCharsets.UTF_8));
    }
    return m;
  }

  @Test
  void designWritesPairedDifferencesAndEffectsThatAgreeWithItsRuns() throws IOException {
    Path scenario = file("d.yaml", DESIGN);
    Path out = dir.resolve("one");
    GridgovSimTest.Result r =
        GridgovSimTest.run(
            "design", scenario.toString(), "--out", out.toString(), "--threads", "1");
    assertThat(r.code()).as(r.err()).isEqualTo(GridgovSim.OK);
    assertThat(r.out()).contains("Main effects").contains("Report: ");
    Map<String, String> first =
        files(
            out,
            "runs.csv",
            "summary.csv",
            "paired.csv",
            "effects.csv",
            "design.json",
            "report.html");
    // the oracle: paired differences and effects recomputed from runs.csv
    List<String[]> runs = rows(get(first, "runs.csv"));
    String[] header = get(first, "runs.csv").lines().findFirst().orElseThrow().split(",");
    int col = List.of(header).indexOf("worker_utilisation");
    double[][] u = new double[4][3];
    for (String[] row : runs) {
      u[Integer.parseInt(row[0])][Integer.parseInt(row[3])] = Double.parseDouble(row[col]);
    }
    double[] d = new double[3];
    double[] effect = new double[3];
    for (int k = 0; k < 3; k++) {
      d[k] = u[3][k] - u[0][k];
      // workers-per-grid is the first factor: points 2, 3 at 2 workers, 0, 1 at 1
      effect[k] = (u[2][k] + u[3][k]) / 2 - (u[0][k] + u[1][k]) / 2;
    }
    Estimate paired = Estimate.of(d);
    Estimate main = Estimate.of(effect);
    // runs.csv holds six decimals, so the recomputed values agree to about 1e-6
    String[] pairedRow = row(get(first, "paired.csv"), "worker_utilisation,fraction,0,3,");
    assertThat(Double.parseDouble(pairedRow[6])).isCloseTo(paired.mean(), within(2e-6));
    assertThat(Double.parseDouble(pairedRow[7])).isCloseTo(paired.halfWidth(), within(2e-5));
    String[] effectRow =
        row(get(first, "effects.csv"), "worker_utilisation,fraction,workers-per-grid,1,2,");
    assertThat(Double.parseDouble(effectRow[5])).isCloseTo(main.mean(), within(2e-6));
    assertThat(Double.parseDouble(effectRow[6])).isCloseTo(main.halfWidth(), within(2e-5));
    // fewer workers → higher utilisation: the effect of a second worker is negative and significant
    assertThat(main.upper()).isLessThan(0);
    assertThat(get(first, "report.html"))
        .contains("Main effects")
        .contains("common: replication r of every point")
        .contains("full factorial 2×2 (4 points)")
        .contains("Conclusion");
    assertThat(get(first, "design.json")).contains("\"common_random_numbers\": true");

    // a rerun writes the same bytes; more threads write the same CSV and JSON
    var unused =
        GridgovSimTest.run(
            "design", scenario.toString(), "--out", out.toString(), "--threads", "1");
    assertThat(files(out, first.keySet().toArray(new String[0]))).isEqualTo(first);
    Path two = dir.resolve("two");
    var unused2 =
        GridgovSimTest.run(
            "design", scenario.toString(), "--out", two.toString(), "--threads", "2");
    Map<String, String> parallel =
        files(two, "runs.csv", "summary.csv", "paired.csv", "effects.csv", "design.json");
    first.remove("report.html");
    assertThat(parallel).isEqualTo(first);
  }

  @Test
  void withoutCommonRandomNumbersThePointsDrawDifferentStreams() throws IOException {
    Path crn = file("crn.yaml", DESIGN);
    Path ind = file("ind.yaml", DESIGN + "  common-random-numbers: false\n");
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    var unused = GridgovSimTest.run("design", crn.toString(), "--out", a.toString());
    var unused2 = GridgovSimTest.run("design", ind.toString(), "--out", b.toString());
    List<String[]> withCrn = rows(Files.readString(a.resolve("runs.csv")));
    List<String[]> without = rows(Files.readString(b.resolve("runs.csv")));
    // points 0 and 2 differ only in workers, not in demand: under CRN their replication 0 reports
    // the same cases, without it not (rows: point 0 replications 0..2, point 1 ..., point 2 at 6)
    int cases = 4; // cases_reported is the first metric, after point, two factors, replication
    assertThat(withCrn.get(0)[cases]).isEqualTo(withCrn.get(6)[cases]);
    assertThat(without.get(0)[cases]).isNotEqualTo(without.get(6)[cases]);
    assertThat(Files.readString(b.resolve("report.html"))).contains("independent per point");
  }

  @Test
  void aScenarioWithoutTheSectionIsBadInput() throws IOException {
    Path tiny = file("t.yaml", GridgovSimTest.TINY);
    GridgovSimTest.Result d =
        GridgovSimTest.run("design", tiny.toString(), "--out", dir.toString());
    assertThat(d.code()).isEqualTo(GridgovSim.BAD_INPUT);
    assertThat(d.err()).contains("has no experiment: section");
    GridgovSimTest.Result c =
        GridgovSimTest.run("calibrate", tiny.toString(), "--out", dir.toString());
    assertThat(c.code()).isEqualTo(GridgovSim.BAD_INPUT);
    assertThat(c.err()).contains("has no calibration: section");
  }

  @Test
  void calibrateWritesTheFitTheSameWhateverTheThreads() throws IOException {
    Path scenario = file("c.yaml", CALIBRATION);
    Path one = dir.resolve("c1");
    GridgovSimTest.Result r =
        GridgovSimTest.run(
            "calibrate", scenario.toString(), "--out", one.toString(), "--threads", "1");
    assertThat(r.code()).as(r.err()).isEqualTo(GridgovSim.OK);
    assertThat(r.out()).contains("handling-scale").contains("Report: ");
    Map<String, String> first = files(one, "calibration.csv", "calibration.json", "report.html");
    assertThat(get(first, "calibration.csv"))
        .startsWith("kind,name,value,standard_error,lower,upper,simulated,simulated_half_width\n")
        .contains("parameter,handling-scale,")
        .contains("target,worker_utilisation,0.200000,");
    assertThat(get(first, "report.html")).contains("Fitted parameters").contains("Targets and fit");
    Path two = dir.resolve("c2");
    var unused =
        GridgovSimTest.run(
            "calibrate", scenario.toString(), "--out", two.toString(), "--threads", "2");
    assertThat(files(two, "calibration.csv", "calibration.json"))
        .isEqualTo(files(one, "calibration.csv", "calibration.json"));
  }

  /** The one row of a CSV file that starts with a prefix, split at commas outside quotes. */
  private static String[] row(String csv, String prefix) {
    List<String> rows = csv.lines().filter(l -> l.startsWith(prefix)).toList();
    assertThat(rows).as("rows starting %s", prefix).hasSize(1);
    return rows.get(0).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
  }

  private static String get(Map<String, String> files, String name) {
    return java.util.Objects.requireNonNull(files.get(name), name);
  }

  private static List<String[]> rows(String csv) {
    List<String[]> out = new ArrayList<>();
    csv.lines().skip(1).forEach(l -> out.add(l.split(",", -1)));
    return out;
  }
}
