package org.gridgov.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableSortedSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.gridgov.casefile.CaseId;
import org.gridgov.engine.DeliberationEvent;
import org.gridgov.people.BodyKind;
import org.gridgov.people.MatterSize;
import org.gridgov.people.PersonId;
import org.gridgov.people.WishEvent;
import org.gridgov.people.WishId;
import org.junit.jupiter.api.Test;

/** The deliberation desk's and the wish board's log entries: round trip, schema, bad input. */
class PeopleEventJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new GridgovModule());
  private static final Instant T = Instant.parse("2025-03-10T06:30:00Z");

  private static DeliberationEvent referred() {
    return DeliberationEvent.referred(
        1,
        CaseId.of("B-1"),
        T,
        "representatives_meeting",
        350302001001001L,
        MatterSize.BIG,
        T.plusSeconds(86400));
  }

  private static DeliberationEvent sat() {
    return DeliberationEvent.sat(
        2,
        CaseId.of("B-1"),
        T,
        "representatives_meeting",
        350302001001001L,
        ImmutableSortedSet.of(PersonId.of("p-1"), PersonId.of("p-2")),
        6,
        4);
  }

  private static DeliberationEvent decided() {
    return DeliberationEvent.decided(
        3,
        CaseId.of("B-1"),
        T,
        "mediation_committee",
        350302001001001L,
        BodyKind.Outcome.FAILED,
        Optional.empty(),
        true);
  }

  private static WishEvent claimed() {
    return new WishEvent(
        2,
        WishId.of("w-1"),
        T,
        WishEvent.Kind.CLAIMED,
        PersonId.of("p-vol1"),
        350302001001L,
        3,
        T.plusSeconds(30 * 86400));
  }

  @Test
  void deliberationEventsRoundTripAndMatchTheSchema() throws Exception {
    for (DeliberationEvent e : new DeliberationEvent[] {referred(), sat(), decided()}) {
      String json = MAPPER.writeValueAsString(e);
      assertThat(MAPPER.readValue(json, DeliberationEvent.class)).isEqualTo(e);
      assertThat(GridgovSchemaTest.errors("deliberationEvent", MAPPER.readTree(json)))
          .as(json)
          .isEmpty();
    }
    assertThat(MAPPER.writeValueAsString(sat()))
        .isEqualTo(
            "{\"sequence\":2,\"caseId\":\"B-1\",\"at\":\"2025-03-10T06:30:00Z\",\"kind\":\"SAT\","
                + "\"bodyId\":\"representatives_meeting\",\"regionCode\":350302001001001,"
                + "\"attendees\":[\"p-1\",\"p-2\"],\"members\":6,\"quorum\":4,\"late\":false}");
  }

  @Test
  void theSchemasEnumerationsAreExactlyTheJavaOnes() throws Exception {
    JsonNode defs = GridgovSchemaTest.schemaTree().get("$defs");
    assertThat(names(defs.at("/deliberationEvent/properties/kind/enum")))
        .containsExactlyInAnyOrder(constants(DeliberationEvent.Kind.class));
    assertThat(names(defs.at("/deliberationEvent/properties/size/enum")))
        .containsExactlyInAnyOrder(constants(MatterSize.class));
    assertThat(names(defs.at("/deliberationEvent/properties/outcome/enum")))
        .containsExactlyInAnyOrder(constants(BodyKind.Outcome.class));
    assertThat(names(defs.at("/wishEvent/properties/kind/enum")))
        .containsExactlyInAnyOrder(constants(WishEvent.Kind.class));
  }

  private static List<String> names(JsonNode array) {
    assertThat(array.isArray()).isTrue();
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String[] constants(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).toArray(String[]::new);
  }

  @Test
  void wishEventsRoundTripAndMatchTheSchema() throws Exception {
    String json = MAPPER.writeValueAsString(claimed());
    assertThat(MAPPER.readValue(json, WishEvent.class)).isEqualTo(claimed());
    assertThat(GridgovSchemaTest.errors("wishEvent", MAPPER.readTree(json))).isEmpty();
  }

  @Test
  void badDocumentsAreRefusedWithoutEchoingPersonalDataAndTheSchemaAgrees() throws Exception {
    String named = MAPPER.writeValueAsString(sat()).replace("\"p-2\"", "\"张三 13800138000\"");
    assertThatThrownBy(() -> MAPPER.readValue(named, DeliberationEvent.class))
        .hasMessageContaining("$.attendees[1]")
        .hasMessageNotContaining("13800138000");
    assertThat(GridgovSchemaTest.errors("deliberationEvent", MAPPER.readTree(named))).isNotEmpty();
    String wishNamed = MAPPER.writeValueAsString(claimed()).replace("p-vol1", "李四 13900139000");
    assertThatThrownBy(() -> MAPPER.readValue(wishNamed, WishEvent.class))
        .hasMessageContaining("$.person")
        .hasMessageNotContaining("13900139000");
    assertThat(GridgovSchemaTest.errors("wishEvent", MAPPER.readTree(wishNamed))).isNotEmpty();
    String noSize = MAPPER.writeValueAsString(claimed()).replace("\"size\":3,", "");
    assertThatThrownBy(() -> MAPPER.readValue(noSize, WishEvent.class))
        .hasMessageContaining("$.size is missing");
    assertThat(GridgovSchemaTest.errors("wishEvent", MAPPER.readTree(noSize))).isNotEmpty();
    String noOutcome = MAPPER.writeValueAsString(decided()).replace("\"outcome\":\"FAILED\",", "");
    assertThatThrownBy(() -> MAPPER.readValue(noOutcome, DeliberationEvent.class))
        .hasMessageContaining("$.outcome is missing");
    String noSitting =
        MAPPER.writeValueAsString(referred()).replaceAll("\"sittingBy\":\"[^\"]*\",", "");
    assertThat(noSitting).doesNotContain("sittingBy");
    assertThatThrownBy(() -> MAPPER.readValue(noSitting, DeliberationEvent.class))
        .hasMessageContaining("$.sittingBy");
    String zero = MAPPER.writeValueAsString(claimed()).replace("\"size\":3", "\"size\":0");
    assertThatThrownBy(() -> MAPPER.readValue(zero, WishEvent.class))
        .hasMessageContaining("size is >= 1, not 0");
    assertThat(GridgovSchemaTest.errors("wishEvent", MAPPER.readTree(zero))).isNotEmpty();
  }
}
