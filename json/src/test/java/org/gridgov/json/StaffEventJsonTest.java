package org.gridgov.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Optional;
import org.gridgov.casefile.CaseId;
import org.gridgov.engine.StaffEvent;
import org.gridgov.people.PersonId;
import org.junit.jupiter.api.Test;

class StaffEventJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new GridgovModule());

  private static StaffEvent handedBack() {
    return new StaffEvent(
        Instant.parse("2025-03-04T01:00:00Z"),
        CaseId.of("c-1"),
        StaffEvent.Kind.HANDED_BACK,
        "office:350302001001001",
        "grid_worker",
        Optional.of(PersonId.of("p-reserve")),
        Optional.of(PersonId.of("p-worker")),
        "own-worker");
  }

  @Test
  void roundTripsAndMatchesTheSchema() throws Exception {
    for (StaffEvent e :
        new StaffEvent[] {
          handedBack(),
          new StaffEvent(
              Instant.parse("2025-03-04T01:00:00Z"),
              CaseId.of("c-2"),
              StaffEvent.Kind.QUEUED,
              "office:350302001002001",
              "grid_worker",
              Optional.empty(),
              Optional.empty(),
              "least-loaded")
        }) {
      String json = MAPPER.writeValueAsString(e);
      assertThat(MAPPER.readValue(json, StaffEvent.class)).isEqualTo(e);
      JsonNode tree = MAPPER.readTree(json);
      assertThat(GridgovSchemaTest.errors("staffEvent", tree)).isEmpty();
    }
    assertThat(MAPPER.writeValueAsString(handedBack()))
        .isEqualTo(
            "{\"at\":\"2025-03-04T01:00:00Z\",\"caseId\":\"c-1\",\"kind\":\"HANDED_BACK\","
                + "\"handlerId\":\"office:350302001001001\",\"roleCode\":\"grid_worker\","
                + "\"person\":\"p-reserve\",\"previous\":\"p-worker\",\"rule\":\"own-worker\"}");
  }

  @Test
  void badDocumentsAreRefusedNamingThePathAndTheSchemaAgrees() throws Exception {
    String bad =
        "{\"at\":\"2025-03-04T01:00:00Z\",\"caseId\":\"c-1\",\"kind\":\"ASSIGNED\","
            + "\"handlerId\":\"office:1\",\"roleCode\":\"grid_worker\","
            + "\"person\":\"张三 13800138000\",\"rule\":\"own-worker\"}";
    assertThatThrownBy(() -> MAPPER.readValue(bad, StaffEvent.class))
        .hasMessageContaining("$.person")
        .hasMessageNotContaining("13800138000");
    assertThat(GridgovSchemaTest.errors("staffEvent", MAPPER.readTree(bad))).isNotEmpty();
    String noKind = bad.replace("\"kind\":\"ASSIGNED\",", "").replace("张三 13800138000", "p-1");
    assertThatThrownBy(() -> MAPPER.readValue(noKind, StaffEvent.class))
        .hasMessageContaining("$.kind is missing");
    assertThat(GridgovSchemaTest.errors("staffEvent", MAPPER.readTree(noKind))).isNotEmpty();
  }
}
