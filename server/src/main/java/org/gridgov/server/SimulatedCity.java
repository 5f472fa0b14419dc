package org.gridgov.server;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.Role;
import org.gridgov.category.Category;
import org.gridgov.engine.Command;
import org.gridgov.engine.Principal;
import org.gridgov.geo.ChinaCoordinates;
import org.gridgov.geo.LonLat;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

/**
 * The demo's city: residents report through the Open311 API (over HTTP, as any app would; a third
 * of them from a Chinese map app, in GCJ-02) at a rate per city hour, and the city's handlers work
 * the cases (accept, resolve, check and close, each after a random city time), so some finish in
 * time and some are late. Seeded: the same seed and speed give the same city, up to thread timing.
 */
public final class SimulatedCity implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SimulatedCity.class.getName());

  private final GridgovServer server;
  private final String apiKey;
  private final double reportsPerHour;
  private final SplittableRandom random;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Category> services;
  private final List<Region> grids;
  private final Thread thread;
  private volatile boolean running = true;
  private Instant last;
  private long commands;

  /**
   * Starts the city.
   *
   * @param server the server to feed
   * @param apiKey an Open311 API key of the server
   * @param reportsPerHour reports per city hour
   * @param seed the seed
   */
  public SimulatedCity(GridgovServer server, String apiKey, double reportsPerHour, long seed) {
    this.server = server;
    this.apiKey = apiKey;
    this.reportsPerHour = reportsPerHour;
    this.random = new SplittableRandom(seed);
    this.services = new ServiceCatalog(server.config().city().catalog()).services();
    this.grids = server.config().city().tree().regionsAt(RegionLevel.GRID);
    this.last = server.clock().now();
    this.thread = new Thread(this::run, "gridgov-simulated-city");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    while (running) {
      try {
        Thread.sleep(250);
        Instant now = server.clock().now();
        double hours = Duration.between(last, now).toMillis() / 3_600_000.0;
        last = now;
        int reports = poisson(reportsPerHour * hours);
        for (int i = 0; i < reports; i++) {
          report();
        }
        work(hours);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | java.io.IOException e) {
        LOG.log(Level.WARNING, "the simulated city stumbled; going on", e);
      }
    }
  }

  private int poisson(double mean) {
    int n = 0;
    double limit = Math.exp(-Math.min(mean, 500));
    double p = random.nextDouble();
    while (p > limit) {
      n++;
      p *= random.nextDouble();
    }
    return n;
  }

  private void report() throws java.io.IOException, InterruptedException {
    Region grid = grids.get(random.nextInt(grids.size()));
    var geom = server.config().city().geometry().geometry(grid.code()).orElseThrow();
    Point p = geom.getInteriorPoint();
    Envelope e = geom.getEnvelopeInternal();
    double lon = p.getX() + (random.nextDouble() - 0.5) * e.getWidth() * 0.2;
    double lat = p.getY() + (random.nextDouble() - 0.5) * e.getHeight() * 0.2;
    String system = "wgs84";
    if (random.nextInt(3) == 0) {
      LonLat gcj = ChinaCoordinates.wgs84ToGcj02(lon, lat);
      lon = gcj.lon();
      lat = gcj.lat();
      system = "gcj02";
    }
    Category service = services.get(random.nextInt(services.size()));
    String form =
        "api_key="
            + enc(apiKey)
            + "&service_code="
            + enc(service.code())
            + "&lat="
            + String.format(Locale.ROOT, "%.7f", lat)
            + "&long="
            + String.format(Locale.ROOT, "%.7f", lon)
            + "&coord_system="
            + system
            + "&description="
            + enc("simulated: " + service.chineseName())
            + (random.nextInt(10) == 0 ? "&attribute%5Burgency%5D=urgent" : "");
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/open311/v2/requests.json"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      LOG.warning("a simulated report was refused: " + r.statusCode() + " " + r.body());
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private void work(double hours) {
    if (hours <= 0) {
      return;
    }
    long district = server.config().city().tree().roots().get(0).code();
    Principal dispatcher = Principal.inRegion("sim-centre", Role.DISPATCHER, district);
    Principal supervisor = Principal.inRegion("sim-supervisor", Role.SUPERVISOR, district);
    Instant at = server.commandInstant();
    List<Command> batch = new ArrayList<>();
    for (CaseView v : server.projection().views(CaseView::open, 5_000)) {
      String lead = v.lead();
      if (lead == null) {
        continue;
      }
      Principal worker =
          lead.startsWith("office:") ? dispatcher : Principal.ofDepartment("sim-" + lead, lead);
      String id = "sim-" + v.caseId() + "-" + v.timeline().size();
      if (v.status() == CaseStatus.DISPATCHED && chance(0.6, hours)) {
        batch.add(Command.of(id, worker, v.caseId(), at, new Command.Accept(lead)));
      } else if (v.status() == CaseStatus.HANDLING && chance(0.06, hours)) {
        batch.add(Command.of(id, worker, v.caseId(), at, new Command.Resolve(lead, "处理完毕")));
      } else if (v.status() == CaseStatus.RESOLVED && chance(0.8, hours)) {
        batch.add(Command.of(id, supervisor, v.caseId(), at, new Command.Check(true, "")));
      } else if (v.status() == CaseStatus.CHECKED && chance(0.8, hours)) {
        batch.add(Command.of(id, supervisor, v.caseId(), at, new Command.Close()));
      }
      if (batch.size() == 900) {
        break;
      }
    }
    if (!batch.isEmpty()) {
      commands += batch.size();
      var unused = server.executeAll(batch);
      server.feed().wake();
    }
  }

  private boolean chance(double perHour, double hours) {
    return random.nextDouble() < 1 - Math.exp(-perHour * hours);
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }

  @Override
  public String toString() {
    return "SimulatedCity[" + reportsPerHour + " reports/h, " + commands + " work commands]";
  }
}
