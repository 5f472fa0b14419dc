package org.gridgov.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableLongArray;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
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

/**
 * The wire form the event store has been writing (schema version 1, {@code CaseJson} before the
 * Jackson module): {@code legacy-v1-events.jsonl} holds one event of every type exactly as that
 * writer wrote it (checked against it before the module replaced its internals). Stored rows in
 * that form must stay readable, and the writer must keep producing the same bytes, so that a
 * store's old and new rows do not differ.
 */
class LegacyWireFormatTest {
  private static final Instant DUE = Instant.parse("2024-03-01T02:00:00Z");

  /** The values the fixture lines hold, written out independently of any reader. */
  static List<EventPayload> expectedPayloads() {
    return List.of(
        new EventPayload.Reported(),
        new EventPayload.Verified(),
        new EventPayload.VerificationFailed("no such \"problem\""),
        new EventPayload.Registered(DUE.plus(Duration.ofDays(5))),
        new EventPayload.Registered(DUE.plus(Duration.ofDays(5)), true),
        new EventPayload.Dispatched("城管局", HandlerRole.ASSIST),
        new EventPayload.Accepted("H1"),
        new EventPayload.Returned("H1", "不属于本部门职责"),
        new EventPayload.Escalated(EscalationCause.REPEAT_REPORT, "H1", "street-centre"),
        new EventPayload.Summoned(ImmutableList.of("D2", "D1"), Duration.ofMinutes(30)),
        new EventPayload.Arrived("D1"),
        new EventPayload.AssistAdded("D3"),
        new EventPayload.Suspended("waiting for the owner"),
        new EventPayload.Resumed(DUE.plus(Duration.ofDays(6)), true),
        new EventPayload.Extended(DUE.plus(Duration.ofDays(9)), "parts", true),
        new EventPayload.Resolved("cleaned\nand photographed"),
        new EventPayload.CheckPassed(),
        new EventPayload.CheckFailed("still dirty"),
        new EventPayload.Closed(),
        new EventPayload.Evaluated(Satisfaction.BASICALLY_SATISFIED, true),
        new EventPayload.Reopened("came back", DUE.plus(Duration.ofDays(20)), true),
        new EventPayload.Merged(CaseId.of("C-2024-0000")),
        new EventPayload.SlaWarning("handler:H1", SlaStage.HANDLE, 2),
        new EventPayload.SlaBreached("case", SlaStage.HANDLE),
        new EventPayload.DeadlineRevised(
            "case", DUE.plus(Duration.ofDays(5)), DUE.plus(Duration.ofDays(6)), "cn-2027", false));
  }

  static CaseEvent expectedEvent(int index) {
    return CaseEvent.of(
        CaseId.of("C-2024-0001"),
        index + 1,
        Instant.parse("2024-03-01T02:00:00.123Z").plus(Duration.ofMinutes(index)),
        Actor.of("dispatcher-7", Role.DISPATCHER),
        expectedPayloads().get(index));
  }

  /** The event types of schema version 1 when the fixture was written: all but the later ones. */
  static Set<EventType> typesOfTheFixture() {
    return EnumSet.complementOf(
        EnumSet.of(
            EventType.EXTENSION_REQUESTED,
            EventType.EXTENSION_REFUSED,
            EventType.REPEAT_REPORTED,
            EventType.SUPERVISION_OPENED,
            EventType.URGED,
            EventType.SUPERVISION_ESCALATED,
            EventType.SUPERVISION_CLOSED,
            EventType.VISITED,
            EventType.MERGE_SUGGESTED,
            EventType.MERGE_DECLINED));
  }

  static List<String> lines(String resource) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(LegacyWireFormatTest.class.getResourceAsStream(resource))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  @Test
  void everyStoredEventLine_readsToItsValue_andIsWrittenBackByteForByte() throws IOException {
    List<String> lines = lines("legacy-v1-events.jsonl");
    assertThat(lines).hasSize(expectedPayloads().size());
    Set<EventType> covered = EnumSet.noneOf(EventType.class);
    for (int i = 0; i < lines.size(); i++) {
      CaseEvent expected = expectedEvent(i);
      covered.add(expected.type());
      CaseEvent read = CaseJson.unmasked().readEvent(lines.get(i));
      assertThat(read).as(lines.get(i)).isEqualTo(expected);
      assertThat(CaseJson.unmasked().write(expected)).isEqualTo(lines.get(i));
      assertThat(CaseJson.masked().write(expected)).isEqualTo(lines.get(i));
    }
    // every type but those added after the fixture was frozen (their round trip: GridgovModuleTest)
    assertThat(covered).isEqualTo(typesOfTheFixture());
  }

  @Test
  void storedFactsRow_readsToItsValue_andIsWrittenBackByteForByte() throws IOException {
    String line = lines("legacy-v1-facts.json").get(0);
    CaseFacts expected =
        CaseFacts.builder()
            .id(CaseId.of("C-2024-0001"))
            .categoryCode("0102")
            .priority(Priority.MAJOR)
            .kind(CaseKind.COMMITTED)
            .locationCodes(ImmutableLongArray.of(350302001001001L, 350302001001002L))
            .source(CaseSource.APP)
            .reporter(PersonalData.of("张三丰", "13812345678"))
            .build();
    assertThat(CaseJson.unmasked().readFacts(line)).isEqualTo(expected);
    assertThat(CaseJson.unmasked().write(expected)).isEqualTo(line);
  }
}
