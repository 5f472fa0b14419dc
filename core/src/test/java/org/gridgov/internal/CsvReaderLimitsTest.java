package org.gridgov.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.InputLimits;
import org.gridgov.TextParseException;
import org.junit.jupiter.api.Test;

/**
 * {@link CsvReader}'s limits at exactly their value and one past (characters of the input, of one
 * record counting its commas and quoted text, records), line numbers after a skipped line and a
 * comment, and the same records whether the reader hands out one character per read or all at once.
 */
class CsvReaderLimitsTest {

  private static List<CsvReader.Row> read(Reader in, InputLimits limits, Problems problems) {
    CsvReader r = new CsvReader(in, problems, true, limits);
    List<CsvReader.Row> out = new ArrayList<>();
    for (CsvReader.Row row = r.next(); row != null; row = r.next()) {
      out.add(row);
    }
    return out;
  }

  private static TextParseException.Problem stopped(String text, InputLimits limits) {
    TextParseException e =
        catchThrowableOfType(
            TextParseException.class,
            () -> read(new StringReader(text), limits, new Problems("t.csv")));
    assertThat(e).as(text).isNotNull();
    return e.problems().get(e.problems().size() - 1);
  }

  @Test
  void aRecordOfExactlyTheLineLimit_isRead_oneMoreCharacterStops() {
    InputLimits five = InputLimits.defaults().withMaxLineLength(5);
    // "ab,cd" is five characters with its comma; a quoted field counts what follows its opening
    // quote ("a," and the closing quote: 3), so "\"a,\",c" is five as well
    assertThat(read(new StringReader("ab,cd\n\"a,\",c\n"), five, new Problems("t.csv")))
        .extracting(r -> String.join("|", r.fields()))
        .containsExactly("ab|cd", "a,|c");
    assertThat(stopped("ab,cde\n", five).reason()).contains("longer than the limit of 5");
    assertThat(stopped("\"abcde\"\n", five).reason()).contains("longer than the limit of 5");
  }

  @Test
  void anInputOfExactlyTheCharacterLimit_isRead_oneMoreStops() {
    InputLimits ten = InputLimits.defaults().withMaxChars(10);
    assertThat(read(new StringReader("abcd\nefgh\n"), ten, new Problems("t.csv"))).hasSize(2);
    assertThat(stopped("abcd\nefgh\ni", ten).reason()).contains("longer than the limit of 10");
  }

  @Test
  void exactlyTheRecordLimit_isRead_oneMoreStopsAtItsLine() {
    InputLimits two = InputLimits.defaults().withMaxRows(2);
    assertThat(read(new StringReader("a\nb\n"), two, new Problems("t.csv"))).hasSize(2);
    TextParseException.Problem p = stopped("a\nb\nc\n", two);
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.reason()).contains("more than the limit of 2 records");
  }

  @Test
  void afterABadRecordAndAComment_theNextRecordKeepsItsLine() {
    Problems problems = new Problems("t.csv");
    List<CsvReader.Row> rows =
        read(
            new StringReader("\"x\"y,1\r\nq\"z,2\n# note\r\nok,3\r\n"),
            InputLimits.defaults(),
            problems);

    assertThat(rows).extracting(CsvReader.Row::line).containsExactly(4);
    assertThat(rows.get(0).fields()).containsExactly("ok", "3");
    assertThat(problems.count()).isEqualTo(2);
  }

  @Test
  void oneCharacterPerRead_givesTheSameRecordsAsAllAtOnce() {
    String text = "\uFEFFa,\"b\"\"c\"\r\n\"multi\r\nline\",d\r\n\r\ne,f";
    List<CsvReader.Row> whole =
        read(new StringReader(text), InputLimits.defaults(), new Problems("t.csv"));
    List<CsvReader.Row> trickle =
        read(new OneCharReader(text), InputLimits.defaults(), new Problems("t.csv"));

    assertThat(whole)
        .extracting(r -> r.line() + ":" + r.fields())
        .containsExactly("1:[a, b\"c]", "2:[multi\r\nline, d]", "5:[e, f]");
    assertThat(trickle).isEqualTo(whole);
  }

  /** Hands out at most one character per read, and a read of none before each. */
  private static final class OneCharReader extends Reader {
    private final String text;
    private int at;
    private boolean empty = true;

    OneCharReader(String text) {
      this.text = text;
    }

    @Override
    public int read(char[] buf, int off, int len) {
      if (at == text.length()) {
        return -1;
      }
      empty = !empty;
      if (empty) {
        return 0; // a reader may return 0 characters; the CSV reader asks again
      }
      buf[off] = text.charAt(at++);
      return 1;
    }

    @Override
    public void close() {}
  }
}
