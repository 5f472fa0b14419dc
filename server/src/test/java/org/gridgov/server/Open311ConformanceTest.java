package org.gridgov.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.gridgov.geo.ChinaCoordinates;
import org.gridgov.geo.LonLat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Conformance with Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2): for every method the
 * specification documents with an example response, the fields (JSON) and elements (XML) it lists,
 * in its order, with its types; its error body and status codes. The field lists below are the
 * specification's response tables, field by field.
 */
class Open311ConformanceTest {
  /** GET services: the fields of one service, in the specification's order. */
  static final List<String> SERVICE_FIELDS =
      List.of(
          "service_code", "service_name", "description", "metadata", "type", "keywords", "group");

  /** GET services/{code}: the fields of one attribute. */
  static final List<String> ATTRIBUTE_FIELDS =
      List.of(
          "variable",
          "code",
          "datatype",
          "required",
          "datatype_description",
          "order",
          "description",
          "values");

  /** POST requests: the fields of the response. */
  static final List<String> POST_FIELDS = List.of("service_request_id", "service_notice");

  /** GET requests and GET requests/{id}: the fields of one request. */
  static final List<String> REQUEST_FIELDS =
      List.of(
          "service_request_id",
          "status",
          "status_notes",
          "service_name",
          "service_code",
          "description",
          "agency_responsible",
          "service_notice",
          "requested_datetime",
          "updated_datetime",
          "expected_datetime",
          "address",
          "address_id",
          "zipcode",
          "lat",
          "long",
          "media_url");

  /** The personal fields POST takes that no GET may return. */
  static final List<String> PERSONAL =
      List.of("email", "first_name", "last_name", "phone", "device_id", "account_id");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static GridgovServer server;

  @BeforeAll
  static void start() {
    server = TestServers.start(10_000, "pw-for-tests");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  private static Document xml(HttpResponse<String> r) throws Exception {
    assertThat(r.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"");
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> childNames(Element e) {
    List<String> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element) {
        out.add(n.getNodeName());
      }
    }
    return out;
  }

  private static List<String> fieldNames(JsonNode o) {
    List<String> out = new ArrayList<>();
    o.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static Map<String, String> report(long grid, String service) {
    double[] p = TestServers.pointIn(grid);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("api_key", TestServers.KEY);
    form.put("service_code", service);
    form.put("lat", Double.toString(p[1]));
    form.put("long", Double.toString(p[0]));
    form.put("description", "垃圾堆在路边 rubbish by the road");
    return form;
  }

  private static long submit(Map<String, String> form) throws Exception {
    HttpResponse<String> r = TestServers.post(server, "/open311/v2/requests.json", form);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r).get(0).get("service_request_id").asLong();
  }

  // ------------------------------------------------------------------ services

  @Test
  void servicesJsonListsEveryFieldOfTheSpecInOrderWithItsTypes() throws Exception {
    HttpResponse<String> r = TestServers.get(server, "/open311/v2/services.json");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    JsonNode list = json(r);
    assertThat(list.isArray()).isTrue();
    // one service per minor category of the catalogue
    long minors = TestServers.CITY.catalog().all().stream().filter(c -> c.level() == 2).count();
    assertThat(list.size()).isEqualTo((int) minors);
    for (JsonNode s : list) {
      assertThat(fieldNames(s)).containsExactlyElementsOf(SERVICE_FIELDS);
      assertThat(s.get("service_code").isTextual()).isTrue();
      assertThat(s.get("metadata").isBoolean()).isTrue();
      assertThat(s.get("type").asText()).isIn("realtime", "batch", "blackbox");
      assertThat(TestServers.CITY.catalog().find(s.get("service_code").asText())).isPresent();
    }
    JsonNode rubbish = find(list, "service_code", "0102");
    assertThat(rubbish.get("service_name").asText()).isEqualTo("Exposed rubbish");
    assertThat(rubbish.get("group").asText()).isEqualTo("City appearance");
  }

  private static JsonNode find(JsonNode list, String field, String value) {
    for (JsonNode n : list) {
      if (n.get(field).asText().equals(value)) {
        return n;
      }
    }
    throw new AssertionError("no " + field + "=" + value + " in " + list);
  }

  @Test
  void servicesXmlHasTheSpecElements() throws Exception {
    HttpResponse<String> r = TestServers.get(server, "/open311/v2/services.xml");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
    Element root = xml(r).getDocumentElement();
    assertThat(root.getNodeName()).isEqualTo("services");
    List<String> children = childNames(root);
    assertThat(children).isNotEmpty().allMatch("service"::equals);
    Element first = (Element) root.getElementsByTagName("service").item(0);
    assertThat(childNames(first)).containsExactlyElementsOf(SERVICE_FIELDS);
  }

  @Test
  void serviceDefinitionHasTheSpecAttributeFieldsInJsonAndXml() throws Exception {
    JsonNode d = json(TestServers.get(server, "/open311/v2/services/0102.json"));
    assertThat(d.isObject()).isTrue();
    assertThat(fieldNames(d)).containsExactly("service_code", "attributes");
    assertThat(d.get("service_code").asText()).isEqualTo("0102");
    JsonNode a = d.get("attributes").get(0);
    assertThat(fieldNames(a)).containsExactlyElementsOf(ATTRIBUTE_FIELDS);
    assertThat(a.get("variable").isBoolean()).isTrue();
    assertThat(a.get("required").isBoolean()).isTrue();
    assertThat(a.get("order").isInt()).isTrue();
    assertThat(a.get("datatype").asText())
        .isIn("string", "number", "datetime", "text", "singlevaluelist", "multivaluelist");
    assertThat(fieldNames(a.get("values").get(0))).containsExactly("key", "name");

    Element root =
        xml(TestServers.get(server, "/open311/v2/services/0102.xml")).getDocumentElement();
    assertThat(root.getNodeName()).isEqualTo("service_definition");
    assertThat(childNames(root)).containsExactly("service_code", "attributes");
    Element attr = (Element) root.getElementsByTagName("attribute").item(0);
    assertThat(childNames(attr)).containsExactlyElementsOf(ATTRIBUTE_FIELDS);
    Element value = (Element) attr.getElementsByTagName("value").item(0);
    assertThat(childNames(value)).containsExactly("key", "name");
  }

  // ------------------------------------------------------------------ requests

  @Test
  void postThenGetReturnsEverySpecFieldAndTheGridgovMapping() throws Exception {
    long grid = 350302001001001L;
    Map<String, String> form = report(grid, "0102");
    form.put("email", "resident@example.org");
    form.put("first_name", "小明");
    form.put("last_name", "王");
    form.put("phone", "13800138000");
    form.put("device_id", "device-1");
    form.put("account_id", "acct-1");
    form.put("address_string", "霞林街道 1 号");
    form.put("media_url", "https://example.org/photo.jpg");
    HttpResponse<String> posted = TestServers.post(server, "/open311/v2/requests.json", form);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    JsonNode p = json(posted).get(0);
    assertThat(fieldNames(p)).containsAll(POST_FIELDS);
    long id = p.get("service_request_id").asLong();

    JsonNode r = json(TestServers.get(server, "/open311/v2/requests/" + id + ".json"));
    assertThat(r.isArray()).isTrue();
    JsonNode q = r.get(0);
    assertThat(fieldNames(q)).startsWith(REQUEST_FIELDS.toArray(String[]::new));
    assertThat(q.get("service_request_id").asLong()).isEqualTo(id);
    assertThat(q.get("status").asText()).isEqualTo("open");
    assertThat(q.get("service_code").asText()).isEqualTo("0102");
    assertThat(q.get("service_name").asText()).isEqualTo("Exposed rubbish");
    assertThat(q.get("description").asText()).isEqualTo("垃圾堆在路边 rubbish by the road");
    assertThat(q.get("address").asText()).isEqualTo("霞林街道 1 号");
    assertThat(q.get("media_url").asText()).isEqualTo("https://example.org/photo.jpg");
    assertThat(q.get("lat").asDouble()).isEqualTo(Double.parseDouble(form.get("lat")));
    assertThat(q.get("long").asDouble()).isEqualTo(Double.parseDouble(form.get("long")));
    // expected_datetime is the SLA deadline: 24 natural hours after the request
    OffsetDateTime requested = OffsetDateTime.parse(q.get("requested_datetime").asText());
    OffsetDateTime expected = OffsetDateTime.parse(q.get("expected_datetime").asText());
    assertThat(Duration.between(requested, expected)).isEqualTo(Duration.ofHours(24));
    assertThat(requested.toInstant()).isEqualTo(TestServers.START);
    // the example policy sends 01 (city appearance) to the grid's office
    assertThat(q.get("agency_responsible").asText()).startsWith("office:" + grid);
    // status_notes is the last event of the log: the dispatch
    assertThat(q.get("status_notes").asText()).contains("Dispatched").contains("office:" + grid);
    for (String f : PERSONAL) {
      assertThat(q.has(f)).as(f).isFalse();
    }
    for (String v : List.of("resident@example.org", "小明", "13800138000", "device-1", "acct-1")) {
      assertThat(TestServers.get(server, "/open311/v2/requests/" + id + ".xml").body())
          .doesNotContain(v);
      assertThat(TestServers.get(server, "/open311/v2/requests.json").body()).doesNotContain(v);
    }
    // … but they are stored
    PersonalFields stored = server.repository().personal(id).orElseThrow();
    assertThat(stored.email()).isEqualTo("resident@example.org");
    assertThat(stored.phone()).isEqualTo("13800138000");
    assertThat(stored.toString()).doesNotContain("13800138000").doesNotContain("resident@");
  }

  @Test
  void requestXmlHasTheSpecElements() throws Exception {
    long id = submit(report(350302002001002L, "0501"));
    Element root =
        xml(TestServers.get(server, "/open311/v2/requests/" + id + ".xml")).getDocumentElement();
    assertThat(root.getNodeName()).isEqualTo("service_requests");
    assertThat(childNames(root)).containsExactly("request");
    Element req = (Element) root.getElementsByTagName("request").item(0);
    assertThat(childNames(req)).startsWith(REQUEST_FIELDS.toArray(String[]::new));
    assertThat(req.getElementsByTagName("service_request_id").item(0).getTextContent())
        .isEqualTo(Long.toString(id));
  }

  @Test
  void getRequestsFiltersByIdsServiceCodeStatusAndDates() throws Exception {
    long a = submit(report(350302003001001L, "0301"));
    long b = submit(report(350302003001002L, "0302"));
    long c = submit(report(350302003002001L, "0301"));
    JsonNode byIds =
        json(
            TestServers.get(server, "/open311/v2/requests.json?service_request_id=" + a + "," + c));
    assertThat(ids(byIds)).containsExactlyInAnyOrder(a, c);
    JsonNode byCode = json(TestServers.get(server, "/open311/v2/requests.json?service_code=0302"));
    assertThat(ids(byCode)).contains(b).doesNotContain(a, c);
    JsonNode closed = json(TestServers.get(server, "/open311/v2/requests.json?status=closed"));
    assertThat(ids(closed)).doesNotContain(a, b, c);
    JsonNode open = json(TestServers.get(server, "/open311/v2/requests.json?status=open"));
    assertThat(ids(open)).contains(a, b, c);
    String w3 = Open311Api.w3(TestServers.START);
    JsonNode window =
        json(
            TestServers.get(
                server,
                "/open311/v2/requests.json?start_date="
                    + TestServers.enc(w3)
                    + "&end_date="
                    + TestServers.enc(w3)));
    assertThat(ids(window)).contains(a, b, c);
    JsonNode before =
        json(TestServers.get(server, "/open311/v2/requests.json?end_date=2025-03-02T00:00:00Z"));
    assertThat(ids(before)).isEmpty();
  }

  private static List<Long> ids(JsonNode list) {
    List<Long> out = new ArrayList<>();
    list.forEach(n -> out.add(n.get("service_request_id").asLong()));
    return out;
  }

  @Test
  void tokenLeadsToTheRequest() throws Exception {
    HttpResponse<String> r =
        TestServers.post(server, "/open311/v2/requests.json", report(350302001002001L, "0104"));
    JsonNode p = json(r).get(0);
    String token = p.get("token").asText();
    JsonNode t = json(TestServers.get(server, "/open311/v2/tokens/" + token + ".json")).get(0);
    assertThat(fieldNames(t)).containsExactly("service_request_id", "token");
    assertThat(t.get("service_request_id").asLong())
        .isEqualTo(p.get("service_request_id").asLong());
    assertThat(TestServers.get(server, "/open311/v2/tokens/nope.json").statusCode()).isEqualTo(404);
  }

  @Test
  void gcj02InputIsConvertedToWgs84BeforeLocating() throws Exception {
    // The published reference point (wandergis/coordtransform): WGS-84 (116.404, 39.915) is
    // GCJ-02 (116.41024449916938, 39.91640428150164).
    LonLat ref = ChinaCoordinates.gcj02ToWgs84(116.41024449916938, 39.91640428150164);
    assertThat(ref.lon()).isCloseTo(116.404, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(ref.lat()).isCloseTo(39.915, org.assertj.core.data.Offset.offset(1e-9));
    long grid = 350302002002003L;
    double[] wgs = TestServers.pointIn(grid);
    LonLat gcj = ChinaCoordinates.wgs84ToGcj02(wgs[0], wgs[1]);
    // the offset is hundreds of metres: without the conversion the point would be elsewhere
    assertThat(Math.abs(gcj.lon() - wgs[0]) + Math.abs(gcj.lat() - wgs[1])).isGreaterThan(0.003);
    Map<String, String> form = report(grid, "0102");
    form.put("lat", Double.toString(gcj.lat()));
    form.put("long", Double.toString(gcj.lon()));
    form.put("coord_system", "gcj02");
    long id = submit(form);
    JsonNode q = json(TestServers.get(server, "/open311/v2/requests/" + id + ".json")).get(0);
    assertThat(q.get("lat").asDouble())
        .isCloseTo(wgs[1], org.assertj.core.data.Offset.offset(1e-8));
    assertThat(q.get("long").asDouble())
        .isCloseTo(wgs[0], org.assertj.core.data.Offset.offset(1e-8));
    assertThat(q.get("agency_responsible").asText()).startsWith("office:" + grid);
  }

  // ------------------------------------------------------------------ errors

  @Test
  void everyRefusalIsTheSpecErrorBodyWithItsStatus() throws Exception {
    Map<String, Map<String, String>> cases = new LinkedHashMap<>();
    Map<String, String> noKey = report(350302001001001L, "0102");
    noKey.remove("api_key");
    Map<String, String> badKey = report(350302001001001L, "0102");
    badKey.put("api_key", "wrong");
    Map<String, String> noCode = report(350302001001001L, "0102");
    noCode.remove("service_code");
    Map<String, String> unknownCode = report(350302001001001L, "9999");
    Map<String, String> noLat = report(350302001001001L, "0102");
    noLat.remove("lat");
    Map<String, String> outside = report(350302001001001L, "0102");
    outside.put("lat", "39.9");
    outside.put("long", "116.4");
    Map<String, String> badAttr = report(350302001001001L, "0102");
    badAttr.put("attribute[urgency]", "yesterday");
    Map<String, String> badSystem = report(350302001001001L, "0102");
    badSystem.put("coord_system", "mars");
    Map<String, String> longText = report(350302001001001L, "0102");
    longText.put("description", "x".repeat(4001));
    cases.put("403 api_key is missing", noKey);
    cases.put("403 api_key is not valid", badKey);
    cases.put("400 service_code is missing", noCode);
    cases.put("404 service_code 9999", unknownCode);
    cases.put("400 lat is missing", noLat);
    cases.put("400 lies outside the city", outside);
    cases.put("400 attribute[urgency] is 'yesterday'", badAttr);
    cases.put("400 coord_system mars", badSystem);
    cases.put("400 description has 4001 characters", longText);
    for (Map.Entry<String, Map<String, String>> c : cases.entrySet()) {
      int status = Integer.parseInt(c.getKey().substring(0, 3));
      String words = c.getKey().substring(4);
      HttpResponse<String> r = TestServers.post(server, "/open311/v2/requests.json", c.getValue());
      assertError(r, status, words);
      HttpResponse<String> x = TestServers.post(server, "/open311/v2/requests.xml", c.getValue());
      assertXmlError(x, status, words);
    }
    assertError(TestServers.get(server, "/open311/v2/requests/123456789.json"), 404, "not known");
    assertError(TestServers.get(server, "/open311/v2/requests/abc.json"), 400, "not a number");
    assertError(TestServers.get(server, "/open311/v2/requests.json?status=pending"), 400, "status");
    assertError(
        TestServers.get(server, "/open311/v2/requests.json?start_date=yesterday"), 400, "w3");
    assertError(TestServers.get(server, "/open311/v2/services/0000.json"), 404, "service_code");
    assertError(
        TestServers.get(server, "/open311/v2/services.json?jurisdiction_id=elsewhere"),
        404,
        "jurisdiction_id");
    assertXmlError(TestServers.get(server, "/open311/v2/services"), 400, "append .json or .xml");
  }

  @Test
  void anOversizedBodyIsRefusedWith413() throws Exception {
    Map<String, String> big = report(350302001001001L, "0102");
    big.put("padding", "y".repeat(ServerConfig.DEFAULT_MAX_BODY + 10));
    assertError(TestServers.post(server, "/open311/v2/requests.json", big), 413, "at most");
  }

  @Test
  void postsOverTheRateLimitAreRefusedWith429() throws Exception {
    try (GridgovServer slow = TestServers.start(1, "pw")) {
      Map<Integer, Integer> statuses = new HashMap<>();
      for (int i = 0; i < 14; i++) {
        HttpResponse<String> r =
            TestServers.post(slow, "/open311/v2/requests.json", report(350302001001001L, "0102"));
        statuses.merge(r.statusCode(), 1, Integer::sum);
        if (r.statusCode() == 429) {
          assertError(r, 429, "too many requests");
        }
      }
      // a burst of 10, then about one a second: the last few of 14 quick posts are refused
      assertThat(statuses.getOrDefault(201, 0)).isBetween(10, 12);
      assertThat(statuses.getOrDefault(429, 0)).isBetween(2, 4);
    }
  }

  private static void assertError(HttpResponse<String> r, int status, String words)
      throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    JsonNode body = json(r);
    assertThat(body.isArray()).as(r.body()).isTrue();
    assertThat(fieldNames(body.get(0))).containsExactly("code", "description");
    assertThat(body.get(0).get("code").asInt()).isEqualTo(status);
    assertThat(body.get(0).get("description").asText()).contains(words);
  }

  private static void assertXmlError(HttpResponse<String> r, int status, String words)
      throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    Element root = xml(r).getDocumentElement();
    assertThat(root.getNodeName()).isEqualTo("errors");
    Element e = (Element) root.getElementsByTagName("error").item(0);
    assertThat(childNames(e)).containsExactly("code", "description");
    assertThat(e.getElementsByTagName("code").item(0).getTextContent())
        .isEqualTo(Integer.toString(status));
    assertThat(e.getElementsByTagName("description").item(0).getTextContent()).contains(words);
  }
}
