package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link Design}s: every point and replication, in parallel, with results equal to a
 * sequential run, as {@link Experiments} does for sweeps.
 *
 * <p>Replication {@code r} of every point runs on {@link RandomStreams} of (design seed, {@code r})
 * whatever the point's factor levels: common random numbers across points.
 */
public final class DesignRunner {
  private DesignRunner() {}

  /**
   * Runs a design.
   *
   * @param design the experiment
   * @param progress receives simulated hours done over all runs
   * @return every replication and the summaries
   * @throws IllegalArgumentException if a point's scenario does not fit its city
   */
  public static DesignResult run(Design design, Progress progress) {
    List<Scenario> scenarios = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (DesignPoint p : design.plan().points()) {
      scenarios.add(p.apply(design.scenario()));
      labels.add(p.label());
    }
    ImmutableList<ReplicationResult> runs =
        Experiments.runAll(
            scenarios,
            labels,
            design.replications(),
            design.seed(),
            design.parallelism(),
            progress);
    return assemble(design, runs);
  }

  /**
   * Runs a design with or without common random numbers. With them this is {@link #run(Design,
   * Progress)}; without, point {@code i} runs on the streams of its own seed, drawn from the design
   * seed's {@code design-point} stream {@code i}, so points are independent (paired differences are
   * then still valid, only wider).
   *
   * @param design the experiment
   * @param commonRandomNumbers whether the points share random numbers
   * @param progress receives simulated hours done over all runs
   * @return every replication and the summaries
   * @throws IllegalArgumentException if a point's scenario does not fit its city
   */
  public static DesignResult run(Design design, boolean commonRandomNumbers, Progress progress) {
    if (commonRandomNumbers) {
      return run(design, progress);
    }
    ImmutableList.Builder<ReplicationResult> runs = ImmutableList.builder();
    ImmutableList<DesignPoint> points = design.plan().points();
    for (int i = 0; i < points.size(); i++) {
      DesignPoint p = points.get(i);
      runs.addAll(
          Experiments.runAll(
              List.of(p.apply(design.scenario())),
              List.of(p.label()),
              design.replications(),
              pointSeed(design.seed(), i),
              design.parallelism(),
              progress));
    }
    return assemble(design, runs.build());
  }

  /** The seed of point {@code i} of a design without common random numbers. */
  static long pointSeed(long seed, int point) {
    return RandomStreams.of(seed).stream("design-point", point).nextLong();
  }

  /**
   * Assembles a design's result from its runs.
   *
   * @param design the experiment
   * @param runs every replication, ordered by point then replication
   * @return the result
   * @throws IllegalArgumentException if the runs are not one per point and replication in that
   *     order
   */
  public static DesignResult assemble(Design design, ImmutableList<ReplicationResult> runs) {
    int r = design.replications();
    ImmutableList<DesignPoint> plan = design.plan().points();
    if (runs.size() != plan.size() * r) {
      throw new IllegalArgumentException(
          "expected " + plan.size() * r + " runs (points × replications) but got " + runs.size());
    }
    for (int i = 0; i < runs.size(); i++) {
      ReplicationResult run = runs.get(i);
      String label = plan.get(i / r).label();
      if (!run.parameterValue().equals(label) || run.replication() != i % r) {
        throw new IllegalArgumentException(
            "run "
                + i
                + " is point '"
                + run.parameterValue()
                + "' replication "
                + run.replication()
                + "; expected point '"
                + label
                + "' replication "
                + i % r);
      }
    }
    ImmutableList.Builder<SweepPoint> points = ImmutableList.builder();
    for (int i = 0; i < plan.size(); i++) {
      points.add(Experiments.summarise(plan.get(i).label(), runs.subList(i * r, (i + 1) * r)));
    }
    return new DesignResult(design, runs, points.build());
  }
}
