package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridgov.casefile.Priority;
import org.gridgov.region.UrbanRuralClass;
import org.junit.jupiter.api.Test;

/**
 * {@link SlaPolicy#ruleFor} against the selection rule of the class comment, stated here on its
 * own: a rule matches when its stage is the one asked, the code starts with its prefix, its
 * priority (if set) is the case's and its region classes (if any) contain the case's; the longer
 * prefix wins, then a set priority, then set regions; among equals the first declared. Every
 * combination of stage, code, priority and region class is asked twice in different orders, more
 * keys than the policy remembers, so remembered choices are overwritten and keys that differ in one
 * part only meet.
 */
class SlaPolicyRuleChoiceOracleTest {
  private static final List<String> CODES =
      List.of("01", "0101", "010101", "0102", "02", "0201", "03", "0301");

  private static int hours = 1;

  private static SlaPolicy.Rule rule(SlaStage stage) {
    return SlaPolicy.Rule.of(stage, SlaLimit.natural(Duration.ofHours(hours++)));
  }

  private static List<SlaPolicy.Rule> rules() {
    List<SlaPolicy.Rule> rs = new ArrayList<>();
    for (SlaStage stage : SlaStage.values()) {
      rs.add(rule(stage));
      rs.add(rule(stage).forPriority(Priority.URGENT));
      rs.add(rule(stage).forRegions(Set.of(UrbanRuralClass.MAIN_URBAN)));
      rs.add(rule(stage).forCategory("01"));
      rs.add(rule(stage).forCategory("01").forPriority(Priority.URGENT));
      rs.add(rule(stage).forCategory("0101"));
      rs.add(rule(stage).forCategory("01").forRegions(Set.of(UrbanRuralClass.URBAN_RURAL_FRINGE)));
      // as specific as the one before, declared after it: loses wherever both match
      rs.add(
          rule(stage)
              .forCategory("01")
              .forRegions(Set.of(UrbanRuralClass.URBAN_RURAL_FRINGE, UrbanRuralClass.TOWN_CENTRE)));
      rs.add(rule(stage).forCategory("02").forPriority(Priority.MAJOR));
    }
    rs.removeIf(r -> r.stage() == SlaStage.CHECK && r.categoryPrefix().isEmpty()); // a stage gap
    return rs;
  }

  /** The selection rule of the class comment, written apart from the policy's. */
  private static Optional<SlaPolicy.Rule> expected(
      List<SlaPolicy.Rule> declared, SlaStage s, String code, Priority p, UrbanRuralClass u) {
    Comparator<SlaPolicy.Rule> specific =
        Comparator.<SlaPolicy.Rule>comparingInt(r -> r.categoryPrefix().length())
            .thenComparing(r -> r.priority().isPresent())
            .thenComparing(r -> !r.regions().isEmpty());
    SlaPolicy.Rule best = null;
    for (SlaPolicy.Rule r : declared) {
      boolean matches =
          r.stage() == s
              && code.startsWith(r.categoryPrefix())
              && r.priority().map(x -> x == p).orElse(true)
              && (r.regions().isEmpty() || r.regions().contains(u));
      if (matches && (best == null || specific.compare(r, best) > 0)) {
        best = r;
      }
    }
    return Optional.ofNullable(best);
  }

  @Test
  void everyCombination_getsTheMostSpecificMatchingRule_inAnyOrderOfAsking() {
    List<SlaPolicy.Rule> declared = rules();
    SlaPolicy.Builder b = SlaPolicy.builder();
    declared.forEach(b::rule);
    SlaPolicy policy = b.build();
    List<Object[]> keys = new ArrayList<>();
    for (String code : CODES) {
      for (SlaStage s : SlaStage.values()) {
        for (Priority p : Priority.values()) {
          for (UrbanRuralClass u : UrbanRuralClass.values()) {
            keys.add(new Object[] {s, code, p, u});
          }
        }
      }
    }
    assertThat(keys.size()).isGreaterThan(256 * 2);
    int nonEmpty = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < keys.size(); i++) {
        Object[] k = keys.get(pass == 0 ? i : (i * 7) % keys.size());
        SlaStage s = (SlaStage) k[0];
        String code = (String) k[1];
        Priority p = (Priority) k[2];
        UrbanRuralClass u = (UrbanRuralClass) k[3];
        Optional<SlaPolicy.Rule> got = policy.ruleFor(s, code, p, u);
        assertThat(got)
            .as("%s %s %s %s", s, code, p, u)
            .isEqualTo(expected(declared, s, code, p, u));
        nonEmpty += got.isPresent() ? 1 : 0;
      }
    }
    assertThat(nonEmpty)
        .isLessThan(2 * keys.size()); // the stage gap leaves some keys without a rule
  }
}
