package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

class CoverageStudyTest {
  private static final MmcModel M1 = new MmcModel(0.8, 1.0, 1);
  private static final MmcModel M4 = new MmcModel(3.0, 1.0, 4);

  /** A check whose two estimates are theory + offset with half-width 1 (unit of the metric). */
  private static QueueingValidation.Check check(MmcModel m, double waitOffset, double probOffset) {
    return new QueueingValidation.Check(
        m,
        new Estimate(m.meanWaitMinutes() + waitOffset, 1, 10),
        new Estimate(m.waitProbability() + probOffset, 0.01, 10));
  }

  @Test
  void tallyCountsCoveringIntervalsAndSignsPerModel() {
    ImmutableList<MmcModel> models = ImmutableList.of(M1, M4);
    List<List<QueueingValidation.Check>> perSeed = new ArrayList<>();
    // seed 0: both cover, both above; seed 1: M1's wait misses (2 above), M4's P below and missing
    perSeed.add(List.of(check(M1, 0.5, 0.005), check(M4, 0.5, 0.005)));
    perSeed.add(List.of(check(M1, 2, -0.005), check(M4, -0.5, -0.02)));
    perSeed.add(List.of(check(M1, -0.5, 0.002), check(M4, -3, 0.001)));
    ImmutableList<CoverageStudy.Row> rows = CoverageStudy.tally(models, perSeed);
    assertThat(rows.get(0)).isEqualTo(new CoverageStudy.Row(M1, 3, 2, 3, 2, 2));
    assertThat(rows.get(1)).isEqualTo(new CoverageStudy.Row(M4, 3, 2, 2, 1, 2));
  }

  @Test
  void theBinomialBandAcceptsNominalCoverageAndRefusesASystematicMiss() {
    // 100 seeds at p = 0.95: sd 2.18, band 95 ± (2.576 × 2.18 + 0.5) = 95 ± 6.1
    CoverageStudy.Row at89 = new CoverageStudy.Row(M1, 100, 89, 95, 50, 50);
    CoverageStudy.Row at88 = new CoverageStudy.Row(M1, 100, 88, 95, 50, 50);
    assertThat(at89.passed()).isTrue();
    assertThat(at88.passed()).isFalse();
    // signs: 100 seeds at p = 0.5: sd 5, band 50 ± 13.4; 63 above is fine, 65 is not
    assertThat(new CoverageStudy.Row(M1, 100, 95, 95, 63, 50).passed()).isTrue();
    assertThat(new CoverageStudy.Row(M1, 100, 95, 95, 50, 65).passed()).isFalse();
    assertThat(at89.markdown()).startsWith("| (0.8, 1.0, 1) | 0.80 | 100 | 89.0 % | 95.0 %");
  }

  @Test
  void eachSeedIsAValidationOnItsOwnStream() {
    ImmutableList<MmcModel> models = ImmutableList.of(M1);
    ImmutableList<CoverageStudy.Row> rows = CoverageStudy.run(models, 7, 2, 2, Progress.NONE);
    // Oracle: the two validations run by hand on the documented streams, tallied by hand.
    RandomStreams study = RandomStreams.of(7);
    int covered = 0;
    int above = 0;
    List<Double> means = new ArrayList<>();
    for (int s = 0; s < 2; s++) {
      QueueingValidation.Check c =
          QueueingValidation.run(
                  models, study.stream("coverage-study", s).nextLong(), 2, Progress.NONE)
              .get(0);
      covered += c.meanWaitMinutes().covers(M1.meanWaitMinutes()) ? 1 : 0;
      above += c.meanWaitMinutes().mean() > M1.meanWaitMinutes() ? 1 : 0;
      means.add(c.meanWaitMinutes().mean());
    }
    assertThat(rows.get(0).seeds()).isEqualTo(2);
    assertThat(rows.get(0).meanWaitCovered()).isEqualTo(covered);
    assertThat(rows.get(0).meanWaitAbove()).isEqualTo(above);
    assertThat(means.get(0)).isNotEqualTo(means.get(1)); // independent seeds, different runs
  }

  /**
   * The study itself, for docs/simulation.md: runs only when asked, e.g. {@code mvn -B -ntp -o
   * verify -pl simulation -am -Dtest=CoverageStudyTest#study
   * -Dsurefire.failIfNoSpecifiedTests=false -Dgridgov.coverage.seeds=200
   * -Dgridgov.coverage.replications=10}; prints the table.
   */
  @Test
  @EnabledIfSystemProperty(named = "gridgov.coverage.seeds", matches = "\\d+")
  void study() {
    int seeds = Integer.parseInt(System.getProperty("gridgov.coverage.seeds"));
    int replications = Integer.parseInt(System.getProperty("gridgov.coverage.replications", "10"));
    ImmutableList<MmcModel> models =
        System.getProperty("gridgov.coverage.models", "all").equals("first")
            ? QueueingValidation.defaultModels().subList(0, 1)
            : QueueingValidation.defaultModels();
    ImmutableList<CoverageStudy.Row> rows =
        CoverageStudy.run(models, 20261204L, seeds, replications, Progress.NONE);
    StringBuilder table = new StringBuilder(CoverageStudy.MARKDOWN_HEADER).append('\n');
    rows.forEach(r -> table.append(r.markdown()).append('\n'));
    System.out.println(
        "coverage study, seed 20261204, "
            + seeds
            + " seeds x "
            + replications
            + " replications:\n"
            + table);
    assertThat(rows).hasSize(models.size());
  }
}
