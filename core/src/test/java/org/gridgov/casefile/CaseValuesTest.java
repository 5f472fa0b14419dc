package org.gridgov.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.primitives.ImmutableLongArray;
import com.google.common.testing.EqualsTester;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Small value types of the casefile package: {@link CaseId}, {@link Actor}, {@link CaseFacts}. */
class CaseValuesTest {

  @Test
  void caseId_validatesAndPrintsItsText() {
    assertThat(CaseId.of("C-1").toString()).isEqualTo("C-1");
    assertThat(CaseId.of("C-1").compareTo(CaseId.of("C-2"))).isNegative();
    assertThatThrownBy(() -> CaseId.of("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CaseId.of(" C"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\" C\"");
    assertThatThrownBy(() -> CaseId.of("x".repeat(129)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("129");
    new EqualsTester()
        .addEqualityGroup(CaseId.of("a"), CaseId.of("a"))
        .addEqualityGroup(CaseId.of("b"))
        .testEquals();
  }

  @Test
  void actor_validatesAndCompares() {
    assertThat(Actor.of("w-17", Role.GRID_WORKER).toString()).isEqualTo("w-17 (GRID_WORKER)");
    assertThatThrownBy(() -> Actor.of(" ", Role.LEADER))
        .isInstanceOf(IllegalArgumentException.class);
    new EqualsTester()
        .addEqualityGroup(Actor.of("a", Role.LEADER), Actor.of("a", Role.LEADER))
        .addEqualityGroup(Actor.of("a", Role.SUPERVISOR))
        .addEqualityGroup(Actor.of("b", Role.LEADER))
        .testEquals();
  }

  private static CaseFacts.Builder facts() {
    return CaseFacts.builder()
        .id(CaseId.of("C-1"))
        .categoryCode("0102")
        .priority(Priority.URGENT)
        .kind(CaseKind.COORDINATED)
        .source(CaseSource.PROACTIVE);
  }

  @Test
  void caseFacts_holdsTheFactsAndMasksTheReporter() {
    CaseFacts f =
        facts()
            .locationCodes(ImmutableLongArray.of(11L, 12L))
            .reporter(PersonalData.of("张三丰", "13812345678"))
            .build();
    assertThat(f.locationCodes().asList()).containsExactly(11L, 12L);
    assertThat(f.isLocatedIn(c -> c == 12L)).isTrue();
    assertThat(f.isLocatedIn(c -> c == 13L)).isFalse();
    assertThat(f.toString()).contains("张**").doesNotContain("张三丰").doesNotContain("13812345678");
    assertThat(f.reporter().orElseThrow().revealName()).isEqualTo("张三丰");
  }

  @Test
  void caseFacts_rejectsBadLocationsAndCategory() {
    assertThatThrownBy(() -> facts().locationCodes(ImmutableLongArray.of()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("C-1");
    assertThatThrownBy(() -> facts().locationCodes(ImmutableLongArray.of(5, 5)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5 appears twice");
    assertThatThrownBy(() -> facts().locationCodes(ImmutableLongArray.of(-1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(
            () ->
                CaseFacts.builder()
                    .id(CaseId.of("C"))
                    .categoryCode("01a")
                    .priority(Priority.NORMAL)
                    .kind(CaseKind.IMMEDIATE)
                    .source(CaseSource.APP)
                    .locationCodes(ImmutableLongArray.of(1))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("01a");
    assertThatThrownBy(() -> facts().build()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void caseEvent_defaultsTheSchemaVersionAndValidates() {
    Instant t = Instant.parse("2024-01-01T00:00:00Z");
    Actor a = Actor.of("x", Role.DISPATCHER);
    CaseEvent e = CaseEvent.of(CaseId.of("C-1"), 1, t, a, new EventPayload.Reported());
    assertThat(e.schemaVersion()).isEqualTo(CaseEvent.CURRENT_SCHEMA_VERSION);
    assertThat(e.type()).isEqualTo(EventType.REPORTED);
    assertThat(e.toString()).isEqualTo("C-1#1 2024-01-01T00:00:00Z x (DISPATCHER) Reported[]");
    assertThatThrownBy(() -> CaseEvent.of(CaseId.of("C-1"), 0, t, a, new EventPayload.Reported()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sequence number must be >= 1");
    assertThatThrownBy(
            () ->
                CaseEvent.builder()
                    .caseId(CaseId.of("C-1"))
                    .sequence(1)
                    .at(t)
                    .actor(a)
                    .payload(new EventPayload.Reported())
                    .schemaVersion(2)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("schema version");
    new EqualsTester()
        .addEqualityGroup(e, CaseEvent.of(CaseId.of("C-1"), 1, t, a, new EventPayload.Reported()))
        .addEqualityGroup(CaseEvent.of(CaseId.of("C-1"), 2, t, a, new EventPayload.Reported()))
        .addEqualityGroup(CaseEvent.of(CaseId.of("C-1"), 1, t, a, new EventPayload.Verified()))
        .testEquals();
  }
}
