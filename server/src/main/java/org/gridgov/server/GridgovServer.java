package org.gridgov.server;

import com.google.common.collect.ImmutableList;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gridgov.engine.Command;
import org.gridgov.routing.Handler;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.example.ExamplePolicy;
import org.gridgov.store.jdbc.CommandOutcome;
import org.gridgov.store.jdbc.DurableCaseEngine;
import org.gridgov.store.jdbc.EventStore;
import org.gridgov.store.jdbc.SameTransaction;
import org.jspecify.annotations.Nullable;

/**
 * The application: an Open311 GeoReport v2 API ({@code /open311/v2/…}) and the command-centre
 * dashboard ({@code /dashboard}) over one durable case engine ({@link DurableCaseEngine} on H2 or
 * PostgreSQL). The engine is called by one thread at a time (its lock); the dashboard and the GETs
 * read a projection of the store's event log ({@link EventFeed}). Start with {@link #start}, stop
 * with {@link #close}.
 */
public final class GridgovServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(GridgovServer.class.getName());

  private final ServerConfig config;
  private final HikariDataSource pool;
  private final EventStore store;
  private final DurableCaseEngine engine;
  private final Object engineLock = new Object();
  private final CaseProjection projection = new CaseProjection();
  private final RequestRepository repository;
  private final EventFeed feed;
  private final Intake intake;
  private final RoutingGraph graph;
  private final Javalin app;
  private final @Nullable Thread ticker;
  private volatile boolean running = true;

  private GridgovServer(ServerConfig config) {
    this.config = config;
    this.pool = pool(config.jdbcUrl());
    this.store = EventStore.open(pool);
    this.engine = DurableCaseEngine.open(store, config.city().engineConfig());
    this.repository = new RequestRepository(pool);
    List<RequestRecord> records = repository.loadAll();
    records.forEach(projection::register);
    this.feed = new EventFeed(EventStore.open(pool), projection);
    feed.start();
    long lastId = records.isEmpty() ? 0 : records.get(records.size() - 1).id();
    this.intake = new Intake(this, repository, lastId, config.city().tree().roots().get(0).code());
    this.graph = ExamplePolicy.graph(config.city().tree());
    this.app =
        Javalin.create(
            cfg -> {
              cfg.http.maxRequestSize = config.maxBodyBytes();
              cfg.startup.showJavalinBanner = false;
              new Open311Api(this).register(cfg.routes);
              new DashboardApi(this).register(cfg.routes);
            });
    app.start(config.port());
    if (config.clock().isManual()) {
      this.ticker = null;
    } else {
      this.ticker = new Thread(this::tickLoop, "gridgov-city-clock");
      ticker.setDaemon(true);
      ticker.start();
    }
  }

  /**
   * Opens the store (creating or migrating its tables), restores the engine from it and starts
   * serving.
   *
   * @param config the configuration
   * @return the running server
   */
  public static GridgovServer start(ServerConfig config) {
    return new GridgovServer(config);
  }

  private static HikariDataSource pool(String url) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(url);
    c.setMaximumPoolSize(6);
    c.setPoolName("gridgov-server");
    return new HikariDataSource(c);
  }

  /**
   * Returns the HTTP port.
   *
   * @return the port the server listens on
   */
  public int port() {
    return app.port();
  }

  /**
   * Returns the city's clock.
   *
   * @return the clock
   */
  public CityClock clock() {
    return config.clock();
  }

  /**
   * Moves a manual city clock to an instant and lets the engine's deadlines fire up to it (warnings
   * and breaches), then brings the projection up to date.
   *
   * @param instant the new time
   */
  public void advanceTo(Instant instant) {
    synchronized (engineLock) {
      config.clock().set(instant);
      var unused = engine.advanceTo(instant);
    }
    var unused = feed.catchUp();
  }

  private void tickLoop() {
    while (running) {
      try {
        Thread.sleep(200);
        synchronized (engineLock) {
          Instant now = config.clock().now();
          if (engine.now().map(now::isAfter).orElse(true)) {
            var unused = engine.advanceTo(now);
          }
        }
        feed.wake();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "advancing the city's time failed", e);
      }
    }
  }

  /**
   * Runs commands on the engine in one durable write, stamped with the city's time under the
   * engine's lock (so no tick can move the engine past them between stamping and running).
   */
  ImmutableList<CommandOutcome> executeAt(
      java.util.function.Function<Instant, List<Command>> build) {
    return executeAt(build, null);
  }

  /**
   * {@link #executeAt(java.util.function.Function)}, with the application's rows written by {@code
   * alsoWrite} in the same transaction (one commit for the events and the rows).
   */
  ImmutableList<CommandOutcome> executeAt(
      java.util.function.Function<Instant, List<Command>> build,
      @Nullable SameTransaction alsoWrite) {
    synchronized (engineLock) {
      Instant now = config.clock().now();
      Optional<Instant> engineNow = engine.now();
      Instant at = engineNow.isPresent() && engineNow.get().isAfter(now) ? engineNow.get() : now;
      List<Command> commands = build.apply(at);
      return commands.isEmpty() ? ImmutableList.of() : engine.executeAll(commands, alsoWrite);
    }
  }

  /** The handler's display name: "id 名称" when the routing graph knows it. */
  String handlerName(String handlerId) {
    return graph
        .handler(handlerId)
        .map(Handler::name)
        .map(n -> handlerId + " " + n)
        .orElse(handlerId);
  }

  ServerConfig config() {
    return config;
  }

  CaseProjection projection() {
    return projection;
  }

  EventFeed feed() {
    return feed;
  }

  Intake intake() {
    return intake;
  }

  RequestRepository repository() {
    return repository;
  }

  @Override
  public void close() {
    running = false;
    if (ticker != null) {
      ticker.interrupt();
    }
    app.stop();
    intake.close();
    feed.close();
    synchronized (engineLock) {
      store.close();
    }
    pool.close();
  }

  @Override
  public String toString() {
    return "GridgovServer[port " + app.port() + ", " + projection.size() + " cases]";
  }
}
