package org.gridgov.simulation.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridgov.simulation.SweepExecutor;
import org.gridgov.simulation.cli.GridgovSim;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entry points: {@code gridgov-sim sweep ... --spark local[2]} (the executor found on the class
 * path) and the spark-submit main class with URIs, each against {@code gridgov-sim sweep} on one
 * machine. Each run starts and stops its own Spark context, as the commands do.
 */
class SparkCommandLineTest {
  @SuppressWarnings("NullAway.Init") // injected by JUnit
  @TempDir
  Path dir;

  record Result(int code, String out, String err) {}

  @AfterEach
  void forgetMaster() {
    System.clearProperty("spark.master");
    System.clearProperty("spark.ui.enabled");
  }

  private static Result gridgovSim(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = GridgovSim.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  private static Result sparkSubmit(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SparkSweepMain.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void theSparkExecutorIsFoundOnTheClassPath() {
    assertThat(SweepExecutor.find("spark")).get().isInstanceOf(SparkSweepExecutor.class);
    assertThat(SweepExecutor.find("flink")).isEmpty();
  }

  @Test
  void gridgovSimSweepOnSparkWritesTheSameFilesAsWithout() throws IOException {
    Path scenario = Fixtures.write(dir, "tiny.yaml", Fixtures.TINY);
    String[] common = {
      "sweep",
      scenario.toString(),
      "--param",
      "workers-per-grid=1,2",
      "-r",
      "2",
      "--seed",
      "11",
      "--no-progress"
    };
    Result local = gridgovSim(concat(common, "--out", dir.resolve("local").toString()));
    Result spark =
        gridgovSim(concat(common, "--out", dir.resolve("spark").toString(), "--spark", "local[2]"));

    assertThat(local.code()).as(local.err()).isZero();
    assertThat(spark.code()).as(spark.err()).isZero();
    assertThat(spark.err()).contains("→ Spark local[2]").contains("sweep: 100%");
    // report.html shows the command line, which differs by the --spark option and --out.
    Files.writeString(
        dir.resolve("spark/report.html"),
        Files.readString(dir.resolve("spark/report.html"), StandardCharsets.UTF_8)
            .replace(dir.resolve("spark") + " --spark local[2]", dir.resolve("local").toString()),
        StandardCharsets.UTF_8);
    Fixtures.assertSameFiles(dir.resolve("local"), dir.resolve("spark"));
    assertThat(Fixtures.dataRows(dir.resolve("spark/runs.csv"))).isEqualTo(4);
  }

  @Test
  void aBadScenarioIsBadInputWithTheSameMessageAndNothingWritten() throws IOException {
    Path scenario = Fixtures.write(dir, "crowded.yaml", Fixtures.CROWDED);
    String[] common = {
      "sweep", scenario.toString(), "--param", Fixtures.CROWDED_PARAM, "-r", "2", "--no-progress"
    };
    Result local = gridgovSim(concat(common, "--out", dir.resolve("local").toString()));
    Result spark =
        gridgovSim(concat(common, "--out", dir.resolve("spark").toString(), "--spark", "local[2]"));

    assertThat(local.code()).isEqualTo(GridgovSim.BAD_INPUT);
    assertThat(spark.code()).isEqualTo(GridgovSim.BAD_INPUT);
    String message = lastLine(local.err());
    assertThat(message).startsWith("gridgov-sim: scenario tiny: about ").contains("cases expected");
    assertThat(lastLine(spark.err())).isEqualTo(message);
    assertThat(dir.resolve("spark")).doesNotExist();
  }

  @Test
  void sparkSubmitMainReadsAndWritesUrisWithTheSameFiles() throws IOException {
    Path scenario = Fixtures.write(dir, "tiny.yaml", Fixtures.TINY);
    Result local =
        gridgovSim(
            "sweep",
            scenario.toString(),
            "--param",
            "workers-per-grid=1,2",
            "-r",
            "2",
            "--seed",
            "5",
            "--no-progress",
            "--out",
            dir.resolve("local").toString());
    System.setProperty("spark.master", "local[2]"); // what spark-submit --master sets
    System.setProperty("spark.ui.enabled", "false");
    Result submit =
        sparkSubmit(
            scenario.toUri().toString(),
            "--param",
            "workers-per-grid=1,2",
            "-r",
            "2",
            "--seed",
            "5",
            "--out",
            dir.resolve("submit").toUri().toString());

    assertThat(local.code()).as(local.err()).isZero();
    assertThat(submit.code()).as(submit.err()).isZero();
    assertThat(submit.out()).contains("Report: ").contains("report.html");
    for (String f : new String[] {"runs.csv", "summary.csv", "charts/on-time-closing-rate.svg"}) {
      assertThat(dir.resolve("submit").resolve(f)).as(f).exists();
      assertThat(Files.readAllBytes(dir.resolve("submit").resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(dir.resolve("local").resolve(f)));
    }
    try (var names = Files.list(dir)) {
      assertThat(names.map(p -> p.getFileName().toString()))
          .as("no temporary directory left beside the report")
          .containsExactlyInAnyOrder("tiny.yaml", "local", "submit");
    }
  }

  @Test
  void sparkSubmitMainRefusesAnOutputDirectoryInUseBeforeRunning() throws IOException {
    Path scenario = Fixtures.write(dir, "tiny.yaml", Fixtures.TINY);
    Path used = Files.createDirectories(dir.resolve("used"));
    Fixtures.write(used, "keep.txt", "mine");
    System.setProperty("spark.master", "local[1]");
    System.setProperty("spark.ui.enabled", "false");

    Result r =
        sparkSubmit(scenario.toString(), "--param", "workers-per-grid=1", "--out", used.toString());

    assertThat(r.code()).isEqualTo(SparkSweepMain.BAD_INPUT);
    assertThat(r.err()).contains("--out " + used + ": exists and is not an empty directory");
    try (var names = Files.list(used)) {
      assertThat(names.map(p -> p.getFileName().toString())).containsExactly("keep.txt");
    }
  }

  private static String lastLine(String text) {
    List<String> lines = text.strip().lines().toList();
    return lines.get(lines.size() - 1).strip();
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
