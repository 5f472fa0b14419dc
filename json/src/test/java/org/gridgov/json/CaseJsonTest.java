package org.gridgov.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableLongArray;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseFile;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.EscalationCause;
import org.gridgov.casefile.EventPayload;
import org.gridgov.casefile.EventType;
import org.gridgov.casefile.HandlerRole;
import org.gridgov.casefile.PersonalData;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.casefile.Satisfaction;
import org.gridgov.sla.SlaStage;
import org.junit.jupiter.api.Test;

class CaseJsonTest {
  private static final CaseId ID = CaseId.of("C-2024-0001");
  private static final Instant T0 = Instant.parse("2024-03-01T02:00:00.123456789Z");
  private static final Actor ACTOR = Actor.of("dispatcher-7", Role.DISPATCHER);

  /** One payload of every type, with non-default values in every field. */
  static List<EventPayload> onePayloadOfEveryType() {
    return List.of(
        new EventPayload.Reported(),
        new EventPayload.Verified(),
        new EventPayload.VerificationFailed("no such \"problem\""),
        new EventPayload.Registered(T0.plus(Duration.ofDays(5))),
        new EventPayload.Registered(T0.plus(Duration.ofDays(5)), true),
        new EventPayload.Dispatched("城管局", HandlerRole.ASSIST),
        new EventPayload.Accepted("H1"),
        new EventPayload.Returned("H1", "不属于本部门职责"),
        new EventPayload.Escalated(EscalationCause.REPEAT_REPORT, "H1", "street-centre"),
        new EventPayload.Summoned(ImmutableList.of("D2", "D1"), Duration.ofMinutes(30)),
        new EventPayload.Arrived("城管局-执法队"),
        new EventPayload.AssistAdded("D3"),
        new EventPayload.Suspended("waiting for the owner"),
        new EventPayload.Resumed(T0.plus(Duration.ofDays(6)), true),
        new EventPayload.Extended(T0.plus(Duration.ofDays(9)), "parts", true),
        new EventPayload.ExtensionRequested("城管局", 3, "等待\"配件\""),
        new EventPayload.ExtensionRefused("理由不足"),
        new EventPayload.Resolved("cleaned\nand photographed"),
        new EventPayload.CheckPassed(),
        new EventPayload.CheckFailed("still dirty"),
        new EventPayload.Closed(),
        new EventPayload.Evaluated(Satisfaction.BASICALLY_SATISFIED, true),
        new EventPayload.Reopened("came back", T0.plus(Duration.ofDays(20)), true),
        new EventPayload.Merged(CaseId.of("C-2024-0000")),
        new EventPayload.SlaWarning("handler:H1", SlaStage.HANDLE, 2),
        new EventPayload.SlaBreached("case", SlaStage.WHOLE_CASE),
        new EventPayload.DeadlineRevised(
            "case", T0.plus(Duration.ofDays(5)), T0.plus(Duration.ofDays(6)), "cn-2027", false),
        new EventPayload.RepeatReported(CaseId.of("C-2024-0009"), 5),
        new EventPayload.SupervisionOpened("挂牌督办", T0.plus(Duration.ofDays(2)), "媒体曝光"),
        new EventPayload.Urged("今日内处置完毕"),
        new EventPayload.SupervisionEscalated("一般督办", "重点督办", T0.plus(Duration.ofDays(3))),
        new EventPayload.SupervisionClosed("按期整改"),
        new EventPayload.Visited(true, java.util.Optional.of(Satisfaction.DISSATISFIED)),
        new EventPayload.Visited(false, java.util.Optional.empty()),
        new EventPayload.MergeSuggested(CaseId.of("C-2024-0001")),
        new EventPayload.MergeDeclined(CaseId.of("C-2024-0001")));
  }

  @Test
  void everyEventType_survivesTheRoundTrip() {
    Set<EventType> covered = EnumSet.noneOf(EventType.class);
    long seq = 1;
    for (EventPayload p : onePayloadOfEveryType()) {
      covered.add(p.type());
      CaseEvent e = CaseEvent.of(ID, seq++, T0.plusSeconds(seq), ACTOR, p);
      String json = CaseJson.masked().write(e);
      CaseEvent back = CaseJson.masked().readEvent(json);
      assertThat(back).as(json).isEqualTo(e);
      assertThat(back.payload()).isEqualTo(p);
      assertThat(json).contains("\"type\":\"" + p.type().payloadName() + "\"");
    }
    assertThat(covered)
        .as("a new event type needs a JSON mapping and a sample here")
        .containsExactlyInAnyOrder(EventType.values());
  }

  @Test
  void eventJson_hasTheDocumentedShape() {
    CaseEvent e =
        CaseEvent.of(
            ID,
            4,
            Instant.parse("2024-03-01T02:00:00Z"),
            ACTOR,
            new EventPayload.Dispatched("H1", HandlerRole.LEAD));
    assertThat(CaseJson.masked().write(e))
        .isEqualTo(
            "{\"caseId\":\"C-2024-0001\",\"sequence\":4,\"at\":\"2024-03-01T02:00:00Z\","
                + "\"actor\":{\"id\":\"dispatcher-7\",\"role\":\"DISPATCHER\"},\"schemaVersion\":1,"
                + "\"type\":\"Dispatched\",\"payload\":{\"handlerId\":\"H1\",\"role\":\"LEAD\"}}");
  }

  static CaseFacts facts(PersonalData reporter) {
    return CaseFacts.builder()
        .id(ID)
        .categoryCode("0102")
        .priority(Priority.MAJOR)
        .kind(CaseKind.COMMITTED)
        .locationCodes(ImmutableLongArray.of(350302001001001L, 350302001001002L))
        .source(CaseSource.APP)
        .reporter(reporter)
        .build();
  }

  @Test
  void personalData_isWrittenMaskedByDefault() {
    CaseFacts f = facts(PersonalData.of("张三丰", "13812345678"));
    String json = CaseJson.masked().write(f);
    assertThat(json)
        .contains("\"name\":\"张**\"", "\"phone\":\"138****5678\"", "\"masked\":true")
        .doesNotContain("三丰")
        .doesNotContain("13812345678");
    CaseFacts back = CaseJson.masked().readFacts(json);
    assertThat(back.reporter().orElseThrow().revealName()).isEqualTo("张**");
    assertThat(back.locationCodes()).isEqualTo(f.locationCodes());
    assertThat(back.priority()).isEqualTo(Priority.MAJOR);
  }

  @Test
  void personalData_isWrittenClearOnlyWhenAskedFor() {
    CaseFacts f = facts(PersonalData.of("张三丰", "13812345678"));
    String json = CaseJson.unmasked().write(f);
    assertThat(json).contains("\"name\":\"张三丰\"", "\"phone\":\"13812345678\"", "\"masked\":false");
    assertThat(CaseJson.unmasked().readFacts(json)).isEqualTo(f);
    CaseFacts nameOnly = facts(PersonalData.ofName("李四"));
    assertThat(CaseJson.unmasked().readFacts(CaseJson.unmasked().write(nameOnly)))
        .isEqualTo(nameOnly);
  }

  /** A case file of a whole ordinary flow, reported to evaluated, with a summons on the way. */
  static CaseFile sampleFile() {
    CaseFacts f = facts(PersonalData.of("张三丰", "13812345678"));
    List<CaseEvent> events = new ArrayList<>();
    Instant t = T0;
    EventPayload[] flow = {
      new EventPayload.Reported(),
      new EventPayload.Verified(),
      new EventPayload.Registered(T0.plus(Duration.ofDays(5))),
      new EventPayload.Dispatched("H1", HandlerRole.LEAD),
      new EventPayload.Accepted("H1"),
      new EventPayload.Summoned(ImmutableList.of("D1"), Duration.ofMinutes(30)),
      new EventPayload.Arrived("D1"),
      new EventPayload.Resolved("done"),
      new EventPayload.CheckPassed(),
      new EventPayload.Closed(),
      new EventPayload.Evaluated(Satisfaction.SATISFIED, true)
    };
    for (EventPayload p : flow) {
      t = t.plus(Duration.ofHours(1));
      events.add(CaseEvent.of(ID, events.size() + 1, t, ACTOR, p));
    }
    return CaseFile.of(f, events);
  }

  @Test
  void caseFile_roundTripsAndReplaysToTheSameState() {
    CaseFile file = sampleFile();
    CaseFile back = CaseJson.unmasked().readCaseFile(CaseJson.unmasked().write(file));
    assertThat(back).isEqualTo(file);
    assertThat(back.state()).isEqualTo(file.state());
    CaseFile masked = CaseJson.masked().readCaseFile(CaseJson.masked().write(file));
    assertThat(masked.events()).isEqualTo(file.events());
    assertThat(masked.state()).isEqualTo(file.state());
  }

  @Test
  void badJson_namesTheFieldAndWhatWasExpected() {
    CaseJson json = CaseJson.masked();
    assertThatThrownBy(
            () ->
                json.readEvent(
                    "{\"caseId\":\"C\",\"sequence\":1,\"at\":\"yesterday\","
                        + "\"actor\":{\"id\":\"a\",\"role\":\"LEADER\"},\"schemaVersion\":1,\"type\":\"Reported\",\"payload\":{}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$.at must be an ISO-8601 instant");
    assertThatThrownBy(
            () ->
                json.readEvent(
                    "{\"caseId\":\"C\",\"sequence\":1,\"at\":\"2024-01-01T00:00:00Z\","
                        + "\"actor\":{\"id\":\"a\",\"role\":\"KING\"},\"schemaVersion\":1,\"type\":\"Reported\",\"payload\":{}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$.actor.role must be one of");
    assertThatThrownBy(
            () ->
                json.readEvent(
                    "{\"caseId\":\"C\",\"sequence\":1,\"at\":\"2024-01-01T00:00:00Z\","
                        + "\"actor\":{\"id\":\"a\",\"role\":\"LEADER\"},\"schemaVersion\":1,\"type\":\"Teleported\","
                        + "\"payload\":{}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$.type must be an event type");
    assertThatThrownBy(
            () ->
                json.readEvent(
                    "{\"caseId\":\"C\",\"sequence\":1,\"at\":\"2024-01-01T00:00:00Z\","
                        + "\"actor\":{\"id\":\"a\",\"role\":\"LEADER\"},\"schemaVersion\":1,\"type\":\"Accepted\","
                        + "\"payload\":{}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$.payload.handlerId is missing");
    assertThatThrownBy(
            () ->
                json.readEvent(
                    "{\"caseId\":\"C\",\"sequence\":9,\"at\":\"2024-01-01T00:00:00Z\","
                        + "\"actor\":{\"id\":\"a\",\"role\":\"LEADER\"},\"schemaVersion\":1,"
                        + "\"type\":\"SlaBreached\",\"payload\":{\"clockId\":\"lead\",\"stage\":\"LUNCH\"}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "$.payload.stage must be one of [REGISTER, DISPATCH, HANDLE, CHECK, WHOLE_CASE, SUMMON,"
                + " SUPERVISION]");
    assertThatThrownBy(() -> json.readEvent("{not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid JSON (line 1, column 2)");
  }

  @Test
  void nestingDeeperThanTheLimit_refusedWithItsPosition() {
    String deep =
        "\n" + "[".repeat(CaseJson.MAX_NESTING + 1) + "]".repeat(CaseJson.MAX_NESTING + 1);
    assertThatThrownBy(() -> CaseJson.unmasked().readEvent(deep))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid JSON")
        .hasMessageContaining("32");
  }
}
