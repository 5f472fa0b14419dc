package org.gridgov.simulation.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.Success$;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.gridgov.simulation.BuiltInScenarios;
import org.gridgov.simulation.CitySpec;
import org.gridgov.simulation.Experiments;
import org.gridgov.simulation.Progress;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.ScenarioFiles;
import org.gridgov.simulation.Sweep;
import org.gridgov.simulation.SweepParameter;
import org.gridgov.simulation.SweepResult;
import org.gridgov.simulation.report.SweepReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sweeps on Spark in {@code local[2]} (with up to 2 attempts per task) against the sequential run:
 * the same report bytes, retried tasks, failures named. One Spark context for the class.
 */
class SparkSweepsTest {
  @SuppressWarnings("NullAway.Init") // started by @BeforeAll
  private static JavaSparkContext sc;

  private static final Events EVENTS = new Events();

  @SuppressWarnings("NullAway.Init") // injected by JUnit
  @TempDir
  Path dir;

  @BeforeAll
  static void startSpark() {
    sc =
        new JavaSparkContext(
            new SparkConf()
                .setMaster("local[2,2]") // 2 threads, a task may fail once and be retried
                .setAppName("SparkSweepsTest")
                .set("spark.ui.enabled", "false"));
    sc.sc().addSparkListener(EVENTS);
  }

  @AfterAll
  static void stopSpark() {
    sc.close();
  }

  @BeforeEach
  void clearEvents() {
    EVENTS.clear();
  }

  private Sweep sweep(String param, List<String> values, int replications, long seed)
      throws IOException {
    return sweep(Fixtures.TINY, param, values, replications, seed);
  }

  private Sweep sweep(String text, String param, List<String> values, int replications, long seed)
      throws IOException {
    Scenario s = ScenarioFiles.read(Fixtures.write(dir, "tiny.yaml", text));
    return new Sweep(
        s, SweepParameter.parse(param), ImmutableList.copyOf(values), replications, seed, 2);
  }

  /** Property over seeds: the report files of the Spark run are the sequential run's bytes. */
  @ParameterizedTest
  @ValueSource(longs = {1L, 977L, -5_831_209_446_115_313L})
  void reportFilesAreByteIdenticalToTheSequentialRun(long seed) throws IOException {
    Sweep sweep = sweep("workers-per-grid", List.of("1", "2"), 3, seed);

    var unusedSequential =
        SweepReport.write(Experiments.run(sweep, Progress.NONE), dir.resolve("a"));
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    SweepResult spark = SparkSweeps.run(sc, sweep, Progress.NONE, log::add);
    var unusedSpark = SweepReport.write(spark, dir.resolve("b"));

    Fixtures.assertSameFiles(dir.resolve("a"), dir.resolve("b"));
    assertThat(Fixtures.dataRows(dir.resolve("b/runs.csv"))).isEqualTo(6);
    EVENTS.drain();
    assertThat(EVENTS.successes.get()).isEqualTo(6); // one task per value × replication
    assertThat(log).isNotEmpty().last().asString().contains("6 of 6 replications done (100%)");
  }

  @Test
  void theRunsDifferBetweenSeedsSoTheComparisonCanFail() throws IOException {
    SweepResult a =
        SparkSweeps.run(sc, sweep("workers-per-grid", List.of("1"), 2, 1), Progress.NONE, l -> {});
    SweepResult b =
        SparkSweeps.run(sc, sweep("workers-per-grid", List.of("1"), 2, 2), Progress.NONE, l -> {});
    assertThat(a.runs()).isNotEqualTo(b.runs());
  }

  @Test
  void aFailedTaskIsRetriedAndGivesTheSameResult() throws IOException {
    Sweep sweep = sweep("workers-per-grid", List.of("1", "2"), 3, 42);
    SweepResult expected = Experiments.run(sweep, Progress.NONE);

    SweepResult spark =
        SparkSweeps.run(
            sc, sweep, Progress.NONE, l -> {}, new TaskFaults(new ReplicationTask(1, 2)), true);

    EVENTS.drain();
    assertThat(EVENTS.failures.get()).as("the injected failure happened").isEqualTo(1);
    assertThat(spark).isEqualTo(expected);
  }

  @Test
  void aBadDesignPointFailsOnTheDriverWithTheSequentialMessageBeforeAnyTask() throws IOException {
    Sweep sweep = crowded();
    String sequential = messageOf(() -> unused(Experiments.run(sweep, Progress.NONE)));

    assertThatThrownBy(() -> unused(SparkSweeps.run(sc, sweep, Progress.NONE, l -> {})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(sequential);
    assertThat(sequential).contains("cases expected");
    EVENTS.drain();
    assertThat(EVENTS.jobs.get()).as("no Spark job started").isZero();
  }

  @Test
  void aFailingTaskNamesTheDesignPointAndReplication() throws IOException {
    Sweep sweep = crowded();
    String cause = messageOf(() -> unused(Experiments.run(sweep, Progress.NONE)));

    // Skip the driver's check so the bad point reaches the executors, as an executor-only failure
    // (a file missing there, say) would.
    assertThatThrownBy(
            () ->
                unused(SparkSweeps.run(sc, sweep, Progress.NONE, l -> {}, TaskFaults.NONE, false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "replication failed at design point cases-per-resident-per-year=1000 (2 of 2),"
                + " replication ")
        .hasMessageContaining(" of 2 (seed 3): IllegalArgumentException: " + cause);
  }

  @Test
  void aCityFileByARelativePathIsRefusedOnTheDriver() {
    Scenario putian = BuiltInScenarios.putian();
    Scenario relative =
        Scenario.builder()
            .name("relative")
            .city(new CitySpec.CsvFile(Path.of("cities", "city.csv")))
            .addAllCategories(putian.categories())
            .staffing(putian.staffing())
            .travel(putian.travel())
            .build();
    assertThatThrownBy(() -> ScenarioText.of(relative, "design point x=1 (1 of 1)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("design point x=1 (1 of 1): the city file ")
        .hasMessageContaining("is a relative path");
  }

  private Sweep crowded() throws IOException {
    return sweep(Fixtures.CROWDED, "cases-per-resident-per-year", List.of("0.001", "1000"), 2, 3);
  }

  private static void unused(SweepResult r) {
    assertThat(r).as("expected a failure, got a result").isNull();
  }

  private static String messageOf(Runnable r) {
    try {
      r.run();
    } catch (IllegalArgumentException e) {
      return String.valueOf(e.getMessage());
    }
    throw new AssertionError("expected an IllegalArgumentException");
  }

  /** Counts the context's jobs and task ends. */
  static final class Events extends SparkListener {
    final AtomicInteger jobs = new AtomicInteger();
    final AtomicInteger successes = new AtomicInteger();
    final AtomicInteger failures = new AtomicInteger();

    void drain() {
      try {
        sc.sc().listenerBus().waitUntilEmpty(30_000);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError("Spark's listener bus did not drain", e);
      }
    }

    void clear() {
      drain();
      jobs.set(0);
      successes.set(0);
      failures.set(0);
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
      jobs.incrementAndGet();
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
      if (taskEnd.reason() == Success$.MODULE$) {
        successes.incrementAndGet();
      } else {
        failures.incrementAndGet();
      }
    }
  }
}
