package org.gridgov.server;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridgov.store.jdbc.EventStore;

/**
 * The demo: the server (Open311 + dashboard) on H2 (or PostgreSQL with {@code
 * db=jdbc:postgresql:…}) and a {@link SimulatedCity} feeding it. Arguments, all optional, as {@code
 * name=value}: {@code port=7311}, {@code speed=600} (city seconds per wall second), {@code rate=30}
 * (reports per city hour), {@code db=<JDBC URL>}, {@code seed=1}. The API key and the dashboard
 * users' passwords are generated at start and printed (or taken from {@code GRIDGOV_API_KEY} and
 * {@code GRIDGOV_DEMO_PASSWORD}); none is in the repository.
 */
public final class DemoMain {
  private DemoMain() {}

  /**
   * Runs the demo until the process is stopped.
   *
   * @param args {@code name=value} arguments (see the class comment)
   * @throws Exception if the server cannot start
   */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Map<String, String> a = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("argument " + arg + " is not name=value");
      }
      a.put(arg.substring(0, eq).replaceFirst("^-+", ""), arg.substring(eq + 1));
    }
    int port = Integer.parseInt(a.getOrDefault("port", "7311"));
    double speed = Double.parseDouble(a.getOrDefault("speed", "600"));
    double rate = Double.parseDouble(a.getOrDefault("rate", "30"));
    long seed = Long.parseLong(a.getOrDefault("seed", "1"));
    String db =
        a.getOrDefault("db", EventStore.h2Url(Files.createTempDirectory("gridgov-server-demo")));
    String key = System.getenv("GRIDGOV_API_KEY");
    if (key == null || key.isBlank()) {
      byte[] b = new byte[16];
      new SecureRandom().nextBytes(b);
      key = HexFormat.of().formatHex(b);
    }
    DemoCity city = DemoCity.demo();
    DemoAuthenticator auth =
        DemoAuthenticator.forTree(city.tree(), System.getenv("GRIDGOV_DEMO_PASSWORD"));
    ServerConfig config =
        new ServerConfig(
            port,
            db,
            city,
            CityClock.scaled(Instant.now().truncatedTo(ChronoUnit.MINUTES), speed),
            Map.of(key, "demo-app"),
            auth,
            ServerConfig.DEFAULT_MAX_BODY,
            5_000,
            1_000);
    GridgovServer server = GridgovServer.start(config);
    out.printf(
        "gridgov demo: http://127.0.0.1:%d/dashboard (city time x%s, %s reports/city hour)%n",
        server.port(), speed, rate);
    out.printf("database: %s%n", db.startsWith("jdbc:h2:") ? db : "(the given JDBC URL)");
    out.printf(
        "Open311 API: http://127.0.0.1:%d/open311/v2/services.json  api_key=%s%n",
        server.port(), key);
    out.println("dashboard users (generated for this run unless GRIDGOV_DEMO_PASSWORD is set):");
    auth.credentials().forEach((u, p) -> out.printf("  %-22s %s%n", u, p));
    SimulatedCity sim = new SimulatedCity(server, key, rate, seed);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  sim.close();
                  server.close();
                }));
    Thread.currentThread().join();
  }
}
