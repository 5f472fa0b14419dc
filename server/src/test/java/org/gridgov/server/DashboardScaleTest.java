package org.gridgov.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gridgov.casefile.Priority;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;

/**
 * The dashboard with many open cases: what the state and every live update carry stays bounded by
 * {@link DashboardApi#LIST_LIMIT}, however many cases are open or change at once, while the counts
 * cover them all. Runs with 2,000 open cases in the build; {@code -Dgridgov.dashboard.cases=100000}
 * runs the same checks at the 100k and prints how long each step took (an observation for
 * docs/dashboard.md, not a benchmark).
 */
@SuppressWarnings("NullAway.Init")
class DashboardScaleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "scale-test-password";
  private static final int CASES = Integer.getInteger("gridgov.dashboard.cases", 2_000);

  /** A case's JSON in the list is about 300 bytes; an update may carry the list and the counts. */
  private static final int MAX_MESSAGE = DashboardApi.LIST_LIMIT * 1_000 + 50_000;

  private static GridgovServer server;
  private static HttpClient http;
  private static String cookie;

  @BeforeAll
  static void preload() throws Exception {
    server = TestServers.start(1e9, PASSWORD);
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    long t0 = System.nanoTime();
    List<Region> grids = TestServers.CITY.tree().regionsAt(RegionLevel.GRID);
    List<CompletableFuture<RequestRecord>> pending = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      pending.add(server.intake().submit(report(grids.get(i % grids.size()))));
      if (pending.size() == 10_000) { // the intake queue holds 20,000
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get();
        pending.clear();
      }
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get();
    var unused = server.feed().catchUp();
    observe("preload through the intake", t0);
    cookie = login("district-350302");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Intake.Report report(Region grid) {
    Point p = TestServers.CITY.geometry().geometry(grid.code()).orElseThrow().getInteriorPoint();
    return new Intake.Report(
        "0102",
        Priority.NORMAL,
        p.getY(),
        p.getX(),
        grid.code(),
        null,
        "scale test",
        null,
        PersonalFields.NONE,
        "scale-test");
  }

  private static void observe(String what, long startNanos) {
    if (CASES >= 10_000) {
      System.out.printf(
          Locale.ROOT,
          "dashboard with %,d open cases: %s took %,d ms%n",
          CASES,
          what,
          (System.nanoTime() - startNanos) / 1_000_000);
    }
  }

  private static String login(String user) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=" + user + "&password=" + PASSWORD))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(303);
    String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  private static String base() {
    return "http://127.0.0.1:" + server.port();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + path)).header("Cookie", cookie).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theStateCarriesTheMostUrgentListAndCountsEveryOpenCase() throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<String> r = get("/dashboard/state");
    observe("GET /dashboard/state (" + r.body().length() + " characters)", t0);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode st = JSON.readTree(r.body());
    assertThat(st.get("openCount").asInt()).isGreaterThanOrEqualTo(CASES);
    assertThat(st.get("cases").size()).isEqualTo(DashboardApi.LIST_LIMIT);
    assertThat(r.body().length()).isLessThan(MAX_MESSAGE);
    int sum = 0;
    for (JsonNode g : st.get("grids")) {
      sum += g.get("open").asInt();
    }
    assertThat(sum).isEqualTo(st.get("openCount").asInt());
  }

  @Test
  void aWaveOfWarningsIsSentAsCountsAndASingleCaseAsItself() throws Exception {
    Events events = Events.follow(cookie);
    assertThat(JSON.readTree(events.next("hello")).has("now")).isTrue();
    // 19 hours on: every preloaded case passes 75 % of its 24-hour limit and turns amber at once
    long t0 = System.nanoTime();
    server.advanceTo(TestServers.START.plus(Duration.ofHours(19)));
    JsonNode wave = JSON.readTree(events.next("update"));
    observe("the warning wave's first update", t0);
    assertThat(wave.get("truncated").asBoolean()).isTrue();
    assertThat(wave.get("cases").size()).isZero();
    assertThat(wave.get("openCount").asInt()).isGreaterThanOrEqualTo(CASES);
    events.drain();
    JsonNode st = JSON.readTree(get("/dashboard/state").body());
    for (JsonNode c : st.get("cases")) {
      assertThat(c.get("light").asText()).isIn("AMBER", "RED");
    }
    // one new report is pushed as itself
    Region grid = TestServers.CITY.tree().regionsAt(RegionLevel.GRID).get(0);
    t0 = System.nanoTime();
    RequestRecord added = server.intake().submit(report(grid)).get(30, TimeUnit.SECONDS);
    JsonNode one = JSON.readTree(events.nextWith(added.caseId().value()));
    observe("a new report's update", t0);
    assertThat(one.get("truncated").asBoolean()).isFalse();
    assertThat(one.get("cases").size()).isEqualTo(1);
    assertThat(one.get("openCount").asInt()).isEqualTo(st.get("openCount").asInt() + 1);
    assertThat(events.largest).isLessThan(MAX_MESSAGE);
    events.close();
  }

  /** A Server-Sent Events client: the events of one subscription, in order, as (type, data). */
  private static final class Events implements AutoCloseable {
    private final BlockingQueue<String[]> queue = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile int largest;

    private Events(HttpResponse<Stream<String>> response) {
      this.reader =
          new Thread(
              () -> {
                String type = "message";
                StringBuilder data = new StringBuilder();
                try (Stream<String> lines = response.body()) {
                  for (String line : (Iterable<String>) lines::iterator) {
                    if (line.startsWith("event:")) {
                      type = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                      data.append(line.substring(5).trim());
                    } else if (line.isEmpty() && data.length() > 0) {
                      largest = Math.max(largest, data.length());
                      queue.add(new String[] {type, data.toString()});
                      type = "message";
                      data.setLength(0);
                    }
                  }
                } catch (RuntimeException closed) {
                  // the test closed the subscription
                }
              },
              "sse-reader");
      reader.setDaemon(true);
      reader.start();
    }

    static Events follow(String cookie) throws Exception {
      HttpResponse<Stream<String>> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base() + "/dashboard/events"))
                  .header("Cookie", cookie)
                  .header("Accept", "text/event-stream")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofLines());
      assertThat(r.statusCode()).isEqualTo(200);
      return new Events(r);
    }

    /** The data of the next event of this type (others skipped), waiting up to a minute. */
    String next(String type) throws InterruptedException {
      while (true) {
        String[] e = queue.poll(60, TimeUnit.SECONDS);
        assertThat(e).as("an event of type " + type + " within a minute").isNotNull();
        if (e[0].equals(type)) {
          return e[1];
        }
      }
    }

    /** The data of the next update that mentions the text, waiting up to a minute. */
    String nextWith(String text) throws InterruptedException {
      while (true) {
        String data = next("update");
        if (data.contains(text)) {
          return data;
        }
      }
    }

    /** Drops the events received so far and those arriving in the next second. */
    void drain() throws InterruptedException {
      while (queue.poll(1, TimeUnit.SECONDS) != null) {
        // dropped
      }
    }

    @Override
    public void close() {
      reader.interrupt();
    }
  }
}
