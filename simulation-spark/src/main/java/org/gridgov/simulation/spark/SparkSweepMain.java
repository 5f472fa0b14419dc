package org.gridgov.simulation.spark;

import com.google.common.collect.ImmutableList;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.gridgov.TextParseException;
import org.gridgov.simulation.Progress;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.Sweep;
import org.gridgov.simulation.SweepParameter;
import org.gridgov.simulation.SweepResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code spark-submit} entry point: a sweep on the cluster spark-submit names, the scenario and
 * the report directory given as URIs (local paths, {@code hdfs://}, {@code s3a://}, ...).
 *
 * <pre>{@code
 * spark-submit --class org.gridgov.simulation.spark.SparkSweepMain --master yarn \
 *   gridgov-simulation-spark-submit.jar hdfs:///gridgov/city.yaml \
 *   --param households-per-grid=150,300,500,800 -r 30 --seed 42 --out hdfs:///gridgov/out
 * }</pre>
 *
 * <p>Exit codes as {@code gridgov-sim}'s: 0 success, 2 bad input (a message, no stack trace), 3 an
 * internal error. See {@code docs/spark.md}.
 */
@Command(
    name = "gridgov-sim-spark",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs a gridgov-sim sweep on Spark (the master comes from spark-submit) and writes runs.csv, summary.csv,"
          + " charts and report.html to --out, the same bytes as gridgov-sim sweep on one machine.",
      ""
    })
public final class SparkSweepMain implements Callable<Integer> {

  /** Exit code: success. */
  public static final int OK = 0;

  /** Exit code: bad input. */
  public static final int BAD_INPUT = 2;

  /** Exit code: an internal error. */
  public static final int INTERNAL_ERROR = 3;

  @Parameters(
      index = "0",
      paramLabel = "SCENARIO",
      description = "A scenario file (.yaml, .yml or .json) as a path or URI, or a built-in name.")
  String scenario = "";

  @Option(
      names = {"-p", "--param"},
      paramLabel = "NAME=V1,V2,...",
      required = true,
      description = "The swept parameter and its values, e.g. households-per-grid=150,300,500,800.")
  String param = "";

  @Option(
      names = {"-r", "--replications"},
      paramLabel = "R",
      defaultValue = "5",
      description = "Independent replications per value (default: ${DEFAULT-VALUE}).")
  int replications = 5;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "Experiment seed (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(
      names = "--out",
      paramLabel = "URI",
      required = true,
      description = "The report directory (path or URI); it must not exist or be empty.")
  String out = "";

  private String commandLine = "gridgov-sim-spark";

  private PrintWriter stdout = new PrintWriter(System.out, true, StandardCharsets.UTF_8);

  /** Created by picocli. */
  public SparkSweepMain() {}

  /**
   * Runs the command line under spark-submit and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(execute(out, err, args));
  }

  /**
   * Runs the command line without exiting (tests, embedding).
   *
   * @param out standard output (the report's location)
   * @param err standard error (messages, progress)
   * @param args the arguments
   * @return the exit code
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    SparkSweepMain main = new SparkSweepMain();
    main.commandLine = "gridgov-sim-spark " + String.join(" ", args);
    main.stdout = out;
    CommandLine cl = new CommandLine(main);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (ex, command, parseResult) -> {
          if (ex instanceof IllegalArgumentException
              || ex instanceof TextParseException
              || ex instanceof UncheckedIOException) {
            err.println("gridgov-sim-spark: " + ex.getMessage());
            err.flush();
            return BAD_INPUT;
          }
          err.println("gridgov-sim-spark: internal error, please report it with the command line:");
          ex.printStackTrace(err);
          err.flush();
          return INTERNAL_ERROR;
        });
    return cl.execute(args);
  }

  @Override
  public Integer call() {
    SparkConf conf = new SparkConf().setAppName("gridgov-sim-spark " + scenario);
    try (JavaSparkContext sc = new JavaSparkContext(conf)) {
      var hadoop = sc.hadoopConfiguration();
      Locations.checkWritable(out, hadoop);
      Scenario s = Locations.readScenario(scenario, hadoop);
      Sweep sweep = new Sweep(s, parameter(), values(), replications, seed, 1);
      SweepResult result = SparkSweeps.run(sc, sweep, Progress.NONE);
      String html = Locations.writeReport(result, out, commandLine, hadoop);
      stdout.println("Report: " + html);
      stdout.flush();
      return OK;
    }
  }

  private SweepParameter parameter() {
    return SweepParameter.parse(param.substring(0, equalsSign()).strip());
  }

  private ImmutableList<String> values() {
    List<String> values = new ArrayList<>();
    for (String v : param.substring(equalsSign() + 1).split(",", -1)) {
      if (v.isBlank()) {
        throw new IllegalArgumentException("--param " + param + ": empty value");
      }
      values.add(v.strip());
    }
    return ImmutableList.copyOf(values);
  }

  private int equalsSign() {
    int eq = param.indexOf('=');
    if (eq <= 0 || eq == param.length() - 1) {
      throw new IllegalArgumentException(
          "--param "
              + param
              + ": expected NAME=V1,V2,..., e.g. households-per-grid=150,300,500,800");
    }
    return eq;
  }
}
