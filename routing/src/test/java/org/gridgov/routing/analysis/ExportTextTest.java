package org.gridgov.routing.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.casefile.Priority;
import org.gridgov.region.RegionLevel;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.Handler;
import org.gridgov.routing.HandlerLevel;
import org.gridgov.routing.LinkType;
import org.gridgov.routing.RoutingFixtures;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.example.ExamplePolicy;
import org.junit.jupiter.api.Test;

/**
 * What the analysis says in words and drawings, line by line: where a finding lies, and every
 * handler and link of a graph in DOT and Mermaid with the style its kind and type call for (the
 * expected styles are docs/routing.md's, written out here as a table apart from the code).
 */
class ExportTextTest {
  private static final Map<LinkType, String> DOT_STYLE = new EnumMap<>(LinkType.class);

  static {
    DOT_STYLE.put(LinkType.ESCALATE, "");
    DOT_STYLE.put(LinkType.DISPATCH, ", style=dashed");
    DOT_STYLE.put(LinkType.ASSIST, ", style=dotted");
    DOT_STYLE.put(LinkType.SUMMON, ", color=blue");
    DOT_STYLE.put(LinkType.RETURN, ", color=orange");
  }

  private static Finding finding(
      int line,
      String category,
      long region,
      int inClass,
      Optional<Priority> priority,
      Optional<DecisionPoint> point,
      ImmutableList<String> handlers) {
    return new Finding(
        Finding.Kind.GAP, line, category, region, inClass, priority, point, handlers, "why");
  }

  @Test
  void aFindingsLocation_namesOnlyWhatItHas() {
    var none = ImmutableList.<String>of();
    assertThat(finding(0, "", 0, 0, Optional.empty(), Optional.empty(), none).location())
        .isEqualTo("no row");
    assertThat(finding(3, "", 0, 5, Optional.empty(), Optional.empty(), none).location())
        .isEqualTo("line 3");
    assertThat(finding(1, "04", 0, 0, Optional.empty(), Optional.empty(), none).location())
        .isEqualTo("line 1, category 04");
    assertThat(finding(0, "", 3503L, 1, Optional.empty(), Optional.empty(), none).location())
        .isEqualTo("no row, region 3503");
    assertThat(
            finding(
                    9,
                    "0402",
                    3503L,
                    3,
                    Optional.of(Priority.URGENT),
                    Optional.of(DecisionPoint.RETURN),
                    none)
                .toString())
        .isEqualTo("GAP at line 9, category 0402, region 3503 (+2 like it), URGENT, RETURN: why");
  }

  @Test
  void aReport_selectsItsFindingsByKind() {
    var gap = finding(1, "", 0, 0, Optional.empty(), Optional.empty(), ImmutableList.of());
    var cycle =
        new Finding(
            Finding.Kind.ESCALATION_CYCLE,
            2,
            "",
            0,
            0,
            Optional.empty(),
            Optional.empty(),
            ImmutableList.of(),
            "");
    var report =
        new PolicyReport(
            ImmutableList.of(gap, cycle, gap), 1, 1, ImmutableList.of(), "", Optional.empty());
    assertThat(report.findings(Finding.Kind.GAP)).containsExactly(gap, gap);
    assertThat(report.findings(Finding.Kind.PING_PONG)).isEmpty();
    assertThat(report.isClean()).isFalse();
    assertThat(
            new PolicyReport(ImmutableList.of(), 1, 1, ImmutableList.of(), "", Optional.empty())
                .isClean())
        .isTrue();
    assertThat(
            new WorstCaseTime(ImmutableList.of(), Duration.ofHours(2), Duration.ofMinutes(90), 7))
        .hasToString("natural PT2H + working time PT1H30M + 7 working days");
  }

  /**
   * The example graph with a department whose name needs quoting in both languages, and links of
   * every type.
   */
  private static RoutingGraph graph() {
    var tree = RoutingFixtures.tree();
    return ExamplePolicy.declare(RoutingGraph.builder(tree), tree)
        .add(
            Handler.department(
                "quoted",
                "水\"务\\局",
                HandlerLevel.DISTRICT,
                List.of(RoutingFixtures.code(RegionLevel.DISTRICT, 0)),
                List.of("99"),
                List.of()))
        .link("dept:quoted", Handler.office(tree.region(0)).id(), LinkType.RETURN)
        .link(Handler.office(tree.region(0)).id(), "dept:quoted", LinkType.ASSIST)
        .build();
  }

  private static String dotQuote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\');
      }
      b.append(c);
    }
    return b.append('"').toString();
  }

  @Test
  void dot_drawsEveryHandlerAndLinkWithItsStyle() {
    RoutingGraph g = graph();
    var f =
        finding(
            4,
            "",
            0,
            0,
            Optional.empty(),
            Optional.empty(),
            ImmutableList.of(g.handlers().get(1).id()));
    String dot =
        GraphExport.toDot(
            g,
            new PolicyReport(ImmutableList.of(f), 1, 1, ImmutableList.of(), "", Optional.empty()));
    List<String> lines = dot.lines().toList();
    assertThat(lines.subList(0, 4))
        .containsExactly(
            "digraph routing {", "  rankdir=BT;", "  node [shape=box];", "  // GAP at line 4");
    int i = 4;
    for (Handler h : g.handlers()) {
      String line =
          "  "
              + dotQuote(h.id())
              + " [label="
              + dotQuote(h.name() + "\n" + h.id()).replace("\n", "\\n")
              + (h.kind() == Handler.Kind.OFFICE ? "" : ", style=rounded")
              + (h.id().equals(f.handlers().get(0)) ? ", color=red, fontcolor=red" : "")
              + "];";
      assertThat(lines.get(i++)).isEqualTo(line);
    }
    for (RoutingGraph.Link l : g.links()) {
      assertThat(lines.get(i++))
          .isEqualTo(
              "  "
                  + dotQuote(l.from())
                  + " -> "
                  + dotQuote(l.to())
                  + " [label="
                  + l.type()
                  + DOT_STYLE.get(l.type())
                  + "];");
    }
    assertThat(lines.subList(i, lines.size())).containsExactly("}");
    assertThat(g.links()).extracting(RoutingGraph.Link::type).contains(LinkType.values());
  }

  @Test
  void dot_escapesQuotesAndBackslashesInNames() {
    String dot = GraphExport.toDot(graph(), emptyReport());
    assertThat(dot)
        .contains("  \"dept:quoted\" [label=\"水\\\"务\\\\局\\ndept:quoted\", style=rounded];");
  }

  private static PolicyReport emptyReport() {
    return new PolicyReport(ImmutableList.of(), 1, 1, ImmutableList.of(), "", Optional.empty());
  }

  @Test
  void mermaid_drawsOfficesSquareOthersRoundEscalationsSolid() {
    RoutingGraph g = RoutingFixtures.exampleGraph();
    assertThat(g.handlers()).extracting(Handler::kind).contains(Handler.Kind.values());
    String flaggedId = g.handlers().get(2).id();
    var f =
        finding(
            5,
            "",
            0,
            0,
            Optional.empty(),
            Optional.empty(),
            ImmutableList.of(flaggedId, flaggedId));
    String m =
        GraphExport.toMermaid(
            g,
            new PolicyReport(ImmutableList.of(f), 1, 1, ImmutableList.of(), "", Optional.empty()));
    List<String> lines = m.lines().toList();
    assertThat(lines.subList(0, 2)).containsExactly("flowchart BT", "  %% GAP at line 5");
    Map<String, String> node = new HashMap<>();
    int i = 2;
    for (Handler h : g.handlers()) {
      String id = "h" + node.size();
      node.put(h.id(), id);
      String label = h.name() + " " + h.id();
      assertThat(lines.get(i++))
          .isEqualTo(
              "  "
                  + id
                  + (h.kind() == Handler.Kind.OFFICE
                      ? "[\"" + label + "\"]"
                      : "(\"" + label + "\")"));
    }
    for (RoutingGraph.Link l : g.links()) {
      String arrow = l.type() == LinkType.ESCALATE ? " -->|" : " -.->|";
      assertThat(lines.get(i++))
          .isEqualTo("  " + node.get(l.from()) + arrow + l.type() + "| " + node.get(l.to()));
    }
    assertThat(lines.subList(i, lines.size()))
        .containsExactly(
            "  classDef finding stroke:#d00,stroke-width:3px",
            "  class " + node.get(flaggedId) + " finding");
  }

  @Test
  void mermaid_withoutFindings_hasNoClasses_andEscapesQuotes() {
    String m = GraphExport.toMermaid(graph(), emptyReport());
    assertThat(m).doesNotContain("classDef").doesNotContain("%%");
    assertThat(m).contains("(\"水#quot;务\\局 dept:quoted\")");
  }
}
