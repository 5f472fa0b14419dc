package org.gridgov.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.gridgov.TextParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each kind of bad row of the national division files, alone: the file it is in, its line, column,
 * field and value (the streets file's columns lie in another order than the areas file's, so each
 * prefix column is checked in both).
 */
class DivisionFilesProblemsTest {
  private static final String AREAS = "code,name,cityCode,provinceCode\n350302,城厢区,3503,35\n";
  private static final String STREETS =
      "code,name,areaCode,provinceCode,cityCode\n350302001,霞林街道,350302,35,3503\n";

  private static TextParseException.Problem onlyProblem(String areas, String streets) {
    try {
      var unused =
          DivisionFiles.read(
              new StringReader(areas),
              "areas.csv",
              new StringReader(streets),
              "streets.csv",
              TestTrees.EDITION);
    } catch (TextParseException e) {
      assertThat(e.problems()).hasSize(1);
      return e.problems().get(0);
    }
    throw new AssertionError("read without a problem");
  }

  @Test
  void theGoodFiles_areRead() {
    RegionTree t =
        DivisionFiles.read(
            new StringReader(AREAS),
            "areas.csv",
            new StringReader(STREETS),
            "streets.csv",
            TestTrees.EDITION);
    assertThat(t.get(350302001L).name()).isEqualTo("霞林街道");
    assertThat(t.get(350302L).name()).isEqualTo("城厢区");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          # area row                 | column | field        | value  | reason
          '350303,荔城区,3503'         | 0      | ''           | ''     | expected 4 fields but found 3
          '350303,,3503,35'            | 2      | name         | ''     | the name of 350303 must not be empty
          '350303,荔城区,3504,35'       | 3      | cityCode     | 3504   | cityCode must be the 4-digit prefix of code 350303
          '350303,荔城区,350,35'        | 3      | cityCode     | 350    | cityCode must be the 4-digit prefix of code 350303
          '350303,荔城区,3503,36'       | 4      | provinceCode | 36     | provinceCode must be the 2-digit prefix of code 350303
          '350303,荔城区,3503,3x'       | 4      | provinceCode | 3x     | provinceCode must be the 2-digit prefix of code 350303
          """)
  void aBadAreaRow_isNamedInTheAreasFile(
      String row, int column, String field, String value, String reason) {
    TextParseException.Problem p = onlyProblem(AREAS + row + "\n", STREETS);
    assertThat(p)
        .isEqualTo(new TextParseException.Problem("areas.csv", 3, column, field, value, reason));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          # street row                          | column | field        | value   | reason
          '350302002,龙桥街道,35030,35,3503'       | 3      | areaCode     | 35030   | areaCode must be the 6-digit code of an area
          '350302002,龙桥街道,3503a2,35,3503'      | 3      | areaCode     | 3503a2  | areaCode must be the 6-digit code of an area
          '350302002,龙桥街道,350302,35,3504'      | 5      | cityCode     | 3504    | cityCode must be the 4-digit prefix of code 350302002
          '350302002,龙桥街道,350302,34,3503'      | 4      | provinceCode | 34      | provinceCode must be the 2-digit prefix of code 350302002
          """)
  void aBadStreetRow_isNamedInTheStreetsFile(
      String row, int column, String field, String value, String reason) {
    TextParseException.Problem p = onlyProblem(AREAS, STREETS + row + "\n");
    assertThat(p)
        .isEqualTo(new TextParseException.Problem("streets.csv", 3, column, field, value, reason));
  }

  @Test
  void aWrongOrMissingHeader_isNamedWithWhatWasFound() {
    TextParseException.Problem wrong = onlyProblem(AREAS, "\ncode,name,city\n");
    assertThat(wrong.source()).isEqualTo("streets.csv");
    assertThat(wrong.line()).isEqualTo(2);
    assertThat(wrong.value()).isEqualTo("code,name,city");
    assertThat(wrong.reason())
        .isEqualTo("expected the header code,name,areaCode,provinceCode,cityCode");
    TextParseException.Problem empty = onlyProblem(AREAS, "");
    assertThat(empty.source()).isEqualTo("streets.csv");
    assertThat(empty.line()).isZero();
    assertThat(empty.value()).isEmpty();
    assertThat(empty.reason())
        .isEqualTo("expected the header code,name,areaCode,provinceCode,cityCode");
  }

  @Test
  void aSchemeWithOtherWidths_isRefused() {
    CodeScheme other = CodeScheme.of(4, 3, 3, 3, 3);
    assertThatThrownBy(
            () ->
                DivisionFiles.read(
                    new StringReader(AREAS),
                    "areas.csv",
                    new StringReader(STREETS),
                    "streets.csv",
                    TestTrees.EDITION,
                    other,
                    ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "the division files need a scheme with 6-digit districts and 3-digit streets");
  }
}
