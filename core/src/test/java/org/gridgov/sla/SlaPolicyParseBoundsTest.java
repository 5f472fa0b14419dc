package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import org.gridgov.TextParseException;
import org.gridgov.casefile.Priority;
import org.gridgov.region.UrbanRuralClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The text form's documented bounds, at the bound and one past it: a value at the bound is read,
 * one past it is refused with its line, field and value.
 */
class SlaPolicyParseBoundsTest {

  private static final String RULE = "handle * * * natural PT1H\n";

  private static SlaPolicy parse(String text) {
    return SlaPolicy.parse(new StringReader(text), "p.txt");
  }

  private static TextParseException.Problem onlyProblem(String text) {
    try {
      var unused = parse(text);
    } catch (TextParseException e) {
      assertThat(e.problems()).as("problems of %s", text).hasSize(1);
      return e.problems().get(0);
    }
    throw new AssertionError("parsed without a problem: " + text);
  }

  // --- extensions N D: each from 1 to MAX_EXTENSION_VALUE (1000)

  @Test
  void extensionsAtTheirLowestBound_read() {
    SlaPolicy p = parse("extensions 1 1\n" + RULE);
    assertThat(p.maxExtensions()).isEqualTo(1);
    assertThat(p.maxExtensionDays()).isEqualTo(1);
  }

  @Test
  void extensionsAtTheirHighestBound_read() {
    SlaPolicy p = parse(RULE + "extensions 1000 1000\n");
    assertThat(p.maxExtensions()).isEqualTo(SlaPolicy.MAX_EXTENSION_VALUE);
    assertThat(p.maxExtensionDays()).isEqualTo(SlaPolicy.MAX_EXTENSION_VALUE);
  }

  @Test
  void extensionsCountOnePastTheBound_refusedWithItsField() {
    TextParseException.Problem p = onlyProblem(RULE + "extensions 1001 5\n");
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.column()).isEqualTo(2);
    assertThat(p.value()).isEqualTo("1001");
    assertThat(p.reason()).contains("from 1 to 1000");
  }

  @Test
  void extensionsDaysOnePastTheBound_refusedWithItsField() {
    TextParseException.Problem p = onlyProblem(RULE + "extensions 5 1001\n");
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.column()).isEqualTo(3);
    assertThat(p.value()).isEqualTo("1001");
    assertThat(p.reason()).contains("days from 1 to 1000");
  }

  @Test
  void extensionsDaysZero_refusedWithItsField() {
    TextParseException.Problem p = onlyProblem("extensions 3 0\n" + RULE);
    assertThat(p.line()).isEqualTo(1);
    assertThat(p.column()).isEqualTo(3);
    assertThat(p.value()).isEqualTo("0");
  }

  // --- escalate-after-returns N: from 1 to MAX_RETURNS_BEFORE_ESCALATION (1000)

  @Test
  void returnsBeforeEscalationAtItsBounds_read() {
    assertThat(parse("escalate-after-returns 1\n" + RULE).returnsBeforeEscalation()).hasValue(1);
    assertThat(parse("escalate-after-returns 1000\n" + RULE).returnsBeforeEscalation())
        .hasValue(SlaPolicy.MAX_RETURNS_BEFORE_ESCALATION);
  }

  @Test
  void returnsBeforeEscalationOnePastTheBound_refusedWithItsField() {
    TextParseException.Problem p = onlyProblem(RULE + "escalate-after-returns 1001\n");
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.column()).isEqualTo(2);
    assertThat(p.value()).isEqualTo("1001");
    assertThat(p.reason()).contains("from 1 to 1000");
  }

  // --- category prefixes: digits 0 to 9, at most MAX_PREFIX_LENGTH (36)

  @Test
  void prefixOfExactly36Digits_read() {
    String prefix = "0123456789".repeat(3) + "999999";
    assertThat(prefix).hasSize(SlaPolicy.MAX_PREFIX_LENGTH);
    SlaPolicy p = parse("handle " + prefix + " * * natural PT1H\n");
    assertThat(p.rules())
        .singleElement()
        .extracting(SlaPolicy.Rule::categoryPrefix)
        .isEqualTo(prefix);
    assertThat(p.ruleFor(SlaStage.HANDLE, prefix, Priority.NORMAL, UrbanRuralClass.VILLAGE))
        .isPresent();
    assertThat(
            SlaPolicy.Rule.of(SlaStage.HANDLE, SlaLimit.natural(Duration.ofHours(1)))
                .forCategory(prefix)
                .categoryPrefix())
        .isEqualTo(prefix);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "9", "09", "90", "123456789"})
  void prefixOfAnyDecimalDigits_read(String prefix) {
    SlaPolicy p = parse("handle " + prefix + " * * natural PT1H\n");
    assertThat(p.rules())
        .singleElement()
        .extracting(SlaPolicy.Rule::categoryPrefix)
        .isEqualTo(prefix);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", ":", "9:", "/0"})
  void prefixWithTheCharactersNextToTheDigits_refused(String prefix) {
    // '/' and ':' are the characters just before '0' and just after '9'
    TextParseException.Problem p = onlyProblem("handle " + prefix + " * * natural PT1H\n");
    assertThat(p.column()).isEqualTo(2);
    assertThat(p.field()).isEqualTo("category");
    assertThat(p.value()).isEqualTo(prefix);
  }

  // --- line shapes

  @Test
  void ruleLineWithTooFewFields_refusedNamingTheLine() {
    TextParseException.Problem p = onlyProblem(RULE + "handle * * natural PT1H\n");
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.column()).isZero();
    assertThat(p.value()).isEqualTo("handle * * natural PT1H");
    assertThat(p.reason()).contains("stage category priority regions limit");
  }

  @Test
  void levelsBarWithNothingBeforeIt_refusedAsAnEmptyStage() {
    // the fields before the bar are the line's own; here there are none, so the stage is empty
    TextParseException.Problem p = onlyProblem(RULE + "| yellow@0.8\n");
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.column()).isEqualTo(1);
    assertThat(p.field()).isEqualTo("stage");
    assertThat(p.value()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"transfer", "transfer KEEP RESTART", "return", "return KEEP KEEP"})
  void transferOrReturnWithoutExactlyOneRule_refusedNamingTheSetting(String line) {
    TextParseException.Problem p = onlyProblem(RULE + line + "\n");
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.column()).isZero();
    assertThat(p.field()).isEqualTo(line.startsWith("transfer") ? "transfer" : "return");
    assertThat(p.value()).isEqualTo(line);
    assertThat(p.reason()).contains("KEEP|RESTART|FROM_CREATION");
  }

  @Test
  void toStringNamesTheRuleCountAndTheDefaultLevels() {
    SlaPolicy p = parse("levels yellow@0.8 soon@-PT2H\n" + RULE + "check * * * natural PT2H\n");
    assertThat(p.toString()).contains("2 rules").contains("yellow@0.8").contains("soon@-PT2H");
    assertThat(p.defaultLevels())
        .isEqualTo(
            List.of(
                WarningLevel.atFraction("yellow", 0.8),
                WarningLevel.before("soon", Duration.ofHours(2))));
  }
}
