package org.gridgov.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
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
}
