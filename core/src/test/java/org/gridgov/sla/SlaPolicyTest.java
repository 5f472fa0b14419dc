package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.gridgov.InputLimits;
import org.gridgov.TextParseException;
import org.gridgov.casefile.Priority;
import org.gridgov.region.UrbanRuralClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlaPolicyTest {

  private static final String TEXT =
      """
      # demo policy
      levels   yellow@0.8 red@1.0
      transfer RESTART
      return   FROM_CREATION
      handle   *    *      *          working-days 5 same-clock-time
      handle   01   *      *          working-days 3 same-clock-time
      handle   0102 *      *          working PT8H
      handle   0102 URGENT *          working PT4H | yellow@0.75 soon@-PT1H
      handle   01   *      VILLAGE,TOWNSHIP_CENTRE working-days 7 end-of-working-day
      register *    URGENT *          natural PT30M
      """;

  private static SlaPolicy policy() {
    return SlaPolicy.parse(new StringReader(TEXT), "policy.txt");
  }

  @Test
  void mostSpecificRuleWins() {
    SlaPolicy p = policy();
    // longest prefix first: 010203 matches "", "01", "0102" (and "0102 URGENT")
    assertThat(
            p.ruleFor(SlaStage.HANDLE, "010203", Priority.NORMAL, UrbanRuralClass.MAIN_URBAN)
                .orElseThrow()
                .limit())
        .isEqualTo(SlaLimit.workingHours(8));
    assertThat(
            p.ruleFor(SlaStage.HANDLE, "010203", Priority.URGENT, UrbanRuralClass.VILLAGE)
                .orElseThrow()
                .limit())
        .isEqualTo(SlaLimit.workingHours(4));
    // for 0103 the prefix "01" ties; the region-specific rule is more specific
    assertThat(
            p.ruleFor(SlaStage.HANDLE, "0103", Priority.NORMAL, UrbanRuralClass.VILLAGE)
                .orElseThrow()
                .limit())
        .isEqualTo(SlaLimit.workingDays(7, WorkingDayRule.END_OF_WORKING_DAY));
    assertThat(
            p.ruleFor(SlaStage.HANDLE, "0103", Priority.NORMAL, UrbanRuralClass.MAIN_URBAN)
                .orElseThrow()
                .limit())
        .isEqualTo(SlaLimit.workingDays(3, WorkingDayRule.SAME_CLOCK_TIME));
    assertThat(
            p.ruleFor(SlaStage.HANDLE, "02", Priority.NORMAL, UrbanRuralClass.MAIN_URBAN)
                .orElseThrow()
                .limit())
        .isEqualTo(SlaLimit.workingDays(5, WorkingDayRule.SAME_CLOCK_TIME));
    assertThat(p.ruleFor(SlaStage.REGISTER, "02", Priority.NORMAL, UrbanRuralClass.MAIN_URBAN))
        .isEmpty();
    assertThat(p.ruleFor(SlaStage.REGISTER, "02", Priority.URGENT, UrbanRuralClass.MAIN_URBAN))
        .isPresent();
    assertThat(p.transferRule()).isEqualTo(TransferRule.RESTART);
    assertThat(p.returnRule()).isEqualTo(TransferRule.FROM_CREATION);
  }

  @Test
  void levelsComeFromTheRuleOrTheDefault() {
    SlaPolicy p = policy();
    SlaPolicy.Rule urgent =
        p.ruleFor(SlaStage.HANDLE, "0102", Priority.URGENT, UrbanRuralClass.MAIN_URBAN)
            .orElseThrow();
    assertThat(p.levelsFor(urgent))
        .containsExactly(
            WarningLevel.atFraction("yellow", 0.75),
            WarningLevel.before("soon", Duration.ofHours(1)));
    SlaPolicy.Rule other =
        p.ruleFor(SlaStage.HANDLE, "02", Priority.URGENT, UrbanRuralClass.MAIN_URBAN).orElseThrow();
    assertThat(p.levelsFor(other))
        .containsExactly(
            WarningLevel.atFraction("yellow", 0.8), WarningLevel.atFraction("red", 1.0));
    SlaClock c =
        p.startClock(
                "case",
                SlaStage.HANDLE,
                "0102",
                Priority.URGENT,
                UrbanRuralClass.MAIN_URBAN,
                ChinaCalendar.calendar(),
                Instant.parse("2025-03-03T01:00:00Z"))
            .orElseThrow();
    assertThat(c.limit()).isEqualTo(SlaLimit.workingHours(4));
    assertThat(c.levels()).hasSize(2);
  }

  @Test
  void builderApiMatchesTextAndRejectsDuplicateSelectors() {
    SlaPolicy p =
        SlaPolicy.builder()
            .rule(SlaPolicy.Rule.of(SlaStage.HANDLE, SlaLimit.workingHours(8)).forCategory("0102"))
            .rule(
                SlaPolicy.Rule.of(SlaStage.HANDLE, SlaLimit.workingHours(4))
                    .forCategory("0102")
                    .forPriority(Priority.URGENT)
                    .forRegions(EnumSet.of(UrbanRuralClass.MAIN_URBAN))
                    .withLevels(List.of(WarningLevel.breach("red"))))
            .build();
    assertThat(
            p.ruleFor(SlaStage.HANDLE, "0102", Priority.URGENT, UrbanRuralClass.MAIN_URBAN)
                .orElseThrow()
                .limit())
        .isEqualTo(SlaLimit.workingHours(4));
    assertThat(
            p.ruleFor(SlaStage.HANDLE, "0102", Priority.URGENT, UrbanRuralClass.VILLAGE)
                .orElseThrow()
                .limit())
        .isEqualTo(SlaLimit.workingHours(8));
    assertThatThrownBy(
            () ->
                SlaPolicy.builder()
                    .rule(
                        SlaPolicy.Rule.of(SlaStage.HANDLE, SlaLimit.workingHours(8))
                            .forCategory("01"))
                    .rule(
                        SlaPolicy.Rule.of(SlaStage.HANDLE, SlaLimit.workingHours(4))
                            .forCategory("01")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same stage and selectors");
  }

  @Test
  void parseReportsEveryBadLineWithItsNumber() {
    String bad =
        """
        handle 01 * * working PT4H
        hand 01 * * working PT4H
        handle 01 SOON * working PT4H
        handle 01 * CITY working PT4H
        handle 02 * * working 4h
        handle 01 * * working PT5H
        levels yellow
        transfer LATER
        """;
    assertThatThrownBy(() -> SlaPolicy.parse(new StringReader(bad), "p.txt"))
        .isInstanceOfSatisfying(
            TextParseException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(TextParseException.Problem::line)
                  .containsExactly(2, 3, 4, 5, 6, 7, 8);
              assertThat(e.problems().get(0).value()).isEqualTo("hand");
              assertThat(e.problems().get(1).value()).isEqualTo("SOON");
              assertThat(e.problems().get(2).value()).isEqualTo("CITY");
              assertThat(e.problems().get(3).value()).isEqualTo("working 4h");
              assertThat(e.problems().get(4).reason()).contains("line 1");
            });
  }

  /**
   * Property: {@code ruleFor} (which remembers recent answers) always equals a scan of the rules
   * for the most specific match, first on ties, whatever order the selectors are asked in.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  @SuppressWarnings("EnumOrdinal") // random enum constants by index
  void ruleForEqualsAScanOfTheRulesInAnyOrder(long seed) {
    SlaPolicy p = policy();
    SplittableRandom r = new SplittableRandom(seed);
    String[] codes = {"010203", "0102", "01", "02", "0199", "", "0102999"};
    for (int i = 0; i < 2_000; i++) {
      SlaStage stage = SlaStage.values()[r.nextInt(SlaStage.values().length)];
      String code = codes[r.nextInt(codes.length)];
      Priority priority = Priority.values()[r.nextInt(Priority.values().length)];
      UrbanRuralClass region = UrbanRuralClass.values()[r.nextInt(UrbanRuralClass.values().length)];
      SlaPolicy.Rule best = null;
      for (SlaPolicy.Rule rule : p.rules()) {
        if (rule.matches(stage, code, priority, region)
            && (best == null || rule.specificity() > best.specificity())) {
          best = rule;
        }
      }
      assertThat(p.ruleFor(stage, code, priority, region))
          .as("seed %s: %s %s %s %s", seed, stage, code, priority, region)
          .isEqualTo(Optional.ofNullable(best));
    }
  }

  private static TextParseException.Problem onlyProblem(String text) {
    try {
      var unused = SlaPolicy.parse(new StringReader(text), "p.txt");
    } catch (TextParseException e) {
      assertThat(e.problems()).as("problems of %s", text).hasSize(1);
      return e.problems().get(0);
    }
    throw new AssertionError("parsed without a problem: " + text);
  }

  private static String levels(int count) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) {
      sb.append(" l").append(i).append("@0.").append(i % 9 + 1);
    }
    return sb.toString();
  }

  @Test
  void moreThan64DefaultLevels_refusedWithLineAndField() {
    TextParseException.Problem p = onlyProblem("# x\nlevels" + levels(65) + "\n");
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.column()).isEqualTo(66); // "levels" is field 1, the 65th level field 66
    assertThat(p.value()).isEqualTo("l64@0.2");
    assertThat(p.reason()).contains("at most 64 warning levels").contains("has 65");
  }

  @Test
  void moreThan64RuleLevels_refusedWithLineAndField() {
    TextParseException.Problem p = onlyProblem("handle * * * natural PT1H |" + levels(70) + "\n");
    assertThat(p.line()).isEqualTo(1);
    assertThat(p.column()).isEqualTo(7 + 1 + 64); // 6 rule fields, the bar, then the 65th level
    assertThat(p.reason()).contains("at most 64").contains("has 70");
  }

  @Test
  void exactly64Levels_accepted() {
    SlaPolicy p = SlaPolicy.parse(new StringReader("levels" + levels(64) + "\n"), "p.txt");
    assertThat(p.defaultLevels()).hasSize(SlaPolicy.MAX_WARNING_LEVELS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0x", "01a", "-1", "０１", "0102*"})
  void categoryPrefixWithNonDigits_refusedAtParseTimeWithPosition(String prefix) {
    TextParseException.Problem p = onlyProblem("\nhandle " + prefix + " * * natural PT1H\n");
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.column()).isEqualTo(2);
    assertThat(p.field()).isEqualTo("category");
    assertThat(p.value()).isEqualTo(prefix);
    assertThat(p.reason()).contains("digits");
  }

  @Test
  void categoryPrefixLongerThanAnyCode_refused() {
    TextParseException.Problem p = onlyProblem("handle " + "1".repeat(37) + " * * natural PT1H\n");
    assertThat(p.column()).isEqualTo(2);
    assertThat(p.reason()).contains("at most 36 digits");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "natural PT2562047788015215H",
        "natural PT999999999999H",
        "working PT99999999H",
        "working-days 2147483647 same-clock-time",
        "working-days 99999999999 same-clock-time",
        "natural P3661D",
        "working-days 2501 end-of-working-day"
      })
  void limitThatOverflows_refusedAtParseTimeWithPosition(String limit) {
    TextParseException.Problem p = onlyProblem("handle 01 * * " + limit + "\n");
    assertThat(p.line()).isEqualTo(1);
    assertThat(p.column()).isEqualTo(5);
    assertThat(p.field()).isEqualTo("limit");
    assertThat(p.value()).isEqualTo(limit);
  }

  @Test
  void warningOffsetThatOverflows_refusedAtParseTime() {
    TextParseException.Problem p = onlyProblem("levels soon@-PT999999999999H\n");
    assertThat(p.line()).isEqualTo(1);
    assertThat(p.column()).isEqualTo(2);
    assertThat(p.value()).isEqualTo("soon@-PT999999999999H");
  }

  /**
   * The largest limits the parser accepts give a deadline or the calendar's own exception, never an
   * overflow.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "natural P3660D",
        "working P3660D",
        "working-days 2500 same-clock-time",
        "working-days 2500 end-of-working-day"
      })
  void largestLimits_startClocksWithoutOverflow(String limit) {
    SlaPolicy p =
        SlaPolicy.parse(
            new StringReader("levels a@10 b@-P3660D\nhandle * * * " + limit + "\n"), "p.txt");
    BusinessCalendar cal = ChinaCalendar.calendar();
    Instant at = Instant.parse("2024-03-01T01:00:00Z");
    try {
      SlaClock c =
          p.startClock(
                  "c", SlaStage.HANDLE, "01", Priority.NORMAL, UrbanRuralClass.MAIN_URBAN, cal, at)
              .orElseThrow();
      assertThat(c.deadline().orElseThrow()).isAfter(at);
    } catch (OutsideCalendarException e) {
      assertThat(e.getMessage()).contains("cn-2007-2026");
    }
  }

  @Test
  void byteOrderMarkAtTheStart_accepted() {
    SlaPolicy p = SlaPolicy.parse(new StringReader("\uFEFFhandle * * * natural PT1H\n"), "p.txt");
    assertThat(p.rules()).hasSize(1);
    assertThat(p.rules().get(0).stage()).isEqualTo(SlaStage.HANDLE);
  }

  @Test
  void lineLongerThanTheLimit_refusedNamingTheLimit() {
    InputLimits limits = InputLimits.defaults().withMaxLineLength(40);
    assertThatThrownBy(
            () ->
                SlaPolicy.parse(
                    new StringReader(
                        "handle * * * natural PT1H\nhandle 01 * * natural PT1H"
                            + " ".repeat(30)
                            + "x"),
                    "p.txt",
                    limits))
        .isInstanceOfSatisfying(
            TextParseException.class,
            e -> {
              assertThat(e.problems()).hasSize(1);
              assertThat(e.problems().get(0).line()).isEqualTo(2);
              assertThat(e.problems().get(0).column()).isEqualTo(41);
              assertThat(e.problems().get(0).reason()).contains("40").contains("maxLineLength");
            });
  }

  @Test
  void escalateAfterReturnsIsReadAndDefaultsToNever() {
    SlaPolicy p =
        SlaPolicy.parse(
            new StringReader(
                "return RESTART\nescalate-after-returns 2\nhandle * * * natural PT1H\n"),
            "p.txt");
    assertThat(p.returnsBeforeEscalation()).hasValue(2);
    assertThat(p.returnRule()).isEqualTo(TransferRule.RESTART);
    assertThat(SlaPolicy.builder().build().returnsBeforeEscalation()).isEmpty();
  }

  @Test
  void aBadReturnCountIsRefusedWithItsLineAndValue() {
    String bad = "handle * * * natural PT1H\nescalate-after-returns 0\nescalate-after-returns\n";
    assertThatThrownBy(() -> SlaPolicy.parse(new StringReader(bad), "p.txt"))
        .isInstanceOfSatisfying(
            TextParseException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(TextParseException.Problem::line)
                  .containsExactly(2, 3);
              assertThat(e.problems().get(0).value()).isEqualTo("0");
              assertThat(e.problems().get(0).reason()).contains("from 1 to 1000");
            });
    assertThatThrownBy(() -> SlaPolicy.builder().returnsBeforeEscalation(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 0");
  }

  @Test
  void extensionsAreReadAndDefaultToNone() {
    SlaPolicy p =
        SlaPolicy.parse(new StringReader("extensions 2 5\nhandle * * * natural PT1H\n"), "p.txt");
    assertThat(p.maxExtensions()).isEqualTo(2);
    assertThat(p.maxExtensionDays()).isEqualTo(5);
    SlaPolicy none = SlaPolicy.builder().build();
    assertThat(none.maxExtensions()).isZero();
    assertThat(none.maxExtensionDays()).isZero();
  }

  @Test
  void aBadExtensionsLineIsRefusedWithItsLineAndValue() {
    String bad = "handle * * * natural PT1H\nextensions 0 5\nextensions 2 x\nextensions 2\n";
    assertThatThrownBy(() -> SlaPolicy.parse(new StringReader(bad), "p.txt"))
        .isInstanceOfSatisfying(
            TextParseException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(TextParseException.Problem::line)
                  .containsExactly(2, 3, 4);
              assertThat(e.problems().get(0).value()).isEqualTo("0");
              assertThat(e.problems().get(0).reason()).contains("from 1 to 1000");
              assertThat(e.problems().get(1).value()).isEqualTo("x");
              assertThat(e.problems().get(2).reason()).contains("extensions N D");
            });
    assertThatThrownBy(() -> SlaPolicy.builder().extensions(1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 0");
  }
}
