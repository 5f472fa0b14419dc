package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.gridgov.simulation.internal.CityModel;
import org.gridgov.simulation.internal.PreparedScenario;
import org.gridgov.simulation.internal.Replication;

/**
 * Runs {@link Sweep}s: every value and replication, in parallel, with results equal to a sequential
 * run.
 *
 * <p>Each distinct city (city spec and households per grid) is built once and shared, read-only, by
 * the runs that use it; every run has its own engine and random streams ({@link RandomStreams} of
 * the sweep's seed and the replication number), so the result of a run does not depend on which
 * thread ran it or when.
 *
 * <pre>{@code
 * Sweep sweep = new Sweep(BuiltInScenarios.putian(), SweepParameter.HOUSEHOLDS_PER_GRID,
 *     ImmutableList.of("150", "300", "500", "800"), 5, 42, 2);
 * SweepResult result = Experiments.run(sweep, Progress.NONE);
 * Estimate onTime = result.points().get(0).estimate(Metric.ON_TIME_CLOSING_RATE);
 * }</pre>
 */
public final class Experiments {
  private Experiments() {}

  /**
   * Runs a sweep.
   *
   * @param sweep the experiment
   * @param progress receives simulated hours done over all runs
   * @return every replication and the summaries
   * @throws IllegalArgumentException if a value's scenario does not fit its city (a policy names an
   *     unknown handler, say)
   */
  public static SweepResult run(Sweep sweep, Progress progress) {
    List<Scenario> scenarios = new ArrayList<>();
    for (String v : sweep.values()) {
      scenarios.add(sweep.parameter().apply(sweep.scenario(), v));
    }
    ImmutableList<ReplicationResult> runs =
        runAll(
            scenarios,
            sweep.values(),
            sweep.replications(),
            sweep.seed(),
            sweep.parallelism(),
            progress);
    return assemble(sweep, runs);
  }

  /**
   * Assembles a sweep's result from its runs, in a fixed order: what {@link #run} does after the
   * runs, for {@link SweepExecutor}s that run them elsewhere.
   *
   * @param sweep the experiment
   * @param runs every replication, ordered by value (as in the sweep) then replication
   * @return the runs and one summary per value
   * @throws IllegalArgumentException if the runs are not one per value and replication in that
   *     order
   */
  public static SweepResult assemble(Sweep sweep, ImmutableList<ReplicationResult> runs) {
    int r = sweep.replications();
    if (runs.size() != sweep.values().size() * r) {
      throw new IllegalArgumentException(
          "expected "
              + sweep.values().size() * r
              + " runs (values × replications) but got "
              + runs.size());
    }
    for (int i = 0; i < runs.size(); i++) {
      ReplicationResult run = runs.get(i);
      String value = sweep.values().get(i / r);
      if (!run.parameterValue().equals(value) || run.replication() != i % r) {
        throw new IllegalArgumentException(
            "run "
                + i
                + " is value '"
                + run.parameterValue()
                + "' replication "
                + run.replication()
                + "; expected value '"
                + value
                + "' replication "
                + i % r);
      }
    }
    ImmutableList.Builder<SweepPoint> points = ImmutableList.builder();
    for (int i = 0; i < sweep.values().size(); i++) {
      points.add(summarise(sweep.values().get(i), runs.subList(i * r, (i + 1) * r)));
    }
    return new SweepResult(sweep, runs, points.build());
  }

  /**
   * Checks that every value's scenario fits its city (its policies parse and name known handlers),
   * as {@link #run} does before any run, with the same messages; builds each distinct city once.
   *
   * @param sweep the experiment
   * @throws IllegalArgumentException if a value's scenario does not fit its city
   */
  public static void validate(Sweep sweep) {
    Map<CityKey, CityModel> cities = new LinkedHashMap<>();
    for (String v : sweep.values()) {
      Scenario s = sweep.parameter().apply(sweep.scenario(), v);
      CityModel city =
          cities.computeIfAbsent(
              new CityKey(s.city(), s.householdsPerGrid()),
              k -> CityModel.of(k.spec(), k.householdsPerGrid()));
      var unused = PreparedScenario.of(s, city);
    }
  }

  /**
   * Summarises replications: the mean and 95% confidence interval of every metric, over the
   * replications where it is defined (not {@code NaN}).
   *
   * @param parameterValue the value
   * @param runs its replications
   * @return the point; a metric undefined in every replication is absent
   */
  public static SweepPoint summarise(String parameterValue, List<ReplicationResult> runs) {
    ImmutableMap.Builder<Metric, Estimate> estimates = ImmutableMap.builder();
    for (Metric m : Metric.values()) {
      double[] xs =
          runs.stream().mapToDouble(r -> r.value(m)).filter(x -> !Double.isNaN(x)).toArray();
      if (xs.length > 0) {
        estimates.put(m, Estimate.of(xs));
      }
    }
    return new SweepPoint(parameterValue, estimates.buildOrThrow());
  }

  /** Runs scenarios × replications on a pool; results ordered by scenario, then replication. */
  static ImmutableList<ReplicationResult> runAll(
      List<Scenario> scenarios,
      List<String> labels,
      int replications,
      long seed,
      int parallelism,
      Progress progress) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            parallelism,
            r -> {
              Thread t = new Thread(r, "gridgov-sim");
              t.setDaemon(true);
              return t;
            });
    try {
      // Build each distinct city once, in parallel; then prepare every scenario (failing before any
      // run if a
      // policy is bad).
      Map<CityKey, Future<CityModel>> cities = new LinkedHashMap<>();
      for (Scenario s : scenarios) {
        cities.computeIfAbsent(
            new CityKey(s.city(), s.householdsPerGrid()),
            k -> pool.submit(() -> CityModel.of(k.spec(), k.householdsPerGrid())));
      }
      List<PreparedScenario> order = new ArrayList<>();
      long total = 0;
      for (Scenario s : scenarios) {
        CityModel city =
            get(Objects.requireNonNull(cities.get(new CityKey(s.city(), s.householdsPerGrid()))));
        PreparedScenario ps = PreparedScenario.of(s, city);
        order.add(ps);
        total += ps.totalHours() * replications;
      }
      AtomicLong done = new AtomicLong();
      long grandTotal = total;
      List<Future<ReplicationResult>> futures = new ArrayList<>();
      for (int i = 0; i < order.size(); i++) {
        PreparedScenario ps = order.get(i);
        String label = labels.get(i);
        for (int r = 0; r < replications; r++) {
          int rep = r;
          futures.add(
              pool.submit(
                  () ->
                      Replication.run(
                          ps, seed, rep, label, new Delta(done, grandTotal, progress), null)));
        }
      }
      ImmutableList.Builder<ReplicationResult> out =
          ImmutableList.builderWithExpectedSize(futures.size());
      for (Future<ReplicationResult> f : futures) {
        out.add(get(f));
      }
      return out.build();
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T get(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a simulation run", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("a simulation run failed", cause);
    }
  }

  private record CityKey(CitySpec spec, OptionalDouble householdsPerGrid) {}

  /** Turns one run's (done, total) into increments of the sum over all runs. */
  private static final class Delta implements Progress {
    private final AtomicLong sum;
    private final long grandTotal;
    private final Progress outer;
    private long last;

    Delta(AtomicLong sum, long grandTotal, Progress outer) {
      this.sum = sum;
      this.grandTotal = grandTotal;
      this.outer = outer;
    }

    @Override
    public void update(long done, long total) {
      long d = done - last;
      if (d > 0) {
        last = done;
        outer.update(sum.addAndGet(d), grandTotal);
      }
    }
  }
}
