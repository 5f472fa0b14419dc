package org.gridgov.benchmarks.simulation;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.gridgov.region.CodeScheme;
import org.gridgov.region.RegionCsv;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.simulation.BuiltInCities;
import org.gridgov.simulation.BuiltInScenarios;
import org.gridgov.simulation.CitySpec;
import org.gridgov.simulation.Metric;
import org.gridgov.simulation.ReplicationResult;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.Simulator;

/**
 * One replication of one Putian district (a county-level district of the generated {@code putian}
 * city, with its streets, communities, grids and units), timed and its heap measured: the input of
 * the Spark sizing table (docs/spark.md). Wall-clock, not JMH: one replication is the measurement.
 *
 * <p>The district is cut out of the generated city (seed 1) through the region CSV, as a user's
 * {@code city: {csv: …}} file would give it; the scenario is the built-in {@code putian} scenario
 * (its categories, staffing, travel and case rate) with that city and either its own periods
 * ({@code week}: warm-up 2 d, horizon 7 d, drain up to 7 d) or a horizon of 365 days ({@code
 * year}). Printed and written as JSON: the district's size, the seconds to cut the city (a task
 * reading a city CSV pays about that) and to run the replication, the engine events, and the heap:
 * the most live data after any garbage collection (old and young generations after the collection)
 * and the JVM's peak committed heap. Run it under {@code /usr/bin/time -v} for the process's peak
 * RSS, and with a small {@code -Xmx} to check the heap a task needs:
 *
 * <pre>
 * /usr/bin/time -v java -Xmx1g -cp benchmarks/target/benchmarks.jar \
 *     org.gridgov.benchmarks.simulation.DistrictReplication 350304 week benchmarks/results/district-week.json
 * </pre>
 */
public final class DistrictReplication {
  private DistrictReplication() {}

  /**
   * Runs one replication of one district.
   *
   * @param args the district code ({@code 350302} 城厢区, {@code 350303} 涵江区, {@code 350304} 荔城区,
   *     {@code 350305} 秀屿区, {@code 350322} 仙游县), {@code week} or {@code year}, the JSON output file
   * @throws IOException if the output cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 3 || !(args[1].equals("week") || args[1].equals("year"))) {
      throw new IllegalArgumentException(
          "expected: <district code> <week|year> <out.json>, e.g. 350304 week district.json");
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    long district = Long.parseLong(args[0]);
    AtomicLong maxLiveAfterGc = watchLiveHeap();

    long t0 = System.nanoTime();
    RegionTree city = district(BuiltInCities.putian(1), district);
    double cutSeconds = (System.nanoTime() - t0) / 1e9;

    Scenario s = BuiltInScenarios.putian();
    Scenario.Builder b =
        Scenario.builder()
            .name("putian-" + district + "-" + args[1])
            .city(new CitySpec.OfTree(city))
            .warmUp(s.warmUp())
            .horizon(args[1].equals("year") ? Duration.ofDays(365) : s.horizon())
            .drain(s.drain())
            .casesPerResidentPerYear(s.casesPerResidentPerYear())
            .addAllCategories(s.categories())
            .staffing(s.staffing())
            .travel(s.travel());
    long t1 = System.nanoTime();
    ReplicationResult r = Simulator.run(b.build(), 1, 0, (done, total) -> {});
    double runSeconds = (System.nanoTime() - t1) / 1e9;
    System.gc(); // one collection at the end, so a short run has at least one observation
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    long peakCommitted = peakCommittedHeap();

    String json =
        String.format(
            Locale.ROOT,
            "{\"district\": %d, \"period\": \"%s\", \"grids\": %d, \"units\": %d,"
                + " \"residents\": %d, \"cutSeconds\": %.2f, \"replicationSeconds\": %.2f,"
                + " \"engineEvents\": %d, \"horizonCases\": %.0f,"
                + " \"maxLiveHeapAfterGcMiB\": %.1f, \"peakCommittedHeapMiB\": %.1f,"
                + " \"maxHeapMiB\": %.1f}%n",
            district,
            args[1],
            city.count(RegionLevel.GRID),
            city.count(RegionLevel.UNIT),
            city.totalPopulation(),
            cutSeconds,
            runSeconds,
            r.engineEvents(),
            r.value(Metric.CASES_REPORTED),
            maxLiveAfterGc.get() / 1048576.0,
            peakCommitted / 1048576.0,
            heap.getMax() / 1048576.0);
    out.print(json);
    Files.writeString(Path.of(args[2]), json, StandardCharsets.UTF_8);
  }

  /**
   * Cuts one district out of a city, with everything below it, through the region CSV (rows in
   * pre-order: the district's row and the rows whose code starts with its code).
   */
  static RegionTree district(RegionTree city, long code) {
    String prefix = Long.toString(code);
    StringBuilder kept = new StringBuilder();
    String[] lines = RegionCsv.toCsv(city).split("\n", -1);
    kept.append(lines[0]).append('\n');
    int rows = 0;
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].startsWith(prefix)) {
        kept.append(lines[i]).append('\n');
        rows++;
      }
    }
    if (rows == 0) {
      throw new IllegalArgumentException(
          "district " + code + " is not in the city; expected one of " + city.roots());
    }
    return RegionCsv.read(
        new StringReader(kept.toString()),
        "district " + code,
        CodeScheme.standard(),
        LocalDate.of(2025, 1, 1));
  }

  /** The largest heap in use right after any garbage collection, updated as collections happen. */
  private static AtomicLong watchLiveHeap() {
    AtomicLong max = new AtomicLong();
    java.util.Set<String> heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
            .map(java.lang.management.MemoryPoolMXBean::getName)
            .collect(java.util.stream.Collectors.toSet());
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(
            (n, handback) -> {
              if (n.getType()
                  .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long used =
                    info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(e -> heapPools.contains(e.getKey()))
                        .mapToLong(e -> e.getValue().getUsed())
                        .sum();
                max.accumulateAndGet(used, Math::max);
              }
            },
            null,
            null);
      }
    }
    return max;
  }

  /** The sum of the heap pools' peak committed sizes. */
  private static long peakCommittedHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getCommitted())
        .sum();
  }
}
