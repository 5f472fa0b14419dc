package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.gridgov.TextParseException;
import org.gridgov.casefile.Priority;
import org.gridgov.region.UrbanRuralClass;

/**
 * Fuzz target for {@link SlaPolicy#parse}: any text gives a policy whose every rule starts a clock
 * (a deadline, or the calendar's {@link OutsideCalendarException}), or a {@link TextParseException}
 * with positions; never another exception (no overflow when a clock starts).
 */
class SlaPolicyFuzzTest {
  private static final String SOURCE = "fuzz-policy.txt";
  private static final BusinessCalendar CALENDAR = ChinaCalendar.calendar();
  private static final Instant AT = Instant.parse("2025-06-30T07:00:00Z");

  @FuzzTest(maxDuration = "5m")
  void parse(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    SlaPolicy policy;
    try {
      policy = SlaPolicy.parse(new StringReader(text), SOURCE);
    } catch (TextParseException e) {
      assertThat(e.problems())
          .isNotEmpty()
          .allSatisfy(
              p -> {
                assertThat(p.source()).isEqualTo(SOURCE);
                assertThat(p.line()).isPositive();
              });
      return;
    }
    for (SlaPolicy.Rule r : policy.rules()) {
      String code = r.categoryPrefix() + "01";
      Priority priority = r.priority().orElse(Priority.NORMAL);
      UrbanRuralClass region =
          r.regions().isEmpty() ? UrbanRuralClass.MAIN_URBAN : r.regions().iterator().next();
      try {
        SlaClock c =
            policy.startClock("c", r.stage(), code, priority, region, CALENDAR, AT).orElseThrow();
        assertThat(c.deadline().orElseThrow()).isAfter(AT);
        var unused = c.nextWarningAt();
      } catch (OutsideCalendarException e) {
        // documented: the limit reaches past the calendar's coverage
      }
    }
  }
}
