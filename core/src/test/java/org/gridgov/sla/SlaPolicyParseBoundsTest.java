package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.util.StringJoiner;
import org.gridgov.TextParseException;
import org.junit.jupiter.api.Test;

/**
 * Each bounded number of the SLA policy text at its bounds: accepted at both ends of its documented
 * range, refused one past each with its line and field; the builder's setters chain and check the
 * same bounds.
 */
class SlaPolicyParseBoundsTest {
  private static final String RULE = "handle * * * working PT4H\n";

  private static SlaPolicy parse(String settings) {
    return SlaPolicy.parse(new StringReader(settings + "\n" + RULE), "sla.txt");
  }

  private static TextParseException.Problem refused(String settings) {
    TextParseException e = catchThrowableOfType(TextParseException.class, () -> parse(settings));
    assertThat(e).as(settings).isNotNull();
    assertThat(e.problems()).as(settings).hasSize(1);
    return e.problems().get(0);
  }

  @Test
  void extensions_countAndDaysFromOneToTheMaximum() {
    int max = SlaPolicy.MAX_EXTENSION_VALUE;
    SlaPolicy low = parse("extensions 1 1");
    assertThat(low.maxExtensions()).isEqualTo(1);
    assertThat(low.maxExtensionDays()).isEqualTo(1);
    SlaPolicy high = parse("extensions " + max + " " + max);
    assertThat(high.maxExtensions()).isEqualTo(max);
    assertThat(high.maxExtensionDays()).isEqualTo(max);

    assertThat(refused("extensions 0 5").column()).isEqualTo(2);
    assertThat(refused("extensions " + (max + 1) + " 5").column()).isEqualTo(2);
    assertThat(refused("extensions 5 0").column()).isEqualTo(3);
    TextParseException.Problem days = refused("extensions 5 " + (max + 1));
    assertThat(days.column()).isEqualTo(3);
    assertThat(days.line()).isEqualTo(1);
    assertThat(days.reason()).contains("days from 1 to " + max);
  }

  @Test
  void returnsBeforeEscalation_fromOneToTheMaximum() {
    int max = SlaPolicy.MAX_RETURNS_BEFORE_ESCALATION;
    assertThat(parse("escalate-after-returns 1").returnsBeforeEscalation()).hasValue(1);
    assertThat(parse("escalate-after-returns " + max).returnsBeforeEscalation()).hasValue(max);
    assertThat(refused("escalate-after-returns 0").field()).isEqualTo("count");
    assertThat(refused("escalate-after-returns " + (max + 1)).reason())
        .contains("from 1 to " + max);
  }

  @Test
  void warningLevels_atMostTheMaximumInOneList_eachNameAtValue() {
    int max = SlaPolicy.MAX_WARNING_LEVELS;
    assertThat(parse(levels(max)).defaultLevels()).hasSize(max);
    TextParseException.Problem tooMany = refused(levels(max + 1));
    assertThat(tooMany.column()).isEqualTo(max + 2); // the keyword is field 1
    assertThat(tooMany.reason()).contains("the list has " + (max + 1));

    assertThat(parse("levels a@0.5").defaultLevels()).hasSize(1);
    assertThat(refused("levels @0.5").value()).isEqualTo("@0.5");
    assertThat(refused("levels a@").value()).isEqualTo("a@");
  }

  @Test
  void categoryPrefix_atMostTheMaximumOfDigits() {
    int max = SlaPolicy.MAX_PREFIX_LENGTH;
    String longest = "1".repeat(max);
    SlaPolicy p =
        SlaPolicy.parse(new StringReader("handle " + longest + " * * working PT4H\n"), "sla.txt");
    assertThat(p.rules().get(0).categoryPrefix()).isEqualTo(longest);
    assertThat(SlaPolicy.prefixProblem(longest + "1")).contains("at most " + max + " digits");
    assertThat(SlaPolicy.prefixProblem("0/")).contains("is * or digits");
    assertThat(SlaPolicy.prefixProblem("0:")).contains("is * or digits");
    assertThat(SlaPolicy.prefixProblem("09")).isNull();
  }

  @Test
  void theBuilder_chainsEverySetting_andChecksTheSameBounds() {
    SlaPolicy p =
        SlaPolicy.builder()
            .extensions(2, 3)
            .defaultLevels(java.util.List.of(WarningLevel.atFraction("y", 0.5)))
            .transferRule(TransferRule.RESTART)
            .returnRule(TransferRule.RESTART)
            .returnsBeforeEscalation(2)
            .rule(
                SlaPolicy.Rule.of(SlaStage.HANDLE, SlaLimit.natural(java.time.Duration.ofHours(1))))
            .build();

    assertThat(p.maxExtensions()).isEqualTo(2);
    assertThat(p.maxExtensionDays()).isEqualTo(3);
    assertThat(p.defaultLevels()).extracting(WarningLevel::name).containsExactly("y");
    assertThat(p.transferRule()).isEqualTo(TransferRule.RESTART);
    assertThat(p.returnRule()).isEqualTo(TransferRule.RESTART);
    assertThat(p.returnsBeforeEscalation()).hasValue(2);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SlaPolicy.builder().extensions(0, 1))
        .hasMessageContaining("count must be from 1 to");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> SlaPolicy.builder().extensions(1, SlaPolicy.MAX_EXTENSION_VALUE + 1))
        .hasMessageContaining("days must be from 1 to");
    java.util.List<WarningLevel> tooMany = new java.util.ArrayList<>();
    for (int i = 1; i <= SlaPolicy.MAX_WARNING_LEVELS + 1; i++) {
      tooMany.add(WarningLevel.atFraction("l" + i, i / 100.0));
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> SlaPolicy.builder().defaultLevels(tooMany))
        .hasMessageContaining("at most " + SlaPolicy.MAX_WARNING_LEVELS);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                SlaPolicy.Rule.of(SlaStage.HANDLE, SlaLimit.natural(java.time.Duration.ofHours(1)))
                    .forRegions(java.util.Set.of()))
        .hasMessageContaining("at least one class");
  }

  private static String levels(int n) {
    StringJoiner j = new StringJoiner(" ", "levels ", "");
    for (int i = 1; i <= n; i++) {
      j.add("l" + i + "@" + (i / 100.0));
    }
    return j.toString();
  }
}
