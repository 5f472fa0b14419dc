package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.casefile.Priority;
import org.gridgov.region.UrbanRuralClass;
import org.junit.jupiter.api.Test;

/**
 * Which rule {@link SlaPolicy#ruleFor} picks, checked against the selection order of the class
 * comment and docs/sla.md ("longer category prefix, then a set priority, then a set region class;
 * equally specific rules: the first declared"), written out by hand below.
 */
class SlaPolicyRuleChoiceTest {

  private static SlaLimit hours(int h) {
    return SlaLimit.natural(Duration.ofHours(h));
  }

  private static Optional<SlaLimit> limitFor(
      SlaPolicy p, String code, Priority priority, UrbanRuralClass region) {
    return p.ruleFor(SlaStage.HANDLE, code, priority, region).map(SlaPolicy.Rule::limit);
  }

  /**
   * Each rule is declared from the most specific to the least, so a "first declared wins" reading
   * would pick the wrong rule every time: only the specificity order can give the expected answers.
   */
  private static final String LADDER =
      """
      handle 12 * * natural PT7H
      handle 1  URGENT VILLAGE natural PT6H
      handle 1  * * natural PT5H
      handle *  URGENT VILLAGE natural PT4H
      handle *  URGENT * natural PT3H
      handle *  * VILLAGE natural PT2H
      handle *  * * natural PT1H
      """;

  /** The documented order, written independently of the code's scoring. */
  private static int expectedHours(String code, Priority p, UrbanRuralClass r) {
    boolean urgent = p == Priority.URGENT;
    boolean village = r == UrbanRuralClass.VILLAGE;
    if (code.startsWith("12")) {
      return 7; // the longest prefix beats a set priority and a set region class together
    }
    if (code.startsWith("1")) {
      return urgent && village ? 6 : 5;
    }
    if (urgent) {
      return village ? 4 : 3; // a set priority beats a set region class
    }
    return village ? 2 : 1;
  }

  @Test
  void longerPrefixThenPriorityThenRegion_whateverTheDeclarationOrder() {
    SlaPolicy declared = SlaPolicy.parse(new StringReader(LADDER), "ladder.txt");
    List<String> reversedLines = new ArrayList<>(LADDER.lines().toList());
    java.util.Collections.reverse(reversedLines);
    SlaPolicy reversed =
        SlaPolicy.parse(new StringReader(String.join("\n", reversedLines)), "reversed.txt");
    for (String code : List.of("12", "1234", "13", "1", "2", "21", "0")) {
      for (Priority p : Priority.values()) {
        for (UrbanRuralClass r : UrbanRuralClass.values()) {
          SlaLimit expected = hours(expectedHours(code, p, r));
          assertThat(limitFor(declared, code, p, r)).as("%s %s %s", code, p, r).hasValue(expected);
          assertThat(limitFor(reversed, code, p, r)).as("%s %s %s", code, p, r).hasValue(expected);
        }
      }
    }
  }

  @Test
  void aSetPriorityBeatsASetRegionClass_andBothTogetherBeatEither() {
    SlaPolicy p =
        SlaPolicy.builder()
            .rule(
                SlaPolicy.Rule.of(SlaStage.HANDLE, hours(1))
                    .forRegions(EnumSet.of(UrbanRuralClass.TOWN_CENTRE)))
            .rule(SlaPolicy.Rule.of(SlaStage.HANDLE, hours(2)).forPriority(Priority.MAJOR))
            .build();
    assertThat(limitFor(p, "05", Priority.MAJOR, UrbanRuralClass.TOWN_CENTRE)).hasValue(hours(2));
    assertThat(limitFor(p, "05", Priority.NORMAL, UrbanRuralClass.TOWN_CENTRE)).hasValue(hours(1));
    assertThat(limitFor(p, "05", Priority.NORMAL, UrbanRuralClass.VILLAGE)).isEmpty();
  }

  @Test
  void aOneDigitLongerPrefixBeatsPriorityAndRegionTogether() {
    SlaPolicy p =
        SlaPolicy.builder()
            .rule(
                SlaPolicy.Rule.of(SlaStage.HANDLE, hours(1))
                    .forCategory("01")
                    .forPriority(Priority.URGENT)
                    .forRegions(EnumSet.of(UrbanRuralClass.VILLAGE)))
            .rule(SlaPolicy.Rule.of(SlaStage.HANDLE, hours(2)).forCategory("010"))
            .build();
    assertThat(limitFor(p, "0105", Priority.URGENT, UrbanRuralClass.VILLAGE)).hasValue(hours(2));
    assertThat(limitFor(p, "0115", Priority.URGENT, UrbanRuralClass.VILLAGE)).hasValue(hours(1));
  }

  @Test
  void equallySpecificMatchingRules_theFirstDeclaredWins() {
    // two region rules that both hold VILLAGE: same specificity, different selectors
    SlaPolicy.Rule wide =
        SlaPolicy.Rule.of(SlaStage.HANDLE, hours(1))
            .forRegions(EnumSet.of(UrbanRuralClass.VILLAGE, UrbanRuralClass.TOWNSHIP_CENTRE));
    SlaPolicy.Rule narrow =
        SlaPolicy.Rule.of(SlaStage.HANDLE, hours(2))
            .forRegions(EnumSet.of(UrbanRuralClass.VILLAGE));
    SlaPolicy wideFirst = SlaPolicy.builder().rule(wide).rule(narrow).build();
    SlaPolicy narrowFirst = SlaPolicy.builder().rule(narrow).rule(wide).build();
    assertThat(limitFor(wideFirst, "01", Priority.NORMAL, UrbanRuralClass.VILLAGE))
        .hasValue(hours(1));
    assertThat(limitFor(narrowFirst, "01", Priority.NORMAL, UrbanRuralClass.VILLAGE))
        .hasValue(hours(2));
    // the same from the text form, where declaration order is line order
    SlaPolicy text =
        SlaPolicy.parse(
            new StringReader(
                """
                handle * * VILLAGE,TOWNSHIP_CENTRE natural PT1H
                handle * * VILLAGE natural PT2H
                """),
            "p.txt");
    assertThat(limitFor(text, "01", Priority.NORMAL, UrbanRuralClass.VILLAGE)).hasValue(hours(1));
  }

  @Test
  void forRegionsWithNoClass_refused() {
    SlaPolicy.Rule r = SlaPolicy.Rule.of(SlaStage.HANDLE, hours(1));
    assertThatThrownBy(() -> r.forRegions(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one");
    assertThatThrownBy(() -> r.forRegions(EnumSet.noneOf(UrbanRuralClass.class)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * {@code ruleFor} is a function of its four arguments: whatever was asked before (and whatever it
   * remembers of it), each selector gets the rule for its own priority, region class and code. Many
   * selectors are asked in a row, so that answers for neighbouring selectors (same code, another
   * priority or region class; same priority and region class, another code) are asked right after
   * each other.
   */
  @Test
  void eachSelectorGetsItsOwnRule_whateverWasAskedJustBefore() {
    SlaPolicy.Builder b = SlaPolicy.builder();
    Map<Priority, Map<UrbanRuralClass, SlaLimit>> byPriorityAndRegion =
        new EnumMap<>(Priority.class);
    int h = 1;
    for (Priority p : Priority.values()) {
      Map<UrbanRuralClass, SlaLimit> byRegion = new EnumMap<>(UrbanRuralClass.class);
      for (UrbanRuralClass r : UrbanRuralClass.values()) {
        SlaLimit limit = hours(h++);
        byRegion.put(r, limit);
        b.rule(SlaPolicy.Rule.of(SlaStage.HANDLE, limit).forPriority(p).forRegions(EnumSet.of(r)));
      }
      byPriorityAndRegion.put(p, byRegion);
    }
    SlaPolicy policy = b.build();
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < 30_000 && wrong.size() < 5; i++) {
      String code = Integer.toString(i);
      for (UrbanRuralClass r : UrbanRuralClass.values()) {
        for (Priority p : Priority.values()) {
          SlaLimit got = limitFor(policy, code, p, r).orElseThrow();
          if (!got.equals(Objects.requireNonNull(byPriorityAndRegion.get(p)).get(r))) {
            wrong.add(code + " " + p + " " + r + " -> " + got);
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void eachCodeGetsTheRuleOfItsOwnPrefix_whateverWasAskedJustBefore() {
    SlaPolicy.Builder b = SlaPolicy.builder();
    for (int d = 0; d <= 9; d++) {
      b.rule(SlaPolicy.Rule.of(SlaStage.CHECK, hours(d + 1)).forCategory(Integer.toString(d)));
    }
    SlaPolicy policy = b.build();
    List<String> wrong = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 10_000; i++) {
        // the second round asks the codes in another order
        int n = round == 0 ? i : (i * 7_919) % 10_000;
        String code = String.format(java.util.Locale.ROOT, "%04d", n);
        SlaLimit expected = hours(code.charAt(0) - '0' + 1);
        Optional<SlaLimit> got =
            policy
                .ruleFor(SlaStage.CHECK, code, Priority.NORMAL, UrbanRuralClass.MAIN_URBAN)
                .map(SlaPolicy.Rule::limit);
        if (!got.equals(Optional.of(expected))) {
          wrong.add(code + " -> " + got);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }
}
