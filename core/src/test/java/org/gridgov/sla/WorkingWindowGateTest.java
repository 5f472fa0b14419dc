package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/**
 * {@link WorkingWindow}'s text form, order and constructors, with values worked out by hand
 * (seconds of the day: 09:00 = 32,400, 12:00 = 43,200, 18:00 = 64,800, 24:00 = 86,400) (issue 17,
 * the mutation-testing gate).
 */
class WorkingWindowGateTest {

  @Test
  void parsesStartDashEndWithSpacesAndTwentyFourHundred() {
    assertThat(WorkingWindow.parse("09:00-12:00")).isEqualTo(new WorkingWindow(32_400, 43_200));
    assertThat(WorkingWindow.parse(" 13:30 - 17:30 ")).isEqualTo(new WorkingWindow(48_600, 63_000));
    assertThat(WorkingWindow.parse("18:00-24:00")).isEqualTo(new WorkingWindow(64_800, 86_400));
    assertThat(WorkingWindow.parse("18:00-24:00:00")).isEqualTo(new WorkingWindow(64_800, 86_400));
    assertThat(WorkingWindow.parse("09:00:30-09:01")).isEqualTo(new WorkingWindow(32_430, 32_460));
  }

  @Test
  void aTextWithoutAStartIsRefusedBeforeAnyTimeIsRead() {
    // The dash must follow a start: at index 0 (no start) or missing, the text is refused by the
    // form check itself, not by a time parser failing on an empty or cut text.
    for (String bad : new String[] {"-12:00", "0900", ""}) {
      assertThatThrownBy(() -> WorkingWindow.parse(bad))
          .as("\"%s\"", bad)
          .isExactlyInstanceOf(IllegalArgumentException.class)
          .hasMessage("a working window is written HH:mm-HH:mm but was \"" + bad + "\"")
          .hasNoCause();
    }
  }

  @Test
  void aBadTimeIsRefusedWithTheParseErrorAsCause() {
    assertThatThrownBy(() -> WorkingWindow.parse("9h-12:00"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("a working window is written HH:mm-HH:mm but was \"9h-12:00\"")
        .hasCauseInstanceOf(java.time.format.DateTimeParseException.class);
    assertThatThrownBy(() -> WorkingWindow.parse("12:00-09:00"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[43200, 32400)");
  }

  @Test
  void untilMidnightEndsAtTwentyFourHundred() {
    WorkingWindow evening = WorkingWindow.untilMidnight(LocalTime.of(18, 0));
    assertThat(evening).isEqualTo(new WorkingWindow(64_800, 86_400));
    assertThat(evening.lengthSeconds()).isEqualTo(6 * 3600);
    assertThat(evening).hasToString("18:00-24:00");
  }

  @Test
  void orderedByStartThenByEnd() {
    WorkingWindow nineToTen = new WorkingWindow(32_400, 36_000);
    WorkingWindow nineToNoon = new WorkingWindow(32_400, 43_200);
    WorkingWindow eightToNoon = new WorkingWindow(28_800, 43_200);
    assertThat(nineToTen.compareTo(nineToNoon)).isNegative();
    assertThat(nineToNoon.compareTo(nineToTen)).isPositive();
    assertThat(eightToNoon.compareTo(nineToTen)).as("start first, whatever the end").isNegative();
    assertThat(nineToTen.compareTo(eightToNoon)).isPositive();
    assertThat(nineToNoon.compareTo(new WorkingWindow(32_400, 43_200))).isZero();
  }

  @Test
  void writesSecondsOnlyWhenThereAreSome() {
    assertThat(new WorkingWindow(32_430, 43_200)).hasToString("09:00:30-12:00");
    assertThat(new WorkingWindow(0, 59)).hasToString("00:00-00:00:59");
  }
}
