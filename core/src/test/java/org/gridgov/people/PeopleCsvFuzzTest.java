package org.gridgov.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.gridgov.InputLimits;
import org.gridgov.TextParseException;
import org.gridgov.sla.ChinaCalendar;

/**
 * Fuzz targets for {@link DeliberationPolicyCsv#read} and {@link ShiftRosterCsv#read}: any text
 * gives a policy or a roster, or a {@link TextParseException} whose problems name the source and a
 * position; never another exception, and never an echo of a person field.
 *
 * <p>The default build runs the seed corpus only (src/test/resources/.../PeopleCsvFuzzTestInputs);
 * the long run is {@code JAZZER_FUZZ=1}, see docs/quality.md.
 */
class PeopleCsvFuzzTest {
  private static final String SOURCE = "fuzz.csv";
  private static final InputLimits LIMITS =
      InputLimits.defaults().withMaxChars(1 << 20).withMaxRows(10_000);

  @FuzzTest(maxDuration = "2m")
  void readPolicy(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    try {
      DeliberationPolicy p =
          DeliberationPolicyCsv.read(new StringReader(text), SOURCE, StaffRoles.standard(), LIMITS);
      for (MatterSize s : MatterSize.values()) {
        assertThat(p.bodyFor(s).kind()).isEqualTo(BodyKind.DELIBERATION);
      }
    } catch (TextParseException e) {
      assertPositioned(e);
    }
  }

  @FuzzTest(maxDuration = "2m")
  void readRoster(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    try {
      ShiftRoster r =
          ShiftRosterCsv.read(new StringReader(text), SOURCE, ChinaCalendar.calendar(), LIMITS);
      assertThat(r.toString()).startsWith("ShiftRoster(");
    } catch (TextParseException e) {
      assertPositioned(e);
      for (TextParseException.Problem p : e.problems()) {
        if (p.field().equals("person")) {
          assertThat(p.value()).isEmpty();
        }
      }
    }
  }

  private static void assertPositioned(TextParseException e) {
    assertThat(e.problems()).isNotEmpty();
    for (TextParseException.Problem p : e.problems()) {
      assertThat(p.source()).isEqualTo(SOURCE);
      assertThat(p.reason()).isNotBlank();
      assertThat(p.line()).isGreaterThanOrEqualTo(0);
    }
  }
}
