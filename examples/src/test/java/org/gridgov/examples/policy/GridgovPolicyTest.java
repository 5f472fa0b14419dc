package org.gridgov.examples.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gridgov.casefile.Priority;
import org.gridgov.category.Category;
import org.gridgov.category.CategoryCatalog;
import org.gridgov.region.CodeScheme;
import org.gridgov.region.RegionCsv;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.Handler;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.analysis.Finding;
import org.gridgov.routing.example.ExamplePolicy;
import org.gridgov.simulation.BuiltInCities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code gridgov-policy check} over the planted-bad policy (one fault of each failing kind, at
 * known rows), over the shipped example policy (on the small tree and on the generated Putian), and
 * over bad input.
 */
class GridgovPolicyTest {
  /** Tests run in the examples module directory. */
  static final Path PLANTED = Path.of("policy/planted-bad-policy.csv");

  static final Path SMALL_TREE = Path.of("policy/small-tree.csv");
  static final Path EXAMPLE =
      Path.of("../routing/src/main/resources/org/gridgov/routing/table/putian-policy.csv");
  static final Path README = Path.of("../README.md");

  @SuppressWarnings("NullAway.Init") // injected by JUnit before each test
  @TempDir
  Path dir;

  record Run(int status, String out, String err) {
    /**
     * The printed finding lines of one kind, e.g. {@code policy.csv:7: OVERLAP category 0102, ...}.
     */
    List<String> findings(Finding.Kind kind) {
      return out.lines().filter(l -> l.matches("\\S+: " + kind + "( \\(no row\\))? .*")).toList();
    }
  }

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        GridgovPolicy.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The 1-based line of the first row of a file that starts with {@code prefix}. */
  static int lineOf(Path file, String prefix) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i + 1;
      }
    }
    throw new AssertionError("no row starting with " + prefix + " in " + file);
  }

  static RegionTree smallTree() throws IOException {
    try (Reader in = Files.newBufferedReader(SMALL_TREE, StandardCharsets.UTF_8)) {
      return RegionCsv.read(
          in, SMALL_TREE.toString(), CodeScheme.standard(), LocalDate.of(2025, 1, 1));
    }
  }

  private static Set<String> categoriesIn(List<String> findingLines) {
    Pattern category = Pattern.compile(" category (\\d+),");
    ImmutableSet.Builder<String> codes = ImmutableSet.builder();
    for (String l : findingLines) {
      Matcher m = category.matcher(l);
      assertThat(m.find()).as("category in %s", l).isTrue();
      codes.add(m.group(1));
    }
    return codes.build();
  }

  private String[] check(Path policy, String... more) {
    return Stream.concat(
            Stream.of(
                "check",
                policy.toString(),
                "--tree",
                SMALL_TREE.toString(),
                "--graph-dir",
                dir.toString()),
            Stream.of(more))
        .toArray(String[]::new);
  }

  @Test
  void plantedGapIsReportedForEveryCategoryNoRowPlacesAndOnlyThose() {
    Run r = run(check(PLANTED));

    // No row of the planted policy places a new case of major class 06.
    Set<String> expected =
        CategoryCatalog.sample().children("06").stream()
            .map(Category::code)
            .collect(ImmutableSet.toImmutableSet());
    List<String> gaps = r.findings(Finding.Kind.GAP);
    assertThat(categoriesIn(gaps)).isEqualTo(expected);
    assertThat(gaps)
        .allSatisfy(
            l -> assertThat(l).startsWith(PLANTED + ": GAP (no row) ").contains("NEW_CASE"));
    assertThat(r.status()).isEqualTo(GridgovPolicy.FINDINGS);
  }

  @Test
  void plantedOverlapIsReportedAtTheLaterRowForTheTwoCategoriesItClaims() throws IOException {
    Run r = run(check(PLANTED));

    int later = lineOf(PLANTED, "0102|0103,");
    int earlier = lineOf(PLANTED, "01,");
    List<String> overlaps = r.findings(Finding.Kind.OVERLAP);
    assertThat(overlaps)
        .isNotEmpty()
        .allSatisfy(
            l ->
                assertThat(l)
                    .startsWith(PLANTED + ":" + later + ": OVERLAP ")
                    .contains("but line " + earlier + " already assigns"));
    assertThat(categoriesIn(overlaps)).containsExactlyInAnyOrder("0102", "0103");
  }

  @Test
  void plantedCycleIsReportedAtTheRowThatSendsTheCaseBackDown() throws IOException {
    Run r = run(check(PLANTED));

    int row = lineOf(PLANTED, "*,*,*,BREACH,COMMUNITY,");
    List<String> cycles = r.findings(Finding.Kind.ESCALATION_CYCLE);
    assertThat(cycles)
        .isNotEmpty()
        .allSatisfy(
            l ->
                assertThat(l)
                    .startsWith(PLANTED + ":" + row + ": ESCALATION_CYCLE ")
                    .contains("BREACH")
                    .containsPattern(
                        "\\[office:(\\d{15}), office:\\d{12}, office:\\1]")); // grid -> community
    // -> grid
  }

  @Test
  void plantedPingPongIsReportedForExactlyTheCategoriesUrbanManagementOwns() throws IOException {
    Run r = run(check(PLANTED));

    // The grid returns a case to its owner; urban management's return row sends it back to the
    // grid.
    RoutingGraph graph = ExamplePolicy.graph(smallTree());
    int grid = graph.tree().indexOf(graph.tree().regionsAt(RegionLevel.GRID).get(0).code());
    Set<String> owned =
        GridgovPolicy.sampleCategories().stream()
            .filter(
                c ->
                    graph.ownersOf(c, grid).stream()
                        .findFirst()
                        .map(Handler::id)
                        .filter("dept:urban-management"::equals)
                        .isPresent())
            .collect(ImmutableSet.toImmutableSet());
    assertThat(owned).contains("0101", "0201", "0501").doesNotContain("0504", "0402");

    int row = lineOf(PLANTED, "*,*,*,RETURN,dept:urban-management,");
    List<String> pingPong = r.findings(Finding.Kind.PING_PONG);
    assertThat(pingPong)
        .allSatisfy(l -> assertThat(l).startsWith(PLANTED + ":" + row + ": PING_PONG "));
    assertThat(categoriesIn(pingPong)).isEqualTo(owned);
  }

  @Test
  void summaryCountsFindingsPerRow() throws IOException {
    Run r = run(check(PLANTED));

    int overlapRow = lineOf(PLANTED, "0102|0103,");
    assertThat(r.out())
        .contains(
            "  "
                + PLANTED
                + ":"
                + overlapRow
                + ": "
                + r.findings(Finding.Kind.OVERLAP).size()
                + " OVERLAP\n")
        .contains("  no row: " + r.findings(Finding.Kind.GAP).size() + " GAP")
        .contains("FAILED: ");
  }

  static Stream<Arguments> failOnChoices() {
    return Stream.of(
        Arguments.of("none", GridgovPolicy.OK),
        Arguments.of(
            "dead-end", GridgovPolicy.OK), // nothing planted stops escalation below the top
        Arguments.of("gap", GridgovPolicy.FINDINGS),
        Arguments.of("overlap", GridgovPolicy.FINDINGS),
        Arguments.of("cycle", GridgovPolicy.FINDINGS),
        Arguments.of("escalation-cycle", GridgovPolicy.FINDINGS),
        Arguments.of("ping-pong", GridgovPolicy.FINDINGS),
        Arguments.of(
            "unreachable",
            GridgovPolicy.FINDINGS), // dept:survey only assists; no row asks for assistants
        Arguments.of("DEAD-END,None", GridgovPolicy.OK),
        Arguments.of("dead-end,Gap", GridgovPolicy.FINDINGS),
        Arguments.of("all", GridgovPolicy.FINDINGS));
  }

  @ParameterizedTest
  @MethodSource("failOnChoices")
  void failOnDecidesTheExitStatus(String failOn, int status) {
    Run r = run(check(PLANTED, "--fail-on", failOn));

    assertThat(r.status()).as(r.out() + r.err()).isEqualTo(status);
    assertThat(r.out()).contains(status == GridgovPolicy.OK ? "OK: no finding" : "FAILED: ");
  }

  @Test
  void shippedExamplePolicyIsCleanOverTheSmallTreeAndThePicturesShowEveryHandlerAndLink()
      throws IOException {
    Run r = run(check(EXAMPLE, "--fail-on", "all"));

    assertThat(r.status()).as(r.out()).isEqualTo(GridgovPolicy.OK);
    assertThat(r.out())
        .contains("\n0 finding(s): none;")
        .contains("OK: no finding of a failing kind");
    RoutingGraph graph = ExamplePolicy.graph(smallTree());
    String dot = Files.readString(dir.resolve(GridgovPolicy.DOT_FILE), StandardCharsets.UTF_8);
    String mermaid =
        Files.readString(dir.resolve(GridgovPolicy.MERMAID_FILE), StandardCharsets.UTF_8);
    assertThat(dot).startsWith("digraph routing {");
    assertThat(mermaid).startsWith("flowchart BT\n");
    for (Handler h : graph.handlers()) {
      assertThat(dot).contains("\"" + h.id() + "\" [label=");
      assertThat(mermaid).contains(" " + h.id() + "\"");
    }
    assertThat(dot.lines().filter(l -> l.contains(" -> "))).hasSize(graph.links().size());
    assertThat(mermaid.lines().filter(l -> l.contains("-->|") || l.contains("-.->|")))
        .hasSize(graph.links().size());
  }

  @Test
  void shippedExamplePolicyIsCleanOverTheGeneratedPutian() {
    long seed = 7;
    Run r =
        run(
            "check",
            EXAMPLE.toString(),
            "--tree",
            "putian",
            "--seed",
            Long.toString(seed),
            "--graph-dir",
            dir.toString(),
            "--fail-on",
            "all");

    assertThat(r.status()).as(r.out()).isEqualTo(GridgovPolicy.OK);
    RegionTree putian = BuiltInCities.putian(seed);
    assertThat(r.out()).contains("over putian (seed 7): " + putian.size() + " regions in ");
    // The whole graph is drawn: one office per region above the units, plus the example's 9
    // departments, the gas
    // company and the city office.
    int offices = putian.size() - putian.count(RegionLevel.UNIT);
    assertThat(r.out()).contains("(" + (offices + 11) + " handlers, ");
  }

  @Test
  void worstCaseTimeUsesTheSlaFileAlongTheLongestChain() throws IOException {
    Path sla = dir.resolve("sla.txt");
    Files.writeString(
        sla,
        """
        transfer   RESTART
        register   * * * natural PT30M
        dispatch   * * * natural PT1H
        handle     * * * working PT4H
        whole-case * * * working-days 5 end-of-working-day
        """,
        StandardCharsets.UTF_8);
    Run r = run(check(EXAMPLE, "--sla", sla.toString()));

    String chain =
        r.out()
            .lines()
            .filter(l -> l.startsWith("longest escalation chain"))
            .findFirst()
            .orElseThrow();
    int handlers = chain.split(" -> ", -1).length;
    assertThat(chain).endsWith(Handler.CITY_OFFICE_ID);
    assertThat(r.out())
        .contains(
            "worst-case time to the top: natural PT1H30M + working time PT"
                + 4 * handlers
                + "H + 0 working days");
  }

  @Test
  void sameInputGivesTheSameOutputAndPicturesByteForByte() throws IOException {
    Run first = run(check(PLANTED));
    byte[] dot = Files.readAllBytes(dir.resolve(GridgovPolicy.DOT_FILE));
    byte[] mermaid = Files.readAllBytes(dir.resolve(GridgovPolicy.MERMAID_FILE));
    Run second = run(check(PLANTED));

    assertThat(second.out()).isEqualTo(first.out());
    assertThat(Files.readAllBytes(dir.resolve(GridgovPolicy.DOT_FILE))).isEqualTo(dot);
    assertThat(Files.readAllBytes(dir.resolve(GridgovPolicy.MERMAID_FILE))).isEqualTo(mermaid);
  }

  @Test
  void readmeMermaidBlockIsThePictureOfTheExamplePolicyOverTheSmallTree() throws IOException {
    Run r = run(check(EXAMPLE));
    assertThat(r.status()).isEqualTo(GridgovPolicy.OK);
    String mermaid =
        Files.readString(dir.resolve(GridgovPolicy.MERMAID_FILE), StandardCharsets.UTF_8);

    String readme = Files.readString(README, StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("```mermaid\\R(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(m.find()).as("a ```mermaid block in README.md").isTrue();
    assertThat(m.group(1))
        .as(
            "README's mermaid block must be the output of: bin/gridgov-policy check "
                + "routing/src/main/resources/org/gridgov/routing/table/putian-policy.csv --tree "
                + "examples/policy/small-tree.csv (routing.mmd); paste it again if the graph changed")
        .isEqualTo(mermaid);
  }

  static Stream<Arguments> badInputs() {
    return Stream.of(
        Arguments.of(
            "missing.csv",
            "*,*,*,NEW_CASE,none,assign office",
            List.of(),
            "cannot read the policy file"),
        Arguments.of(
            "bad-priority.csv",
            "*,*,SOON,NEW_CASE,none,assign office",
            List.of(),
            "bad-priority.csv:2:3 (priority) \"SOON\""),
        Arguments.of(
            "unknown-handler.csv",
            "*,*,*,NEW_CASE,none,assign office\n*,*,*,RETURN,*,assign dept:nobody",
            List.of(),
            "unknown-handler.csv:3"),
        Arguments.of(
            "ok.csv",
            "*,*,*,NEW_CASE,none,assign office",
            List.of("--fail-on", "gaps"),
            "--fail-on: unknown kind \"gaps\""),
        Arguments.of(
            "ok.csv",
            "*,*,*,NEW_CASE,none,assign office",
            List.of("--departments", "all"),
            "--departments: unknown set \"all\""),
        Arguments.of(
            "ok.csv",
            "*,*,*,NEW_CASE,none,assign office",
            List.of("--categories", "01,x1"),
            "--categories: \"x1\""),
        Arguments.of(
            "ok.csv", "*,*,*,NEW_CASE,none,assign office", List.of("--seed", "many"), "--seed"));
  }

  @ParameterizedTest
  @MethodSource("badInputs")
  void badInputExitsWithTwoAndSaysWhatAndWhere(
      String name, String rows, List<String> more, String message) throws IOException {
    Path policy = dir.resolve(name);
    if (!name.equals("missing.csv")) {
      Files.writeString(
          policy,
          "category,region,priority,point,holder,action\n" + rows + "\n",
          StandardCharsets.UTF_8);
    }
    Run r = run(check(policy, more.toArray(String[]::new)));

    assertThat(r.status()).as(r.out() + r.err()).isEqualTo(GridgovPolicy.BAD_INPUT);
    assertThat(r.err()).contains(message);
    assertThat(dir.resolve(GridgovPolicy.DOT_FILE)).doesNotExist();
  }

  @Test
  void badTreeRowIsReportedWithItsLine() throws IOException {
    Path tree = dir.resolve("tree.csv");
    Files.writeString(
        tree,
        "code,parent,level,name\n350302,,DISTRICT,城厢区\n350302001,350302,TOWN,霞林街道\n",
        StandardCharsets.UTF_8);
    Run r =
        run("check", EXAMPLE.toString(), "--tree", tree.toString(), "--graph-dir", dir.toString());

    assertThat(r.status()).isEqualTo(GridgovPolicy.BAD_INPUT);
    assertThat(r.err()).contains(tree + ":3").contains("TOWN");
  }

  @Test
  void graphDirThatIsAFileIsBadInput() throws IOException {
    Path file = dir.resolve("not-a-dir");
    Files.writeString(file, "x", StandardCharsets.UTF_8);
    Run r =
        run(
            "check",
            EXAMPLE.toString(),
            "--tree",
            SMALL_TREE.toString(),
            "--graph-dir",
            file.toString());

    assertThat(r.status()).isEqualTo(GridgovPolicy.BAD_INPUT);
    assertThat(r.err()).contains("--graph-dir: cannot write the pictures to " + file);
  }

  @Test
  void missingTreeOptionIsAUsageError() {
    Run r = run("check", EXAMPLE.toString());

    assertThat(r.status()).isEqualTo(GridgovPolicy.BAD_INPUT);
    assertThat(r.err())
        .contains("Missing required option: '--tree=TREE'")
        .contains("Usage: gridgov-policy check");
  }

  @Test
  void formatPutsTheFileAndRowFirstSoEditorsCanJumpThere() {
    Finding overlap =
        new Finding(
            Finding.Kind.OVERLAP,
            7,
            "0102",
            350302001001001L,
            2,
            Optional.of(Priority.NORMAL),
            Optional.of(DecisionPoint.NEW_CASE),
            ImmutableList.of("a", "b"),
            "two leads");
    Finding gap =
        new Finding(
            Finding.Kind.GAP,
            0,
            "0601",
            350302L,
            1,
            Optional.of(Priority.URGENT),
            Optional.of(DecisionPoint.NEW_CASE),
            ImmutableList.of(),
            "not assigned");
    Finding wide =
        new Finding(
            Finding.Kind.UNREACHABLE,
            0,
            "",
            0,
            0,
            Optional.empty(),
            Optional.empty(),
            ImmutableList.of("dept:survey"),
            "never reached");

    assertThat(GridgovPolicy.format(overlap, "p.csv"))
        .isEqualTo(
            "p.csv:7: OVERLAP category 0102, region 350302001001001 (+1 like it), NORMAL, NEW_CASE: two leads");
    assertThat(GridgovPolicy.format(gap, "p.csv"))
        .isEqualTo(
            "p.csv: GAP (no row) category 0601, region 350302, URGENT, NEW_CASE: not assigned");
    assertThat(GridgovPolicy.format(wide, "p.csv"))
        .isEqualTo("p.csv: UNREACHABLE (no row): never reached");
  }

  @Test
  void sampleCategoriesAreTheMinorClassesOfTheSampleCatalogue() {
    CategoryCatalog catalog = CategoryCatalog.sample();

    ImmutableList<String> codes = GridgovPolicy.sampleCategories();
    assertThat(codes)
        .isSorted()
        .doesNotHaveDuplicates()
        .contains("0101", "5502")
        .doesNotContain("01", "55");
    assertThat(codes).allSatisfy(c -> assertThat(catalog.children(c)).isEmpty());
    assertThat(codes.size() + catalog.roots().size())
        .isEqualTo(catalog.size()); // two levels: majors and minors
  }
}
