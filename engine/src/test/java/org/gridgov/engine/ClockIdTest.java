package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gridgov.sla.SlaStage;
import org.junit.jupiter.api.Test;

/** The clock id type: the wire strings the events carry, validation, stages. */
class ClockIdTest {
  @Test
  void keepsTheWireStringsTheEventsCarry() {
    assertThat(ClockId.WHOLE_CASE.name()).isEqualTo("case");
    assertThat(ClockId.LEAD.name()).isEqualTo("lead");
    assertThat(ClockId.REGISTER.name()).isEqualTo("register");
    assertThat(ClockId.DISPATCH.name()).isEqualTo("dispatch");
    assertThat(ClockId.CHECK.name()).isEqualTo("check");
    assertThat(ClockId.summons("dept:water").name()).isEqualTo("summon:dept:water");
    assertThat(CaseEngine.LEAD_CLOCK).isEqualTo("lead");
    assertThat(CaseEngine.SUMMON_CLOCK_PREFIX).isEqualTo("summon:");
  }

  @Test
  void refusesUnknownNamesNamingTheValue() {
    assertThatThrownBy(() -> new ClockId("handle"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'handle'")
        .hasMessageContaining("summon:<department id>");
    assertThatThrownBy(() -> ClockId.summons(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'summon:'");
  }

  @Test
  void parsesEveryWireNameBackToAnEqualId() {
    for (ClockId id :
        new ClockId[] {
          ClockId.WHOLE_CASE,
          ClockId.LEAD,
          ClockId.REGISTER,
          ClockId.DISPATCH,
          ClockId.CHECK,
          ClockId.summons("dept:police")
        }) {
      assertThat(new ClockId(id.name())).isEqualTo(id);
      assertThat(id.toString()).isEqualTo(id.name());
    }
    assertThat(ClockId.summons("dept:police").summonedDepartment()).contains("dept:police");
    assertThat(ClockId.LEAD.summonedDepartment()).isEmpty();
  }

  @Test
  void namesTheStageOfEachClockAndWhichBreachesRoute() {
    assertThat(ClockId.stageOf("lead")).isEqualTo(SlaStage.HANDLE);
    assertThat(ClockId.stageOf("register")).isEqualTo(SlaStage.REGISTER);
    assertThat(ClockId.stageOf("dispatch")).isEqualTo(SlaStage.DISPATCH);
    assertThat(ClockId.stageOf("check")).isEqualTo(SlaStage.CHECK);
    assertThat(ClockId.stageOf("summon:dept:x")).isEqualTo(SlaStage.SUMMON);
    assertThat(ClockId.stageOf("case")).isEqualTo(SlaStage.WHOLE_CASE);
    assertThat(ClockId.isHandlerClock("lead")).isTrue();
    assertThat(ClockId.isHandlerClock("summon:dept:x")).isTrue();
    assertThat(ClockId.isHandlerClock("dispatch")).isFalse();
    assertThat(ClockId.isHandlerClock("case")).isFalse();
  }
}
