package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;

/**
 * A designed experiment as a scenario file's {@code experiment:} section states it: which design
 * (full or fractional factorial, or a Latin hypercube), its factors, the replications and whether
 * the points share random numbers. {@link #plan()} makes the {@link DesignPlan}; {@link
 * #design(Scenario, long, int)} the {@link Design} to run.
 *
 * <pre>{@code
 * ExperimentSpec e = ExperimentSpec.full(ImmutableList.of(
 *     Factor.of(SweepParameter.HOUSEHOLDS_PER_GRID, "150", "500"),
 *     Factor.of(SweepParameter.WORKERS_PER_GRID, "1", "2")), 3, true);
 * DesignResult r = DesignRunner.run(e.design(scenario, 1, 2), e.commonRandomNumbers(),
 *     Progress.NONE);
 * }</pre>
 *
 * @param kind how the points are chosen
 * @param factors the factors with their levels (full and fractional designs; empty for a Latin
 *     hypercube)
 * @param generators a fractional design's generators such as {@code D=ABC}, one per generated
 *     factor; empty otherwise
 * @param ranges a Latin hypercube's numeric ranges; empty otherwise
 * @param points a Latin hypercube's number of points ({@code >= 2}); 0 otherwise
 * @param sampleSeed a Latin hypercube's sampling seed; 0 otherwise
 * @param replications replications per point, {@code >= 1}
 * @param commonRandomNumbers whether replication {@code r} of every point uses the same random
 *     streams (paired differences then cancel the streams' noise); otherwise each point has its own
 */
public record ExperimentSpec(
    Kind kind,
    ImmutableList<Factor> factors,
    ImmutableList<String> generators,
    ImmutableList<LatinHypercube.Range> ranges,
    int points,
    long sampleSeed,
    int replications,
    boolean commonRandomNumbers) {

  /** How a design chooses its points; the names are the file's {@code design:} values. */
  public enum Kind {
    /** Every combination of the factors' levels ({@link FactorialDesigns#full}). */
    FULL("full"),
    /** A two-level fraction set by generators ({@link FactorialDesigns#fractional}). */
    FRACTIONAL("fractional"),
    /** A Latin hypercube over numeric ranges ({@link LatinHypercube#plan}). */
    LHS("lhs");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    /**
     * Returns the name in scenario files.
     *
     * @return {@code full}, {@code fractional} or {@code lhs}
     */
    public String id() {
      return id;
    }
  }

  /**
   * Validates, and makes the plan once so that a bad generator or level count fails here.
   *
   * @param kind how the points are chosen
   * @param factors the factors (full, fractional)
   * @param generators the generators (fractional)
   * @param ranges the ranges (lhs)
   * @param points the number of points (lhs)
   * @param sampleSeed the sampling seed (lhs)
   * @param replications replications per point, {@code >= 1}
   * @param commonRandomNumbers whether the points share random numbers
   * @throws IllegalArgumentException naming what does not fit the kind
   */
  public ExperimentSpec {
    checkArgument(replications >= 1, "replications must be >= 1 but was %s", replications);
    if (kind == Kind.LHS) {
      checkArgument(
          factors.isEmpty() && generators.isEmpty(),
          "a Latin hypercube takes ranges, not factor levels or generators");
      checkArgument(points >= 2, "a Latin hypercube needs points >= 2 but had %s", points);
    } else {
      checkArgument(
          ranges.isEmpty() && points == 0 && sampleSeed == 0,
          "a %s factorial takes factor levels, not ranges, points or a sample seed",
          kind.id());
      checkArgument(
          kind == Kind.FRACTIONAL || generators.isEmpty(),
          "a full factorial has no generators; use design: fractional");
      checkArgument(
          kind == Kind.FULL || !generators.isEmpty(),
          "a fractional factorial needs at least one generator such as D=ABC");
    }
    var unused = plan(kind, factors, generators, ranges, points, sampleSeed);
  }

  /**
   * Returns a full factorial experiment.
   *
   * @param factors the factors
   * @param replications replications per point
   * @param commonRandomNumbers whether the points share random numbers
   * @return the experiment
   */
  public static ExperimentSpec full(
      ImmutableList<Factor> factors, int replications, boolean commonRandomNumbers) {
    return new ExperimentSpec(
        Kind.FULL,
        factors,
        ImmutableList.of(),
        ImmutableList.of(),
        0,
        0,
        replications,
        commonRandomNumbers);
  }

  /**
   * Returns a two-level fractional factorial experiment.
   *
   * @param factors the factors, two levels each
   * @param generators one per generated (last) factor, e.g. {@code D=ABC}
   * @param replications replications per point
   * @param commonRandomNumbers whether the points share random numbers
   * @return the experiment
   */
  public static ExperimentSpec fractional(
      ImmutableList<Factor> factors,
      ImmutableList<String> generators,
      int replications,
      boolean commonRandomNumbers) {
    return new ExperimentSpec(
        Kind.FRACTIONAL,
        factors,
        generators,
        ImmutableList.of(),
        0,
        0,
        replications,
        commonRandomNumbers);
  }

  /**
   * Returns a Latin hypercube experiment.
   *
   * @param ranges the numeric ranges
   * @param points the number of points, {@code >= 2}
   * @param sampleSeed the sampling seed
   * @param replications replications per point
   * @param commonRandomNumbers whether the points share random numbers
   * @return the experiment
   */
  public static ExperimentSpec latinHypercube(
      ImmutableList<LatinHypercube.Range> ranges,
      int points,
      long sampleSeed,
      int replications,
      boolean commonRandomNumbers) {
    return new ExperimentSpec(
        Kind.LHS,
        ImmutableList.of(),
        ImmutableList.of(),
        ranges,
        points,
        sampleSeed,
        replications,
        commonRandomNumbers);
  }

  /**
   * Returns the points the experiment runs.
   *
   * @return the plan
   */
  public DesignPlan plan() {
    return plan(kind, factors, generators, ranges, points, sampleSeed);
  }

  /**
   * Returns the design to run over a scenario.
   *
   * @param scenario the base scenario (its own {@code experiment:} section is not consulted)
   * @param seed the experiment seed
   * @param parallelism how many runs at once, {@code >= 1}
   * @return the design
   * @throws IllegalArgumentException naming a level that does not fit the scenario
   */
  public Design design(Scenario scenario, long seed, int parallelism) {
    return new Design(scenario, plan(), replications, seed, parallelism);
  }

  private static DesignPlan plan(
      Kind kind,
      ImmutableList<Factor> factors,
      ImmutableList<String> generators,
      ImmutableList<LatinHypercube.Range> ranges,
      int points,
      long sampleSeed) {
    return switch (kind) {
      case FULL -> FactorialDesigns.full(factors);
      case FRACTIONAL -> FactorialDesigns.fractional(factors, generators);
      case LHS -> LatinHypercube.plan(ranges, points, sampleSeed);
    };
  }
}
