package org.gridgov.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.gridgov.metrics.IndicatorReport;
import org.gridgov.metrics.Rate;
import org.junit.jupiter.api.Test;

class CaseLoopExampleTest {

  @Test
  void leakIsDueAt1440ClosedOnTimeAndCountedInMarch() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    IndicatorReport march =
        CaseLoopExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    // 4 working hours from 09:10: 2 h 50 min until 12:00, lunch 12:00-13:30, 1 h 10 min more =
    // 14:40.
    assertThat(out).contains("due at 2025-03-03T14:40");
    assertThat(out).contains("is CLOSED after 8 events");
    assertThat(out).contains("deadline cancelled: true, breaches fired: 0");
    assertThat(march.onTimeClosingRate()).isEqualTo(new Rate(1, 1));
    assertThat(march.closingRate()).isEqualTo(new Rate(1, 1));
  }
}
