package org.gridgov.routing.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.Handler;
import org.gridgov.routing.HandlerLevel;
import org.gridgov.routing.LinkType;
import org.gridgov.routing.RoutingFixtures;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.example.ExamplePolicy;
import org.gridgov.routing.table.PolicyTable;
import org.gridgov.routing.table.TablePolicy;
import org.junit.jupiter.api.Test;

/**
 * The findings {@link PolicyAnalysisTest} leaves unpinned: which earlier rows are overrides rather
 * than overlaps, office levels and handlers no case reaches, the graph's own RETURN ping-pongs and
 * ESCALATE cycles, and the region equivalence classes against a brute-force grouping.
 */
class PolicyAnalysisFindingsTest {
  private static final String HEADER = "category,region,priority,point,holder,action\n";

  /** Every case assigned to its own office, escalated to the city, reworked in place. */
  private static final String SOUND =
      """
      *,*,*,NEW_CASE,none,assign office
      *,*,*,BREACH|RETURN,CITY,assign holder
      *,*,*,BREACH|RETURN,*,escalate
      *,*,*,CHECK_FAILED|MANUAL,*,assign holder
      *,*,*,REPEAT_REPORT,*,assign holder
      """;

  private static final List<String> CATEGORIES = List.of("0101", "0601");

  private final RoutingGraph graph = RoutingFixtures.exampleGraph();
  private final RegionTree tree = graph.tree();
  private final long district = RoutingFixtures.code(RegionLevel.DISTRICT, 1);

  private static TablePolicy policy(RoutingGraph g, String rows) {
    return PolicyTable.parse(new StringReader(HEADER + rows), "seeded.csv").compile(g);
  }

  private PolicyReport analyse(String rows) {
    return PolicyAnalysis.analyse(policy(graph, rows), CATEGORIES);
  }

  @Test
  void anEarlierRowNarrowerInOneColumnIsAnOverrideNotAnOverlap() {
    // each first row leads elsewhere (the street office) than SOUND's general row (the location's
    // own office) for the cases both match, so only the override rule keeps them from overlapping
    String byCategory = "0601,*,*,NEW_CASE,none,assign office@STREET\n";
    String byRegion = "*," + district + ",*,NEW_CASE,none,assign office@STREET\n";
    String byCategoryAndRegion = "06," + district + ",*,NEW_CASE,none,assign office@STREET\n";

    assertThat(analyse(byCategory + SOUND).findings(Finding.Kind.OVERLAP)).isEmpty();
    assertThat(analyse(byRegion + SOUND).findings(Finding.Kind.OVERLAP)).isEmpty();
    assertThat(analyse(byCategoryAndRegion + SOUND).findings(Finding.Kind.OVERLAP)).isEmpty();
  }

  @Test
  void theSameConditionsTwiceOverlapForEveryCaseAtTheLaterRow() {
    PolicyReport r = analyse("*,*,*,NEW_CASE,none,assign office@STREET\n" + SOUND);

    List<Finding> overlaps = r.findings(Finding.Kind.OVERLAP);
    assertThat(overlaps).isNotEmpty().allSatisfy(f -> assertThat(f.line()).isEqualTo(3));
    assertThat(overlaps.stream().map(Finding::category).distinct())
        .containsExactlyInAnyOrderElementsOf(CATEGORIES);
    // street offices lead the cases of streets' own regions in both rows: no overlap there
    assertThat(overlaps)
        .allSatisfy(
            f ->
                assertThat(tree.get(f.regionCode()).level())
                    .isIn(RegionLevel.GRID, RegionLevel.UNIT, RegionLevel.COMMUNITY));
  }

  @Test
  void aWiderEarlierRowOverlapsTheNarrowerLaterOneOnlyWhereTheLaterMatches() {
    String rows =
        "*,*,*,NEW_CASE,none,assign office@STREET\n"
            + "0601,*,*,NEW_CASE,none,assign office\n"
            + SOUND.substring(SOUND.indexOf('\n') + 1);

    List<Finding> overlaps = analyse(rows).findings(Finding.Kind.OVERLAP);
    assertThat(overlaps)
        .isNotEmpty()
        .allSatisfy(
            f -> {
              assertThat(f.line()).isEqualTo(3);
              assertThat(f.category()).isEqualTo("0601");
              assertThat(f.detail()).contains("line 2");
            });
  }

  @Test
  void officeLevelsNoCaseReachesAreUnreachableWithTheirOfficeCount() {
    // every case straight to the city office, which keeps it: no region's office is ever reached
    String rows =
        """
        *,*,*,NEW_CASE,none,assign office:city
        *,*,*,BREACH|RETURN|CHECK_FAILED|MANUAL|REPEAT_REPORT,*,assign holder
        """;

    List<Finding> levels =
        analyse(rows).findings(Finding.Kind.UNREACHABLE).stream()
            .filter(f -> f.handlers().isEmpty())
            .toList();

    List<RegionLevel> officeLevels =
        List.of(RegionLevel.GRID, RegionLevel.COMMUNITY, RegionLevel.STREET, RegionLevel.DISTRICT);
    assertThat(levels).hasSize(officeLevels.size());
    for (RegionLevel l : officeLevels) {
      String office = HandlerLevel.ofRegionLevel(l) + " office";
      assertThat(levels)
          .filteredOn(f -> f.detail().contains(office))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.regionsInClass()).isEqualTo(tree.count(l));
                assertThat(f.line()).isZero();
                assertThat(f.point()).isEmpty();
              });
    }
  }

  @Test
  void aSoundPolicyReachesEveryOfficeLevel() {
    assertThat(analyse(SOUND).findings(Finding.Kind.UNREACHABLE))
        .noneMatch(f -> f.handlers().isEmpty());
  }

  @Test
  void onlyGlobalHandlersNoCaseReachesAreUnreachable() {
    PolicyReport r = analyse("01,*,*,NEW_CASE,none,assign dept:urban-management\n" + SOUND);

    List<String> unreached =
        r.findings(Finding.Kind.UNREACHABLE).stream()
            .filter(f -> !f.handlers().isEmpty())
            .map(f -> f.handlers().get(0))
            .toList();
    Set<String> expected = new HashSet<>();
    for (Handler h : graph.handlers()) {
      if (h.kind() != Handler.Kind.OFFICE) {
        expected.add(h.id());
      }
    }
    expected.remove("dept:urban-management"); // leads every 01 case
    assertThat(unreached).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void returnLinksBetweenTwoDepartmentsAreAPingPongOnce() {
    RoutingGraph g =
        graphWith(
            b ->
                b.link("dept:a", "dept:b", LinkType.RETURN)
                    .link("dept:b", "dept:a", LinkType.RETURN)
                    .link("dept:a", Handler.CITY_OFFICE_ID, LinkType.ESCALATE)
                    .link("dept:b", Handler.CITY_OFFICE_ID, LinkType.ESCALATE));

    List<Finding> pp =
        PolicyAnalysis.analyse(policy(g, SOUND), CATEGORIES)
            .findings(Finding.Kind.PING_PONG)
            .stream()
            .filter(f -> f.line() == 0)
            .toList();

    assertThat(pp).hasSize(1);
    assertThat(pp.get(0).handlers()).containsExactly("dept:a", "dept:b", "dept:a");
    assertThat(pp.get(0).point()).contains(DecisionPoint.RETURN);
    assertThat(pp.get(0).detail()).isEqualTo("RETURN links dept:a → dept:b → dept:a");
  }

  @Test
  void aOneWayReturnLinkIsNoPingPong() {
    RoutingGraph g =
        graphWith(
            b ->
                b.link("dept:a", "dept:b", LinkType.RETURN)
                    .link("dept:a", Handler.CITY_OFFICE_ID, LinkType.ESCALATE)
                    .link("dept:b", Handler.CITY_OFFICE_ID, LinkType.ESCALATE));

    assertThat(
            PolicyAnalysis.analyse(policy(g, SOUND), CATEGORIES).findings(Finding.Kind.PING_PONG))
        .isEmpty();
  }

  @Test
  void escalateLinksInACycleAreFoundOnceWithTheCycle() {
    RoutingGraph g =
        graphWith(
            b ->
                b.link("dept:a", "dept:b", LinkType.ESCALATE)
                    .link("dept:b", "dept:a", LinkType.ESCALATE));

    List<Finding> cycles =
        PolicyAnalysis.analyse(policy(g, SOUND), CATEGORIES)
            .findings(Finding.Kind.ESCALATION_CYCLE)
            .stream()
            .filter(f -> f.line() == 0)
            .toList();

    assertThat(cycles).hasSize(1);
    List<String> cycle = cycles.get(0).handlers();
    assertThat(cycle).hasSize(3);
    assertThat(cycle.get(0)).isEqualTo(cycle.get(2));
    assertThat(new HashSet<>(cycle)).containsExactlyInAnyOrder("dept:a", "dept:b");
    assertThat(cycles.get(0).detail()).startsWith("ESCALATE links form a cycle: ");
  }

  @Test
  void theExampleGraphHasNoEscalateCycleOrReturnPingPong() {
    PolicyReport r = analyse(SOUND);

    assertThat(r.findings(Finding.Kind.ESCALATION_CYCLE)).isEmpty();
    assertThat(r.findings(Finding.Kind.PING_PONG)).isEmpty();
  }

  @Test
  void regionClassesGroupRegionsByLevelAndThePatternRootsAboveThem() {
    String rows =
        "06,"
            + district
            + ",*,NEW_CASE,none,assign office@STREET\n"
            + "01,"
            + RoutingFixtures.code(RegionLevel.STREET, 2)
            + ",*,NEW_CASE,none,assign office@GRID\n"
            + SOUND;
    TablePolicy p = policy(graph, rows);

    // brute force: the pattern roots are the rows' regions and the declared handlers'
    // jurisdictions; a region's key is its level and the roots whose regions contain it
    List<Region> roots = new ArrayList<>();
    roots.add(tree.get(district));
    roots.add(tree.get(RoutingFixtures.code(RegionLevel.STREET, 2)));
    for (Handler h : graph.declaredHandlers()) {
      for (int k = 0; k < h.jurisdiction().length(); k++) {
        roots.add(tree.get(h.jurisdiction().get(k)));
      }
    }
    Map<List<Object>, Integer> firstOfKey = new LinkedHashMap<>();
    Map<Integer, Integer> sizes = new HashMap<>();
    for (int i = 0; i < tree.size(); i++) {
      Region region = tree.region(i);
      List<Object> key = new ArrayList<>();
      key.add(region.level());
      for (Region root : roots) {
        key.add(root.contains(region));
      }
      int rep = firstOfKey.computeIfAbsent(key, k -> tree.indexOf(region.code()));
      sizes.merge(rep, 1, Integer::sum);
    }

    assertThat(PolicyAnalysis.regionClasses(p)).isEqualTo(sizes);
    assertThat(PolicyAnalysis.analyse(p, CATEGORIES).regionClasses()).isEqualTo(sizes.size());
  }

  @Test
  void overridesAreJudgedColumnByColumnWithPrioritiesAndRegionsNamed() {
    long street = streetIn(district);
    // narrower by category, both for urgent cases only: an override
    String byCategoryUrgent =
        "0601,*,URGENT,NEW_CASE,none,assign office@STREET\n06,*,URGENT,NEW_CASE,none,assign office\n";
    // narrower by region, both naming regions: an override
    String byNamedRegion =
        "*,"
            + street
            + ",*,NEW_CASE,none,assign office@STREET\n*,"
            + district
            + ",*,NEW_CASE,none,assign office\n";
    // the earlier row's region is wider than the later's: the later row can never win
    String widerRegionFirst =
        "*,"
            + district
            + ",*,NEW_CASE,none,assign office@STREET\n*,"
            + street
            + ",*,NEW_CASE,none,assign office\n";
    // one of the earlier row's categories lies outside the later row's: crossing, not narrower
    String crossingCategories =
        "0601|0101,*,*,NEW_CASE,none,assign office@STREET\n06,*,*,NEW_CASE,none,assign office\n";

    assertThat(analyse(byCategoryUrgent + SOUND).findings(Finding.Kind.OVERLAP)).isEmpty();
    assertThat(analyse(byNamedRegion + SOUND).findings(Finding.Kind.OVERLAP)).isEmpty();
    assertThat(analyse(widerRegionFirst + SOUND).findings(Finding.Kind.OVERLAP))
        .isNotEmpty()
        .allSatisfy(
            f -> {
              assertThat(f.line()).isEqualTo(3);
              assertThat(tree.get(street).contains(tree.get(f.regionCode()))).isTrue();
            });
    assertThat(analyse(crossingCategories + SOUND).findings(Finding.Kind.OVERLAP))
        .isNotEmpty()
        .allSatisfy(
            f -> {
              assertThat(f.line()).isEqualTo(3);
              assertThat(f.category()).isEqualTo("0601");
            });
  }

  @Test
  void aDecisionPointNoRowDecidesIsAGapNamingTheHolder() {
    String noManual =
        """
        *,*,*,NEW_CASE,none,assign office
        *,*,*,BREACH|RETURN,CITY,assign holder
        *,*,*,BREACH|RETURN,*,escalate
        *,*,*,CHECK_FAILED|REPEAT_REPORT,*,assign holder
        """;

    List<Finding> gaps = analyse(noManual).findings(Finding.Kind.GAP);

    assertThat(gaps)
        .isNotEmpty()
        .allSatisfy(
            f -> {
              assertThat(f.point()).contains(DecisionPoint.MANUAL);
              assertThat(f.line()).isZero();
              assertThat(f.handlers()).hasSize(1);
              assertThat(f.detail())
                  .isEqualTo("no row decides when " + f.handlers().get(0) + " holds the case");
            });
    assertThat(gaps.stream().map(Finding::category).distinct())
        .containsExactlyInAnyOrderElementsOf(CATEGORIES);
  }

  @Test
  void aNewCaseRejectedByARowIsAGapAtThatRowSayingSo() {
    List<Finding> gaps =
        analyse("0601,*,*,NEW_CASE,none,reject not-ours\n" + SOUND).findings(Finding.Kind.GAP);

    assertThat(gaps)
        .isNotEmpty()
        .allSatisfy(
            f -> {
              assertThat(f.line()).isEqualTo(2);
              assertThat(f.category()).isEqualTo("0601");
              assertThat(f.detail()).startsWith("a new case is not assigned: rejected (");
            });
  }

  @Test
  void findingsAreSortedByKindLineCategoryRegionAndPriority() {
    PolicyReport r =
        analyse(
            "0601,*,*,NEW_CASE,none,reject not-ours\n*,*,*,NEW_CASE,none,assign office@STREET\n"
                + SOUND);

    List<Finding> f = r.findings();
    for (int i = 1; i < f.size(); i++) {
      Finding a = f.get(i - 1);
      Finding b = f.get(i);
      int c = a.kind().compareTo(b.kind());
      if (c == 0) {
        c = Integer.compare(a.line(), b.line());
      }
      if (c == 0) {
        c = a.category().compareTo(b.category());
      }
      if (c == 0) {
        c = Long.compare(a.regionCode(), b.regionCode());
      }
      if (c == 0) {
        c =
            Integer.compare(
                a.priority().map(Enum::ordinal).orElse(-1),
                b.priority().map(Enum::ordinal).orElse(-1));
      }
      if (c == 0) {
        c =
            Integer.compare(
                a.point().map(Enum::ordinal).orElse(-1), b.point().map(Enum::ordinal).orElse(-1));
      }
      assertThat(c).as("finding %s before %s", i - 1, i).isLessThanOrEqualTo(0);
    }
    // several priorities of one kind, line, category and region: the order above is exercised
    assertThat(f.stream().map(Finding::priority).distinct().count()).isGreaterThan(1);
  }

  @Test
  void handlersReachedOnlyThroughReturnsAreReached() {
    // a return at a grid office goes to the water bureau, whose return goes to landscaping
    String rows =
        "*,*,*,RETURN,GRID,assign dept:water\n*,*,*,RETURN,dept:water,assign dept:landscaping\n"
            + SOUND;

    List<String> unreached =
        analyse(rows).findings(Finding.Kind.UNREACHABLE).stream()
            .filter(f -> !f.handlers().isEmpty())
            .map(f -> f.handlers().get(0))
            .toList();

    assertThat(unreached).doesNotContain("dept:water", "dept:landscaping").contains("dept:police");
  }

  @Test
  void anOfficeLevelReachedOnlyByAReturnIsReached() {
    String rows =
        """
        *,*,*,NEW_CASE,none,assign office:city
        *,*,*,RETURN,CITY,assign office@STREET
        *,*,*,BREACH|RETURN|CHECK_FAILED|MANUAL|REPEAT_REPORT,*,assign holder
        """;

    List<String> details =
        analyse(rows).findings(Finding.Kind.UNREACHABLE).stream()
            .filter(f -> f.handlers().isEmpty())
            .map(Finding::detail)
            .toList();

    assertThat(details).noneMatch(d -> d.contains(HandlerLevel.STREET + " office"));
    assertThat(details).anyMatch(d -> d.contains(HandlerLevel.GRID + " office"));
  }

  private long streetIn(long districtCode) {
    for (int i = 0; i < tree.size(); i++) {
      Region r = tree.region(i);
      if (r.level() == RegionLevel.STREET && tree.get(districtCode).contains(r)) {
        return r.code();
      }
    }
    throw new AssertionError("no street in " + districtCode);
  }

  private RoutingGraph graphWith(java.util.function.Consumer<RoutingGraph.Builder> links) {
    RoutingGraph.Builder b = ExamplePolicy.declare(RoutingGraph.builder(tree), tree);
    for (String slug : List.of("a", "b")) {
      b.add(
          Handler.department(
              slug,
              "部门" + slug,
              HandlerLevel.DISTRICT,
              List.of(district),
              List.of("99"),
              List.of()));
    }
    links.accept(b);
    return b.build();
  }
}
