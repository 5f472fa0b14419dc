package org.gridgov.region;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.InputLimits;
import org.gridgov.TextParseException;
import org.gridgov.internal.CsvReader;
import org.gridgov.internal.Problems;
import org.gridgov.internal.Texts;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes region trees in the gridgov region CSV format.
 *
 * <h2>Format</h2>
 *
 * RFC 4180 CSV, UTF-8 (the caller opens the {@link Reader}), a header row, then one region per row
 * in any order. Lines starting with {@code #} are comments. Columns are found by their header name,
 * in any order:
 *
 * <table>
 *   <caption>Columns</caption>
 *   <tr><th>header</th><th>required</th><th>content</th></tr>
 *   <tr><td>{@code code}</td><td>yes</td><td>the region code, digits of the width of its level in the
 *       {@link CodeScheme}</td></tr>
 *   <tr><td>{@code parent}</td><td>yes</td><td>the parent's code; empty for a district</td></tr>
 *   <tr><td>{@code level}</td><td>yes</td><td>{@code DISTRICT}, {@code STREET}, {@code COMMUNITY}, {@code GRID}
 *       or {@code UNIT}</td></tr>
 *   <tr><td>{@code name}</td><td>yes</td><td>not blank</td></tr>
 *   <tr><td>{@code population}</td><td>no</td><td>whole number &gt;= 0, the region's own residents (a grid's
 *       residents usually live in its units); empty = 0</td></tr>
 *   <tr><td>{@code households}</td><td>no</td><td>whole number &gt;= 0; empty = 0</td></tr>
 *   <tr><td>{@code area_m2}</td><td>no</td><td>decimal number &gt;= 0, square metres; empty = 0</td></tr>
 *   <tr><td>{@code urban_rural}</td><td>no</td><td>urban-rural class code 111, 112, 121, 122, 123, 210 or 220;
 *       empty = none</td></tr>
 *   <tr><td>{@code grid_type}</td><td>no</td><td>{@code COMPREHENSIVE} (综合网格) or {@code DEDICATED} (专属网格);
 *       empty = none</td></tr>
 *   <tr><td>{@code tags}</td><td>no</td><td>tags separated by {@code ;}; empty = none</td></tr>
 * </table>
 *
 * <p>Every bad row is reported (with source, line, column, field and reason) and the whole input is
 * read before a {@link TextParseException} with all problems is thrown, sorted by line; no tree is
 * returned then. {@link #write} writes all ten columns in pre-order; reading what it wrote gives an
 * equal tree.
 */
@SuppressWarnings("EnumOrdinal") // packed by ordinal on purpose, as in RegionTree
public final class RegionCsv {
  /** The header {@link #write} writes. */
  public static final ImmutableList<String> HEADER =
      ImmutableList.of(
          "code",
          "parent",
          "level",
          "name",
          "population",
          "households",
          "area_m2",
          "urban_rural",
          "grid_type",
          "tags");

  private static final int CODE = 0;
  private static final int PARENT = 1;
  private static final int LEVEL = 2;
  private static final int NAME = 3;
  private static final int POPULATION = 4;
  private static final int HOUSEHOLDS = 5;
  private static final int AREA = 6;
  private static final int URBAN_RURAL = 7;
  private static final int GRID_TYPE = 8;
  private static final int TAGS = 9;

  /**
   * The limits {@link #read(Reader, String, CodeScheme, LocalDate)} reads within: big enough for a
   * national tree (about 56M regions): 16 Gi characters, 100M records of at most 64 Ki characters
   * each.
   */
  public static final InputLimits DEFAULT_LIMITS =
      InputLimits.defaults().withMaxChars(16L << 30).withMaxRows(100_000_000);

  private RegionCsv() {}

  /**
   * Reads a region tree within {@link #DEFAULT_LIMITS}.
   *
   * @param in the CSV text, opened and closed by the caller
   * @param sourceName the name used in problem messages, e.g. the file name
   * @param scheme the code scheme
   * @param edition the edition of the tree
   * @return the tree
   * @throws TextParseException with every problem, if any
   * @throws UncheckedIOException if reading fails
   */
  public static RegionTree read(
      Reader in, String sourceName, CodeScheme scheme, LocalDate edition) {
    return read(in, sourceName, scheme, edition, DEFAULT_LIMITS);
  }

  /**
   * Reads a region tree within limits.
   *
   * @param in the CSV text, opened and closed by the caller
   * @param sourceName the name used in problem messages, e.g. the file name
   * @param scheme the code scheme
   * @param edition the edition of the tree
   * @param limits the most characters, characters per record and records (the header included) read
   * @return the tree
   * @throws TextParseException with every problem, if any, or the limit the input exceeds
   * @throws UncheckedIOException if reading fails
   */
  public static RegionTree read(
      Reader in, String sourceName, CodeScheme scheme, LocalDate edition, InputLimits limits) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(edition, "edition");
    Objects.requireNonNull(limits, "limits");
    Problems problems = new Problems(sourceName);
    CsvReader csv = new CsvReader(in, problems, true, limits);
    CsvReader.Row header = csv.next();
    if (header == null) {
      problems.add(0, 0, "", "", "the input is empty; expected a header starting with %s", HEADER);
      problems.throwIfAny();
      throw new AssertionError();
    }
    int[] col = new int[HEADER.size()];
    java.util.Arrays.fill(col, -1);
    for (int k = 0; k < header.size(); k++) {
      String h = header.get(k).trim();
      int which = HEADER.indexOf(h);
      if (which < 0) {
        problems.add(
            header.line(), k + 1, "", h, "unknown column \"%s\"; known columns are %s", h, HEADER);
      } else if (col[which] >= 0) {
        problems.add(header.line(), k + 1, h, h, "column \"%s\" appears twice", h);
      } else {
        col[which] = k;
      }
    }
    for (int req = CODE; req <= NAME; req++) {
      if (col[req] < 0) {
        problems.add(
            header.line(),
            0,
            "",
            "",
            "the header lacks the required column \"%s\"",
            HEADER.get(req));
      }
    }
    problems.throwIfAny();
    RegionTree.Builder b = new RegionTree.Builder(scheme, edition, sourceName);
    for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
      readRow(row, col, scheme, b, problems);
    }
    RegionTree.ProblemSink sink =
        new RegionTree.ProblemSink(
            problems, col[CODE] + 1, "code", col[PARENT] + 1, "parent", col[LEVEL] + 1, "level");
    RegionTree tree;
    try {
      tree = b.build(new RegionTree.ProblemSink[] {sink});
    } catch (TextParseException e) {
      throw sorted(e.problems());
    }
    if (!problems.isEmpty()) {
      try {
        problems.throwIfAny();
      } catch (TextParseException e) {
        throw sorted(e.problems());
      }
    }
    return tree;
  }

  static TextParseException sorted(List<TextParseException.Problem> problems) {
    List<TextParseException.Problem> copy = new ArrayList<>(problems);
    copy.sort(
        Comparator.comparing(TextParseException.Problem::source)
            .thenComparingInt(p -> p.line() == 0 ? Integer.MAX_VALUE : p.line())
            .thenComparingInt(TextParseException.Problem::column));
    return new TextParseException(copy);
  }

  private static String field(CsvReader.Row row, int[] col, int which) {
    return col[which] < 0 ? "" : row.get(col[which]);
  }

  private static void readRow(
      CsvReader.Row row, int[] col, CodeScheme scheme, RegionTree.Builder b, Problems problems) {
    int line = row.line();
    RegionLevel level = readLevel(row, col, problems);
    if (level == null) {
      return;
    }
    String codeText = field(row, col, CODE).trim();
    String codeProblem = scheme.problemWith(codeText, level);
    if (codeProblem != null) {
      problems.add(line, col[CODE] + 1, "code", codeText, "%s", codeProblem);
      return;
    }
    long code = Long.parseLong(codeText);
    long parent = readParent(row, col, level, problems);
    if (parent < 0) {
      return;
    }
    String name = readName(row, col, codeText, problems);
    if (level == RegionLevel.DISTRICT) {
      b.addDistrict(code, name);
    } else {
      b.add(level, code, parent, name);
    }
    b.origin(0, line);
    b.population(count(row, col, POPULATION, "population", problems));
    b.households(count(row, col, HOUSEHOLDS, "households", problems));
    readArea(row, col, b, problems);
    readUrbanRural(row, col, b, problems);
    readGridType(row, col, b, problems);
    readTags(row, col, b, problems);
  }

  /** The row's level, or {@code null} after reporting an unknown one. */
  private static @Nullable RegionLevel readLevel(CsvReader.Row row, int[] col, Problems problems) {
    String levelText = field(row, col, LEVEL).trim();
    RegionLevel level = null;
    for (RegionLevel l : RegionLevel.values()) {
      if (l.name().equals(levelText)) {
        level = l;
      }
    }
    if (level == null) {
      problems.add(
          row.line(),
          col[LEVEL] + 1,
          "level",
          levelText,
          "unknown level \"%s\"; expected DISTRICT, STREET, COMMUNITY, GRID or UNIT",
          levelText);
    }
    return level;
  }

  /**
   * The row's parent code: 0 for a district (which has none), or -1 after reporting a parent that
   * is wrong for the level (codes are digits, so never negative).
   */
  private static long readParent(
      CsvReader.Row row, int[] col, RegionLevel level, Problems problems) {
    String parentText = field(row, col, PARENT).trim();
    if (level == RegionLevel.DISTRICT) {
      if (!parentText.isEmpty()) {
        problems.add(
            row.line(),
            col[PARENT] + 1,
            "parent",
            parentText,
            "a DISTRICT has no parent; leave the parent empty");
        return -1;
      }
      return 0;
    }
    if (!isDigits(parentText) || parentText.length() > 18) {
      problems.add(
          row.line(),
          col[PARENT] + 1,
          "parent",
          parentText,
          "the parent of a %s must be the code of a %s (digits only) but was \"%s\"",
          level,
          level.parentLevel().orElseThrow(),
          parentText);
      return -1;
    }
    return Long.parseLong(parentText);
  }

  /** The row's name, or {@code "?"} after reporting an empty one or one with control characters. */
  private static String readName(CsvReader.Row row, int[] col, String codeText, Problems problems) {
    int line = row.line();
    String name = field(row, col, NAME);
    if (name.isBlank()) {
      problems.add(
          line, col[NAME] + 1, "name", name, "the name of region %s must not be empty", codeText);
      name = "?";
    }
    String nameProblem = RegionTree.Builder.nameProblem(name);
    if (nameProblem != null) {
      problems.add(
          line, col[NAME] + 1, "name", Texts.escape(name), "region %s: %s", codeText, nameProblem);
      name = "?";
    }
    return name;
  }

  private static void readArea(
      CsvReader.Row row, int[] col, RegionTree.Builder b, Problems problems) {
    String areaText = field(row, col, AREA).trim();
    if (areaText.isEmpty()) {
      return;
    }
    float a = Float.NaN;
    try {
      a = Float.parseFloat(areaText);
    } catch (NumberFormatException e) {
      // reported below
    }
    if (!(a >= 0f) || Float.isInfinite(a) || !isDecimal(areaText)) {
      problems.add(
          row.line(),
          col[AREA] + 1,
          "area_m2",
          areaText,
          "area_m2 must be a number of square metres >= 0 but was \"%s\"",
          areaText);
    } else {
      b.area(a);
    }
  }

  private static void readUrbanRural(
      CsvReader.Row row, int[] col, RegionTree.Builder b, Problems problems) {
    String ur = field(row, col, URBAN_RURAL).trim();
    if (ur.isEmpty()) {
      return;
    }
    Optional<UrbanRuralClass> c =
        isDigits(ur) && ur.length() == 3
            ? UrbanRuralClass.ofCode(Integer.parseInt(ur))
            : Optional.empty();
    if (c.isEmpty()) {
      problems.add(
          row.line(),
          col[URBAN_RURAL] + 1,
          "urban_rural",
          ur,
          "urban_rural must be one of 111, 112, 121, 122, 123, 210, 220 but was \"%s\"",
          ur);
    } else {
      b.urbanRural(c.get());
    }
  }

  private static void readGridType(
      CsvReader.Row row, int[] col, RegionTree.Builder b, Problems problems) {
    String gt = field(row, col, GRID_TYPE).trim();
    if (gt.isEmpty()) {
      return;
    }
    GridType type = null;
    for (GridType t : GridType.values()) {
      if (t.name().equals(gt) || t.chineseName().equals(gt)) {
        type = t;
      }
    }
    if (type == null) {
      problems.add(
          row.line(),
          col[GRID_TYPE] + 1,
          "grid_type",
          gt,
          "grid_type must be COMPREHENSIVE or DEDICATED but was \"%s\"",
          gt);
    } else {
      b.gridType(type);
    }
  }

  private static void readTags(
      CsvReader.Row row, int[] col, RegionTree.Builder b, Problems problems) {
    String tagText = field(row, col, TAGS);
    if (tagText.isEmpty()) {
      return;
    }
    List<String> tags = new ArrayList<>();
    for (String t : tagText.split(";", -1)) {
      String p = RegionTree.Builder.tagProblem(t);
      if (p != null) {
        problems.add(row.line(), col[TAGS] + 1, "tags", tagText, "%s", p);
        return;
      }
      tags.add(t);
    }
    b.tags(tags);
  }

  private static int count(
      CsvReader.Row row, int[] col, int which, String fieldName, Problems problems) {
    String text = field(row, col, which).trim();
    if (text.isEmpty()) {
      return 0;
    }
    boolean negative = text.startsWith("-") && isDigits(text.substring(1)) && text.length() > 1;
    if ((!isDigits(text) && !negative) || text.length() > 11) {
      problems.add(
          row.line(),
          col[which] + 1,
          fieldName,
          text,
          "%s must be a whole number >= 0 but was \"%s\"",
          fieldName,
          text);
      return 0;
    }
    long v = Long.parseLong(text);
    if (v < 0) {
      problems.add(
          row.line(),
          col[which] + 1,
          fieldName,
          text,
          "%s must not be negative but was %d",
          fieldName,
          v);
      return 0;
    }
    if (v > Integer.MAX_VALUE) {
      problems.add(
          row.line(),
          col[which] + 1,
          fieldName,
          text,
          "%s must be at most %d but was %d",
          fieldName,
          Integer.MAX_VALUE,
          v);
      return 0;
    }
    return (int) v;
  }

  static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isDecimal(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || c == '.' || c == 'E' || c == 'e' || c == '-' || c == '+')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes a tree in the gridgov region CSV format: the {@link #HEADER}, then every region in
   * pre-order, with {@code \n} line ends.
   *
   * @param tree the tree
   * @param out where to write; not closed
   * @throws UncheckedIOException if writing fails
   */
  public static void write(RegionTree tree, Appendable out) {
    Objects.requireNonNull(tree, "tree");
    Objects.requireNonNull(out, "out");
    try {
      out.append(String.join(",", HEADER)).append('\n');
      StringBuilder sb = new StringBuilder(128);
      Map<Integer, String> urCodes = new HashMap<>();
      for (UrbanRuralClass c : UrbanRuralClass.values()) {
        urCodes.put(c.ordinal() + 1, Integer.toString(c.code()));
      }
      for (int i = 0; i < tree.size(); i++) {
        sb.setLength(0);
        sb.append(tree.codeAt(i)).append(',');
        int p = tree.parentAt(i);
        if (p >= 0) {
          sb.append(tree.codeAt(p));
        }
        sb.append(',').append(RegionLevel.ofDepth(tree.depthAt(i)).name()).append(',');
        appendQuoted(sb, tree.nameAt(i));
        sb.append(',').append(tree.populationAt(i));
        sb.append(',').append(tree.householdsAt(i));
        sb.append(',').append(formatArea(tree.areaAt(i)));
        sb.append(',');
        int ur = tree.urbanRuralBits(i);
        if (ur != 0) {
          sb.append(urCodes.get(ur));
        }
        sb.append(',');
        int gt = tree.gridTypeBits(i);
        if (gt != 0) {
          sb.append(GridType.values()[gt - 1].name());
        }
        sb.append(',').append(String.join(";", tree.tagsAt(i))).append('\n');
        out.append(sb);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the region CSV", e);
    }
  }

  /**
   * Writes a tree to a string; see {@link #write(RegionTree, Appendable)}.
   *
   * @param tree the tree
   * @return the CSV text
   */
  public static String toCsv(RegionTree tree) {
    StringBuilder sb = new StringBuilder(tree.size() * 64);
    write(tree, sb);
    return sb.toString();
  }

  static String formatArea(float a) {
    if (a == Math.rint(a) && a < 1.0e15) {
      return Long.toString((long) a);
    }
    return Float.toString(a).toLowerCase(Locale.ROOT).replace("e", "E");
  }

  private static void appendQuoted(StringBuilder sb, String s) {
    boolean quote = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r' || (i == 0 && c == '#')) {
        quote = true;
        break;
      }
    }
    if (!quote) {
      sb.append(s);
      return;
    }
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        sb.append('"');
      }
      sb.append(c);
    }
    sb.append('"');
  }
}
