package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The coverage study of the queueing validation: {@link QueueingValidation} repeated on many
 * independent seeds, counting per M/M/c model how often the 95% intervals cover the Erlang-C values
 * and on which side of them the estimates fall. An honest simulator covers theory in about 95% of
 * the seeds (within the binomial band) and errs above as often as below; a systematic error shows
 * as low coverage or a lopsided sign.
 *
 * <p>Each seed of the study is drawn from the study seed ({@link RandomStreams} stream {@code
 * coverage-study}), and each model within a seed runs on its own stream, so no two checks share
 * random numbers (common random numbers are for comparisons, not for coverage).
 */
public final class CoverageStudy {
  private CoverageStudy() {}

  /** The nominal coverage of the intervals. */
  public static final double NOMINAL = 0.95;

  /**
   * One model's tally over the seeds.
   *
   * @param model the queue
   * @param seeds the seeds run
   * @param meanWaitCovered seeds whose mean-wait interval covered the Erlang-C mean wait
   * @param waitProbabilityCovered seeds whose P(wait &gt; 0) interval covered Erlang-C's
   * @param meanWaitAbove seeds whose mean-wait estimate lay above theory
   * @param waitProbabilityAbove seeds whose P(wait &gt; 0) estimate lay above theory
   */
  public record Row(
      MmcModel model,
      int seeds,
      int meanWaitCovered,
      int waitProbabilityCovered,
      int meanWaitAbove,
      int waitProbabilityAbove) {

    /**
     * Returns whether a count lies in the two-sided 99% normal-approximation band of a binomial
     * with this many seeds and probability {@code p}.
     *
     * @param count the count
     * @param p the probability under the hypothesis
     * @return whether the count is consistent with {@code p}
     */
    public boolean consistent(int count, double p) {
      double sd = Math.sqrt(seeds * p * (1 - p));
      return Math.abs(count - seeds * p) <= 2.576 * sd + 0.5;
    }

    /**
     * Returns whether both coverages are consistent with {@link #NOMINAL} and both signs with a
     * fair coin.
     *
     * @return whether the model shows no systematic error
     */
    public boolean passed() {
      return consistent(meanWaitCovered, NOMINAL)
          && consistent(waitProbabilityCovered, NOMINAL)
          && consistent(meanWaitAbove, 0.5)
          && consistent(waitProbabilityAbove, 0.5);
    }

    /**
     * Returns the row as a Markdown table row: model, seeds, the two coverages and the two shares
     * above theory.
     *
     * @return the row
     */
    public String markdown() {
      return String.format(
          Locale.ROOT,
          "| (%s, %s, %d) | %.2f | %d | %.1f %% | %.1f %% | %.1f %% | %.1f %% | %s |",
          model.arrivalsPerHour(),
          model.servicesPerHour(),
          model.servers(),
          model.utilisation(),
          seeds,
          100.0 * meanWaitCovered / seeds,
          100.0 * waitProbabilityCovered / seeds,
          100.0 * meanWaitAbove / seeds,
          100.0 * waitProbabilityAbove / seeds,
          passed() ? "yes" : "NO");
    }
  }

  /** The header of {@link Row#markdown()}'s table. */
  public static final String MARKDOWN_HEADER =
      "| model (λ/h, μ/h, c) | ρ | seeds | mean wait covered | P(W>0) covered |"
          + " mean wait above theory | P(W>0) above theory | consistent |\n"
          + "|---|---|---|---|---|---|---|---|";

  /**
   * Runs the study.
   *
   * @param models the models
   * @param seed the study seed
   * @param seeds independent seeds, {@code >= 1}
   * @param replications replications per model and seed, {@code >= 2}
   * @param progress receives progress
   * @return one row per model, in order
   */
  public static ImmutableList<Row> run(
      ImmutableList<MmcModel> models, long seed, int seeds, int replications, Progress progress) {
    checkArgument(seeds >= 1, "seeds must be >= 1 but was %s", seeds);
    RandomStreams study = RandomStreams.of(seed);
    List<List<QueueingValidation.Check>> perSeed = new ArrayList<>();
    for (int s = 0; s < seeds; s++) {
      long seedOfRun = study.stream("coverage-study", s).nextLong();
      perSeed.add(QueueingValidation.run(models, seedOfRun, replications, progress));
    }
    return tally(models, perSeed);
  }

  /**
   * Tallies checks: per model, over the seeds, the covering intervals and the estimates above
   * theory.
   *
   * @param models the models
   * @param perSeed per seed, one check per model in the models' order
   * @return one row per model
   */
  static ImmutableList<Row> tally(
      ImmutableList<MmcModel> models, List<List<QueueingValidation.Check>> perSeed) {
    ImmutableList.Builder<Row> rows = ImmutableList.builder();
    for (int m = 0; m < models.size(); m++) {
      int waitCovered = 0;
      int probCovered = 0;
      int waitAbove = 0;
      int probAbove = 0;
      for (List<QueueingValidation.Check> checks : perSeed) {
        QueueingValidation.Check c = checks.get(m);
        MmcModel model = models.get(m);
        waitCovered += c.meanWaitMinutes().covers(model.meanWaitMinutes()) ? 1 : 0;
        probCovered += c.waitProbability().covers(model.waitProbability()) ? 1 : 0;
        waitAbove += c.meanWaitMinutes().mean() > model.meanWaitMinutes() ? 1 : 0;
        probAbove += c.waitProbability().mean() > model.waitProbability() ? 1 : 0;
      }
      rows.add(
          new Row(models.get(m), perSeed.size(), waitCovered, probCovered, waitAbove, probAbove));
    }
    return rows.build();
  }
}
