package org.gridgov.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.gridgov.casefile.Priority;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingFixtures;
import org.gridgov.routing.RoutingRequest;
import org.gridgov.routing.RoutingRule;
import org.junit.jupiter.api.Test;

/**
 * {@link ScopedRule}: the inner rule decides inside the scope, under the scoped rule's name, and
 * nothing happens outside it; bad scopes are refused.
 */
class ScopedRuleTest {
  private final RegionTree tree = RoutingFixtures.tree();
  private final Region district = tree.regionsAt(RegionLevel.DISTRICT).get(0);
  private final Region gridInside =
      tree.regionsAt(RegionLevel.GRID).stream()
          .filter(district::contains)
          .findFirst()
          .orElseThrow();
  private final Region gridOutside =
      tree.regionsAt(RegionLevel.GRID).stream()
          .filter(g -> !district.contains(g))
          .findFirst()
          .orElseThrow();

  /** Assigns every case to {@code office:city}; says why not with its own text. */
  private static final RoutingRule INNER =
      new RoutingRule() {
        @Override
        public String name() {
          return "inner";
        }

        @Override
        public Optional<RoutingDecision> tryDecide(RoutingRequest request) {
          return Optional.of(
              new RoutingDecision.Assign(
                  "office:city",
                  ImmutableList.of(),
                  new RoutingDecision.Explanation("inner", ImmutableList.of("why"))));
        }

        @Override
        public String whyNot(RoutingRequest request) {
          return "inner says no";
        }
      };

  private static final RoutingRule SILENT = SilentRule.INSTANCE;

  private static RoutingRequest newCase(String category, Region at) {
    return RoutingRequest.newCase(
        RoutingFixtures.facts("C-S", category, Priority.NORMAL, at.code()), RoutingFixtures.AT);
  }

  @Test
  void insideTheCategoryScopeTheInnerRuleDecidesUnderTheScopedName() {
    ScopedRule r = ScopedRule.forCategory("01", tree, INNER);

    RoutingDecision d = r.tryDecide(newCase("0101", gridOutside)).orElseThrow();

    assertThat(r.name()).isEqualTo("inner[01 @ *]");
    assertThat(((RoutingDecision.Assign) d).lead()).isEqualTo("office:city");
    assertThat(d.explanation().decidedBy()).isEqualTo("inner[01 @ *]");
    assertThat(d.explanation().notes()).containsExactly("why");
    assertThat(r.whyNot(newCase("0101", gridOutside))).isEqualTo("inner says no");
  }

  @Test
  void outsideTheCategoryScopeNothingIsDecided() {
    ScopedRule r = ScopedRule.forCategory("01", tree, INNER);

    assertThat(r.tryDecide(newCase("0601", gridInside))).isEmpty();
    assertThat(r.whyNot(newCase("0601", gridInside))).isEqualTo("case is outside the scope");
  }

  @Test
  void theRegionScopeTakesCasesInTheSubtreeOnly() {
    ScopedRule r = ScopedRule.forRegion(district.code(), tree, INNER);

    assertThat(r.name()).isEqualTo("inner[* @ " + district.code() + "]");
    assertThat(r.tryDecide(newCase("0601", gridInside))).isPresent();
    assertThat(r.tryDecide(newCase("0601", gridOutside))).isEmpty();
    assertThat(r.whyNot(newCase("0601", gridOutside))).isEqualTo("case is outside the scope");
  }

  @Test
  void withinRegionNarrowsACategoryScopeToBoth() {
    ScopedRule r = ScopedRule.forCategory("06", tree, INNER).withinRegion(district.code());

    assertThat(r.name()).isEqualTo("inner[06 @ " + district.code() + "]");
    assertThat(r.tryDecide(newCase("0601", gridInside))).isPresent();
    assertThat(r.tryDecide(newCase("0601", gridOutside))).isEmpty();
    assertThat(r.tryDecide(newCase("0101", gridInside))).isEmpty();
  }

  @Test
  void anInnerRuleThatDoesNotDecideLeavesTheScopeUndecided() {
    assertThat(ScopedRule.forCategory("", tree, SILENT).tryDecide(newCase("0101", gridInside)))
        .isEmpty();
  }

  @Test
  void aPrefixOfNonDigitsOrARegionOutsideTheTreeIsRefused() {
    for (String bad : new String[] {"0a", "0/", "0:", "x"}) {
      assertThatThrownBy(() -> ScopedRule.forCategory(bad, tree, INNER))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("category prefix " + bad + " is not digits");
    }
    assertThat(ScopedRule.forCategory("0909", tree, INNER).name()).startsWith("inner[0909 ");
    assertThatThrownBy(() -> ScopedRule.forRegion(999_999_999L, tree, INNER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("999999999")
        .hasMessageContaining("is not in the tree");
  }
}
