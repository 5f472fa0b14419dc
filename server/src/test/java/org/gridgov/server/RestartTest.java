package org.gridgov.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server keeps everything in its database: after a restart the requests, their state and ids go
 * on.
 */
class RestartTest {
  private static Map<String, String> form(long grid) {
    double[] p = TestServers.pointIn(grid);
    Map<String, String> f = new LinkedHashMap<>();
    f.put("api_key", TestServers.KEY);
    f.put("service_code", "0202");
    f.put("lat", Double.toString(p[1]));
    f.put("long", Double.toString(p[0]));
    return f;
  }

  @Test
  void requestsSurviveARestartAndIdsContinue() {
    String db = TestServers.newDatabase();
    String before;
    try (GridgovServer first = TestServers.start(db, 100, "pw")) {
      HttpResponse<String> r =
          TestServers.post(first, "/open311/v2/requests.json", form(350302002001001L));
      assertThat(r.statusCode()).isEqualTo(201);
      before = TestServers.get(first, "/open311/v2/requests/1.json").body();
      assertThat(before).contains("\"service_request_id\":1");
    }
    try (GridgovServer second = TestServers.start(db, 100, "pw")) {
      assertThat(TestServers.get(second, "/open311/v2/requests/1.json").body()).isEqualTo(before);
      HttpResponse<String> r =
          TestServers.post(second, "/open311/v2/requests.json", form(350302002001002L));
      assertThat(r.body()).contains("\"service_request_id\":2");
      assertThat(TestServers.get(second, "/open311/v2/requests.json").body())
          .contains("\"service_request_id\":1")
          .contains("\"service_request_id\":2");
    }
  }
}
