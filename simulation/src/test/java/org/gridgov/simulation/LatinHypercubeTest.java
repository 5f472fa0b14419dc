package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LatinHypercubeTest {
  private static final List<LatinHypercube.Range> RANGES =
      List.of(
          new LatinHypercube.Range(SweepParameter.HOUSEHOLDS_PER_GRID, 100, 900),
          new LatinHypercube.Range(SweepParameter.CASES_PER_RESIDENT_PER_YEAR, 0.5, 2.5));

  @Test
  void eachRangeHasExactlyOnePointInEachOfItsNStrata() {
    for (long seed = 0; seed < 20; seed++) {
      int n = 10;
      DesignPlan plan = LatinHypercube.plan(RANGES, n, seed);
      assertThat(plan.points()).hasSize(n);
      for (LatinHypercube.Range r : RANGES) {
        Set<Integer> strata = new HashSet<>();
        for (DesignPoint p : plan.points()) {
          double x = Double.parseDouble(p.level(r.parameter()));
          assertThat(x).isBetween(r.lower(), r.upper());
          strata.add((int) Math.floor((x - r.lower()) / (r.upper() - r.lower()) * n));
        }
        assertThat(strata).as("seed %s %s", seed, r.parameter()).hasSize(n);
      }
    }
  }

  @Test
  void sameSeedSamePointsOtherSeedOtherPoints() {
    assertThat(LatinHypercube.plan(RANGES, 8, 3)).isEqualTo(LatinHypercube.plan(RANGES, 8, 3));
    assertThat(LatinHypercube.plan(RANGES, 8, 4).points())
        .isNotEqualTo(LatinHypercube.plan(RANGES, 8, 3).points());
  }

  @Test
  void wholeNumberParametersAreRoundedAndPolicyIsRefused() {
    DesignPlan plan =
        LatinHypercube.plan(
            List.of(new LatinHypercube.Range(SweepParameter.WORKERS_PER_GRID, 1, 4)), 6, 1);
    for (DesignPoint p : plan.points()) {
      assertThat(p.level(SweepParameter.WORKERS_PER_GRID)).matches("[1-4]");
    }
    assertThatThrownBy(() -> new LatinHypercube.Range(SweepParameter.POLICY, 0, 1))
        .hasMessageContaining("policy is not numeric");
    assertThatThrownBy(() -> new LatinHypercube.Range(SweepParameter.WORKERS_PER_GRID, 3, 3))
        .hasMessageContaining("workers-per-grid: range [3.0, 3.0]");
  }
}
