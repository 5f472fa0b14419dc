package org.gridgov.examples.policy;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.gridgov.TextParseException;
import org.gridgov.category.Category;
import org.gridgov.category.CategoryCatalog;
import org.gridgov.geo.RegionGeometryException;
import org.gridgov.region.CodeScheme;
import org.gridgov.region.RegionCsv;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.analysis.Finding;
import org.gridgov.routing.analysis.GraphExport;
import org.gridgov.routing.analysis.PolicyAnalysis;
import org.gridgov.routing.analysis.PolicyReport;
import org.gridgov.routing.example.ExamplePolicy;
import org.gridgov.routing.table.PolicyTable;
import org.gridgov.routing.table.TablePolicy;
import org.gridgov.simulation.BuiltInCities;
import org.gridgov.sla.SlaPolicy;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gridgov-policy}: checks a routing policy table (docs/routing.md) for gaps, overlaps,
 * escalation cycles, dead ends, ping-pong and unreachable handlers over a region tree, prints every
 * finding with its rule line, and writes the routing graph as Graphviz DOT and Mermaid.
 *
 * <pre>
 * gridgov-policy check POLICY --tree TREE [--seed N] [--departments example|none] [--categories C,C,...]
 *                      [--sla SLA] [--graph-dir DIR] [--fail-on KIND,KIND,...]
 * </pre>
 *
 * <p>Exit status: 0 when there is no finding of a {@code --fail-on} kind, 1 when there is, 2 on bad
 * input (a file that cannot be read or parsed, with its position in the message, or a bad option).
 * From a checkout, run it with {@code bin/gridgov-policy} (see docs/policy-testing.md).
 */
@Command(
    name = "gridgov-policy",
    mixinStandardHelpOptions = true,
    version = "gridgov-policy 0.1.0-SNAPSHOT",
    description = "Tests gridgov routing policies.",
    subcommands = CommandLine.HelpCommand.class)
public final class GridgovPolicy {
  /** Exit status: no finding of a failing kind. */
  public static final int OK = 0;

  /** Exit status: at least one finding of a failing kind. */
  public static final int FINDINGS = 1;

  /** Exit status: bad input (unreadable or malformed file, bad option). */
  public static final int BAD_INPUT = 2;

  /**
   * The seed of the built-in Putian tree when {@code --seed} is not given (the main job's seed).
   */
  public static final long DEFAULT_SEED = 20_230_101L;

  /**
   * The edition date given to a tree read from a region CSV file (the format has no edition
   * column).
   */
  public static final LocalDate CSV_EDITION = LocalDate.of(2025, 1, 1);

  /** The DOT file name written to the graph directory. */
  public static final String DOT_FILE = "routing.dot";

  /** The Mermaid file name written to the graph directory. */
  public static final String MERMAID_FILE = "routing.mmd";

  private final PrintStream out;

  private GridgovPolicy(PrintStream out) {
    this.out = out;
  }

  /**
   * Runs the command line and exits with its status.
   *
   * @param args the command line, e.g. {@code check policy.csv --tree putian}
   */
  public static void main(String[] args) {
    int status =
        run(
            args,
            new PrintStream(System.out, true, StandardCharsets.UTF_8),
            new PrintStream(System.err, true, StandardCharsets.UTF_8));
    System.exit(status);
  }

  /**
   * Runs the command line without exiting.
   *
   * @param args the command line
   * @param out where findings and help go
   * @param err where errors go
   * @return the exit status: {@link #OK}, {@link #FINDINGS} or {@link #BAD_INPUT}
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cl = new CommandLine(new GridgovPolicy(out));
    cl.addSubcommand("coverage", new CoverageCommand(out));
    cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof BadInputException
              || e instanceof TextParseException
              || e instanceof RegionGeometryException
              || e instanceof IllegalArgumentException) {
            commandLine.getErr().println("gridgov-policy: " + e.getMessage());
            return BAD_INPUT;
          }
          throw e;
        });
    return cl.execute(args);
  }

  /**
   * The {@code check} command.
   *
   * @param policyFile the policy table
   * @param treeArg a region CSV file or {@code putian}
   * @param seed the seed for {@code putian}
   * @param departments {@code example} or {@code none}
   * @param categories the category codes to analyse; empty: every minor class of the sample
   *     catalogue
   * @param slaFile an SLA policy file for the worst-case time, or none
   * @param graphDir where to write the pictures
   * @param failOn the finding kinds that make the exit status 1
   * @return the exit status
   */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Checks POLICY over TREE: prints every finding (kind, rule line, category, region, priority, decision"
            + " point) and writes the routing graph as DOT and Mermaid ("
            + DOT_FILE
            + ", "
            + MERMAID_FILE
            + ").",
        "Exit status: 0 no finding of a --fail-on kind, 1 some, 2 bad input."
      })
  int check(
      @Parameters(paramLabel = "POLICY", description = "the policy table (CSV, docs/routing.md)")
          Path policyFile,
      @Option(
              names = "--tree",
              required = true,
              paramLabel = "TREE",
              description =
                  "a gridgov region CSV file, or 'putian' for the built-in generated Putian")
          String treeArg,
      @Option(
              names = "--seed",
              paramLabel = "N",
              defaultValue = "" + DEFAULT_SEED,
              description = "seed of the generated Putian (default: ${DEFAULT-VALUE})")
          long seed,
      @Option(
              names = "--departments",
              paramLabel = "SET",
              defaultValue = "example",
              description =
                  "handlers besides the offices: 'example' (ExamplePolicy's departments and the city office,"
                      + " default) or 'none'")
          String departments,
      @Option(
              names = "--categories",
              split = ",",
              paramLabel = "CODE",
              description =
                  "category codes to analyse (default: every minor class of the sample catalogue)")
          @Nullable List<String> categories,
      @Option(
              names = "--sla",
              paramLabel = "SLA",
              description =
                  "an SLA policy file (docs/sla.md), to print the worst-case time to the top")
          Optional<Path> slaFile,
      @Option(
              names = "--graph-dir",
              paramLabel = "DIR",
              defaultValue = ".",
              description =
                  "where to write "
                      + DOT_FILE
                      + " and "
                      + MERMAID_FILE
                      + " (default: the current directory)")
          Path graphDir,
      @Option(
              names = "--fail-on",
              split = ",",
              paramLabel = "KIND",
              defaultValue = "gap,overlap,cycle,ping-pong",
              description =
                  "kinds that fail the check: gap, overlap, cycle, dead-end, ping-pong, unreachable, all or none"
                      + " (default: ${DEFAULT-VALUE})")
          List<String> failOn) {
    Set<Finding.Kind> failing = failKinds(failOn);
    List<String> codes =
        categories == null || categories.isEmpty() ? sampleCategories() : categories;
    for (String c : codes) {
      if (c.isEmpty() || !c.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
        throw new BadInputException(
            "--categories: \"" + c + "\" is not a category code (ASCII digits)");
      }
    }
    PolicyTable table =
        read(policyFile, "policy", in -> PolicyTable.parse(in, policyFile.toString()));
    RegionTree tree = tree(treeArg, seed);
    RoutingGraph graph = graph(tree, departments);
    TablePolicy policy = table.compile(graph);
    PolicyReport report;
    if (slaFile.isPresent()) {
      Path f = slaFile.get();
      SlaPolicy sla = read(f, "SLA policy", in -> SlaPolicy.parse(in, f.toString()));
      report = PolicyAnalysis.analyse(policy, codes, sla);
    } else {
      report = PolicyAnalysis.analyse(policy, codes);
    }

    out.printf(
        Locale.ROOT,
        "policy %s (%d rows) over %s: %d regions in %d classes, %d categories, %d decisions%n",
        policyFile,
        table.rows().size(),
        treeArg.equals("putian") ? "putian (seed " + seed + ")" : treeArg,
        tree.size(),
        report.regionClasses(),
        codes.size(),
        report.requestsEvaluated());
    for (Finding f : report.findings()) {
      out.println(format(f, policyFile.toString()));
    }
    out.println(summary(report, failing));
    byRow(report)
        .forEach(
            (line, text) ->
                out.printf(
                    Locale.ROOT,
                    "  %s: %s%n",
                    line > 0 ? policyFile + ":" + line : "no row",
                    text));
    if (!report.longestChain().isEmpty()) {
      out.printf(
          Locale.ROOT,
          "longest escalation chain (category %s): %s%n",
          report.longestChainCategory(),
          String.join(" -> ", report.longestChain()));
    }
    report.worstCase().ifPresent(w -> out.println("worst-case time to the top: " + w));

    Path dot = graphDir.resolve(DOT_FILE);
    Path mermaid = graphDir.resolve(MERMAID_FILE);
    try {
      Files.createDirectories(graphDir);
      Files.writeString(dot, GraphExport.toDot(graph, report), StandardCharsets.UTF_8);
      Files.writeString(mermaid, GraphExport.toMermaid(graph, report), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException(
          "--graph-dir: cannot write the pictures to " + graphDir + ": " + e);
    }
    out.printf(
        Locale.ROOT,
        "wrote %s and %s (%d handlers, %d links)%n",
        dot,
        mermaid,
        graph.handlers().size(),
        graph.links().size());

    long bad = report.findings().stream().filter(f -> failing.contains(f.kind())).count();
    out.println(
        bad == 0
            ? "OK: no finding of a failing kind"
            : "FAILED: " + bad + " finding(s) of a failing kind");
    return bad == 0 ? OK : FINDINGS;
  }

  /**
   * Formats one finding as {@code source:line: KIND category C, region R (+n like it), PRIORITY,
   * POINT: detail} ({@code source: KIND (no row) ...} when no row is to blame), so that editors can
   * jump to the row.
   *
   * @param f the finding
   * @param source the policy's source name
   * @return one line
   */
  public static String format(Finding f, String source) {
    // Finding.location() is "line N" or "no row", then ", category ..., region ..., PRIORITY,
    // POINT" where known.
    String where = f.location();
    int comma = where.indexOf(", ");
    String rest = comma < 0 ? "" : " " + where.substring(comma + 2);
    String position = f.line() > 0 ? source + ":" + f.line() : source;
    return position
        + ": "
        + f.kind()
        + (f.line() > 0 ? "" : " (no row)")
        + rest
        + ": "
        + f.detail();
  }

  /**
   * Parses the {@code --fail-on} words.
   *
   * @param words gap, overlap, cycle (or escalation-cycle), dead-end, ping-pong, unreachable, all,
   *     none; any case
   * @return the kinds
   * @throws BadInputException naming an unknown word and the accepted ones
   */
  public static Set<Finding.Kind> failKinds(List<String> words) {
    EnumSet<Finding.Kind> kinds = EnumSet.noneOf(Finding.Kind.class);
    for (String w : words) {
      switch (w.trim().toLowerCase(Locale.ROOT)) {
        case "gap" -> kinds.add(Finding.Kind.GAP);
        case "overlap" -> kinds.add(Finding.Kind.OVERLAP);
        case "cycle", "escalation-cycle" -> kinds.add(Finding.Kind.ESCALATION_CYCLE);
        case "dead-end" -> kinds.add(Finding.Kind.DEAD_END);
        case "ping-pong" -> kinds.add(Finding.Kind.PING_PONG);
        case "unreachable" -> kinds.add(Finding.Kind.UNREACHABLE);
        case "all" -> kinds.addAll(EnumSet.allOf(Finding.Kind.class));
        case "none" -> {}
        default ->
            throw new BadInputException(
                "--fail-on: unknown kind \""
                    + w
                    + "\"; expected gap, overlap, cycle, dead-end, ping-pong, unreachable, all or none");
      }
    }
    return kinds;
  }

  /**
   * Returns the minor classes (categories without children) of the sample catalogue, in code order.
   *
   * @return the codes
   */
  public static ImmutableList<String> sampleCategories() {
    CategoryCatalog catalog = CategoryCatalog.sample();
    return catalog.all().stream()
        .map(Category::code)
        .filter(c -> catalog.children(c).isEmpty())
        .collect(ImmutableList.toImmutableList());
  }

  private static String summary(PolicyReport report, Set<Finding.Kind> failing) {
    Map<Finding.Kind, Integer> counts = new EnumMap<>(Finding.Kind.class);
    for (Finding f : report.findings()) {
      counts.merge(f.kind(), 1, Integer::sum);
    }
    String byKind =
        counts.isEmpty()
            ? "none"
            : counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    String fail =
        failing.isEmpty()
            ? "nothing"
            : failing.stream().map(Enum::name).collect(Collectors.joining(", "));
    return report.findings().size() + " finding(s): " + byKind + "; failing kinds: " + fail;
  }

  /** Findings per rule line (0: no row), counted by kind: {@code 12 OVERLAP, 3 PING_PONG}. */
  private static Map<Integer, String> byRow(PolicyReport report) {
    Map<Integer, Map<Finding.Kind, Integer>> counts = new TreeMap<>();
    for (Finding f : report.findings()) {
      counts
          .computeIfAbsent(f.line(), l -> new EnumMap<>(Finding.Kind.class))
          .merge(f.kind(), 1, Integer::sum);
    }
    Map<Integer, String> text = new TreeMap<>();
    counts.forEach(
        (line, byKind) ->
            text.put(
                line,
                byKind.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey())
                    .collect(Collectors.joining(", "))));
    return text;
  }

  static RegionTree tree(String arg, long seed) {
    if (arg.equals("putian")) {
      return BuiltInCities.putian(seed);
    }
    Path file = Path.of(arg);
    return read(file, "tree", in -> RegionCsv.read(in, arg, CodeScheme.standard(), CSV_EDITION));
  }

  private static RoutingGraph graph(RegionTree tree, String departments) {
    return switch (departments) {
      case "example" -> ExamplePolicy.graph(tree);
      case "none" -> RoutingGraph.builder(tree).build();
      default ->
          throw new BadInputException(
              "--departments: unknown set \"" + departments + "\"; expected example or none");
    };
  }

  private interface Parser<T> {
    T parse(Reader in);
  }

  private static <T> T read(Path file, String what, Parser<T> parser) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parser.parse(in);
    } catch (NoSuchFileException e) {
      throw new BadInputException("cannot read the " + what + " file " + file + ": no such file");
    } catch (IOException e) {
      throw new BadInputException("cannot read the " + what + " file " + file + ": " + e);
    }
  }

  /**
   * Bad input to the command: an unreadable file or a bad option value. Exit status {@link
   * #BAD_INPUT}.
   */
  public static final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the value and where it came from
     */
    public BadInputException(String message) {
      super(message);
    }
  }
}
