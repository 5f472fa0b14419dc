package org.gridgov.geo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/**
 * The character budget under the GeoJSON reader: every path that consumes characters (one at a
 * time, into a buffer, skipped) counts them, the limit itself is allowed and one more is refused,
 * and the end of the text counts nothing.
 */
class LimitedReaderTest {

  @Test
  void readingOneCharacterAtATime_countsEach() throws IOException {
    LimitedReader r = new LimitedReader(new StringReader("abcd"), 3);
    assertThat(r.read()).isEqualTo('a');
    assertThat(r.read()).isEqualTo('b');
    assertThat(r.read()).isEqualTo('c');
    assertThatThrownBy(r::read)
        .isInstanceOf(LimitedReader.TooLongException.class)
        .hasMessage("more than 3 characters");
  }

  @Test
  void aNulCharacter_countsLikeAnyOther() throws IOException {
    LimitedReader r = new LimitedReader(new StringReader("\0\0"), 1);
    assertThat(r.read()).isZero();
    assertThatThrownBy(r::read).isInstanceOf(LimitedReader.TooLongException.class);
  }

  @Test
  void theEndOfTheText_countsNothing() throws IOException {
    LimitedReader r = new LimitedReader(new StringReader("ab"), 2);
    char[] buf = new char[8];
    assertThat(r.read(buf, 0, 8)).isEqualTo(2);
    for (int i = 0; i < 3; i++) {
      assertThat(r.read()).isEqualTo(-1);
      assertThat(r.read(buf, 0, 8)).isEqualTo(-1);
    }
  }

  @Test
  void readingIntoABuffer_countsWhatWasRead_notWhatWasAskedFor() throws IOException {
    LimitedReader r = new LimitedReader(new StringReader("abcdef"), 6);
    char[] buf = new char[100];
    assertThat(r.read(buf, 0, 4)).isEqualTo(4);
    assertThat(r.read(buf, 4, 96)).isEqualTo(2);
    assertThat(new String(buf, 0, 6)).isEqualTo("abcdef");

    LimitedReader over = new LimitedReader(new StringReader("abcdefg"), 6);
    assertThat(over.read(buf, 0, 6)).isEqualTo(6);
    assertThatThrownBy(() -> over.read(buf, 0, 6))
        .isInstanceOf(LimitedReader.TooLongException.class)
        .hasMessage("more than 6 characters");
  }

  @Test
  void skippedCharacters_count() throws IOException {
    LimitedReader r = new LimitedReader(new StringReader("abcdef"), 4);
    assertThat(r.skip(4)).isEqualTo(4);
    assertThatThrownBy(() -> r.skip(1)).isInstanceOf(LimitedReader.TooLongException.class);

    LimitedReader mixed = new LimitedReader(new StringReader("abcdef"), 4);
    assertThat(mixed.skip(3)).isEqualTo(3);
    assertThat(mixed.read()).isEqualTo('d');
    assertThatThrownBy(mixed::read).isInstanceOf(LimitedReader.TooLongException.class);
  }

  @Test
  void closing_leavesTheCallersReaderOpen() throws IOException {
    StringReader in = new StringReader("abc");
    LimitedReader r = new LimitedReader(in, 10);
    assertThat(r.read()).isEqualTo('a');
    r.close();
    assertThat(in.read()).as("the underlying reader is still open").isEqualTo('b');
  }
}
