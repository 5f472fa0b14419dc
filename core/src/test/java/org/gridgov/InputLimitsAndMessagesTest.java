package org.gridgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.TextParseException.Problem;
import org.junit.jupiter.api.Test;

/**
 * {@link InputLimits} as a value (each limit at least 1, each {@code with…} changing one limit) and
 * the text of {@link TextParseException}: the problem count, the first {@value
 * TextParseException#MAX_PROBLEMS_IN_MESSAGE} problems, and each problem's parts omitted when
 * absent.
 */
class InputLimitsAndMessagesTest {

  @Test
  void limits_eachAtLeastOne_andEachWithChangesOnlyItsOwn() {
    InputLimits d = InputLimits.defaults();
    assertThat(d)
        .isEqualTo(
            InputLimits.of(
                InputLimits.DEFAULT_MAX_CHARS,
                InputLimits.DEFAULT_MAX_LINE_LENGTH,
                InputLimits.DEFAULT_MAX_ROWS,
                InputLimits.DEFAULT_MAX_NESTING));
    InputLimits one = InputLimits.of(1, 1, 1, 1);
    assertThat(one.withMaxChars(5)).isEqualTo(InputLimits.of(5, 1, 1, 1));
    assertThat(one.withMaxLineLength(5)).isEqualTo(InputLimits.of(1, 5, 1, 1));
    assertThat(one.withMaxRows(5)).isEqualTo(InputLimits.of(1, 1, 5, 1));
    assertThat(one.withMaxNesting(5)).isEqualTo(InputLimits.of(1, 1, 1, 5));
    assertThat(one.withMaxNesting(5).maxNesting()).isEqualTo(5);
    assertThat(one.withMaxNesting(5)).isNotEqualTo(one).isNotEqualTo("limits");
    assertThat(one.withMaxChars(5)).isNotEqualTo(one.withMaxRows(5));
    assertThatThrownBy(() -> InputLimits.of(0, 1, 1, 1)).hasMessageContaining("maxChars");
    assertThatThrownBy(() -> InputLimits.of(1, 0, 1, 1)).hasMessageContaining("maxLineLength");
    assertThatThrownBy(() -> InputLimits.of(1, 1, 0, 1)).hasMessageContaining("maxRows");
    assertThatThrownBy(() -> one.withMaxNesting(0)).hasMessageContaining("maxNesting");
  }

  @Test
  void limits_equalValuesHashEqual_andEachLimitMovesTheHash() {
    InputLimits a = InputLimits.of(7, 11, 13, 17);
    assertThat(a.hashCode()).isEqualTo(InputLimits.of(7, 11, 13, 17).hashCode());
    assertThat(a.withMaxChars(8).hashCode()).isNotEqualTo(a.hashCode());
    assertThat(a.withMaxLineLength(12).hashCode()).isNotEqualTo(a.hashCode());
    assertThat(a.withMaxRows(14).hashCode()).isNotEqualTo(a.hashCode());
    assertThat(a.withMaxNesting(18).hashCode()).isNotEqualTo(a.hashCode());
    assertThat(a.toString())
        .isEqualTo("InputLimits[maxChars=7, maxLineLength=11, maxRows=13, maxNesting=17]");
  }

  @Test
  void aProblem_omitsTheLineColumnFieldAndValueItLacks() {
    assertThat(new Problem("f.csv", 3, 2, "code", "x", "bad").toString())
        .isEqualTo("f.csv:3:2 (code) \"x\": bad");
    assertThat(new Problem("f.csv", 3, 0, "", "", "bad").toString()).isEqualTo("f.csv:3: bad");
    assertThat(new Problem("f.csv", 0, 2, "", "", "bad").toString()).isEqualTo("f.csv: bad");
    assertThat(new Problem("f.csv", 1, 1, "", "", "bad").toString()).isEqualTo("f.csv:1:1: bad");
    assertThatThrownBy(() -> new Problem("f", -1, 0, "", "", "r")).hasMessageContaining("line");
    assertThatThrownBy(() -> new Problem("f", 0, -1, "", "", "r")).hasMessageContaining("column");
  }

  @Test
  void theMessage_countsTheProblems_andShowsAtMostTheFirstTwenty() {
    String nl = System.lineSeparator();
    assertThat(new TextParseException(problems(1)).getMessage())
        .isEqualTo("1 problem in f.csv:" + nl + "  f.csv:1: r1");
    String two = new TextParseException(problems(2)).getMessage();
    assertThat(two).isEqualTo("2 problems in f.csv:" + nl + "  f.csv:1: r1" + nl + "  f.csv:2: r2");

    int max = TextParseException.MAX_PROBLEMS_IN_MESSAGE;
    String atMax = new TextParseException(problems(max)).getMessage();
    assertThat(atMax).contains("f.csv:" + max + ": r" + max).doesNotContain("more");
    String over = new TextParseException(problems(max + 1)).getMessage();
    assertThat(over)
        .startsWith((max + 1) + " problems in f.csv:")
        .doesNotContain("r" + (max + 1))
        .endsWith(nl + "  ... and 1 more (see problems())");
    assertThat(new TextParseException(problems(max + 1)).problems()).hasSize(max + 1);
    assertThatThrownBy(() -> new TextParseException(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Problem> problems(int n) {
    List<Problem> ps = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      ps.add(new Problem("f.csv", i, 0, "", "", "r" + i));
    }
    return ps;
  }
}
