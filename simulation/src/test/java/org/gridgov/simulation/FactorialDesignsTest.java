package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FactorialDesignsTest {
  private static final ImmutableList<SweepParameter> PARAMS =
      ImmutableList.copyOf(SweepParameter.values());

  private static List<Factor> twoLevel(int k) {
    List<Factor> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      out.add(Factor.of(PARAMS.get(i), "lo" + i, "hi" + i));
    }
    return out;
  }

  @Test
  void fullFactorialHasEveryCombinationOnceFirstFactorSlowest() {
    DesignPlan plan =
        FactorialDesigns.full(
            List.of(
                Factor.of(SweepParameter.HOUSEHOLDS_PER_GRID, "150", "300", "500"),
                Factor.of(SweepParameter.WORKERS_PER_GRID, "1", "2")));

    assertThat(plan.points())
        .extracting(DesignPoint::label)
        .containsExactly(
            "households-per-grid=150, workers-per-grid=1",
            "households-per-grid=150, workers-per-grid=2",
            "households-per-grid=300, workers-per-grid=1",
            "households-per-grid=300, workers-per-grid=2",
            "households-per-grid=500, workers-per-grid=1",
            "households-per-grid=500, workers-per-grid=2");
    assertThat(plan.description()).contains("3×2").contains("6 points");
  }

  @Test
  void halfFractionOfFourFactorsIsBalancedAndGeneratedByItsGenerator() {
    DesignPlan plan = FactorialDesigns.fractional(twoLevel(4), List.of("D=ABC"));

    int[][] x = coded(plan, 4);
    assertThat(x).hasNumberOfRows(8);
    Set<String> base = new HashSet<>();
    for (int[] row : x) {
      assertThat(row[3]).isEqualTo(row[0] * row[1] * row[2]);
      base.add(row[0] + "," + row[1] + "," + row[2]);
    }
    assertThat(base).hasSize(8);
    for (int j = 0; j < 4; j++) {
      int sum = 0;
      for (int[] row : x) {
        sum += row[j];
      }
      assertThat(sum).as("column %s balanced", j).isZero();
    }
    assertThat(plan.description()).contains("2^(4-1)").contains("resolution IV").contains("D=ABC");
  }

  /**
   * The resolution the generators imply equals the one read off the points: the smallest set of
   * factors whose coded columns multiply to a constant.
   */
  @Test
  void statedResolutionMatchesTheShortestConstantProductOfColumnsForEveryGeneratorChoice() {
    List<List<String>> choices = new ArrayList<>();
    for (String d : List.of("D=AB", "D=AC", "D=BC", "D=ABC")) {
      choices.add(List.of(d));
    }
    for (String d : List.of("D=AB", "D=AC", "D=BC", "D=ABC")) {
      for (String e : List.of("E=AB", "E=AC", "E=BC", "E=ABC")) {
        if (!e.substring(2).equals(d.substring(2))) {
          choices.add(List.of(d, e));
        }
      }
    }
    for (List<String> gens : choices) {
      int k = 3 + gens.size();
      DesignPlan plan = FactorialDesigns.fractional(twoLevel(k), gens);
      int observed = shortestConstantProduct(coded(plan, k), k);
      assertThat(plan.description()).as("%s", gens).contains("resolution " + roman(observed));
    }
  }

  @Test
  void badGeneratorsAreRefusedNamingThem() {
    assertThatThrownBy(() -> FactorialDesigns.fractional(twoLevel(4), List.of("D=ABE")))
        .hasMessageContaining("D=ABE")
        .hasMessageContaining("'E' is not a base factor");
    assertThatThrownBy(() -> FactorialDesigns.fractional(twoLevel(4), List.of("E=ABC")))
        .hasMessageContaining("expected D=");
    List<Factor> three = new ArrayList<>(twoLevel(3));
    three.add(Factor.of(SweepParameter.DEPARTMENT_CAPACITY, "1", "2", "3"));
    assertThatThrownBy(() -> FactorialDesigns.fractional(three, List.of("D=ABC")))
        .hasMessageContaining("factor D (department-capacity) must have two levels");
  }

  private static int[][] coded(DesignPlan plan, int k) {
    int[][] x = new int[plan.points().size()][k];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < k; j++) {
        String level = plan.points().get(i).level(PARAMS.get(j));
        x[i][j] = level.startsWith("hi") ? 1 : -1;
      }
    }
    return x;
  }

  private static int shortestConstantProduct(int[][] x, int k) {
    int best = Integer.MAX_VALUE;
    for (int s = 1; s < 1 << k; s++) {
      Set<Integer> products = new HashSet<>();
      for (int[] row : x) {
        int p = 1;
        for (int j = 0; j < k; j++) {
          if ((s & (1 << j)) != 0) {
            p *= row[j];
          }
        }
        products.add(p);
      }
      if (products.size() == 1) {
        best = Math.min(best, Integer.bitCount(s));
      }
    }
    return best;
  }

  private static String roman(int r) {
    return List.of("", "I", "II", "III", "IV", "V").get(r);
  }
}
