package org.gridgov.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.gridgov.sla.SlaStage;
import org.junit.jupiter.api.Test;

class EventPayloadTest {

  @Test
  void everyEventType_hasOnePayloadRecordNamedLikeIt() {
    Set<EventType> seen = EnumSet.noneOf(EventType.class);
    for (Class<?> c : EventPayload.class.getPermittedSubclasses()) {
      assertThat(c.isRecord()).as("%s", c).isTrue();
      EventType type =
          Arrays.stream(EventType.values())
              .filter(t -> t.payloadName().equals(c.getSimpleName()))
              .findFirst()
              .orElseThrow();
      assertThat(seen.add(type)).isTrue();
    }
    assertThat(seen).containsExactlyInAnyOrder(EventType.values());
    for (EventType t : EventType.values()) {
      assertThat(CaseLifecycleTest.samplePayload(t, CaseStatus.HANDLING).type()).isEqualTo(t);
      assertThat(CaseLifecycleTest.samplePayload(t, CaseStatus.HANDLING).getClass().getSimpleName())
          .isEqualTo(t.payloadName());
    }
  }

  @Test
  void blankTextFields_areRejectedByName() {
    assertThatThrownBy(() -> new EventPayload.Returned("h", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reason");
    assertThatThrownBy(() -> new EventPayload.Dispatched("", HandlerRole.LEAD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("handlerId");
    assertThatThrownBy(() -> new EventPayload.Resolved(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("feedback");
    assertThatThrownBy(() -> new EventPayload.Arrived(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("departmentId");
  }

  @Test
  void escalation_mustChangeTheHandler() {
    assertThatThrownBy(() -> new EventPayload.Escalated(EscalationCause.MANUAL, "a", "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both are a");
  }

  @Test
  void summons_needsDistinctDepartmentsAndAPositiveLimit() {
    assertThatThrownBy(() -> new EventPayload.Summoned(ImmutableList.of(), Duration.ofMinutes(30)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new EventPayload.Summoned(ImmutableList.of("a", "a"), Duration.ofMinutes(30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a is summoned twice");
    assertThatThrownBy(() -> new EventPayload.Summoned(ImmutableList.of("a"), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }

  @Test
  void slaWarningLevel_startsAtOne() {
    assertThatThrownBy(() -> new EventPayload.SlaWarning("case", SlaStage.HANDLE, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("level");
  }
}
