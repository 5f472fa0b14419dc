package org.gridgov.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.stream.LongStream;
import org.gridgov.TextParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCsvTest {
  private static final String HEADER =
      "code,parent,level,name,population,households,area_m2,urban_rural,grid_type,tags\n";
  private static final String GOOD =
      HEADER
          + """
          350302,,DISTRICT,城厢区,,,,,,
          350302001,350302,STREET,霞林街道,,,,111,,
          350302001001,350302001,COMMUNITY,"第1社区, 东",,,,,,
          350302001001001,350302001001,GRID,第1网格,,,,,COMPREHENSIVE,
          350302001001001001,350302001001001,UNIT,1号楼,120,40,1500.5,,,school;old
          """;

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40).map(i -> i * 31337L);
  }

  private static RegionTree read(String text) {
    return RegionCsv.read(
        new StringReader(text), "regions.csv", CodeScheme.standard(), TestTrees.EDITION);
  }

  @Test
  void readsTheDocumentedFormat() {
    RegionTree t = read(GOOD);
    assertThat(t.size()).isEqualTo(5);
    Region unit = t.get(350302001001001001L);
    assertThat(unit.population()).isEqualTo(120);
    assertThat(unit.households()).isEqualTo(40);
    assertThat(unit.areaSquareMetres()).isEqualTo(1500.5);
    assertThat(unit.tags()).containsExactly("old", "school");
    assertThat(t.get(350302001L).urbanRural()).contains(UrbanRuralClass.MAIN_URBAN);
    assertThat(t.get(350302001001001L).gridType()).contains(GridType.COMPREHENSIVE);
    assertThat(t.get(350302001001L).name()).isEqualTo("第1社区, 东");
  }

  @Test
  void columnsMayComeInAnyOrderAndOptionalOnesMayBeMissing() {
    RegionTree t =
        read(
            "name,level,code,parent\n# a comment\n城厢区,DISTRICT,350302,\n霞林街道,STREET,350302001,350302\n");
    assertThat(t.get(350302001L).parent()).contains(t.get(350302L));
    assertThat(t.get(350302001L).population()).isZero();
  }

  @Test
  void writesAllColumnsInPreOrder() {
    assertThat(RegionCsv.toCsv(read(GOOD)))
        .isEqualTo(
            HEADER
                + """
                350302,,DISTRICT,城厢区,0,0,0,,,
                350302001,350302,STREET,霞林街道,0,0,0,111,,
                350302001001,350302001,COMMUNITY,"第1社区, 东",0,0,0,,,
                350302001001001,350302001001,GRID,第1网格,0,0,0,,COMPREHENSIVE,
                350302001001001001,350302001001001,UNIT,1号楼,120,40,1500.5,,,old;school
                """);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void roundTripCsvTreeCsv(long seed) {
    RegionTree t = TestTrees.random(seed);
    String csv = RegionCsv.toCsv(t);
    RegionTree back = read(csv);
    assertThat(RegionCsv.toCsv(back)).as("seed %d", seed).isEqualTo(csv);
    assertThat(back.size()).isEqualTo(t.size());
    for (int i = 0; i < t.size(); i++) {
      Region a = t.region(i);
      Region b = back.region(i);
      assertThat(b.code()).as("seed %d", seed).isEqualTo(a.code());
      assertThat(b.name()).as("seed %d", seed).isEqualTo(a.name());
      assertThat(b.population()).isEqualTo(a.population());
      assertThat(b.households()).isEqualTo(a.households());
      assertThat(b.areaSquareMetres()).isEqualTo(a.areaSquareMetres());
      assertThat(b.gridType()).isEqualTo(a.gridType());
      assertThat(b.tags()).isEqualTo(a.tags());
    }
  }

  @Test
  void areaFormatting() {
    assertThat(RegionCsv.formatArea(12f)).isEqualTo("12");
    assertThat(RegionCsv.formatArea(0.5f)).isEqualTo("0.5");
    float big = 123_456_792; // exactly representable: 15,432,099 × 8
    assertThat(RegionCsv.formatArea(big)).isEqualTo("123456792");
  }

  // ---- one test per kind of bad row ----

  private static TextParseException.Problem onlyProblem(String body) {
    try {
      var unused =
          read(HEADER + "350302,,DISTRICT,城厢区,,,,,,\n350302001,350302,STREET,霞林街道,,,,,,\n" + body);
    } catch (TextParseException e) {
      assertThat(e.problems()).hasSize(1);
      TextParseException.Problem p = e.problems().get(0);
      // The message names the source, the line and column, and the reason.
      assertThat(e.getMessage())
          .contains("regions.csv:" + p.line() + ":" + p.column())
          .contains(p.reason());
      return e.problems().get(0);
    }
    throw new AssertionError("expected a TextParseException for " + body);
  }

  @Test
  void unknownParent() {
    TextParseException.Problem p = onlyProblem("350302009001,350302009,COMMUNITY,x,,,,,,\n");
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.column()).isEqualTo(2);
    assertThat(p.reason()).contains("unknown parent 350302009");
  }

  @Test
  void wrongLevel() {
    TextParseException.Problem p = onlyProblem("350302001001,350302,COMMUNITY,x,,,,,,\n");
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.column()).isEqualTo(3);
    assertThat(p.reason())
        .contains(
            "wrong level: a COMMUNITY's parent must be a STREET but parent 350302 is a DISTRICT");
  }

  @Test
  void codeNotExtendingParent() {
    TextParseException.Problem p = onlyProblem("350303001,350302,STREET,x,,,,,,\n");
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.column()).isEqualTo(1);
    assertThat(p.reason()).contains("code 350303001 does not extend its parent's code 350302");
  }

  @Test
  void duplicateCode() {
    TextParseException.Problem p = onlyProblem("350302001,350302,STREET,again,,,,,,\n");
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.reason()).contains("duplicate code 350302001: already defined at line 3");
  }

  @Test
  void nonDigits() {
    TextParseException.Problem p = onlyProblem("3503020x1,350302,STREET,x,,,,,,\n");
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.column()).isEqualTo(1);
    assertThat(p.reason()).contains("digits only");
  }

  @Test
  void wrongWidth() {
    TextParseException.Problem p = onlyProblem("3503020011,350302,STREET,x,,,,,,\n");
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.reason()).contains("exactly 9 digits").contains("has 10");
  }

  @Test
  void negativePopulation() {
    TextParseException.Problem p = onlyProblem("350302002,350302,STREET,x,-5,,,,,\n");
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.column()).isEqualTo(5);
    assertThat(p.field()).isEqualTo("population");
    assertThat(p.reason()).contains("population must not be negative but was -5");
  }

  @Test
  void emptyName() {
    TextParseException.Problem p = onlyProblem("350302002,350302,STREET,,,,,,,\n");
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.column()).isEqualTo(4);
    assertThat(p.reason()).contains("name of region 350302002 must not be empty");
  }

  @Test
  void otherBadFields() {
    assertThat(onlyProblem("350302002,350302,TOWN,x,,,,,,\n").reason())
        .contains("unknown level \"TOWN\"");
    assertThat(onlyProblem("350302002,350302,STREET,x,1.5,,,,,\n").reason())
        .contains("whole number");
    assertThat(onlyProblem("350302002,350302,STREET,x,,,-1,,,\n").reason()).contains("area_m2");
    assertThat(onlyProblem("350302002,350302,STREET,x,,,,113,,\n").reason())
        .contains("urban_rural");
    assertThat(onlyProblem("350302002,350302,STREET,x,,,,,BIG,\n").reason()).contains("grid_type");
    assertThat(onlyProblem("350302002,350302,STREET,x,,,,,,a;;b\n").reason()).contains("tag");
    assertThat(onlyProblem("350303,350302,DISTRICT,x,,,,,,\n").reason()).contains("no parent");
    assertThat(onlyProblem("350302002,35a,STREET,x,,,,,,\n").reason()).contains("digits only");
  }

  @Test
  void allProblemsOfAFileAreCollectedInLineOrder() {
    String text =
        HEADER
            + """
            350302,,DISTRICT,城厢区,,,,,,
            350302009001,350302009,COMMUNITY,x,,,,,,
            3503020x1,350302,STREET,x,,,,,,
            350302001,350302,STREET,,-1,,,,,
            """;
    assertThatThrownBy(() -> read(text))
        .isInstanceOfSatisfying(
            TextParseException.class,
            e ->
                assertThat(e.problems())
                    .extracting(TextParseException.Problem::line)
                    .containsExactly(3, 4, 5, 5));
  }

  @Test
  void badHeaders() {
    assertThatThrownBy(() -> read("")).hasMessageContaining("empty");
    assertThatThrownBy(() -> read("code,parent,level\n"))
        .hasMessageContaining("required column \"name\"");
    assertThatThrownBy(() -> read("code,parent,level,name,colour\n"))
        .hasMessageContaining("unknown column \"colour\"");
    assertThatThrownBy(() -> read("code,parent,level,name,name\n"))
        .hasMessageContaining("appears twice");
  }

  @Test
  void headerConstantListsTheColumns() {
    assertThat(RegionCsv.HEADER).hasSize(10).startsWith("code", "parent", "level", "name");
    assertThat(List.copyOf(RegionCsv.HEADER)).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "城厢\u0000区",
        "\u0007bell",
        "two\nlines",
        "tab\there",
        "del\u007F",
        "c1\u0085",
        "sep\u2028x"
      })
  void nameWithAControlCharacter_refusedWithLineAndColumn(String name) {
    String csv = "code,parent,level,name\n350302,,DISTRICT,\"" + name + "\"\n";
    assertThatThrownBy(() -> read(csv))
        .isInstanceOfSatisfying(
            TextParseException.class,
            e -> {
              assertThat(e.problems()).hasSize(1);
              TextParseException.Problem p = e.problems().get(0);
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.column()).isEqualTo(4);
              assertThat(p.field()).isEqualTo("name");
              assertThat(p.reason()).contains("control character").contains("350302");
              // the message shows the character escaped, never raw
              assertThat(e.getMessage()).doesNotContain(name).containsPattern("\\\\u[0-9A-F]{4}");
            });
  }

  @Test
  void tagWithAControlCharacter_refused() {
    String csv = "code,parent,level,name,tags\n350302,,DISTRICT,城厢区,a\u0000b\n";
    assertThatThrownBy(() -> read(csv))
        .isInstanceOfSatisfying(
            TextParseException.class,
            e -> assertThat(e.problems().get(0).field()).isEqualTo("tags"));
  }

  @Test
  void builderRefusesANameWithAControlCharacter() {
    RegionTree.Builder b = new RegionTree.Builder(CodeScheme.standard(), TestTrees.EDITION, "t");
    assertThatThrownBy(() -> b.addDistrict(350302L, "a\u0000b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("350302")
        .hasMessageContaining("U+0000");
  }

  @Test
  void byteOrderMarkBeforeTheHeader_accepted() {
    assertThat(read("\uFEFF" + GOOD).size()).isEqualTo(5);
  }
}
