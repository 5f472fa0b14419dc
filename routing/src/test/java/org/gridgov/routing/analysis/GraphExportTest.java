package org.gridgov.routing.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.gridgov.routing.Handler;
import org.gridgov.routing.RoutingFixtures;
import org.gridgov.routing.RoutingGraph;
import org.junit.jupiter.api.Test;

/** DOT and Mermaid export. */
class GraphExportTest {
  private final RoutingGraph graph = RoutingFixtures.exampleGraph();
  private final Finding finding =
      new Finding(
          Finding.Kind.PING_PONG,
          7,
          "0402",
          0,
          0,
          Optional.empty(),
          Optional.empty(),
          ImmutableList.of("dept:water", "party:property-mgmt", "dept:water"),
          "test");
  private final PolicyReport report =
      new PolicyReport(ImmutableList.of(finding), 1, 1, ImmutableList.of(), "", Optional.empty());

  @Test
  void dotHasEveryHandlerAndLinkAndMarksFindings() {
    String dot = GraphExport.toDot(graph, report);
    assertThat(dot).startsWith("digraph routing {").endsWith("}\n");
    assertThat(dot.lines().filter(l -> l.contains(" -> "))).hasSize(graph.links().size());
    assertThat(dot.lines().filter(l -> l.contains("[label=\"") && !l.contains(" -> ")))
        .hasSize(graph.size());
    assertThat(dot).contains("// PING_PONG at line 7, category 0402");
    assertThat(
            dot.lines().filter(l -> l.startsWith("  \"dept:water\" [")).findFirst().orElseThrow())
        .contains("color=red");
  }

  @Test
  void mermaidHasEveryLinkAndClassesForFindings() {
    String m = GraphExport.toMermaid(graph, report);
    assertThat(m).startsWith("flowchart BT\n");
    assertThat(
            m.lines()
                .filter(
                    l ->
                        l.contains("|ESCALATE|")
                            || l.contains("|DISPATCH|")
                            || l.contains("|SUMMON|")
                            || l.contains("|RETURN|")
                            || l.contains("|ASSIST|")))
        .hasSize(graph.links().size());
    assertThat(m.lines().filter(l -> l.startsWith("  class "))).hasSize(2);
    assertThat(m).contains(Handler.CITY_OFFICE_ID);
  }
}
