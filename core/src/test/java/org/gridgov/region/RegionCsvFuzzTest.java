package org.gridgov.region;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.gridgov.InputLimits;
import org.gridgov.TextParseException;

/**
 * Fuzz target for {@link RegionCsv#read}: any text gives a tree that writes and reads back to the
 * same CSV, or a {@link TextParseException} whose problems name the source and a position; never
 * another exception.
 *
 * <p>The default build runs the seed corpus only (src/test/resources/.../RegionCsvFuzzTestInputs);
 * the long run is {@code JAZZER_FUZZ=1}, see docs/quality.md.
 */
class RegionCsvFuzzTest {
  private static final String SOURCE = "fuzz.csv";
  private static final InputLimits LIMITS =
      InputLimits.defaults().withMaxChars(1 << 20).withMaxRows(10_000);

  @FuzzTest(maxDuration = "5m")
  void read(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    RegionTree tree;
    try {
      tree =
          RegionCsv.read(
              new StringReader(text), SOURCE, CodeScheme.standard(), TestTrees.EDITION, LIMITS);
    } catch (TextParseException e) {
      assertPositioned(e, SOURCE);
      return;
    }
    String csv = RegionCsv.toCsv(tree);
    RegionTree back =
        RegionCsv.read(new StringReader(csv), SOURCE, CodeScheme.standard(), TestTrees.EDITION);
    assertThat(RegionCsv.toCsv(back)).isEqualTo(csv);
  }

  /**
   * The contract on a refusal: problems, each naming the source, with a line unless it concerns the
   * whole input.
   */
  static void assertPositioned(TextParseException e, String source) {
    assertThat(e.problems()).isNotEmpty();
    for (TextParseException.Problem p : e.problems()) {
      assertThat(p.source()).isEqualTo(source);
      assertThat(p.reason()).isNotBlank();
      assertThat(p.line()).isGreaterThanOrEqualTo(0);
    }
    assertThat(e.getMessage()).contains(source);
  }
}
