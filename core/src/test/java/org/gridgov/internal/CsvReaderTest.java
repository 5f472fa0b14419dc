package org.gridgov.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.TextParseException;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  private static List<CsvReader.Row> readAll(String text, Problems problems, boolean comments) {
    CsvReader reader = new CsvReader(new StringReader(text), problems, comments);
    List<CsvReader.Row> records = new ArrayList<>();
    for (CsvReader.Row r = reader.next(); r != null; r = reader.next()) {
      records.add(r);
    }
    return records;
  }

  @Test
  void readsQuotedFieldsEscapesAndLineNumbers() {
    Problems problems = new Problems("t.csv");
    List<CsvReader.Row> records =
        readAll(
            "\uFEFFcode,name\r\n350302,\"城厢区\"\n\n350303,\"say \"\"hi\"\"\",x\n\"a\nb\",c\n",
            problems,
            false);

    assertThat(problems.isEmpty()).isTrue();
    assertThat(records).extracting(CsvReader.Row::line).containsExactly(1, 2, 4, 5);
    assertThat(records.get(0).fields()).containsExactly("code", "name");
    assertThat(records.get(1).fields()).containsExactly("350302", "城厢区");
    assertThat(records.get(2).fields()).containsExactly("350303", "say \"hi\"", "x");
    assertThat(records.get(3).fields()).containsExactly("a\nb", "c");
  }

  @Test
  void emptyFieldsAndMissingFinalNewline() {
    Problems problems = new Problems("t.csv");
    List<CsvReader.Row> records = readAll("a,,c\n,", problems, false);

    assertThat(records.get(0).fields()).containsExactly("a", "", "c");
    assertThat(records.get(1).fields()).containsExactly("", "");
    assertThat(records.get(1).get(5)).isEmpty();
  }

  @Test
  void commentsAreSkippedOnlyWhenAllowed() {
    assertThat(readAll("# note\na\n", new Problems("t"), true)).hasSize(1);
    assertThat(readAll("# note\na\n", new Problems("t"), false)).hasSize(2);
  }

  @Test
  void malformedRecordsAreReportedWithLineAndSkipped() {
    Problems problems = new Problems("bad.csv");
    List<CsvReader.Row> records =
        readAll("ok,1\n\"x\"y,2\nbad\"q,3\nok,4\n\"open,5\n", problems, false);

    assertThat(records).extracting(r -> r.get(1)).containsExactly("1", "4");
    assertThatThrownBy(problems::throwIfAny)
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining("bad.csv:2:1")
        .hasMessageContaining("text after the closing quote")
        .hasMessageContaining("bad.csv:3:1")
        .hasMessageContaining("quote inside an unquoted field")
        .hasMessageContaining("bad.csv:5:1")
        .hasMessageContaining("never closes");
  }

  @Test
  void problemsBeyondTheLimitAreCountedNotKept() {
    Problems problems = new Problems("big.csv");
    for (int i = 1; i <= Problems.MAX_KEPT + 5; i++) {
      problems.add(i, 1, "code", "x", "bad %d", i);
    }
    assertThat(problems.count()).isEqualTo(Problems.MAX_KEPT + 5);
    assertThatThrownBy(problems::throwIfAny)
        .isInstanceOfSatisfying(
            TextParseException.class,
            e -> {
              assertThat(e.problems()).hasSize(Problems.MAX_KEPT + 1);
              assertThat(e.problems().get(Problems.MAX_KEPT).reason())
                  .startsWith("5 further problems");
            });
  }

  @Test
  void theSummaryOfProblemsNotKeptNamesTheFirstLineAmongThem() {
    // Problems are recorded out of line order (a check of the whole file after the rows, as the
    // SLA policy's duplicate-rule check does); the summary must still point at a line, the
    // smallest of those not kept (found by the SLA policy fuzz target: it had line 0).
    Problems problems = new Problems("policy.txt");
    for (int i = 1; i <= Problems.MAX_KEPT; i++) {
      problems.add(i + 10, 1, "stage", "x", "bad %d", i);
    }
    problems.add(900, 0, "", "", "late");
    problems.add(7, 0, "", "", "duplicate");
    problems.add(0, 0, "", "", "the file as a whole");
    problems.add(12, 0, "", "", "duplicate");
    TextParseException.Problem summary = problems.sorted().get(Problems.MAX_KEPT);
    assertThat(summary.line()).isEqualTo(7);
    assertThat(summary.reason())
        .isEqualTo("4 further problems were not kept (limit 1000); the first of them is on line 7");
  }

  @Test
  void theSummaryHasNoLineWhenNoProblemNotKeptHasOne() {
    Problems problems = new Problems("policy.txt");
    for (int i = 1; i <= Problems.MAX_KEPT + 2; i++) {
      problems.add(0, 0, "", "", "whole %d", i);
    }
    TextParseException.Problem summary = problems.sorted().get(Problems.MAX_KEPT);
    assertThat(summary.line()).isZero();
    assertThat(summary.reason()).isEqualTo("2 further problems were not kept (limit 1000)");
  }
}
