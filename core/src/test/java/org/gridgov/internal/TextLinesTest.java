package org.gridgov.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.InputLimits;
import org.gridgov.TextParseException;
import org.junit.jupiter.api.Test;

class TextLinesTest {

  @Test
  void passesStrippedMeaningfulLinesWithTheirNumbers() {
    List<String> seen = new ArrayList<>();
    TextLines.forEach(
        new StringReader("# header\n\n  a b  \r\n\t# indented comment\nc\n   \nd"),
        "t.txt",
        (n, text) -> seen.add(n + ":" + text));

    assertThat(seen).containsExactly("3:a b", "5:c", "7:d");
  }

  @Test
  void readFailureNamesTheSource() {
    Reader broken =
        new Reader() {
          @Override
          public int read(char[] buf, int off, int len) throws IOException {
            throw new IOException("disk gone");
          }

          @Override
          public void close() {}
        };

    assertThatThrownBy(() -> TextLines.forEach(broken, "policy.txt", (n, t) -> {}))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("policy.txt");
  }

  @Test
  void byteOrderMarkAtTheStart_isSkipped() {
    List<String> seen = new ArrayList<>();
    TextLines.forEach(
        new StringReader("\uFEFFa\n\uFEFFb"), "t.txt", (n, text) -> seen.add(n + ":" + text));

    // only the first character of the input is a byte-order mark; later ones are text
    assertThat(seen).containsExactly("1:a", "2:\uFEFFb");
  }

  @Test
  void aLoneCarriageReturnEndsALine() {
    List<String> seen = new ArrayList<>();
    TextLines.forEach(
        new StringReader("a\rb\r\n\r\nc\n"), "t.txt", (n, text) -> seen.add(n + ":" + text));

    assertThat(seen).containsExactly("1:a", "2:b", "4:c");
  }

  @Test
  void inputLongerThanMaxChars_refusedBeforeItIsRead() {
    // an endless input of 10-char lines ("xxxxxxxxx\n"), like /dev/zero with line breaks
    Reader zero =
        new Reader() {
          private long pos;

          @Override
          public int read(char[] buf, int off, int len) {
            for (int i = 0; i < len; i++) {
              buf[off + i] = pos++ % 10 == 9 ? '\n' : 'x';
            }
            return len;
          }

          @Override
          public void close() {}
        };
    InputLimits limits = InputLimits.defaults().withMaxChars(100_000).withMaxLineLength(1 << 30);
    assertThatThrownBy(() -> TextLines.forEach(zero, "zero.txt", limits, (n, t) -> {}))
        .isInstanceOfSatisfying(
            TextParseException.class,
            e -> {
              assertThat(e.problems()).hasSize(1);
              assertThat(e.problems().get(0).source()).isEqualTo("zero.txt");
              // char 100,001 is the first of line 10,001
              assertThat(e.problems().get(0).line()).isEqualTo(10_001);
              assertThat(e.problems().get(0).column()).isEqualTo(1);
              assertThat(e.problems().get(0).reason()).contains("100000").contains("maxChars");
            });
  }

  @Test
  void lineLongerThanMaxLineLength_refusedWithItsLineAndColumn() {
    InputLimits limits = InputLimits.defaults().withMaxLineLength(5);
    List<String> seen = new ArrayList<>();
    assertThatThrownBy(
            () ->
                TextLines.forEach(
                    new StringReader("12345\n123456\n"), "t", limits, (n, t) -> seen.add(t)))
        .isInstanceOfSatisfying(
            TextParseException.class,
            e -> {
              assertThat(e.problems().get(0).line()).isEqualTo(2);
              assertThat(e.problems().get(0).column()).isEqualTo(6);
              assertThat(e.problems().get(0).reason())
                  .contains("limit of 5")
                  .contains("maxLineLength");
            });
    assertThat(seen).containsExactly("12345");
  }

  @Test
  void moreMeaningfulLinesThanMaxRows_refused() {
    InputLimits limits = InputLimits.defaults().withMaxRows(2);
    assertThatThrownBy(
            () ->
                TextLines.forEach(new StringReader("a\n# c\n\nb\nc\n"), "t", limits, (n, t) -> {}))
        .isInstanceOfSatisfying(
            TextParseException.class,
            e -> {
              assertThat(e.problems().get(0).line()).isEqualTo(5);
              assertThat(e.problems().get(0).reason()).contains("limit of 2").contains("maxRows");
            });
    TextLines.forEach(new StringReader("a\n# c\n\nb\n"), "t", limits, (n, t) -> {});
  }
}
