package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.EqualsTester;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlaLimitTest {

  @Test
  void unitsAreExplicitAndAccessorsRefuseTheWrongUnit() {
    SlaLimit days = SlaLimit.workingDays(5, WorkingDayRule.END_OF_WORKING_DAY);
    assertThat(days.unit()).isEqualTo(SlaLimit.Unit.WORKING_DAYS);
    assertThat(days.days()).isEqualTo(5);
    assertThat(days.rule()).isEqualTo(WorkingDayRule.END_OF_WORKING_DAY);
    assertThatThrownBy(days::duration)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("working-days 5");
    SlaLimit hours = SlaLimit.workingHours(4);
    assertThat(hours.duration()).isEqualTo(Duration.ofHours(4));
    assertThat(hours.countsWorkingTime()).isTrue();
    assertThatThrownBy(hours::days).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(hours::rule).isInstanceOf(IllegalStateException.class);
    assertThat(SlaLimit.natural(Duration.ofMinutes(30)).countsWorkingTime()).isFalse();
  }

  @Test
  void rejectsNonPositiveAmounts() {
    assertThatThrownBy(() -> SlaLimit.natural(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT0S");
    assertThatThrownBy(() -> SlaLimit.workingTime(Duration.ofHours(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SlaLimit.workingDays(0, WorkingDayRule.SAME_CLOCK_TIME))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "natural PT30M",
        "working PT4H",
        "working-days 5 same-clock-time",
        "working-days 1 end-of-working-day"
      })
  void parseReadsWhatToStringWrites(String text) {
    assertThat(SlaLimit.parse(text).toString()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "P1D",
        "PT4H",
        "working 4h",
        "working-days five same-clock-time",
        "working-days 5 noon",
        "natural PT0S",
        ""
      })
  void parseRejectsAmbiguousOrBadText(String text) {
    assertThatThrownBy(() -> SlaLimit.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + text + "\"");
  }

  @Test
  void nullsAreRejected() {
    com.google.common.testing.NullPointerTester tester =
        new com.google.common.testing.NullPointerTester()
            .setDefault(int.class, 1)
            .setDefault(long.class, 1L)
            .setDefault(double.class, 0.5)
            .setDefault(Duration.class, Duration.ofHours(1))
            .setDefault(String.class, "x");
    tester.testAllPublicStaticMethods(SlaLimit.class);
    tester.testAllPublicStaticMethods(WarningLevel.class);
    tester.testAllPublicInstanceMethods(new DeadlineQueue());
  }

  @Test
  void equality() {
    new EqualsTester()
        .addEqualityGroup(
            SlaLimit.workingHours(4),
            SlaLimit.workingTime(Duration.ofHours(4)),
            SlaLimit.parse("working PT4H"))
        .addEqualityGroup(SlaLimit.natural(Duration.ofHours(4)))
        .addEqualityGroup(SlaLimit.workingDays(4, WorkingDayRule.SAME_CLOCK_TIME))
        .addEqualityGroup(SlaLimit.workingDays(4, WorkingDayRule.END_OF_WORKING_DAY))
        .testEquals();
  }
}
