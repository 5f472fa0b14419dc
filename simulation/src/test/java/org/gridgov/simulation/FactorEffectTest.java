package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Main effects against a planted linear model y = 3 + 2a − b + 0.5ab + u_r + e (a, b the coded
 * levels 0/1 of the first two factors, u_r a noise common to replication r, e a noise per run): the
 * effect of A averaged over B is 2 + 0.5/2 = 2.25, of B −1 + 0.5/2 = −0.75, of C 0.
 */
class FactorEffectTest {
  private static final Scenario BASE = TestScenarios.small().build();

  private static final ImmutableList<Factor> FACTORS =
      ImmutableList.of(
          Factor.of(SweepParameter.WORKERS_PER_GRID, "1", "2"),
          Factor.of(SweepParameter.DEPARTMENT_CAPACITY, "2", "4"),
          Factor.of(SweepParameter.CASES_PER_RESIDENT_PER_YEAR, "1", "2"));

  /** The planted model's runs over a plan; the on-time rate is y, every other metric 0. */
  private static DesignResult planted(
      DesignPlan plan, int replications, double commonNoise, double runNoise, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] common = new double[replications];
    for (int r = 0; r < replications; r++) {
      common[r] = commonNoise * random.nextGaussian();
    }
    ImmutableList.Builder<ReplicationResult> runs = ImmutableList.builder();
    for (DesignPoint p : plan.points()) {
      double a = coded(p, 0);
      double b = coded(p, 1);
      for (int r = 0; r < replications; r++) {
        double y = 3 + 2 * a - b + 0.5 * a * b + common[r] + runNoise * random.nextGaussian();
        Map<Metric, Double> v = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
          v.put(m, 0.0);
        }
        v.put(Metric.ON_TIME_CLOSING_RATE, y);
        runs.add(ReplicationResult.of(p.label(), r, v, 0, 0));
      }
    }
    return DesignRunner.assemble(new Design(BASE, plan, replications, 1, 1), runs.build());
  }

  private static double coded(DesignPoint p, int factor) {
    Factor f = FACTORS.get(factor);
    return p.settings().containsKey(f.parameter()) ? f.levels().indexOf(p.level(f.parameter())) : 0;
  }

  @Test
  void commonNoiseCancelsAndTheEffectIsTheModelsAverageSlope() {
    DesignResult r = planted(FactorialDesigns.full(FACTORS), 5, 100, 0, 5);
    List<FactorEffect> effects = FactorEffect.of(r, Metric.ON_TIME_CLOSING_RATE);
    assertThat(effects)
        .extracting(FactorEffect::factor)
        .containsExactly(
            SweepParameter.WORKERS_PER_GRID,
            SweepParameter.DEPARTMENT_CAPACITY,
            SweepParameter.CASES_PER_RESIDENT_PER_YEAR);
    assertThat(effects.get(0).effect().mean()).isCloseTo(2.25, within(1e-9));
    assertThat(effects.get(1).effect().mean()).isCloseTo(-0.75, within(1e-9));
    assertThat(effects.get(2).effect().mean()).isCloseTo(0, within(1e-9));
    assertThat(effects.get(0).effect().halfWidth()).isLessThan(1e-9);
    assertThat(effects.get(0).significant()).isTrue();
    assertThat(effects.get(0).low()).isEqualTo("1");
    assertThat(effects.get(0).high()).isEqualTo("2");
    // the points' own intervals are wide: the common noise (sd 100) does not cancel there
    assertThat(r.points().get(0).estimate(Metric.ON_TIME_CLOSING_RATE).halfWidth())
        .isGreaterThan(10);
  }

  @Test
  void withNoisePerRunTheIntervalCoversTheModelsEffectAbout95PercentOfTheTime() {
    int covered = 0;
    for (int trial = 0; trial < 200; trial++) {
      DesignResult r = planted(FactorialDesigns.full(FACTORS), 4, 10, 1, 1000 + trial);
      covered +=
          FactorEffect.of(r, Metric.ON_TIME_CLOSING_RATE).get(0).effect().covers(2.25) ? 1 : 0;
    }
    // 95% intervals: 200 trials cover 181..199 times with probability > 0.999
    assertThat(covered).isBetween(181, 199);
  }

  @Test
  void aFractionalDesignGivesEveryFactorsEffect() {
    DesignPlan half = FactorialDesigns.fractional(FACTORS, List.of("C=AB"));
    List<FactorEffect> effects =
        FactorEffect.of(planted(half, 3, 50, 0, 9), Metric.ON_TIME_CLOSING_RATE);
    assertThat(effects).hasSize(3);
    // in the 2^(3-1) with C=AB each A level still meets both B levels: A's effect is 2.25
    assertThat(effects.get(0).effect().mean()).isCloseTo(2.25, within(1e-9));
  }

  @Test
  void aLatinHypercubeOrOneFactorDesignHasNoMainEffects() {
    DesignPlan lhs =
        LatinHypercube.plan(
            List.of(new LatinHypercube.Range(SweepParameter.CASES_PER_RESIDENT_PER_YEAR, 0.5, 3)),
            4,
            3);
    assertThat(FactorEffect.of(planted(lhs, 3, 1, 1, 1), Metric.ON_TIME_CLOSING_RATE)).isEmpty();
    DesignPlan one = FactorialDesigns.full(List.of(FACTORS.get(0)));
    assertThat(FactorEffect.of(planted(one, 3, 1, 1, 1), Metric.ON_TIME_CLOSING_RATE)).isEmpty();
  }
}
