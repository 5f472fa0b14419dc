package org.gridgov.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridgov.TextParseException;
import org.junit.jupiter.api.Test;

class DivisionFilesTest {
  private static final Path DATA =
      Path.of(System.getProperty("gridgov.shared.data", "../../shared/data"), "divisions-cn");
  private static final Path PUTIAN =
      Path.of("../simulation/src/main/resources/org/gridgov/simulation/data");

  private static RegionTree read(Path areas, Path streets, String prefix) throws IOException {
    try (Reader a = Files.newBufferedReader(areas, StandardCharsets.UTF_8);
        Reader s = Files.newBufferedReader(streets, StandardCharsets.UTF_8)) {
      return DivisionFiles.read(
          a,
          areas.getFileName().toString(),
          s,
          streets.getFileName().toString(),
          TestTrees.EDITION,
          CodeScheme.standard(),
          prefix);
    }
  }

  @Test
  void loadsTheWholeNationalFileSet() throws IOException {
    RegionTree t = read(DATA.resolve("areas.csv"), DATA.resolve("streets.csv"), "");
    assertThat(t.count(RegionLevel.DISTRICT)).isEqualTo(2_978);
    assertThat(t.count(RegionLevel.STREET)).isEqualTo(41_352);
    assertThat(t.size()).isEqualTo(2_978 + 41_352);
    // Quirks: synthetic county rows of cities without counties.
    assertThat(t.get(441900L).name()).isEqualTo("东莞市");
    assertThat(t.get(620201L).children()).isNotEmpty();
    // Areas of placeholder cities: 1101 "市辖区" (Beijing), 4290 "省直辖县级行政区划" (Hubei).
    assertThat(t.get(110101L).name()).isEqualTo("东城区");
    assertThat(t.get(429004L).name()).isEqualTo("仙桃市");
    assertThat(t.get(429004L).children()).isNotEmpty();
    // A placeholder township with local number 000 (金门县).
    assertThat(t.get(350527000L).parent()).contains(t.get(350527L));
    assertThat(t.get(441900L).children()).isNotEmpty();
    assertThat(t.get(350302001L).parent()).contains(t.get(350302L));
  }

  @Test
  void loadsPutianFromTheShippedResourcesAndFromTheNationalFiles() throws IOException {
    RegionTree shipped =
        read(PUTIAN.resolve("putian-areas.csv"), PUTIAN.resolve("putian-streets.csv"), "");
    assertThat(shipped.count(RegionLevel.DISTRICT)).isEqualTo(5);
    assertThat(shipped.count(RegionLevel.STREET)).isEqualTo(57);
    assertThat(shipped.roots())
        .extracting(Region::name)
        .containsExactly("城厢区", "涵江区", "荔城区", "秀屿区", "仙游县");
    RegionTree filtered = read(DATA.resolve("areas.csv"), DATA.resolve("streets.csv"), "3503");
    assertThat(RegionCsv.toCsv(filtered)).isEqualTo(RegionCsv.toCsv(shipped));
  }

  private static TextParseException problems(String areas, String streets) {
    try {
      var unused =
          DivisionFiles.read(
              new StringReader(areas),
              "areas.csv",
              new StringReader(streets),
              "streets.csv",
              TestTrees.EDITION);
    } catch (TextParseException e) {
      return e;
    }
    throw new AssertionError("expected problems");
  }

  @Test
  void badRowsOfBothFilesAreReportedTogether() {
    String areas =
        """
        code,name,cityCode,provinceCode
        350302,"城厢区",3503,35
        35030x,"坏",3503,35
        350303,"",3503,35
        350304,"荔城区",3504,35
        """;
    String streets =
        """
        code,name,areaCode,provinceCode,cityCode
        350302001,"霞林街道",350302,35,3503
        350399001,"x",350399,35,3503
        350302001,"dup",350302,35,3503
        35030200,"short",350302,35,3503
        """;
    TextParseException e = problems(areas, streets);
    assertThat(e.problems())
        .extracting(p -> p.source() + ":" + p.line())
        .containsExactly(
            "areas.csv:3",
            "areas.csv:4",
            "areas.csv:5",
            "streets.csv:3",
            "streets.csv:4",
            "streets.csv:5");
    assertThat(e.getMessage())
        .contains("digits only")
        .contains("must not be empty")
        .contains("cityCode must be the 4-digit prefix of code 350304")
        .contains("unknown parent 350399")
        .contains("duplicate code 350302001: already defined at line 2")
        .contains("exactly 9 digits");
  }

  @Test
  void wrongHeaderIsReported() {
    assertThat(problems("a,b\n", "code,name,areaCode,provinceCode,cityCode\n").getMessage())
        .contains("expected the header code,name,cityCode,provinceCode");
  }
}
