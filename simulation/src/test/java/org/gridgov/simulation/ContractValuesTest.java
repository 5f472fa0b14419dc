package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The small value types of the simulation API: distributions, estimates, M/M/c formulas, sweep
 * parameters.
 */
class ContractValuesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "fixed(5)",
        "exponential(30)",
        "lognormal(60, 30)",
        "empirical(10 20 35 35 90)",
        "fixed(2.5)"
      })
  void distributionTextRoundTrips(String text) {
    Distribution d = Distribution.parse(text);
    assertThat(Distribution.parse(d.toString())).isEqualTo(d);
  }

  @Test
  void distributionParseIsCaseInsensitiveAndAcceptsCommas() {
    assertThat(Distribution.parse(" LogNormal( 60 , 30 ) "))
        .isEqualTo(Distribution.lognormal(60, 30));
    assertThat(Distribution.parse("empirical(1, 2,3)")).isEqualTo(Distribution.empirical(1, 2, 3));
  }

  @Test
  void badDistributionsNameTheTextAndTheForms() {
    assertThatThrownBy(() -> Distribution.parse("gamma(2, 3)"))
        .hasMessageContaining("'gamma(2, 3)'")
        .hasMessageContaining("unknown distribution 'gamma'")
        .hasMessageContaining("lognormal(mean, sd)");
    assertThatThrownBy(() -> Distribution.parse("exponential(x)"))
        .hasMessageContaining("'x' is not a number");
    assertThatThrownBy(() -> Distribution.parse("exponential(1, 2)"))
        .hasMessageContaining("takes 1 argument");
    assertThatThrownBy(() -> Distribution.parse("exponential(-1)"))
        .hasMessageContaining("mean must be");
    assertThatThrownBy(() -> Distribution.parse("fixed 3"))
        .hasMessageContaining("expected name(arguments)");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void sampleMeansApproachTheDeclaredMeans(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (Distribution d :
        new Distribution[] {
          Distribution.exponential(30),
          Distribution.lognormal(60, 30),
          Distribution.empirical(10, 20, 90),
          Distribution.fixed(7)
        }) {
      double sum = 0;
      int n = 200_000;
      for (int i = 0; i < n; i++) {
        double x = d.sampleMinutes(r);
        assertThat(x).isGreaterThanOrEqualTo(0);
        sum += x;
      }
      assertThat(sum / n)
          .as("%s, seed %s", d, seed)
          .isCloseTo(d.meanMinutes(), within(d.meanMinutes() * 0.02));
    }
  }

  @Test
  void estimateUsesStudentT() {
    // samples 1..5: mean 3, sd sqrt(2.5), t(4) = 2.776 → half-width 2.776 * 1.5811 / sqrt(5) =
    // 1.963
    Estimate e = Estimate.of(1, 2, 3, 4, 5);
    assertThat(e.mean()).isEqualTo(3.0);
    assertThat(e.halfWidth()).isCloseTo(1.963, within(1e-3));
    assertThat(e.covers(4.9)).isTrue();
    assertThat(e.covers(5.0)).isFalse();
    assertThat(Estimate.of(7).halfWidth()).isNaN();
    assertThat(Estimate.tQuantile95(60)).isCloseTo(2.000, within(2e-3)); // table value 2.000
    assertThat(Estimate.tQuantile95(120)).isCloseTo(1.980, within(2e-3)); // table value 1.980
  }

  @Test
  void erlangCAgreesWithHandComputedQueues() {
    // M/M/1, λ = 0.8, μ = 1: P(wait) = ρ = 0.8; Wq = ρ / (μ − λ) = 4 h.
    MmcModel mm1 = new MmcModel(0.8, 1.0, 1);
    assertThat(mm1.waitProbability()).isCloseTo(0.8, within(1e-12));
    assertThat(mm1.meanWaitMinutes()).isCloseTo(240, within(1e-9));
    // M/M/2, λ = 1, μ = 1 (a = 1, ρ = 0.5): C = (a²/2! · 1/(1−ρ)) / (1 + a + a²/2! · 1/(1−ρ)) =
    // 1/3;
    // Wq = C / (cμ − λ) = 1/3 h = 20 min.
    MmcModel mm2 = new MmcModel(1.0, 1.0, 2);
    assertThat(mm2.waitProbability()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(mm2.meanWaitMinutes()).isCloseTo(20, within(1e-9));
    assertThatThrownBy(() -> new MmcModel(2.0, 1.0, 2)).hasMessageContaining("unstable queue");
  }

  @Test
  void sweepParametersApplyAndNameBadValues() {
    Scenario base =
        Scenario.builder()
            .name("t")
            .city(new CitySpec.Putian(1))
            .addCategories(new CategoryMix("0101", 1, Distribution.exponential(30), 0.9))
            .putPolicyVariants("strict", "category,region,priority,point,holder,action\n")
            .build();
    assertThat(SweepParameter.parse("households-per-grid").apply(base, "300").householdsPerGrid())
        .hasValue(300.0);
    assertThat(SweepParameter.WORKERS_PER_GRID.apply(base, "3").staffing().workersPerGrid())
        .isEqualTo(3);
    assertThat(SweepParameter.POLICY.apply(base, "strict").routingPolicy()).isPresent();
    assertThat(SweepParameter.POLICY.apply(base, "default")).isEqualTo(base);
    assertThatThrownBy(() -> SweepParameter.parse("grid-size"))
        .hasMessageContaining("'grid-size'")
        .hasMessageContaining("households-per-grid");
    assertThatThrownBy(() -> SweepParameter.WORKERS_PER_GRID.apply(base, "1.5"))
        .hasMessageContaining("workers-per-grid=1.5")
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> SweepParameter.POLICY.apply(base, "lax"))
        .hasMessageContaining("no policy variant named 'lax'")
        .hasMessageContaining("strict");
    assertThatThrownBy(() -> SweepParameter.HOUSEHOLDS_PER_GRID.apply(base, "-5"))
        .hasMessageContaining("households-per-grid must be > 0");
  }

  @Test
  void householdsPerGridOnlyForGeneratedCities() {
    assertThatThrownBy(
            () ->
                Scenario.builder()
                    .name("t")
                    .city(new CitySpec.SingleGrid(10))
                    .householdsPerGrid(100)
                    .addCategories(new CategoryMix("0101", 1, Distribution.exponential(30), 1))
                    .build())
        .hasMessageContaining("households-per-grid applies to generated cities");
  }
}
