package org.gridgov.routing.analysis;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.gridgov.routing.Handler;
import org.gridgov.routing.RoutingGraph;

/**
 * Writes a routing graph and a report's findings as Graphviz DOT or Mermaid text, for people to
 * look at. Output is deterministic: handlers in graph order, links in graph order, findings in
 * report order. Handlers named by a finding are drawn red; each finding also appears as a comment
 * line with its location.
 */
public final class GraphExport {
  private GraphExport() {}

  /**
   * Returns the graph (and findings) as DOT.
   *
   * @param graph the graph
   * @param report the findings to mark, or an empty report
   * @return DOT text
   */
  public static String toDot(RoutingGraph graph, PolicyReport report) {
    Set<String> flagged = flagged(report);
    StringBuilder b = new StringBuilder("digraph routing {\n  rankdir=BT;\n  node [shape=box];\n");
    for (Finding f : report.findings()) {
      b.append("  // ")
          .append(f.kind())
          .append(" at ")
          .append(f.location().replace('\n', ' '))
          .append('\n');
    }
    for (Handler h : graph.handlers()) {
      b.append("  ")
          .append(quote(h.id()))
          .append(" [label=")
          .append(quote(h.name() + "\\n" + h.id()));
      if (h.kind() != Handler.Kind.OFFICE) {
        b.append(", style=rounded");
      }
      if (flagged.contains(h.id())) {
        b.append(", color=red, fontcolor=red");
      }
      b.append("];\n");
    }
    for (RoutingGraph.Link l : graph.links()) {
      b.append("  ")
          .append(quote(l.from()))
          .append(" -> ")
          .append(quote(l.to()))
          .append(" [label=")
          .append(l.type())
          .append(style(l))
          .append("];\n");
    }
    return b.append("}\n").toString();
  }

  /**
   * Returns the graph (and findings) as a Mermaid flowchart.
   *
   * @param graph the graph
   * @param report the findings to mark, or an empty report
   * @return Mermaid text
   */
  public static String toMermaid(RoutingGraph graph, PolicyReport report) {
    Set<String> flagged = flagged(report);
    Map<String, String> node = new HashMap<>();
    StringBuilder b = new StringBuilder("flowchart BT\n");
    for (Finding f : report.findings()) {
      b.append("  %% ").append(f.kind()).append(" at ").append(f.location()).append('\n');
    }
    int n = 0;
    for (Handler h : graph.handlers()) {
      String id = "h" + n++;
      node.put(h.id(), id);
      String label = (h.name() + " " + h.id()).replace("\"", "#quot;");
      b.append("  ")
          .append(id)
          .append(h.kind() == Handler.Kind.OFFICE ? "[\"" : "(\"")
          .append(label)
          .append(h.kind() == Handler.Kind.OFFICE ? "\"]" : "\")")
          .append('\n');
    }
    for (RoutingGraph.Link l : graph.links()) {
      b.append("  ")
          .append(node.get(l.from()))
          .append(l.type() == org.gridgov.routing.LinkType.ESCALATE ? " -->|" : " -.->|")
          .append(l.type())
          .append("| ")
          .append(node.get(l.to()))
          .append('\n');
    }
    if (!flagged.isEmpty()) {
      b.append("  classDef finding stroke:#d00,stroke-width:3px\n");
      for (Handler h : graph.handlers()) {
        if (flagged.contains(h.id())) {
          b.append("  class ").append(node.get(h.id())).append(" finding\n");
        }
      }
    }
    return b.toString();
  }

  private static Set<String> flagged(PolicyReport report) {
    Set<String> s = new HashSet<>();
    for (Finding f : report.findings()) {
      s.addAll(f.handlers());
    }
    return s;
  }

  private static String style(RoutingGraph.Link l) {
    return switch (l.type()) {
      case ESCALATE -> "";
      case DISPATCH -> ", style=dashed";
      case ASSIST -> ", style=dotted";
      case SUMMON -> ", color=blue";
      case RETURN -> ", color=orange";
    };
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\\\\n", "\\n") + "\"";
  }
}
