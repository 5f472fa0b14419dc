package org.gridgov.server;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.gridgov.category.Category;
import org.gridgov.geo.LonLat;
import org.gridgov.region.AddressMatcher;
import org.gridgov.region.Region;
import org.jspecify.annotations.Nullable;

/**
 * The Open311 GeoReport v2 endpoints under {@code /open311/v2/}: {@code services}, {@code
 * services/{code}}, {@code requests} (GET and POST), {@code requests/{id}}, {@code tokens/{token}},
 * each with the format suffix {@code .json} or {@code .xml}. Every refusal is the specification's
 * error body in the requested format (XML when no format can be told). Mapping: docs/open311.md.
 */
final class Open311Api {
  /** The path prefix. */
  static final String PREFIX = "/open311/v2/";

  /** The jurisdiction_id this server answers to (optional in requests). */
  static final String JURISDICTION = "gridgov.example";

  /** The longest description accepted (the specification's limit). */
  static final int MAX_DESCRIPTION = 4000;

  /** The most requests one {@code GET requests} returns. */
  static final int MAX_RESULTS = 1000;

  private static final DateTimeFormatter W3 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);
  private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

  private final GridgovServer server;
  private final ServiceCatalog services;
  private final RateLimiter posts;
  private final RateLimiter reads;
  private final AddressMatcher addresses;

  Open311Api(GridgovServer server) {
    this.server = server;
    this.addresses = AddressMatcher.of(server.config().city().tree());
    this.services = new ServiceCatalog(server.config().city().catalog());
    double postRate = server.config().postsPerSecond();
    double readRate = server.config().readsPerSecond();
    this.posts = new RateLimiter(postRate, Math.max(10, postRate));
    this.reads = new RateLimiter(readRate, Math.max(10, readRate));
  }

  void register(JavalinDefaultRoutingApi routes) {
    routes.get(PREFIX + "*", ctx -> handle(ctx, false));
    routes.post(PREFIX + "*", ctx -> handle(ctx, true));
  }

  private void handle(Context ctx, boolean post) {
    String rest = ctx.path().substring(PREFIX.length());
    Open311Writer.Format format = Open311Writer.Format.XML;
    try {
      int dot = rest.lastIndexOf('.');
      String suffix = dot < 0 ? "" : rest.substring(dot + 1);
      if (suffix.equals("json")) {
        format = Open311Writer.Format.JSON;
      } else if (!suffix.equals("xml")) {
        throw Open311Exception.badRequest(
            "the path " + Texts.clip(rest) + " has no format: append .json or .xml");
      }
      checkJurisdiction(ctx);
      String resource = rest.substring(0, dot);
      String body = post ? post(ctx, resource, format) : get(ctx, resource, format);
      ctx.contentType(format.contentType()).result(body);
    } catch (Open311Exception e) {
      ctx.status(e.status())
          .contentType(format.contentType())
          .result(Open311Writer.error(format, e));
    } catch (HttpResponseException e) {
      String description =
          e.getStatus() == 413
              ? "the body has "
                  + ctx.contentLength()
                  + " bytes: at most "
                  + server.config().maxBodyBytes()
              : String.valueOf(e.getMessage());
      Open311Exception mapped = new Open311Exception(e.getStatus(), description);
      ctx.status(e.getStatus())
          .contentType(format.contentType())
          .result(Open311Writer.error(format, mapped));
    }
  }

  private static void checkJurisdiction(Context ctx) {
    String j = param(ctx, "jurisdiction_id");
    if (j != null && !j.equals(JURISDICTION)) {
      throw Open311Exception.notFound(
          "jurisdiction_id "
              + Texts.clip(j)
              + " is not served here: this server is "
              + JURISDICTION);
    }
  }

  private static @Nullable String param(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null && ctx.method().toString().equals("POST")) {
      v = ctx.formParam(name);
    }
    return v == null || v.isBlank() ? null : v.trim();
  }

  // ------------------------------------------------------------------ GET

  private String get(Context ctx, String resource, Open311Writer.Format format) {
    if (!reads.tryAcquire(ctx.ip())) {
      throw new Open311Exception(429, "too many requests from this address: slow down");
    }
    String[] parts = resource.split("/", -1);
    if (parts.length == 1 && parts[0].equals("services")) {
      List<Map<String, Object>> list = new ArrayList<>();
      services.services().forEach(c -> list.add(services.listing(c)));
      return Open311Writer.write(format, "services", "service", list);
    }
    if (parts.length == 2 && parts[0].equals("services")) {
      Category c = service(parts[1]);
      return Open311Writer.writeOne(format, "service_definition", services.definition(c));
    }
    if (parts.length == 1 && parts[0].equals("requests")) {
      return Open311Writer.write(format, "service_requests", "request", search(ctx));
    }
    if (parts.length == 2 && parts[0].equals("requests")) {
      RequestRecord r = requestById(parts[1]);
      return Open311Writer.write(format, "service_requests", "request", List.of(describe(r)));
    }
    if (parts.length == 2 && parts[0].equals("tokens")) {
      RequestRecord r =
          server
              .projection()
              .requestByToken(parts[1])
              .orElseThrow(
                  () ->
                      Open311Exception.notFound("token " + Texts.clip(parts[1]) + " is not known"));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("service_request_id", r.id());
      m.put("token", r.token());
      return Open311Writer.write(format, "service_requests", "request", List.of(m));
    }
    throw Open311Exception.notFound("no resource " + Texts.clip(resource) + " (GET)");
  }

  private Category service(String code) {
    return services
        .find(code)
        .orElseThrow(
            () ->
                Open311Exception.notFound(
                    "service_code " + Texts.clip(code) + " is not a service"));
  }

  private RequestRecord requestById(String text) {
    long id = parseId(text);
    server.feed().catchUp();
    return server
        .projection()
        .request(id)
        .orElseThrow(() -> Open311Exception.notFound("service_request_id " + id + " is not known"));
  }

  private static long parseId(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw Open311Exception.badRequest(
          "service_request_id " + Texts.clip(text) + " is not a number");
    }
  }

  private List<Map<String, Object>> search(Context ctx) {
    var unused = server.feed().catchUp();
    String idsText = param(ctx, "service_request_id");
    Set<Long> ids =
        idsText == null
            ? null
            : Arrays.stream(idsText.split(","))
                .map(Open311Api::parseId)
                .collect(Collectors.toSet());
    String codesText = param(ctx, "service_code");
    Set<String> codes = codesText == null ? null : Set.of(codesText.split(","));
    Set<String> statuses = statuses(param(ctx, "status"));
    Instant end = date(ctx, "end_date");
    Instant start = date(ctx, "start_date");
    if (ids == null && start == null && end == null) {
      end = server.clock().now();
      start = end.minus(Duration.ofDays(90)); // the specification's default window
    }
    if (start != null && end != null && end.isBefore(start)) {
      throw Open311Exception.badRequest("end_date " + end + " is before start_date " + start);
    }
    Instant from = start;
    Instant to = end;
    List<Map<String, Object>> out = new ArrayList<>();
    server
        .projection()
        .requests(
            (r, v) ->
                (ids == null || ids.contains(r.id()))
                    && (codes == null || codes.contains(r.serviceCode()))
                    && statuses.contains(v.open() ? "open" : "closed")
                    && (from == null || !r.requestedAt().isBefore(from))
                    && (to == null || !r.requestedAt().isAfter(to)),
            MAX_RESULTS)
        .forEach(e -> out.add(describe(e.getKey(), e.getValue())));
    return out;
  }

  private static Set<String> statuses(@Nullable String text) {
    if (text == null) {
      return Set.of("open", "closed");
    }
    Set<String> s = Set.of(text.split(","));
    for (String v : s) {
      if (!v.equals("open") && !v.equals("closed")) {
        throw Open311Exception.badRequest(
            "status " + Texts.clip(v) + " is not one of open, closed");
      }
    }
    return s;
  }

  private static @Nullable Instant date(Context ctx, String name) {
    String v = param(ctx, name);
    if (v == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      throw Open311Exception.badRequest(
          name + " " + Texts.clip(v) + " is not a w3 date-time such as 2010-01-01T00:00:00Z");
    }
  }

  private Map<String, Object> describe(RequestRecord r) {
    CaseView v =
        server
            .projection()
            .view(r.caseId())
            .orElseThrow(
                () -> new Open311Exception(503, "request " + r.id() + " is not ready yet"));
    return describe(r, v);
  }

  /** A request as GeoReport v2 returns it, fields in the specification's order. */
  private Map<String, Object> describe(RequestRecord r, CaseView v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("service_request_id", r.id());
    m.put("status", v.open() ? "open" : "closed");
    m.put("status_notes", v.statusNote());
    m.put("service_name", services.find(r.serviceCode()).map(ServiceCatalog::name).orElse(null));
    m.put("service_code", r.serviceCode());
    m.put("description", r.description());
    m.put("agency_responsible", v.lead() == null ? null : server.handlerName(v.lead()));
    m.put("service_notice", notice(v));
    m.put("requested_datetime", w3(r.requestedAt()));
    m.put("updated_datetime", w3(v.updatedAt()));
    m.put("expected_datetime", v.dueAt() == null ? null : w3(v.dueAt()));
    m.put("address", r.address());
    m.put("address_id", null);
    m.put("zipcode", null);
    m.put("lat", r.lat());
    m.put("long", r.lon());
    m.put("media_url", r.mediaUrl());
    m.put("expected_datetime_provisional", v.provisional());
    return m;
  }

  private static String notice(CaseView v) {
    return v.provisional()
        ? "受理 Accepted; the expected date counts on a provisional holiday calendar"
        : "受理 Accepted by the command centre";
  }

  static String w3(Instant instant) {
    return W3.format(instant.atOffset(CHINA));
  }

  // ------------------------------------------------------------------ POST

  private String post(Context ctx, String resource, Open311Writer.Format format) {
    if (!resource.equals("requests")) {
      throw Open311Exception.notFound("no resource " + Texts.clip(resource) + " (POST)");
    }
    long length = ctx.contentLength();
    if (length > server.config().maxBodyBytes()) {
      throw new Open311Exception(
          413, "the body has " + length + " bytes: at most " + server.config().maxBodyBytes());
    }
    String key = param(ctx, "api_key");
    if (key == null) {
      throw new Open311Exception(403, "api_key is missing: POST requests needs one");
    }
    String submitter = server.config().apiKeys().get(key);
    if (submitter == null) {
      throw new Open311Exception(403, "api_key is not valid");
    }
    if (!posts.tryAcquire(key)) {
      throw new Open311Exception(429, "too many requests for this api_key: slow down");
    }
    Intake.Report report = report(ctx, submitter);
    RequestRecord r = await(server.intake().submit(report));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("service_request_id", r.id());
    m.put("token", r.token());
    m.put("service_notice", "受理 Accepted by the command centre");
    m.put("account_id", null);
    ctx.status(201);
    return Open311Writer.write(format, "service_requests", "request", List.of(m));
  }

  private static RequestRecord await(java.util.concurrent.CompletableFuture<RequestRecord> f) {
    try {
      return f.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Open311Exception o) {
        throw o;
      }
      throw new Open311Exception(500, "the request could not be stored: retry later");
    } catch (TimeoutException e) {
      throw new Open311Exception(503, "the request was not stored within 30 s: retry later");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Open311Exception(503, "interrupted");
    }
  }

  private Intake.Report report(Context ctx, String submitter) {
    String code = param(ctx, "service_code");
    if (code == null) {
      throw Open311Exception.badRequest("service_code is missing");
    }
    Category service = service(code);
    ReportPlace place = ReportPlace.of(name -> param(ctx, name), server.config().city(), addresses);
    Region grid = place.grid();
    LonLat point = place.point();
    String description = limited(ctx, "description", MAX_DESCRIPTION);
    String mediaUrl = limited(ctx, "media_url", 1000);
    if (mediaUrl != null && !mediaUrl.startsWith("https://") && !mediaUrl.startsWith("http://")) {
      throw Open311Exception.badRequest("media_url is not an http(s) URL");
    }
    Map<String, List<String>> form = ctx.formParamMap();
    for (String name : form.keySet()) {
      if (name.startsWith("attribute[")
          && !name.equals("attribute[" + ServiceCatalog.URGENCY + "]")) {
        throw Open311Exception.badRequest(
            Texts.clip(name) + " is not an attribute of service " + code + ": only urgency");
      }
    }
    return new Intake.Report(
        service.code(),
        ServiceCatalog.priority(Optional.ofNullable(param(ctx, "attribute[urgency]"))),
        point.lat(),
        point.lon(),
        grid.code(),
        limited(ctx, "address_string", 500),
        description,
        mediaUrl,
        new PersonalFields(
            limited(ctx, "email", 200),
            limited(ctx, "first_name", 100),
            limited(ctx, "last_name", 100),
            limited(ctx, "phone", 50),
            limited(ctx, "device_id", 100),
            limited(ctx, "account_id", 100)),
        submitter);
  }

  private static @Nullable String limited(Context ctx, String name, int max) {
    String v = param(ctx, name);
    if (v != null && v.length() > max) {
      throw Open311Exception.badRequest(
          name + " has " + v.length() + " characters: at most " + max);
    }
    return v;
  }
}
