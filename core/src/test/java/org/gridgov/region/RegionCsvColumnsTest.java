package org.gridgov.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.gridgov.TextParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every kind of bad field of a region CSV, each alone in a file whose columns come in an order
 * other than the documented one (so a column number taken from the header's order, not the
 * documented one, shows): the one problem's line, column, field, value and reason, as a person
 * fixing the file reads them.
 */
class RegionCsvColumnsTest {
  /** The documented columns rotated: tags first, then code … grid_type. */
  private static final String HEADER =
      "tags,code,parent,level,name,population,households,area_m2,urban_rural,grid_type\n";

  private static final String HEAD_ROWS =
      ",350302,,DISTRICT,城厢区,,,,,\n,350302001,350302,STREET,霞林街道,,,,,\n";

  private static RegionTree read(String text) {
    return RegionCsv.read(
        new StringReader(text), "regions.csv", CodeScheme.standard(), TestTrees.EDITION);
  }

  private static TextParseException.Problem onlyProblem(String row) {
    try {
      var unused = read(HEADER + HEAD_ROWS + row + "\n");
    } catch (TextParseException e) {
      assertThat(e.problems()).as(row).hasSize(1);
      return e.problems().get(0);
    }
    throw new AssertionError("read without a problem: " + row);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          # row (tags first)                                  | column | field       | value               | reason
          ',350302002,35a,STREET,x,,,,,'                       | 3      | parent      | 35a                 | digits only
          ',350302002,3503020000000000001,STREET,x,,,,,'       | 3      | parent      | 3503020000000000001 | digits only
          ',350302002,350302,TOWN,x,,,,,'                      | 4      | level       | TOWN                | unknown level "TOWN"
          ',350302002,350302,STREET,x,1.5,,,,'                 | 6      | population  | 1.5                 | whole number
          ',350302002,350302,STREET,x,-,,,,'                   | 6      | population  | -                   | whole number
          ',350302002,350302,STREET,x,123456789012,,,,'        | 6      | population  | 123456789012        | whole number
          ',350302002,350302,STREET,x,2147483648,,,,'          | 6      | population  | 2147483648          | must be at most 2147483647 but was 2147483648
          ',350302002,350302,STREET,x,,-3,,,'                  | 7      | households  | -3                  | households must not be negative but was -3
          ',350302002,350302,STREET,x,,,-1,,'                  | 8      | area_m2     | -1                  | area_m2
          ',350302002,350302,STREET,x,,,1x5,,'                 | 8      | area_m2     | 1x5                 | area_m2
          ',350302002,350302,STREET,x,,,,113,'                 | 9      | urban_rural | 113                 | urban_rural
          ',350302002,350302,STREET,x,,,,,BIG'                 | 10     | grid_type   | BIG                 | grid_type
          'a;;b,350302002,350302,STREET,x,,,,,'                | 1      | tags        | a;;b                | tag
          """)
  void aBadField_isNamedWithItsColumn(
      String row, int column, String field, String value, String reason) {
    TextParseException.Problem p = onlyProblem(row);
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.column()).isEqualTo(column);
    assertThat(p.field()).isEqualTo(field);
    assertThat(p.value()).isEqualTo(value);
    assertThat(p.reason()).contains(reason);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          ',350302002,350302,STREET,x,2147483647,0,1e3,,' | 2147483647
          ',350302002,350302,STREET,x,-0,,,,'             | 0
          ',350302002,350302,STREET,x,01234567890,,,,'    | 1234567890
          """)
  void theLargestCountsAndTheirEdges_areRead(String row, int population) {
    RegionTree t = read(HEADER + HEAD_ROWS + row + "\n");
    assertThat(t.get(350302002L).population()).isEqualTo(population);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          'code,parent,level,name,colour'       | 5 | ''   | colour | unknown column "colour"
          'name,code,parent,level,name'         | 5 | name | name   | column "name" appears twice
          'colour,code,parent,level,name'       | 1 | ''   | colour | unknown column "colour"
          """)
  void aBadHeader_namesTheColumn(
      String header, int column, String field, String value, String reason) {
    assertThatThrownBy(() -> read(header + "\n"))
        .isInstanceOfSatisfying(
            TextParseException.class,
            e -> {
              assertThat(e.problems()).hasSize(1);
              TextParseException.Problem p = e.problems().get(0);
              assertThat(p.line()).isEqualTo(1);
              assertThat(p.reason()).contains(reason);
              assertThat(List.of(p.column(), p.field(), p.value()))
                  .isEqualTo(List.of(column, field, value));
            });
  }
}
