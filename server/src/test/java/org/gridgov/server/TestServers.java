package org.gridgov.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Collectors;
import org.gridgov.store.jdbc.EventStore;
import org.locationtech.jts.geom.Point;

/** Servers and HTTP calls for the tests. */
final class TestServers {
  /** The API key the test servers accept. */
  static final String KEY = "test-key-not-a-secret";

  /** The tests' start: Monday 3 March 2025, 09:00 in China. */
  static final Instant START = OffsetDateTime.parse("2025-03-03T09:00:00+08:00").toInstant();

  static final DemoCity CITY = DemoCity.demo();

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private TestServers() {}

  /** A server on a fresh H2 database, manual clock at {@link #START}, any free port. */
  static GridgovServer start(double postsPerSecond, String password) {
    return start(newDatabase(), postsPerSecond, password);
  }

  /** A new H2 database in a temporary directory. */
  static String newDatabase() {
    try {
      return EventStore.h2Url(Files.createTempDirectory("gridgov-server-test"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A server on a given database, manual clock at {@link #START}, any free port. */
  static GridgovServer start(String url, double postsPerSecond, String password) {
    return start(url, CITY, START, postsPerSecond, password);
  }

  /** A server for a given city on a fresh H2 database, manual clock at {@code start}. */
  static GridgovServer start(DemoCity city, Instant start) {
    return start(newDatabase(), city, start, 10_000, "pw-for-tests");
  }

  private static GridgovServer start(
      String url, DemoCity city, Instant start, double postsPerSecond, String password) {
    {
      return GridgovServer.start(
          new ServerConfig(
              0,
              url,
              city,
              CityClock.manual(start),
              Map.of(KEY, "test-app"),
              DemoAuthenticator.forTree(city.tree(), password),
              ServerConfig.DEFAULT_MAX_BODY,
              postsPerSecond,
              10_000));
    }
  }

  /** An interior point of a grid, WGS-84: {lon, lat}. */
  static double[] pointIn(long gridCode) {
    Point p = CITY.geometry().geometry(gridCode).orElseThrow().getInteriorPoint();
    return new double[] {p.getX(), p.getY()};
  }

  static HttpResponse<String> get(GridgovServer s, String path) {
    return send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).GET().build());
  }

  static HttpResponse<String> post(GridgovServer s, String path, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static HttpResponse<String> send(HttpRequest r) {
    try {
      return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
