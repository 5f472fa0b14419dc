package org.gridgov.routing.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.gridgov.TextParseException;
import org.gridgov.casefile.Priority;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.RoutingFixtures;
import org.gridgov.routing.example.ExamplePolicy;
import org.junit.jupiter.api.Test;

/** Parsing and compiling the policy table format. */
class PolicyTableTest {
  private static final String HEADER = "category,region,priority,point,holder,action\n";

  @Test
  void parsesRowsWithTheirLinesAndAlternatives() {
    PolicyTable t =
        PolicyTable.parse(
            new StringReader(
                HEADER
                    + "# comment\n\n01|0402,*,URGENT|MAJOR,REPEAT_REPORT>=3,GRID|dept:water,"
                    + "assign office@STREET assist owner assistants\n"),
            "p.csv");
    assertThat(t.rows()).hasSize(1);
    PolicyTable.Row r = t.rows().get(0);
    assertThat(r.line()).isEqualTo(4);
    assertThat(r.categories()).containsExactly("01", "0402");
    assertThat(r.priorities()).containsExactlyInAnyOrder(Priority.URGENT, Priority.MAJOR);
    assertThat(r.points()).containsExactly(DecisionPoint.REPEAT_REPORT);
    assertThat(r.minReports()).isEqualTo(3);
    assertThat(r.holders()).containsExactly("GRID", "dept:water");
    assertThat(r.action().target()).isEqualTo("office@STREET");
    assertThat(r.action().assists()).containsExactly("owner", "assistants");
    assertThat(r.matchesCategory("040201")).isTrue();
    assertThat(r.matchesCategory("0403")).isFalse();
  }

  @Test
  void reportsEveryBadRowWithLineColumnAndField() {
    String text =
        HEADER
            + "01,*,SOON,NEW_CASE,none,assign office\n"
            + "01,*,*,NEW_CASE,none,assign office\n"
            + "01,abc,*,LATER,none,promote office\n"
            + "01,*,*\n";
    assertThatThrownBy(() -> PolicyTable.parse(new StringReader(text), "p.csv"))
        .isInstanceOfSatisfying(
            TextParseException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(TextParseException.Problem::line)
                  .containsExactly(2, 4, 4, 4, 5);
              assertThat(e.problems().get(0).field()).isEqualTo("priority");
              assertThat(e.problems().get(0).value()).isEqualTo("SOON");
              assertThat(e.problems())
                  .extracting(TextParseException.Problem::field)
                  .containsExactly("priority", "region", "point", "action", "");
              assertThat(e.problems()).allSatisfy(p -> assertThat(p.source()).isEqualTo("p.csv"));
            });
  }

  @Test
  void refusesTheRemovedSlaProfileNamingTheLineAndWhy() {
    String text =
        HEADER
            + "01,*,*,NEW_CASE,none,assign office\n"
            + "*,*,URGENT,NEW_CASE,none,assign office@STREET sla urgent\n"
            + "*,*,*,RETURN,GRID,assign owner assist assistants sla fast\n";
    assertThatThrownBy(() -> PolicyTable.parse(new StringReader(text), "p.csv"))
        .isInstanceOfSatisfying(
            TextParseException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(TextParseException.Problem::line)
                  .containsExactly(3, 4);
              assertThat(e.problems())
                  .allSatisfy(
                      p -> {
                        assertThat(p.field()).isEqualTo("action");
                        assertThat(p.reason())
                            .contains("'sla <profile>' was removed")
                            .contains("the engine never applied it")
                            .contains("the SLA policy chooses the limits");
                      });
              assertThat(e.problems().get(0).value()).isEqualTo("assign office@STREET sla urgent");
              assertThat(e.getMessage()).contains("p.csv").contains("3");
            });
  }

  @Test
  void rejectsAWrongHeader() {
    assertThatThrownBy(() -> PolicyTable.parse(new StringReader("cat,region\n"), "p.csv"))
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining("expected the header");
  }

  @Test
  void rejectsBadSummonsAndEmptyReject() {
    String text =
        HEADER + "*,*,*,MANUAL,STREET,summon dept:police within 30min\n*,*,*,MANUAL,*,reject\n";
    assertThatThrownBy(() -> PolicyTable.parse(new StringReader(text), "p.csv"))
        .isInstanceOfSatisfying(
            TextParseException.class,
            e ->
                assertThat(e.problems())
                    .extracting(TextParseException.Problem::line)
                    .containsExactly(2, 3));
  }

  @Test
  void compileNamesUnknownHandlersAndRegionsWithTheirLines() {
    String text =
        HEADER
            + "01,*,*,NEW_CASE,none,assign dept:nobody\n"
            + "01,999999,*,NEW_CASE,none,assign office\n"
            + "01,*,*,MANUAL,dept:ghost,summon dept:police dept:phantom within PT30M\n";
    PolicyTable t = PolicyTable.parse(new StringReader(text), "p.csv");
    assertThatThrownBy(() -> t.compile(RoutingFixtures.exampleGraph()))
        .isInstanceOfSatisfying(
            TextParseException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(TextParseException.Problem::line)
                  .containsExactly(2, 3, 4, 4);
              assertThat(e.problems())
                  .extracting(TextParseException.Problem::value)
                  .containsExactly("dept:nobody", "999999", "dept:ghost", "dept:phantom");
            });
  }

  @Test
  void shippedExampleParsesAndCompiles() {
    PolicyTable t = ExamplePolicy.table();
    assertThat(t.rows()).isNotEmpty();
    assertThat(t.source()).isEqualTo(ExamplePolicy.RESOURCE);
    assertThat(t.compile(RoutingFixtures.exampleGraph()).table()).isSameAs(t);
  }
}
