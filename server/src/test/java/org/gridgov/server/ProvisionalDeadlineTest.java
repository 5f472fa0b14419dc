package org.gridgov.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridgov.sla.ChinaCalendar;
import org.gridgov.sla.DayProvenance;
import org.gridgov.sla.SlaLimit;
import org.gridgov.sla.WorkingDayRule;
import org.junit.jupiter.api.Test;

/**
 * {@code expected_datetime} is marked provisional exactly when the deadline counts on a day of a
 * provisional calendar year (the State Council has not yet published that year's holidays).
 */
class ProvisionalDeadlineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long GRID = 350302001001001L;

  /** The demo city with a whole-case limit of 5 working days, which the calendar decides. */
  private static DemoCity fiveWorkingDays() {
    DemoCity c = TestServers.CITY;
    return new DemoCity(
        c.tree(),
        c.geometry(),
        c.locator(),
        c.catalog(),
        SlaLimit.workingDays(5, WorkingDayRule.SAME_CLOCK_TIME));
  }

  private static JsonNode submitAndRead(GridgovServer server) throws Exception {
    double[] p = TestServers.pointIn(GRID);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("api_key", TestServers.KEY);
    form.put("service_code", "0102");
    form.put("lat", Double.toString(p[1]));
    form.put("long", Double.toString(p[0]));
    form.put("description", "垃圾堆在路边");
    HttpResponse<String> posted = TestServers.post(server, "/open311/v2/requests.json", form);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    long id = JSON.readTree(posted.body()).get(0).get("service_request_id").asLong();
    return JSON.readTree(TestServers.get(server, "/open311/v2/requests/" + id + ".json").body())
        .get(0);
  }

  private static LocalDate expectedDate(JsonNode request) {
    return OffsetDateTime.parse(request.get("expected_datetime").asText()).toLocalDate();
  }

  @Test
  void aDeadlineInAProvisionalYearIsMarkedProvisional() throws Exception {
    // Monday 28 December 2026, 10:00: five working days later lies in January 2027, a year whose
    // holidays the built-in calendar only predicts.
    Instant start = OffsetDateTime.parse("2026-12-28T10:00:00+08:00").toInstant();
    try (GridgovServer server = TestServers.start(fiveWorkingDays(), start)) {
      JsonNode q = submitAndRead(server);
      LocalDate due = expectedDate(q);
      assertThat(due.getYear()).isEqualTo(2027);
      assertThat(ChinaCalendar.calendar().provenance(due)).isEqualTo(DayProvenance.PROVISIONAL);
      assertThat(q.get("expected_datetime_provisional").asBoolean()).isTrue();
      assertThat(q.get("service_notice").asText()).contains("provisional");
    }
  }

  @Test
  void aDeadlineInAnOfficialYearIsNotMarkedProvisional() throws Exception {
    // Monday 3 March 2025, 09:00: the deadline lies in March 2025, an officially published year.
    try (GridgovServer server = TestServers.start(fiveWorkingDays(), TestServers.START)) {
      JsonNode q = submitAndRead(server);
      LocalDate due = expectedDate(q);
      assertThat(due).isEqualTo(LocalDate.of(2025, 3, 10));
      assertThat(q.get("expected_datetime_provisional").asBoolean()).isFalse();
      assertThat(q.get("service_notice").asText()).doesNotContain("provisional");
    }
  }
}
