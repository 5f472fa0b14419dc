package org.gridgov.routing.example;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.Handler;
import org.gridgov.routing.HandlerLevel;
import org.gridgov.routing.LinkType;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.table.PolicyTable;
import org.gridgov.routing.table.TablePolicy;

/**
 * The shipped example: departments of a Putian-like city and the policy table {@code
 * putian-policy.csv} (an illustration modelled on public practice, not an official policy). For
 * tests, examples and simulations.
 *
 * <p>Departments (all city-wide, at {@link HandlerLevel#DISTRICT}, escalating to the city office
 * and returning to the district offices): {@code dept:urban-management} (owns 01, 02, 05; assists
 * 03), {@code dept:housing} (owns 03; assists 0101, 55), {@code dept:natural-resources} (owns 55),
 * {@code dept:survey} (assists 55), {@code dept:water} (owns 0402, 0404, 5103), {@code dept:police}
 * (owns 0504; assists 0101, 05), {@code dept:transport} (owns 0401, 52), {@code dept:sanitation}
 * (owns 53), {@code dept:landscaping} (owns 54), {@code party:gas-co} (owns 0403). Every street
 * office may summon urban management, police, housing and natural resources.
 *
 * <p>Not API: routing's module exports this package only to {@code org.gridgov.simulation} (whose
 * scenarios default to it) and {@code org.gridgov.engine} (its tests); on the class path tests,
 * examples and benchmarks reach it too. An embedder writes its own policy table ({@code
 * docs/routing.md}) and compiles it with {@link PolicyTable#compile}; the table stays readable as a
 * file in the source tree under {@code routing/src/main/resources/org/gridgov/routing/table/}.
 */
public final class ExamplePolicy {
  /** The resource name of the example table, beside {@link PolicyTable} in the module. */
  public static final String RESOURCE = "putian-policy.csv";

  private ExamplePolicy() {}

  /**
   * Adds the example departments, the city office and their links to a graph builder.
   *
   * @param builder a builder over {@code tree}
   * @param tree the region tree the builder derives offices from
   * @return the builder, so callers may add more (e.g. property management for an estate)
   */
  @CanIgnoreReturnValue
  public static RoutingGraph.Builder declare(RoutingGraph.Builder builder, RegionTree tree) {
    List<Long> all =
        tree.roots().stream().map(Region::code).collect(ImmutableList.toImmutableList());
    HandlerLevel d = HandlerLevel.DISTRICT;
    List<Handler> depts =
        List.of(
            Handler.department(
                "urban-management", "城市管理局", d, all, List.of("01", "02", "05"), List.of("03")),
            Handler.department("housing", "住房和城乡建设局", d, all, List.of("03"), List.of("0101", "55")),
            Handler.department("natural-resources", "自然资源局", d, all, List.of("55"), List.of()),
            Handler.department("survey", "测绘院", d, all, List.of(), List.of("55")),
            Handler.department("water", "水务局", d, all, List.of("0402", "0404", "5103"), List.of()),
            Handler.department("police", "公安局", d, all, List.of("0504"), List.of("0101", "05")),
            Handler.department("transport", "交通运输局", d, all, List.of("0401", "52"), List.of()),
            Handler.department("sanitation", "环境卫生中心", d, all, List.of("53"), List.of()),
            Handler.department("landscaping", "园林中心", d, all, List.of("54"), List.of()),
            Handler.outsideParty("gas-co", "燃气公司", all, List.of("0403")));
    builder.cityOffice("市城市运行管理中心");
    for (Handler h : depts) {
      builder.add(h).link(h.id(), Handler.CITY_OFFICE_ID, LinkType.ESCALATE);
      for (Region district : tree.regionsAt(RegionLevel.DISTRICT)) {
        String office = Handler.officeId(district.code());
        builder.link(office, h.id(), LinkType.DISPATCH).link(h.id(), office, LinkType.RETURN);
      }
    }
    for (Region street : tree.regionsAt(RegionLevel.STREET)) {
      String office = Handler.officeId(street.code());
      for (String dept :
          List.of(
              "dept:urban-management", "dept:police", "dept:housing", "dept:natural-resources")) {
        builder.link(office, dept, LinkType.SUMMON);
      }
    }
    return builder;
  }

  /**
   * Returns the example graph over a tree.
   *
   * @param tree the region tree
   * @return the graph with the example departments
   */
  public static RoutingGraph graph(RegionTree tree) {
    return declare(RoutingGraph.builder(tree), tree).build();
  }

  /**
   * Returns the example policy table, read from the shipped resource.
   *
   * @return the table
   */
  public static PolicyTable table() {
    try (InputStream in =
            Objects.requireNonNull(PolicyTable.class.getResourceAsStream(RESOURCE), RESOURCE);
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return PolicyTable.parse(r, RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the example policy compiled against a graph.
   *
   * @param graph a graph with the example departments (see {@link #declare})
   * @return the policy
   */
  public static TablePolicy policy(RoutingGraph graph) {
    return table().compile(graph);
  }
}
