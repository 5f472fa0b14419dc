package org.gridgov.simulation.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gridgov.TextParseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code gridgov-sim}: simulate grid governance scenarios and compare grid granularities.
 *
 * <p>Exit codes: {@value #OK} success, {@value #VALIDATION_FAILED} a queueing-theory check failed,
 * {@value #BAD_INPUT} bad input (usage, scenario file, parameter: a message with its position, no
 * stack trace), {@value #INTERNAL_ERROR} an internal error (with a stack trace: please report it).
 */
@Command(
    name = "gridgov-sim",
    mixinStandardHelpOptions = true,
    version = "gridgov-sim 0.1.0-SNAPSHOT",
    sortOptions = false,
    usageHelpAutoWidth = true,
    subcommands = {
      RunCommand.class,
      SweepCommand.class,
      DesignCommand.class,
      CalibrateCommand.class,
      ValidateCommand.class,
      CommandLine.HelpCommand.class
    },
    description = {
      "Simulates grid governance (网格化治理) over the real gridgov case engine, in virtual time: residents "
          + "report cases, grid workers and offices handle them, deadlines escalate them. Compare grid sizes, "
          + "staffing and routing policies with confidence intervals; every result is reproducible from its seed.",
      ""
    },
    commandListHeading = "%nCommands:%n",
    footerHeading = "%nExamples:%n",
    footer = {
      "  gridgov-sim sweep putian --param households-per-grid=150,300,500,800",
      "      Four grid sizes of the built-in Putian city, 5 replications each;",
      "      the report is gridgov-out/report.html.",
      "  gridgov-sim run my-city.yaml --replications 3 --horizon 14d",
      "      A scenario file (YAML or JSON, see docs/simulation-cli.md).",
      "  gridgov-sim design examples/scenarios/putian-granularity.yaml",
      "      The factorial study of the file's experiment: section, with main effects",
      "      and paired differences (95%% CIs).",
      "  gridgov-sim validate",
      "      The simulator against queueing theory (Erlang C).",
      "",
      "Exit codes: 0 ok, 1 a validation check failed, 2 bad input (usage, scenario",
      "file, parameter), 3 internal error.",
      "'gridgov-sim help COMMAND' shows a command's options."
    })
public final class GridgovSim implements Callable<Integer> {

  /** Exit code: success. */
  public static final int OK = 0;

  /** Exit code: {@code validate} found a check outside its confidence interval. */
  public static final int VALIDATION_FAILED = 1;

  /** Exit code: bad input. */
  public static final int BAD_INPUT = 2;

  /** Exit code: an internal error. */
  public static final int INTERNAL_ERROR = 3;

  @Spec CommandSpec spec = CommandSpec.create();

  private String commandLine = "gridgov-sim";

  /** Created by picocli. */
  public GridgovSim() {}

  /**
   * Runs the command line and exits the JVM with its exit code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = execute(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs the command line without exiting: for embedding (e.g. the README's main job) and tests.
   *
   * @param out standard output (tables, the report's path)
   * @param err standard error (progress, messages)
   * @param args the arguments
   * @return the exit code
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    GridgovSim top = new GridgovSim();
    top.commandLine = commandLine(args);
    CommandLine cl = new CommandLine(top);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (ex, command, parseResult) -> {
          PrintWriter e = command.getErr();
          if (ex instanceof TextParseException || ex instanceof IllegalArgumentException) {
            e.println("gridgov-sim: " + ex.getMessage());
            e.flush();
            return BAD_INPUT;
          }
          if (ex instanceof UncheckedIOException io) {
            e.println("gridgov-sim: cannot read or write a file: " + io.getMessage());
            e.flush();
            return BAD_INPUT;
          }
          e.println("gridgov-sim: internal error, please report it with the command line:");
          ex.printStackTrace(e);
          e.flush();
          return INTERNAL_ERROR;
        });
    return cl.execute(args);
  }

  /** Shows the usage when no command is given. */
  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println("gridgov-sim: name a command (run, sweep, design, calibrate, validate)");
    spec.commandLine().usage(spec.commandLine().getErr());
    return BAD_INPUT;
  }

  /**
   * Returns the command line as typed, for reports.
   *
   * @return e.g. {@code gridgov-sim sweep putian --replications 5}
   */
  String commandLine() {
    return commandLine;
  }

  static String commandLine(String... args) {
    StringBuilder b = new StringBuilder("gridgov-sim");
    for (String a : args) {
      b.append(' ');
      if (a.isEmpty()
          || a.chars()
              .anyMatch(c -> Character.isWhitespace(c) || "'\"\\$`;&|<>*?()".indexOf(c) >= 0)) {
        b.append('\'').append(a.replace("'", "'\\''")).append('\'');
      } else {
        b.append(a);
      }
    }
    return b.toString();
  }

  static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
