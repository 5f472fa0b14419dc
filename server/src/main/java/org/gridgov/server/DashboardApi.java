package org.gridgov.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.jspecify.annotations.Nullable;

/**
 * The command-centre dashboard: a login page, the page itself (static HTML and script), the map of
 * the user's grids as SVG ({@link MapSvg}), the current state as JSON, a case's timeline, and live
 * updates as Server-Sent Events fed by the store's event log ({@link EventFeed}). Every endpoint
 * but the login answers only to a session, and shows only the user's region (or a region within it,
 * {@code ?region=code}).
 */
final class DashboardApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COOKIE = "gridgov_session";

  /** The most open cases the state and the list carry (the most urgent first). */
  static final int LIST_LIMIT = 300;

  private final GridgovServer server;
  private final RegionTree tree;
  private final MapSvg maps;
  private final Map<String, DashboardUser> sessions = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

  private record Subscriber(SseClient client, int regionIndex, MapSvg.Fit fit) {}

  DashboardApi(GridgovServer server) {
    this.server = server;
    this.tree = server.config().city().tree();
    this.maps = new MapSvg(server.config().city().geometry());
    Consumer<List<CaseView>> listener = this::push;
    server.feed().listen(listener);
    Thread ticker = new Thread(this::tickLoop, "gridgov-dashboard-tick");
    ticker.setDaemon(true);
    ticker.start();
  }

  void register(JavalinDefaultRoutingApi routes) {
    routes.get("/", ctx -> ctx.redirect("/dashboard"));
    routes.get("/login", ctx -> page(ctx, "login.html"));
    routes.post("/login", this::login);
    routes.get("/dashboard", ctx -> withUser(ctx, u -> page(ctx, "dashboard.html")));
    routes.get(
        "/dashboard/app.js",
        ctx -> resource(ctx, "dashboard.js", "text/javascript; charset=utf-8"));
    routes.get("/dashboard/map.svg", ctx -> withUser(ctx, u -> map(ctx, u)));
    routes.get("/dashboard/state", ctx -> withUser(ctx, u -> state(ctx, u)));
    routes.get("/dashboard/cases/{id}", ctx -> withUser(ctx, u -> timeline(ctx, u)));
    routes.sse("/dashboard/events", this::subscribe);
  }

  // ------------------------------------------------------------------ login and pages

  private void login(Context ctx) {
    String user = Optional.ofNullable(ctx.formParam("username")).orElse("");
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    Optional<DashboardUser> u = server.config().authenticator().authenticate(user, password);
    if (u.isEmpty()) {
      ctx.status(HttpStatus.UNAUTHORIZED);
      page(ctx, "login.html");
      return;
    }
    byte[] b = new byte[24];
    random.nextBytes(b);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    sessions.put(token, u.get());
    ctx.header("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
    ctx.redirect("/dashboard", HttpStatus.SEE_OTHER);
  }

  private @Nullable DashboardUser user(Context ctx) {
    String token = ctx.cookie(COOKIE);
    return token == null ? null : sessions.get(token);
  }

  private void withUser(Context ctx, Consumer<DashboardUser> handler) {
    DashboardUser u = user(ctx);
    if (u == null) {
      if (ctx.path().equals("/dashboard")) {
        ctx.redirect("/login");
      } else {
        ctx.status(HttpStatus.UNAUTHORIZED).result("log in first");
      }
      return;
    }
    handler.accept(u);
  }

  private static void page(Context ctx, String name) {
    resource(ctx, name, "text/html; charset=utf-8");
  }

  private static void resource(Context ctx, String name, String type) {
    try (InputStream in = DashboardApi.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the jar");
      }
      ctx.contentType(type).result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The region a request asks for: its ?region= within the user's, else the user's. */
  private int region(Context ctx, DashboardUser u) {
    int own = tree.indexOf(u.regionCode());
    String asked = ctx.queryParam("region");
    if (asked == null || asked.isBlank()) {
      return own;
    }
    Optional<Region> r = tree.find(asked.trim());
    if (r.isEmpty() || !tree.contains(own, r.get().index())) {
      throw new io.javalin.http.ForbiddenResponse(
          "region " + Texts.clip(asked) + " is not within " + u.name() + "'s region");
    }
    return r.get().index();
  }

  private boolean visible(int regionIndex, CaseView v) {
    return tree.contains(regionIndex, tree.indexOf(v.gridCode()));
  }

  // ------------------------------------------------------------------ map, state, timeline

  private void map(Context ctx, DashboardUser u) {
    ctx.contentType("image/svg+xml; charset=utf-8").result(maps.svg(tree.region(region(ctx, u))));
  }

  private void state(Context ctx, DashboardUser u) {
    int region = region(ctx, u);
    var unused = server.feed().catchUp();
    MapSvg.Fit fit = maps.fit(tree.region(region));
    List<CaseView> open =
        server.projection().views(v -> v.open() && visible(region, v), Integer.MAX_VALUE);
    open.sort(URGENCY);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("user", u.name());
    m.put("region", tree.region(region).codeText());
    m.put("regionName", tree.region(region).name());
    m.put("now", server.clock().now().toEpochMilli());
    m.put("regions", regionChoices(u));
    m.put("grids", gridStats(region, null));
    m.put("streets", scorecards(region));
    m.put("openCount", open.size());
    m.put(
        "cases",
        open.subList(0, Math.min(LIST_LIMIT, open.size())).stream()
            .map(v -> caseJson(v, fit))
            .collect(Collectors.toList()));
    ctx.contentType("application/json").result(json(m));
  }

  /** Most urgent first: red, then amber, then green; within a light, the earliest deadline. */
  static final Comparator<CaseView> URGENCY =
      Comparator.comparing(
              (CaseView v) ->
                  v.light() == CaseView.Light.RED ? 0 : v.light() == CaseView.Light.AMBER ? 1 : 2)
          .thenComparing(v -> v.dueAt() == null ? java.time.Instant.MAX : v.dueAt())
          .thenComparing(v -> v.caseId().value());

  private List<Map<String, Object>> regionChoices(DashboardUser u) {
    Region own = tree.get(u.regionCode());
    List<Map<String, Object>> out = new ArrayList<>();
    out.add(Map.of("code", own.codeText(), "name", own.name()));
    if (own.level() == RegionLevel.DISTRICT) {
      for (Region s : own.children()) {
        out.add(Map.of("code", s.codeText(), "name", s.name()));
      }
    }
    return out;
  }

  private List<Map<String, Object>> gridStats(int region, @Nullable Set<Long> only) {
    Map<Long, CaseProjection.GridStats> stats = server.projection().grids();
    List<Map<String, Object>> out = new ArrayList<>();
    for (Region g : tree.region(region).descendantsAt(RegionLevel.GRID)) {
      if (only != null && !only.contains(g.code())) {
        continue;
      }
      CaseProjection.GridStats s = stats.getOrDefault(g.code(), CaseProjection.GridStats.ZERO);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", g.codeText());
      m.put("name", g.name());
      m.put("open", s.open());
      m.put("red", s.red());
      m.put("closed", s.closed());
      m.put("onTimeRate", s.onTimeRate());
      out.add(m);
    }
    return out;
  }

  private List<Map<String, Object>> scorecards(int region) {
    Map<Long, CaseProjection.GridStats> stats = server.projection().grids();
    Region r = tree.region(region);
    List<Region> streets = r.level() == RegionLevel.DISTRICT ? r.children() : List.of(r);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Region s : streets) {
      int open = 0;
      int red = 0;
      int closed = 0;
      int onTime = 0;
      for (Region g : s.descendantsAt(RegionLevel.GRID)) {
        CaseProjection.GridStats gs = stats.getOrDefault(g.code(), CaseProjection.GridStats.ZERO);
        open += gs.open();
        red += gs.red();
        closed += gs.closed();
        onTime += gs.closedOnTime();
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", s.codeText());
      m.put("name", s.name());
      m.put("open", open);
      m.put("red", red);
      m.put("closed", closed);
      m.put("onTimeRate", closed == 0 ? -1 : (double) onTime / closed);
      out.add(m);
    }
    return out;
  }

  private Map<String, Object> caseJson(CaseView v, MapSvg.Fit fit) {
    RequestRecord r = server.projection().request(v.requestId()).orElseThrow();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", v.caseId().value());
    m.put("request", v.requestId());
    m.put("grid", Long.toString(v.gridCode()));
    m.put("gridName", tree.get(v.gridCode()).name());
    m.put("category", v.categoryCode());
    m.put("status", v.status().name());
    m.put("statusName", v.status().chineseName());
    m.put("light", v.light().name());
    m.put("due", v.dueAt() == null ? null : v.dueAt().toEpochMilli());
    m.put("lead", v.lead() == null ? null : server.handlerName(v.lead()));
    m.put("x", fit.x(r.lon()));
    m.put("y", fit.y(r.lat()));
    return m;
  }

  private void timeline(Context ctx, DashboardUser u) {
    int region = region(ctx, u);
    var unused = server.feed().catchUp();
    String id = ctx.pathParam("id");
    Optional<CaseView> v =
        server
            .projection()
            .view(org.gridgov.casefile.CaseId.of(id))
            .filter(c -> visible(region, c));
    if (v.isEmpty()) {
      ctx.status(HttpStatus.NOT_FOUND).result("no case " + Texts.clip(id) + " in your region");
      return;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("status", v.get().status().name());
    m.put("light", v.get().light().name());
    m.put("due", v.get().dueAt() == null ? null : v.get().dueAt().toEpochMilli());
    List<Map<String, Object>> entries = new ArrayList<>();
    for (CaseView.TimelineEntry e : v.get().timeline()) {
      entries.add(Map.of("at", e.at().toEpochMilli(), "type", e.type(), "note", e.note()));
    }
    m.put("timeline", entries);
    ctx.contentType("application/json").result(json(m));
  }

  // ------------------------------------------------------------------ live updates

  private void subscribe(SseClient client) {
    DashboardUser u = user(client.ctx());
    if (u == null) {
      client.ctx().status(HttpStatus.UNAUTHORIZED);
      client.close();
      return;
    }
    int region;
    try {
      region = region(client.ctx(), u);
    } catch (RuntimeException e) {
      client.close();
      return;
    }
    Subscriber s = new Subscriber(client, region, maps.fit(tree.region(region)));
    client.keepAlive();
    client.onClose(() -> subscribers.remove(s));
    subscribers.add(s);
    client.sendEvent("hello", json(Map.of("now", server.clock().now().toEpochMilli())));
  }

  /**
   * Sends each subscriber the changed cases it may see. A batch of more than {@link #LIST_LIMIT}
   * visible changes (a wave of warnings at the end of a working day, say) is not sent case by case:
   * the update then carries the counts only and {@code "truncated": true}, and the page reloads the
   * bounded state, so no message grows with the number of open cases.
   */
  private void push(List<CaseView> changed) {
    for (Subscriber s : subscribers) {
      List<CaseView> visible = new ArrayList<>();
      Set<Long> grids = new java.util.HashSet<>();
      for (CaseView v : changed) {
        if (visible(s.regionIndex(), v)) {
          visible.add(v);
          grids.add(v.gridCode());
        }
      }
      if (visible.isEmpty()) {
        continue;
      }
      boolean truncated = visible.size() > LIST_LIMIT;
      List<Map<String, Object>> streets = scorecards(s.regionIndex());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("now", server.clock().now().toEpochMilli());
      m.put("truncated", truncated);
      m.put("openCount", openCount(s.regionIndex()));
      m.put(
          "cases",
          truncated
              ? List.of()
              : visible.stream().map(v -> caseJson(v, s.fit())).collect(Collectors.toList()));
      m.put("grids", gridStats(s.regionIndex(), truncated ? null : grids));
      m.put("streets", streets);
      send(s, "update", json(m));
    }
  }

  /** The open cases in the region's grids, from the projection's counts. */
  private int openCount(int region) {
    Map<Long, CaseProjection.GridStats> stats = server.projection().grids();
    int open = 0;
    for (Region g : tree.region(region).descendantsAt(RegionLevel.GRID)) {
      open += stats.getOrDefault(g.code(), CaseProjection.GridStats.ZERO).open();
    }
    return open;
  }

  private void tickLoop() {
    while (true) {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
      String now = json(Map.of("now", server.clock().now().toEpochMilli()));
      for (Subscriber s : subscribers) {
        send(s, "tick", now);
      }
    }
  }

  private void send(Subscriber s, String event, String data) {
    if (s.client().terminated()) {
      subscribers.remove(s);
      return;
    }
    try {
      s.client().sendEvent(event, data);
    } catch (RuntimeException e) {
      subscribers.remove(s);
    }
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
