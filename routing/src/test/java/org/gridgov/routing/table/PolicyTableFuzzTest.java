package org.gridgov.routing.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.gridgov.TextParseException;

/**
 * Fuzz target for {@link PolicyTable#parse}: any text gives a table (whose rows answer their
 * questions) or a {@link TextParseException} whose problems name the source and a line; never
 * another exception.
 */
class PolicyTableFuzzTest {
  private static final String SOURCE = "fuzz-policy.csv";

  @FuzzTest(maxDuration = "5m")
  void parse(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    PolicyTable table;
    try {
      table = PolicyTable.parse(new StringReader(text), SOURCE);
    } catch (TextParseException e) {
      assertThat(e.problems())
          .isNotEmpty()
          .allSatisfy(
              p -> {
                assertThat(p.source()).isEqualTo(SOURCE);
                assertThat(p.line()).isGreaterThanOrEqualTo(0);
                assertThat(p.reason()).isNotBlank();
              });
      return;
    }
    assertThat(table.source()).isEqualTo(SOURCE);
    for (PolicyTable.Row r : table.rows()) {
      var unused = r.matchesCategory("0102");
    }
    assertThat(table.toString()).isNotEmpty();
  }
}
