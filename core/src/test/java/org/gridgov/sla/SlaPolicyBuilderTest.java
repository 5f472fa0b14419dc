package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The builder: a built policy reports what was set (through a chain of calls, as docs/sla.md writes
 * it) and the documented defaults when nothing was; the documented ranges hold at both ends.
 */
class SlaPolicyBuilderTest {

  private static List<WarningLevel> levels(int count) {
    List<WarningLevel> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(WarningLevel.before("l" + i, Duration.ofMinutes(i + 1)));
    }
    return out;
  }

  @Test
  void aChainOfSettersBuildsAPolicyThatReportsEachSetting() {
    List<WarningLevel> levels =
        List.of(WarningLevel.atFraction("yellow", 0.8), WarningLevel.breach("red"));
    SlaPolicy p =
        SlaPolicy.builder()
            .defaultLevels(levels)
            .transferRule(TransferRule.RESTART)
            .returnRule(TransferRule.FROM_CREATION)
            .returnsBeforeEscalation(3)
            .extensions(2, 5)
            .rule(SlaPolicy.Rule.of(SlaStage.HANDLE, SlaLimit.workingHours(4)))
            .build();
    assertThat(p.defaultLevels()).isEqualTo(levels);
    assertThat(p.transferRule()).isEqualTo(TransferRule.RESTART);
    assertThat(p.returnRule()).isEqualTo(TransferRule.FROM_CREATION);
    assertThat(p.returnsBeforeEscalation()).hasValue(3);
    assertThat(p.maxExtensions()).isEqualTo(2);
    assertThat(p.maxExtensionDays()).isEqualTo(5);
    assertThat(p.rules()).hasSize(1);
  }

  @Test
  void eachSetterCanBeChainedOnItsOwn() {
    assertThat(SlaPolicy.builder().transferRule(TransferRule.FROM_CREATION).build().transferRule())
        .isEqualTo(TransferRule.FROM_CREATION);
    assertThat(SlaPolicy.builder().returnRule(TransferRule.RESTART).build().returnRule())
        .isEqualTo(TransferRule.RESTART);
    assertThat(SlaPolicy.builder().returnsBeforeEscalation(7).build().returnsBeforeEscalation())
        .hasValue(7);
    assertThat(SlaPolicy.builder().extensions(4, 9).build().maxExtensionDays()).isEqualTo(9);
    assertThat(SlaPolicy.builder().defaultLevels(levels(2)).build().defaultLevels())
        .isEqualTo(levels(2));
  }

  @Test
  void nothingSet_theDocumentedDefaults() {
    SlaPolicy p = SlaPolicy.builder().build();
    assertThat(p.rules()).isEmpty();
    assertThat(p.defaultLevels()).isEmpty();
    assertThat(p.transferRule()).isEqualTo(TransferRule.KEEP);
    assertThat(p.returnRule()).isEqualTo(TransferRule.KEEP);
    assertThat(p.returnsBeforeEscalation()).isEmpty();
    assertThat(p.maxExtensions()).isZero();
    assertThat(p.maxExtensionDays()).isZero();
  }

  @Test
  void defaultLevels_atMost64() {
    assertThat(SlaPolicy.builder().defaultLevels(levels(64)).build().defaultLevels())
        .hasSize(SlaPolicy.MAX_WARNING_LEVELS);
    assertThatThrownBy(() -> SlaPolicy.builder().defaultLevels(levels(65)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("64")
        .hasMessageContaining("65");
  }

  @Test
  void defaultLevels_areACopy() {
    List<WarningLevel> mutable = new ArrayList<>(levels(2));
    SlaPolicy.Builder b = SlaPolicy.builder().defaultLevels(mutable);
    mutable.clear();
    assertThat(b.build().defaultLevels()).isEqualTo(levels(2));
  }

  @ParameterizedTest
  @CsvSource({"1, 1", "1000, 1000", "1, 1000", "1000, 1"})
  void extensionsAtTheBounds_accepted(int count, int days) {
    SlaPolicy p = SlaPolicy.builder().extensions(count, days).build();
    assertThat(p.maxExtensions()).isEqualTo(count);
    assertThat(p.maxExtensionDays()).isEqualTo(days);
  }

  @ParameterizedTest
  @CsvSource({"0, 5, 0", "1001, 5, 1001", "5, 0, 0", "5, 1001, 1001", "-1, 5, -1"})
  void extensionsOnePastTheBounds_refusedNamingTheValue(int count, int days, int bad) {
    assertThatThrownBy(() -> SlaPolicy.builder().extensions(count, days))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("was " + bad);
  }

  @Test
  void returnsBeforeEscalationAtTheBounds() {
    assertThat(SlaPolicy.builder().returnsBeforeEscalation(1).build().returnsBeforeEscalation())
        .hasValue(1);
    assertThat(SlaPolicy.builder().returnsBeforeEscalation(1000).build().returnsBeforeEscalation())
        .hasValue(SlaPolicy.MAX_RETURNS_BEFORE_ESCALATION);
    assertThatThrownBy(() -> SlaPolicy.builder().returnsBeforeEscalation(1001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 1001");
  }
}
