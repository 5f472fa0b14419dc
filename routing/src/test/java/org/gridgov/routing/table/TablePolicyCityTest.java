package org.gridgov.routing.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.gridgov.TextParseException;
import org.gridgov.routing.RoutingFixtures;
import org.gridgov.routing.RoutingGraph;
import org.junit.jupiter.api.Test;

/** A table naming the city level compiles only against a graph that has a city office. */
class TablePolicyCityTest {
  private static final String HEADER = "category,region,priority,point,holder,action\n";
  private static final String ROWS =
      """
      *,*,*,NEW_CASE,none,assign office
      *,*,*,BREACH,*,escalate office@CITY
      *,*,*,MANUAL,*,assign office assist office@CITY
      """;

  private static PolicyTable table() {
    return PolicyTable.parse(new StringReader(HEADER + ROWS), "city.csv");
  }

  @Test
  void withoutACityOfficeEveryRowNamingTheCityLevelIsAProblem() {
    RoutingGraph noCity = RoutingGraph.builder(RoutingFixtures.tree()).build();

    assertThatThrownBy(() -> table().compile(noCity))
        .isInstanceOfSatisfying(
            TextParseException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(TextParseException.Problem::line)
                  .containsExactly(3, 4);
              assertThat(e.problems())
                  .allSatisfy(
                      p -> {
                        assertThat(p.column()).isEqualTo(6);
                        assertThat(p.field()).isEqualTo("action");
                        assertThat(p.value()).isEqualTo("office@CITY");
                        assertThat(p.reason()).isEqualTo("the routing graph has no city office");
                      });
            });
  }

  @Test
  void withACityOfficeTheSameTableCompilesAndSaysWhatItIs() {
    RoutingGraph city = RoutingGraph.builder(RoutingFixtures.tree()).cityOffice("市").build();

    TablePolicy p = table().compile(city);

    assertThat(p.toString()).isEqualTo("TablePolicy[city.csv, 3 rows]");
  }
}
