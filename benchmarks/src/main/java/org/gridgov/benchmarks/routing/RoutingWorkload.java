package org.gridgov.benchmarks.routing;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableLongArray;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.Priority;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.Handler;
import org.gridgov.routing.HandlerLevel;
import org.gridgov.routing.RoutingRequest;

/**
 * The realistic routing workload: a policy of 50 categories × 5 handler levels (GRID … CITY) as
 * text, the same table as a DMN decision table (FIRST hit policy), and seeded requests over a
 * Putian-size tree.
 *
 * <p>Rows per category {@code 10kk} (k = 1 … 50): a district override for every fifth category, new
 * cases by priority (URGENT → street, MAJOR → district, NORMAL → the category's capable level,
 * cycling GRID, COMMUNITY, STREET, DISTRICT), and one breach row per holder level (escalate; the
 * city office keeps the case). 401 rows.
 */
final class RoutingWorkload {
  static final int CATEGORIES = 50;
  static final String[] LEVELS = {"GRID", "COMMUNITY", "STREET", "DISTRICT"};
  static final String OVERRIDE_DISTRICT = "350305";

  private RoutingWorkload() {}

  static String category(int k) {
    return Integer.toString(1000 + k);
  }

  /** One table row: the five conditions and the action, as used for both engines. */
  record Row(
      String category,
      String district,
      String priority,
      String point,
      String holder,
      String action,
      String target) {}

  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (int k = 1; k <= CATEGORIES; k++) {
      String c = category(k);
      if (k % 5 == 0) {
        rows.add(
            new Row(c, OVERRIDE_DISTRICT, "NORMAL", "NEW_CASE", "none", "assign", "office@STREET"));
      }
      rows.add(new Row(c, "", "URGENT", "NEW_CASE", "none", "assign", "office@STREET"));
      rows.add(new Row(c, "", "MAJOR", "NEW_CASE", "none", "assign", "office@DISTRICT"));
      rows.add(new Row(c, "", "NORMAL", "NEW_CASE", "none", "assign", "office@" + LEVELS[k % 4]));
      for (String level : List.of("GRID", "COMMUNITY", "STREET", "DISTRICT")) {
        rows.add(new Row(c, "", "", "BREACH", level, "escalate", "up"));
      }
      rows.add(new Row(c, "", "", "BREACH", "CITY", "assign", "holder"));
    }
    rows.add(new Row("", "", "", "", "", "assign", "office"));
    return rows;
  }

  static String policyCsv() {
    StringBuilder b = new StringBuilder("category,region,priority,point,holder,action\n");
    for (Row r : rows()) {
      b.append(or(r.category()))
          .append(',')
          .append(or(r.district()))
          .append(',')
          .append(or(r.priority()))
          .append(',')
          .append(or(r.point()))
          .append(',')
          .append(or(r.holder()))
          .append(',')
          .append(r.action());
      if (!r.target().equals("up")) {
        b.append(' ').append(r.target());
      }
      b.append('\n');
    }
    return b.toString();
  }

  private static String or(String s) {
    return s.isEmpty() ? "*" : s;
  }

  static String dmnXml() {
    StringBuilder b = new StringBuilder();
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append(
            "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"routingDefs\" ")
        .append("name=\"routing\" namespace=\"http://gridgov.org/dmn\">\n")
        .append("  <decision id=\"routing\" name=\"routing\">\n")
        .append("    <decisionTable id=\"table\" hitPolicy=\"FIRST\">\n");
    String[] inputs = {"category", "district", "priority", "point", "holder"};
    for (String in : inputs) {
      b.append(
          String.format(
              Locale.ROOT,
              "      <input id=\"in_%s\" label=\"%s\"><inputExpression id=\"ex_%s\" typeRef=\"string\">"
                  + "<text>%s</text></inputExpression></input>\n",
              in,
              in,
              in,
              in));
    }
    b.append("      <output id=\"out_action\" name=\"action\" typeRef=\"string\"/>\n")
        .append("      <output id=\"out_target\" name=\"target\" typeRef=\"string\"/>\n");
    int n = 0;
    for (Row r : rows()) {
      n++;
      b.append("      <rule id=\"r").append(n).append("\">");
      String[] vals = {r.category(), r.district(), r.priority(), r.point(), r.holder()};
      for (int i = 0; i < vals.length; i++) {
        b.append("<inputEntry id=\"r")
            .append(n)
            .append('i')
            .append(i)
            .append("\"><text>")
            .append(vals[i].isEmpty() ? "" : "\"" + vals[i] + "\"")
            .append("</text></inputEntry>");
      }
      b.append("<outputEntry id=\"r")
          .append(n)
          .append("oa\"><text>\"")
          .append(r.action())
          .append("\"</text></outputEntry>");
      b.append("<outputEntry id=\"r")
          .append(n)
          .append("ot\"><text>\"")
          .append(r.target())
          .append("\"</text></outputEntry>");
      b.append("</rule>\n");
    }
    b.append("    </decisionTable>\n  </decision>\n</definitions>\n");
    return b.toString();
  }

  /** Seeded requests: 60 % new cases, 40 % breaches held by an office on the location's chain. */
  static ImmutableList<RoutingRequest> requests(RegionTree tree, long seed, int n) {
    SplittableRandom rnd = new SplittableRandom(seed);
    ImmutableList<Region> grids = tree.regionsAt(RegionLevel.GRID);
    Instant at = Instant.parse("2024-03-01T02:00:00Z");
    List<RoutingRequest> out = new ArrayList<>(n);
    Priority[] prios = {
      Priority.NORMAL, Priority.NORMAL, Priority.NORMAL, Priority.URGENT, Priority.MAJOR
    };
    for (int i = 0; i < n; i++) {
      Region grid = grids.get(rnd.nextInt(grids.size()));
      CaseFacts f =
          CaseFacts.builder()
              .id(CaseId.of("B-" + i))
              .categoryCode(category(1 + rnd.nextInt(CATEGORIES)))
              .priority(prios[rnd.nextInt(prios.length)])
              .kind(CaseKind.COMMITTED)
              .locationCodes(ImmutableLongArray.of(grid.code()))
              .source(CaseSource.HOTLINE_12345)
              .build();
      if (rnd.nextInt(10) < 6) {
        out.add(RoutingRequest.newCase(f, at));
      } else {
        int up = rnd.nextInt(5);
        String holder =
            up == 4
                ? Handler.CITY_OFFICE_ID
                : Handler.officeId(up == 0 ? grid.code() : grid.ancestors().get(up - 1).code());
        out.add(
            RoutingRequest.of(f, DecisionPoint.BREACH, at, holder, List.of(holder), List.of(), 1));
      }
    }
    return ImmutableList.copyOf(out);
  }

  static HandlerLevel levelOf(String holder, RegionTree tree) {
    if (holder.equals(Handler.CITY_OFFICE_ID)) {
      return HandlerLevel.CITY;
    }
    return HandlerLevel.ofRegionLevel(tree.get(Long.parseLong(holder.substring(7))).level());
  }
}
