package org.gridgov.benchmarks.server;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.server.CityClock;
import org.gridgov.server.DemoAuthenticator;
import org.gridgov.server.DemoCity;
import org.gridgov.server.GridgovServer;
import org.gridgov.server.ServerConfig;
import org.gridgov.store.jdbc.EventStore;
import org.locationtech.jts.geom.Point;

/**
 * Load test of the Open311 server: a java.net.http client keeps {@code concurrency} POST requests
 * in flight against the server in this process (H2 in a temporary directory, or {@code db=<JDBC
 * URL>}) for {@code seconds} after {@code warmup} seconds, and prints the throughput and the
 * latency percentiles of the measured requests. Not JMH: the thing measured is the HTTP round trip
 * through the server and its group-committed writes, with a closed-loop client.
 *
 * <p>Run: {@code mvn -B -ntp -q -DskipTests -pl benchmarks -am package} then {@code java -cp
 * benchmarks/target/benchmarks.jar org.gridgov.benchmarks.server.Open311LoadTest seconds=30
 * warmup=10 concurrency=64}.
 */
public final class Open311LoadTest {
  private Open311LoadTest() {}

  /**
   * Runs the load test.
   *
   * @param args {@code name=value}: seconds (30), warmup (10), concurrency (64), db (H2), client
   *     ({@code jdk}: java.net.http; {@code raw}: {@link RawHttpLoad}; {@code jdk,raw}: both in
   *     turn)
   * @throws Exception if the server cannot start
   */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Map<String, String> a = new LinkedHashMap<>();
    for (String arg : args) {
      a.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    int seconds = Integer.parseInt(a.getOrDefault("seconds", "30"));
    int warmup = Integer.parseInt(a.getOrDefault("warmup", "10"));
    int concurrency = Integer.parseInt(a.getOrDefault("concurrency", "64"));
    String db =
        a.getOrDefault("db", EventStore.h2Url(Files.createTempDirectory("gridgov-open311-load")));
    DemoCity city = DemoCity.demo();
    ServerConfig config =
        new ServerConfig(
            0,
            db,
            city,
            CityClock.scaled(Instant.parse("2025-03-03T01:00:00Z"), 1),
            Map.of("load-key", "load-test"),
            DemoAuthenticator.forTree(city.tree(), null),
            ServerConfig.DEFAULT_MAX_BODY,
            1e9,
            1e9);
    try (GridgovServer server = GridgovServer.start(config)) {
      List<String> bodies = bodies(city);
      URI uri = URI.create("http://127.0.0.1:" + server.port() + "/open311/v2/requests.json");
      ExecutorService pool = Executors.newFixedThreadPool(4);
      HttpClient http =
          HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(pool).build();
      out.printf(
          Locale.ROOT,
          "Open311 load: POST %s, %d in flight, %d s warm-up + %d s measured, %s%n",
          uri,
          concurrency,
          warmup,
          seconds,
          db.startsWith("jdbc:h2:") ? "H2" : "given database");
      for (String client : a.getOrDefault("client", "jdk").split(",", -1)) {
        if (client.equals("raw")) {
          var unused =
              RawHttpLoad.run(server.port(), uri.getPath(), bodies, concurrency, warmup, 201);
          report(
              out,
              "raw",
              RawHttpLoad.run(server.port(), uri.getPath(), bodies, concurrency, seconds, 201));
        } else if (client.equals("jdk")) {
          out.print("client jdk (java.net.http): ");
          var unused = run(http, uri, bodies, concurrency, warmup, out, false);
          unused = run(http, uri, bodies, concurrency, seconds, out, true);
        } else {
          throw new IllegalArgumentException("client " + client + " is not jdk or raw");
        }
      }
      pool.shutdownNow();
    }
  }

  private static List<String> bodies(DemoCity city) {
    String[] codes = {"0102", "0104", "0201", "0301", "0501", "0504", "0601"};
    List<Region> grids = city.tree().regionsAt(RegionLevel.GRID);
    String[] out = new String[256];
    for (int i = 0; i < out.length; i++) {
      Region g = grids.get(i % grids.size());
      Point p = city.geometry().geometry(g.code()).orElseThrow().getInteriorPoint();
      out[i] =
          String.format(
              Locale.ROOT,
              "api_key=load-key&service_code=%s&lat=%.7f&long=%.7f&description=load+test+%d",
              codes[i % codes.length],
              p.getY(),
              p.getX(),
              i);
    }
    return Arrays.asList(out);
  }

  private static long run(
      HttpClient http,
      URI uri,
      List<String> bodies,
      int concurrency,
      int seconds,
      PrintStream out,
      boolean report)
      throws InterruptedException {
    Semaphore inFlight = new Semaphore(concurrency);
    long[] latencies = new long[Math.max(1_000, seconds * 20_000)];
    AtomicInteger n = new AtomicInteger();
    AtomicLong errors = new AtomicLong();
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    int i = 0;
    while (System.nanoTime() < end) {
      inFlight.acquire();
      long t0 = System.nanoTime();
      HttpRequest r =
          HttpRequest.newBuilder(uri)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i++ % bodies.size())))
              .build();
      var unused =
          http.sendAsync(r, HttpResponse.BodyHandlers.discarding())
              .whenComplete(
                  (resp, e) -> {
                    long dt = System.nanoTime() - t0;
                    if (e != null || resp.statusCode() != 201) {
                      errors.incrementAndGet();
                    } else {
                      int k = n.getAndIncrement();
                      if (k < latencies.length) {
                        latencies[k] = dt;
                      }
                    }
                    inFlight.release();
                  });
    }
    inFlight.acquire(concurrency);
    double elapsed = (System.nanoTime() - start) / 1e9;
    int count = Math.min(n.get(), latencies.length);
    if (report) {
      long[] sorted = Arrays.copyOf(latencies, count);
      Arrays.sort(sorted);
      out.printf(
          Locale.ROOT,
          "%d requests stored in %.1f s: %.0f POST/s, %d errors; latency ms p50 %.1f, p90 %.1f,"
              + " p99 %.1f, p99.9 %.1f, max %.1f%n",
          n.get(),
          elapsed,
          n.get() / elapsed,
          errors.get(),
          pct(sorted, 0.50),
          pct(sorted, 0.90),
          pct(sorted, 0.99),
          pct(sorted, 0.999),
          count == 0 ? 0 : sorted[count - 1] / 1e6);
    }
    return n.get();
  }

  private static void report(PrintStream out, String client, RawHttpLoad.Result r) {
    out.printf(
        Locale.ROOT,
        "client %s: %d requests stored in %.1f s: %.0f POST/s, %d errors; latency ms p50 %.1f,"
            + " p90 %.1f, p99 %.1f, p99.9 %.1f%n",
        client,
        r.ok(),
        r.seconds(),
        r.ok() / r.seconds(),
        r.errors(),
        pct(r.latencies().toArray(), 0.50),
        pct(r.latencies().toArray(), 0.90),
        pct(r.latencies().toArray(), 0.99),
        pct(r.latencies().toArray(), 0.999));
  }

  private static double pct(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
  }
}
