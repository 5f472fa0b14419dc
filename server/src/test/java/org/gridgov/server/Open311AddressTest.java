package org.gridgov.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reports placed by {@code address_string} and {@code address_id} instead of a point: each lands in
 * the grid the address names, with a point inside that grid (checked by locating the returned
 * point, independently of how it was made); addresses that name nothing, several grids or no grid
 * are refused with 400 and a message that does not repeat the address.
 */
@SuppressWarnings("NullAway.Init")
class Open311AddressTest {
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

  private static Map<String, String> form(String key, String value) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("api_key", TestServers.KEY);
    form.put("service_code", "0102");
    form.put("description", "井盖缺失 manhole cover missing");
    form.put(key, value);
    return form;
  }

  private static JsonNode body(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  /** The grid that the stored request's returned point lies in. */
  private static long gridOfReturnedPoint(HttpResponse<String> posted) throws Exception {
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    long id = body(posted).get(0).get("service_request_id").asLong();
    JsonNode q = body(TestServers.get(server, "/open311/v2/requests/" + id + ".json")).get(0);
    return TestServers.CITY
        .locator()
        .locate(q.get("long").asDouble(), q.get("lat").asDouble())
        .orElseThrow()
        .at(RegionLevel.GRID)
        .orElseThrow()
        .code();
  }

  private static String fullName(Region r) {
    StringBuilder b = new StringBuilder();
    r.ancestors().reverse().forEach(a -> b.append(a.name()));
    return b.append(r.name()).toString();
  }

  @Test
  void everyGridCanBeReachedByItsWrittenAddressAndByItsCode() throws Exception {
    for (Region grid : TestServers.CITY.tree().regionsAt(RegionLevel.GRID)) {
      String address = "福建省莆田市" + fullName(grid) + "12号楼下";
      assertThat(
              gridOfReturnedPoint(
                  TestServers.post(
                      server, "/open311/v2/requests.json", form("address_string", address))))
          .as(address)
          .isEqualTo(grid.code());
      assertThat(
              gridOfReturnedPoint(
                  TestServers.post(
                      server,
                      "/open311/v2/requests.json",
                      form("address_id", Long.toString(grid.code())))))
          .isEqualTo(grid.code());
    }
  }

  @Test
  void addressesThatNameNothingSeveralGridsOrNoGridAreRefused() throws Exception {
    String secret = "北京市朝阳区幸福小区王五家";
    assertRefused(form("address_string", secret), "names no region of this city");
    assertRefused(
        form("address_string", "1-1-1网格和1-1-2网格之间"), "fits 2 regions equally (all in 霞林第1社区)");
    assertRefused(form("address_string", "龙桥街道某某路"), "names 龙桥街道 (street) but no grid");
    assertRefused(form("address_id", "350302001"), "is not the code of a grid or unit");
    Map<String, String> none = form("description", "no place at all");
    assertRefused(none, "lat and long, address_id or address_string is required");
  }

  private static void assertRefused(Map<String, String> form, String words) throws Exception {
    HttpResponse<String> r = TestServers.post(server, "/open311/v2/requests.json", form);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    String description = body(r).get(0).get("description").asText();
    assertThat(description).contains(words);
    String address = form.get("address_string");
    if (address != null) {
      assertThat(description).doesNotContain(address).doesNotContain("王五");
    }
  }
}
