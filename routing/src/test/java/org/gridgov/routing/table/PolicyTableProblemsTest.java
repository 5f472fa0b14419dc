package org.gridgov.routing.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.gridgov.TextParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each kind of bad field in a policy row gives exactly one problem naming line, column, field, the
 * bad value and what was expected; the nearest good values parse.
 */
class PolicyTableProblemsTest {
  private static final String HEADER = "category,region,priority,point,holder,action\n";

  private static TextParseException refused(String row) {
    try {
      var unused = PolicyTable.parse(new StringReader(HEADER + row + "\n"), "p.csv");
    } catch (TextParseException e) {
      return e;
    }
    throw new AssertionError("accepted: " + row);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '"',
      value = {
        "0a,*,*,NEW_CASE,none,assign office; 1; category; 0a; category code prefixes",
        "0/,*,*,NEW_CASE,none,assign office; 1; category; 0/; category code prefixes",
        "0:,*,*,NEW_CASE,none,assign office; 1; category; 0:; category code prefixes",
        "01|,*,*,NEW_CASE,none,assign office; 1; category; \"\"; category code prefixes",
        "01,0,*,NEW_CASE,none,assign office; 2; region; 0; region codes",
        "01,-5,*,NEW_CASE,none,assign office; 2; region; -5; region codes",
        "01,*,*,REPEAT_REPORT>=1,*,assign holder; 4; point; REPEAT_REPORT>=1; N >= 2",
        "01,*,*,REPEAT_REPORT>=x,*,assign holder; 4; point; REPEAT_REPORT>=x; N >= 2",
        "01,*,*,RETURN,GRIDS,assign holder; 5; holder; GRIDS; a level",
        "01,*,*,RETURN,dept:Water,assign holder; 5; holder; dept:Water; a handler id",
        "01,*,*,NEW_CASE,none,assign; 6; action; assign; assign needs a target",
        "01,*,*,NEW_CASE,none,assign nowhere; 6; action; assign nowhere; assign needs a target",
        "01,*,*,NEW_CASE,none,assign office assist bogus!; 6; action; bogus!; assisting handler id",
        "01,*,*,NEW_CASE,none,assign office extra; 6; action; extra; 'assist <targets>' after the lead",
        "01,*,*,BREACH,*,escalate up extra; 6; action; escalate up extra; 'escalate <target>'",
        "01,*,*,BREACH,*,escalate bogus; 6; action; escalate bogus; 'escalate <target>'",
        "01,*,*,MANUAL,*,summon Bogus within PT30M; 6; action; Bogus; summoned handler id",
        "01,*,*,MANUAL,*,summon within PT30M; 6; action; summon within PT30M; summon <ids> within",
        "01,*,*,MANUAL,*,summon dept:police within; 6; action; summon dept:police within; summon <ids> within",
        "01,*,*,MANUAL,*,summon dept:police within 30min; 6; action; 30min; ISO-8601 duration",
        "01,*,*,MANUAL,*,summon dept:police within PT0S; 6; action; summon dept:police within PT0S; must be positive",
        "01,*,*,MANUAL,*,summon dept:police dept:police within PT30M; 6; action; summon dept:police dept:police within PT30M; must not repeat",
      })
  void aBadFieldIsOneProblemWithItsPosition(
      String row, int column, String field, String value, String expected) {
    TextParseException e = refused(row);

    assertThat(e.problems()).hasSize(1);
    TextParseException.Problem p = e.problems().get(0);
    assertThat(p.source()).isEqualTo("p.csv");
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.column()).isEqualTo(column);
    assertThat(p.field()).isEqualTo(field);
    assertThat(p.value()).isEqualTo(value);
    assertThat(p.reason()).contains(expected);
  }

  @Test
  void theNearestGoodValuesParse() {
    for (String row :
        List.of(
            "09|0,*,*,NEW_CASE,none,assign office",
            "01,1,*,NEW_CASE,none,assign office",
            "01,*,*,REPEAT_REPORT>=2,*,assign holder",
            "01,*,*,RETURN,office:city|dept:water|party:gas-co|none|GRID,assign holder",
            "01,*,*,NEW_CASE,none,assign owner assist office@STREET assistants",
            "01,*,*,BREACH,*,escalate up",
            "01,*,*,BREACH,*,escalate office:city",
            "01,*,*,MANUAL,*,summon dept:police party:gas-co within PT1M")) {
      assertThatCode(() -> PolicyTable.parse(new StringReader(HEADER + row + "\n"), "p.csv"))
          .as(row)
          .doesNotThrowAnyException();
    }
  }

  @Test
  void anEmptyPolicyIsRefusedNamingTheHeader() {
    assertThatThrownBy(() -> PolicyTable.parse(new StringReader(""), "p.csv"))
        .isInstanceOfSatisfying(
            TextParseException.class,
            e -> {
              assertThat(e.problems()).hasSize(1);
              assertThat(e.problems().get(0).reason())
                  .startsWith("empty policy: expected the header")
                  .contains(HEADER.strip());
            });
  }

  @Test
  void aTableBuiltInCodeNeedsASourceName() {
    assertThatThrownBy(() -> PolicyTable.of("", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("source must not be empty");
    assertThat(PolicyTable.of("code", List.of()).rows()).isEmpty();
  }
}
