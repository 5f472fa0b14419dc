package org.gridgov.simulation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: help, exit codes, messages for bad input, and reproducible output files. */
class GridgovSimTest {

  @SuppressWarnings("NullAway.Init") // injected by JUnit
  @TempDir
  Path dir;

  /** What one invocation printed and returned. */
  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = GridgovSim.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  /** A small M/M/1-like city that simulates in well under a second. */
  static final String TINY =
      """
      name: tiny
      city: {single-grid: {residents: 2000}}
      warm-up: 1d
      horizon: 3d
      drain: 3d
      categories:
        - {code: "0101", share: 1, handling: "exponential(30)"}
      work-schedule: always
      calendar: always-open
      travel: none
      """;

  private Path tiny() throws IOException {
    Path p = dir.resolve("tiny.yaml");
    Files.writeString(p, TINY, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void helpExplainsTheCommandsWithExamples() {
    Result r = run("--help");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out())
        .contains("Usage: gridgov-sim")
        .contains("run")
        .contains("sweep")
        .contains("validate")
        .contains("Examples:")
        .contains("--param households-per-grid=150,300,500,800")
        .contains("Exit codes");
    Result sweep = run("sweep", "--help");
    assertThat(sweep.code()).isEqualTo(0);
    assertThat(sweep.out())
        .contains("SCENARIO")
        .contains("--replications")
        .contains("--seed")
        .contains("--out")
        .contains("--threads")
        .contains("--horizon")
        .contains("--warm-up")
        .contains("--no-progress")
        .contains("workers-per-grid")
        .contains("default: 5");
  }

  @Test
  void noCommandOrAnUnknownOptionIsBadInput() {
    Result none = run();
    assertThat(none.code()).isEqualTo(GridgovSim.BAD_INPUT);
    assertThat(none.err()).contains("name a command");
    Result unknown = run("run", "putian", "--colour", "blue");
    assertThat(unknown.code()).isEqualTo(GridgovSim.BAD_INPUT);
    assertThat(unknown.err())
        .contains("Unknown options: '--colour'")
        .contains("Usage: gridgov-sim run");
    Result missing = run("sweep", "putian");
    assertThat(missing.code()).isEqualTo(GridgovSim.BAD_INPUT);
    assertThat(missing.err()).contains("Missing required option: '--param");
  }

  @Test
  void badScenarioFileIsReportedWithPositionsAndNoStackTrace() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "name: x\ncity: putian\nhorizon: soon\ncategories: []\n");
    Result r = run("run", bad.toString(), "--out", dir.resolve("out").toString());
    assertThat(r.code()).isEqualTo(GridgovSim.BAD_INPUT);
    assertThat(r.err())
        .contains("2 problems in")
        .contains("bad.yaml:3:10 (horizon) \"soon\": not a duration")
        .contains("bad.yaml:4:13 (categories): must list at least one category")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(Files.exists(dir.resolve("out"))).isFalse();
  }

  @Test
  void unknownScenarioParameterOrDurationIsBadInput() throws IOException {
    Result scenario = run("run", "shanghai");
    assertThat(scenario.code()).isEqualTo(GridgovSim.BAD_INPUT);
    assertThat(scenario.err()).contains("'shanghai' is neither a scenario file").contains("putian");
    Result param = run("sweep", tiny().toString(), "--param", "grid-size=1,2");
    assertThat(param.code()).isEqualTo(GridgovSim.BAD_INPUT);
    assertThat(param.err())
        .contains("unknown parameter 'grid-size'")
        .contains("households-per-grid");
    Result value = run("sweep", tiny().toString(), "--param", "workers-per-grid=1,two");
    assertThat(value.code()).isEqualTo(GridgovSim.BAD_INPUT);
    assertThat(value.err()).contains("workers-per-grid=two").contains("whole number");
    Result horizon = run("run", tiny().toString(), "--horizon", "forever");
    assertThat(horizon.code()).isEqualTo(GridgovSim.BAD_INPUT);
    assertThat(horizon.err()).contains("--horizon forever").contains("bad duration");
    Result noValues = run("sweep", tiny().toString(), "--param", "workers-per-grid");
    assertThat(noValues.code()).isEqualTo(GridgovSim.BAD_INPUT);
    assertThat(noValues.err()).contains("expected NAME=V1,V2");
  }

  @Test
  void runWritesTheReportAndPrintsItsPath() throws IOException {
    Path out = dir.resolve("out");
    Result r =
        run(
            "run",
            tiny().toString(),
            "--replications",
            "2",
            "--threads",
            "1",
            "--no-progress",
            "--out",
            out.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    assertThat(r.out())
        .contains("on_time_closing_rate")
        .contains("± is the half-width of the 95% confidence interval (Student's t) over 2")
        .contains("Report: " + out.resolve("report.html").toAbsolutePath());
    assertThat(r.err()).contains("run: 100%");
    assertThat(Files.readString(out.resolve("runs.csv")).lines()).hasSize(3);
    assertThat(Files.readString(out.resolve("report.html"))).contains("gridgov-sim run ");
  }

  @Test
  void sameSeedGivesByteIdenticalCsvWhateverTheThreads() throws IOException {
    String scenario = tiny().toString();
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Path c = dir.resolve("c");
    String[] common = {
      "--param", "workers-per-grid=1,2", "--replications", "3", "--seed", "11", "--no-progress"
    };
    assertThat(
            run(concat(
                    new String[] {"sweep", scenario, "--threads", "1", "--out", a.toString()},
                    common))
                .code())
        .isEqualTo(0);
    assertThat(
            run(concat(
                    new String[] {"sweep", scenario, "--threads", "1", "--out", b.toString()},
                    common))
                .code())
        .isEqualTo(0);
    assertThat(
            run(concat(
                    new String[] {"sweep", scenario, "--threads", "3", "--out", c.toString()},
                    common))
                .code())
        .isEqualTo(0);
    for (String f : new String[] {"runs.csv", "summary.csv"}) {
      byte[] first = Files.readAllBytes(a.resolve(f));
      assertThat(first).as(f).isEqualTo(Files.readAllBytes(b.resolve(f)));
      assertThat(first).as(f + " parallel").isEqualTo(Files.readAllBytes(c.resolve(f)));
    }
    assertThat(Files.readString(a.resolve("runs.csv")).lines()).hasSize(1 + 2 * 3);
  }

  @Test
  void anotherSeedGivesOtherNumbers() throws IOException {
    String scenario = tiny().toString();
    var unused =
        run("run", scenario, "--seed", "1", "--no-progress", "--out", dir.resolve("s1").toString());
    var unused2 =
        run("run", scenario, "--seed", "2", "--no-progress", "--out", dir.resolve("s2").toString());
    assertThat(Files.readString(dir.resolve("s1/runs.csv")))
        .isNotEqualTo(Files.readString(dir.resolve("s2/runs.csv")));
  }

  @Test
  void horizonAndWarmUpOverridesReachTheScenario() throws IOException {
    Path out = dir.resolve("o");
    Result r =
        run(
            "run",
            tiny().toString(),
            "--horizon",
            "1d",
            "--warm-up",
            "0d",
            "--no-progress",
            "--out",
            out.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    assertThat(Files.readString(out.resolve("report.html")))
        .contains("1 day after a warm-up of 0 min");
  }

  @Test
  void commandLineIsQuotedForAShell() {
    assertThat(GridgovSim.commandLine("sweep", "my city.yaml", "--param", "policy=a,b", "it's"))
        .isEqualTo("gridgov-sim sweep 'my city.yaml' --param policy=a,b 'it'\\''s'");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
