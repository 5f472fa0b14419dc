package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import org.junit.jupiter.api.Test;

class QueueingValidationTest {

  /**
   * The whole engine, driven by the simulator, reproduces Erlang-C for every default model. The
   * seed is fixed once (not chosen after looking at results); each of the eight intervals covers
   * its true value with probability about 95%, so another seed may fail one of them by chance.
   */
  @Test
  void everyDefaultModelReproducesErlangCWithinItsConfidenceIntervals() {
    ImmutableList<QueueingValidation.Check> checks =
        QueueingValidation.run(QueueingValidation.defaultModels(), 1, 10, Progress.NONE);

    assertThat(checks).hasSize(QueueingValidation.defaultModels().size());
    for (QueueingValidation.Check c : checks) {
      assertThat(c.meanWaitMinutes().n()).isEqualTo(10);
      assertThat(c.meanWaitMinutes().covers(c.model().meanWaitMinutes()))
          .as(
              "%s: Erlang-C W_q %.3f min in %s",
              c.model(), c.model().meanWaitMinutes(), c.meanWaitMinutes())
          .isTrue();
      assertThat(c.waitProbability().covers(c.model().waitProbability()))
          .as(
              "%s: Erlang-C P(W>0) %.4f in %s",
              c.model(), c.model().waitProbability(), c.waitProbability())
          .isTrue();
      assertThat(c.passed()).isTrue();
      // Tight enough to mean something: the interval of P(wait > 0) is narrower than ±0.06.
      assertThat(c.waitProbability().halfWidth()).isLessThan(0.06);
    }
  }

  @Test
  void aCheckFailsWhenTheTheoryLiesOutsideTheInterval() {
    MmcModel m = new MmcModel(0.8, 1.0, 1); // W_q = 240 min, P(W > 0) = 0.8
    var inside =
        new QueueingValidation.Check(m, new Estimate(235, 10, 5), new Estimate(0.79, 0.02, 5));
    var waitOutside =
        new QueueingValidation.Check(m, new Estimate(200, 10, 5), new Estimate(0.79, 0.02, 5));
    var probabilityOutside =
        new QueueingValidation.Check(m, new Estimate(235, 10, 5), new Estimate(0.7, 0.02, 5));

    assertThat(inside.passed()).isTrue();
    assertThat(waitOutside.passed()).isFalse();
    assertThat(probabilityOutside.passed()).isFalse();
  }

  @Test
  void oneReplicationIsRefused() {
    assertThatThrownBy(
            () -> QueueingValidation.run(QueueingValidation.defaultModels(), 1, 1, Progress.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("replications must be >= 2");
  }

  /**
   * The pooled ratio weights each replication by its count: with 1 of 10 and 9 of 30 it is 10/40 =
   * 0.25, not the mean of the ratios (0.1 + 0.3) / 2 = 0.2, which is what made P(wait > 0) lie
   * below Erlang-C (congested windows hold more cases). Interval: linearised values 0.175 and
   * 0.325, standard error 0.075, t(1) = 12.706.
   */
  @Test
  void theRatioEstimatorPoolsTheReplicationsAndGivesTheDeltaMethodInterval() {
    Estimate e = QueueingValidation.ratio(new double[] {1, 9}, new double[] {10, 30});

    assertThat(e.mean()).isCloseTo(0.25, within(1e-12));
    assertThat(e.halfWidth()).isCloseTo(12.706 * 0.075, within(1e-3));
    assertThat(e.n()).isEqualTo(2);
  }

  @Test
  void theRatioEstimatorRefusesAnEmptyReplicationNamingIt() {
    assertThatThrownBy(() -> QueueingValidation.ratio(new double[] {1, 0}, new double[] {10, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("replication 1: count 0.0, expected > 0");
  }
}
