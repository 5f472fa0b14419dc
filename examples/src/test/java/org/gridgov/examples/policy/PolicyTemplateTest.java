package org.gridgov.examples.policy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridgov.category.Category;
import org.gridgov.category.CategoryCatalog;
import org.gridgov.region.CodeScheme;
import org.gridgov.region.RegionCsv;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.analysis.Finding;
import org.gridgov.routing.analysis.PolicyAnalysis;
import org.gridgov.routing.analysis.PolicyReport;
import org.gridgov.routing.example.ExamplePolicy;
import org.gridgov.routing.table.PolicyTable;
import org.gridgov.routing.table.TablePolicy;
import org.junit.jupiter.api.Test;

/**
 * TEMPLATE — a JUnit 5 test that keeps a routing policy free of gaps (留白), overlaps (职责交叉),
 * escalation cycles, dead ends and ping-pong (推诿). Copy this class into your project's tests (it
 * needs gridgov-routing and JUnit Jupiter, nothing else) and adapt the four marked places:
 *
 * <ol>
 *   <li>{@link #POLICY} and {@link #TREE}: your policy table (docs/routing.md) and your region tree
 *       (gridgov region CSV, docs/region-tree.md). Relative paths are relative to the directory the
 *       tests run in (the module).
 *   <li>{@link #graph}: the handlers besides the region offices — your departments, outside
 *       parties, city office.
 *   <li>{@link #categories}: the category codes to check, usually every minor class of your
 *       catalogue.
 *   <li>{@link #ACCEPTED}: the kinds of finding you accept, each with its reason. Accept as little
 *       as you can.
 * </ol>
 *
 * <p>When the policy has a finding of a kind not accepted, the test fails with one line per
 * finding, e.g. {@code policy.csv:7: OVERLAP category 0102, region 350302001001001 (+1 like it),
 * NORMAL, NEW_CASE: line 7 assigns office:350302001 but line 5 already assigns
 * office:350302001001001 to the same case} — the file and row first, so that an IDE links to the
 * row; {@code policy.csv: GAP (no row) ...} when no row is to blame.
 *
 * <p>In gridgov's own build it checks the shipped example policy ({@code putian-policy.csv}) over
 * the small tree of {@code examples/policy/}, and {@code PolicyTemplateSelfTest} shows that a
 * policy with planted faults makes it fail with exactly that message.
 */
class PolicyTemplateTest {
  // (1) Your policy table and your region tree.
  static final Path POLICY =
      Path.of("../routing/src/main/resources/org/gridgov/routing/table/putian-policy.csv");
  static final Path TREE = Path.of("policy/small-tree.csv");

  /**
   * (4) The kinds of finding this policy may have, each with the reason it is acceptable.
   *
   * <p>For the shipped example policy: none. Over this tree (and over the generated Putian, see
   * {@code GridgovPolicyTest}) it has no finding of any kind — every category is placed at every
   * level, rows that claim the same case are deliberate specialisations (urgent and major cases
   * first, then categories, then the territorial fallback), every breach escalates to the city
   * office, and every department is reached. So any finding is a regression. A policy of your own
   * might accept, for example, {@code UNREACHABLE} for a department that is only ever dispatched by
   * hand, saying so here.
   */
  static final Map<Finding.Kind, String> ACCEPTED = new EnumMap<>(Finding.Kind.class);

  /** (2) The routing graph over the tree: the offices it derives, plus your departments. */
  static RoutingGraph graph(RegionTree tree) {
    return ExamplePolicy.graph(
        tree); // RoutingGraph.builder(tree).add(...).link(...).build() for your own
  }

  /** (3) The categories to check: here every minor class of gridgov's sample catalogue. */
  static List<String> categories() {
    CategoryCatalog catalog =
        CategoryCatalog.sample(); // CategoryCatalog.parse(reader, "categories.csv")
    return catalog.all().stream()
        .map(Category::code)
        .filter(code -> catalog.children(code).isEmpty())
        .toList();
  }

  @Test
  void policyHasNoFindingOfAKindNotAccepted() throws IOException {
    PolicyReport report = analyse(POLICY, TREE);

    assertNoFindingsExcept(ACCEPTED.keySet(), report, POLICY.toString());
  }

  /** Reads the tree and the policy, compiles the policy against {@link #graph} and analyses it. */
  static PolicyReport analyse(Path policyFile, Path treeFile) throws IOException {
    RegionTree tree;
    try (Reader in = Files.newBufferedReader(treeFile, StandardCharsets.UTF_8)) {
      tree =
          RegionCsv.read(in, treeFile.toString(), CodeScheme.standard(), LocalDate.of(2025, 1, 1));
    }
    PolicyTable table;
    try (Reader in = Files.newBufferedReader(policyFile, StandardCharsets.UTF_8)) {
      table =
          PolicyTable.parse(
              in, policyFile.toString()); // syntax errors: every bad row, with its position
    }
    TablePolicy policy =
        table.compile(graph(tree)); // unknown handlers and region codes, with their rows
    return PolicyAnalysis.analyse(policy, categories());
  }

  /**
   * Fails with one line per finding whose kind is not accepted.
   *
   * @param accepted the kinds to let pass
   * @param report the analysis
   * @param source the policy's name, put in front of each line
   * @throws AssertionError listing the findings, if there are any
   */
  static void assertNoFindingsExcept(
      Set<Finding.Kind> accepted, PolicyReport report, String source) {
    List<Finding> failing =
        report.findings().stream().filter(f -> !accepted.contains(f.kind())).toList();
    if (failing.isEmpty()) {
      return;
    }
    Map<Finding.Kind, Long> counts =
        failing.stream()
            .collect(
                Collectors.groupingBy(
                    Finding::kind, () -> new EnumMap<>(Finding.Kind.class), Collectors.counting()));
    String byKind =
        counts.entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey())
            .collect(Collectors.joining(", "));
    StringBuilder message =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%s has %d finding(s) of kinds not accepted (%s):",
                source,
                failing.size(),
                byKind));
    for (Finding f : failing) {
      message.append("\n  ").append(line(f, source));
    }
    throw new AssertionError(message.toString());
  }

  /**
   * {@code source:line: KIND category ..., region ..., PRIORITY, POINT: detail}; {@code source:
   * KIND (no row) ...}.
   */
  static String line(Finding f, String source) {
    String where =
        f.location(); // "line N" or "no row", then ", category ..., region ..., ..." where known
    int comma = where.indexOf(", ");
    String rest = comma < 0 ? "" : " " + where.substring(comma + 2);
    return (f.line() > 0
            ? source + ":" + f.line() + ": " + f.kind()
            : source + ": " + f.kind() + " (no row)")
        + rest
        + ": "
        + f.detail();
  }
}
