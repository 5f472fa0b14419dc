package org.gridgov.region;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gridgov.TextParseException;
import org.gridgov.internal.CsvReader;
import org.gridgov.internal.Problems;

/**
 * Reads the Chinese statistical division files (the layout of the public data set
 * modood/Administrative-divisions-of-China, 2023) into a {@link RegionTree} of districts and
 * streets.
 *
 * <ul>
 *   <li>{@code areas.csv}, header {@code code,name,cityCode,provinceCode}: county-level areas
 *       (6-digit codes, GB/T 2260) become {@link RegionLevel#DISTRICT}s.
 *   <li>{@code streets.csv}, header {@code code,name,areaCode,provinceCode,cityCode}:
 *       township-level rows (9 digits) become {@link RegionLevel#STREET}s below the area {@code
 *       areaCode}.
 * </ul>
 *
 * <p>Each row is checked: a code of the right width and digits only, a non-empty name, a city code
 * (4 digits) and province code (2 digits) that are prefixes of the code, and for a street an area
 * code that the areas file defines and that its code extends. Real-data quirks are accepted as they
 * are: cities without a county level appear with synthetic county rows (441900 东莞, 442000 中山,
 * 460400 儋州, 620201 嘉峪关), and placeholder city names such as "市辖区" only occur in {@code
 * cities.csv}, which is not needed. All problems of both files are collected and thrown together;
 * nothing half-built is returned.
 */
public final class DivisionFiles {
  /** The header of {@code areas.csv}. */
  public static final ImmutableList<String> AREAS_HEADER =
      ImmutableList.of("code", "name", "cityCode", "provinceCode");

  /** The header of {@code streets.csv}. */
  public static final ImmutableList<String> STREETS_HEADER =
      ImmutableList.of("code", "name", "areaCode", "provinceCode", "cityCode");

  private DivisionFiles() {}

  /**
   * Reads both files into a tree of the standard {@link CodeScheme}.
   *
   * @param areas the areas file's text, opened and closed by the caller
   * @param areasName its name for messages, e.g. {@code areas.csv}
   * @param streets the streets file's text
   * @param streetsName its name for messages
   * @param edition the tree's edition
   * @return the tree
   * @throws TextParseException with every problem of both files, if any
   * @throws UncheckedIOException if reading fails
   */
  public static RegionTree read(
      Reader areas, String areasName, Reader streets, String streetsName, LocalDate edition) {
    return read(areas, areasName, streets, streetsName, edition, CodeScheme.standard(), "");
  }

  /**
   * Reads the rows whose code starts with a prefix (e.g. {@code "3503"} for Putian) into a tree.
   *
   * @param areas the areas file's text, opened and closed by the caller
   * @param areasName its name for messages
   * @param streets the streets file's text
   * @param streetsName its name for messages
   * @param edition the tree's edition
   * @param scheme a code scheme with a 6-digit district and a 3-digit street segment
   * @param codePrefix only rows whose code starts with these digits are read; {@code ""} reads all
   * @return the tree
   * @throws TextParseException with every problem of both files, if any
   * @throws IllegalArgumentException if the scheme does not fit the files
   */
  public static RegionTree read(
      Reader areas,
      String areasName,
      Reader streets,
      String streetsName,
      LocalDate edition,
      CodeScheme scheme,
      String codePrefix) {
    Objects.requireNonNull(areas, "areas");
    Objects.requireNonNull(areasName, "areasName");
    Objects.requireNonNull(streets, "streets");
    Objects.requireNonNull(streetsName, "streetsName");
    Objects.requireNonNull(edition, "edition");
    Objects.requireNonNull(codePrefix, "codePrefix");
    checkArgument(
        scheme.width(RegionLevel.DISTRICT) == 6 && scheme.width(RegionLevel.STREET) == 3,
        "the division files need a scheme with 6-digit districts and 3-digit streets, not %s",
        scheme);
    Problems areaProblems = new Problems(areasName);
    Problems streetProblems = new Problems(streetsName);
    RegionTree.Builder b = new RegionTree.Builder(scheme, edition, areasName);
    readFile(areas, areaProblems, AREAS_HEADER, RegionLevel.DISTRICT, scheme, codePrefix, b, 0);
    readFile(streets, streetProblems, STREETS_HEADER, RegionLevel.STREET, scheme, codePrefix, b, 1);
    RegionTree.ProblemSink[] sinks = {
      new RegionTree.ProblemSink(areaProblems, 1, "code", 0, "", 0, ""),
      new RegionTree.ProblemSink(streetProblems, 1, "code", 3, "areaCode", 0, "")
    };
    List<TextParseException.Problem> all = new ArrayList<>();
    RegionTree tree = null;
    try {
      tree = b.build(sinks);
    } catch (TextParseException e) {
      all.addAll(e.problems());
    }
    if (tree != null) {
      for (Problems p : List.of(areaProblems, streetProblems)) {
        try {
          p.throwIfAny();
        } catch (TextParseException e) {
          all.addAll(e.problems());
        }
      }
    }
    if (!all.isEmpty() || tree == null) {
      throw RegionCsv.sorted(all);
    }
    return tree;
  }

  private static void readFile(
      Reader in,
      Problems problems,
      ImmutableList<String> header,
      RegionLevel level,
      CodeScheme scheme,
      String prefix,
      RegionTree.Builder b,
      int sourceId) {
    CsvReader csv = new CsvReader(in, problems, false);
    CsvReader.Row head = csv.next();
    if (head == null || !head.fields().equals(header)) {
      problems.add(
          head == null ? 0 : head.line(),
          0,
          "",
          head == null ? "" : String.join(",", head.fields()),
          "expected the header %s",
          String.join(",", header));
      return;
    }
    boolean street = level == RegionLevel.STREET;
    int cityCol = street ? 4 : 2;
    int provinceCol = 3;
    for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
      int line = row.line();
      String code = row.get(0);
      if (!code.startsWith(prefix)) {
        continue;
      }
      if (row.size() != header.size()) {
        problems.add(line, 0, "", "", "expected %d fields but found %d", header.size(), row.size());
        continue;
      }
      String problem = scheme.problemWith(code, level);
      if (problem != null) {
        problems.add(line, 1, "code", code, "%s", problem);
        continue;
      }
      String name = row.get(1);
      boolean bad = false;
      if (name.isBlank()) {
        problems.add(line, 2, "name", name, "the name of %s must not be empty", code);
        bad = true;
      }
      bad |= !prefixField(row, cityCol, header.get(cityCol), 4, code, problems);
      bad |= !prefixField(row, provinceCol, header.get(provinceCol), 2, code, problems);
      long parent = 0;
      if (street) {
        String area = row.get(2);
        if (!RegionCsv.isDigits(area) || area.length() != 6) {
          problems.add(line, 3, "areaCode", area, "areaCode must be the 6-digit code of an area");
          continue;
        }
        parent = Long.parseLong(area);
      }
      if (street) {
        b.add(RegionLevel.STREET, Long.parseLong(code), parent, bad ? "?" : name);
      } else {
        b.addDistrict(Long.parseLong(code), bad ? "?" : name);
      }
      b.origin(sourceId, line);
    }
  }

  private static boolean prefixField(
      CsvReader.Row row, int column, String fieldName, int digits, String code, Problems problems) {
    String v = row.get(column);
    if (!RegionCsv.isDigits(v) || v.length() != digits || !code.startsWith(v)) {
      problems.add(
          row.line(),
          column + 1,
          fieldName,
          v,
          "%s must be the %d-digit prefix of code %s",
          fieldName,
          digits,
          code);
      return false;
    }
    return true;
  }
}
