package org.gridgov.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * A client that knows only the GeoReport v2 specification: a generic HTTP client (java.net.http)
 * and a generic XML parser (the JDK's DOM), no class of the server. It discovers a service, submits
 * a request in XML (the specification's required format) and reads it back by id and by token.
 */
class IndependentClientTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private Document xml(String url) throws Exception {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(r.body()));
  }

  private static String text(Document d, String element) {
    return d.getElementsByTagName(element).item(0).getTextContent();
  }

  @Test
  void submitsAndReadsBackInXml() throws Exception {
    double[] point = TestServers.pointIn(350302003002003L); // where the test stands; any city point
    try (GridgovServer server = TestServers.start(100, "pw")) {
      String base = "http://127.0.0.1:" + server.port() + "/open311/v2/";
      Document services = xml(base + "services.xml");
      String code = text(services, "service_code");
      String name = text(services, "service_name");
      Document definition = xml(base + "services/" + code + ".xml");
      assertThat(text(definition, "service_code")).isEqualTo(code);

      String form =
          "api_key="
              + URLEncoder.encode(TestServers.KEY, StandardCharsets.UTF_8)
              + "&service_code="
              + URLEncoder.encode(code, StandardCharsets.UTF_8)
              + "&lat="
              + point[1]
              + "&long="
              + point[0]
              + "&description="
              + URLEncoder.encode("井盖缺失 missing cover", StandardCharsets.UTF_8)
              + "&email="
              + URLEncoder.encode("someone@example.org", StandardCharsets.UTF_8);
      HttpResponse<byte[]> posted =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "requests.xml"))
                  .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(posted.statusCode()).isBetween(200, 299);
      Document created =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(posted.body()));
      assertThat(created.getDocumentElement().getNodeName()).isEqualTo("service_requests");
      String id = text(created, "service_request_id");
      String token = text(created, "token");

      Document byId = xml(base + "requests/" + id + ".xml");
      assertThat(text(byId, "service_request_id")).isEqualTo(id);
      assertThat(text(byId, "service_code")).isEqualTo(code);
      assertThat(text(byId, "service_name")).isEqualTo(name);
      assertThat(text(byId, "description")).isEqualTo("井盖缺失 missing cover");
      assertThat(text(byId, "status")).isEqualTo("open");
      assertThat(Double.parseDouble(text(byId, "lat"))).isEqualTo(point[1]);
      assertThat(Double.parseDouble(text(byId, "long"))).isEqualTo(point[0]);
      assertThat(text(byId, "expected_datetime")).isNotEmpty();
      assertThat(byId.getElementsByTagName("email").getLength()).isZero();

      Document byToken = xml(base + "tokens/" + token + ".xml");
      assertThat(text(byToken, "service_request_id")).isEqualTo(id);
      Document listed = xml(base + "requests.xml?service_request_id=" + id);
      assertThat(listed.getElementsByTagName("request").getLength()).isEqualTo(1);
    }
  }
}
