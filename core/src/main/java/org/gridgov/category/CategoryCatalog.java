package org.gridgov.category;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableSortedMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gridgov.TextParseException;
import org.gridgov.internal.CsvReader;
import org.gridgov.internal.Problems;
import org.jspecify.annotations.Nullable;

/**
 * A tree of case categories (事件/部件分类): major classes (大类) and their minor classes (小类), e.g. {@code
 * 01 市容环境} / {@code 0102 暴露垃圾}.
 *
 * <p>Codes follow a {@link CategoryCodeScheme} (default two levels of two digits); a child's code
 * extends its parent's, and a child has its parent's {@link CategoryKind}. Immutable and
 * thread-safe; lookups by code are O(log n), iteration is in code order, which is the tree's
 * pre-order.
 *
 * <h2>Text format</h2>
 *
 * <p>{@link #parse(Reader, String)} reads RFC 4180 CSV (UTF-8 text the caller opens), lines
 * starting with {@code #} are comments, and the first record is exactly this header:
 *
 * <pre>
 * code,name_zh,name_en,kind
 * 01,市容环境,City appearance,EVENT
 * 0102,暴露垃圾,Exposed rubbish,EVENT
 * </pre>
 *
 * <p>{@code kind} is {@code EVENT} or {@code COMPONENT} (or {@code 事件} / {@code 部件}). Rows may come
 * in any order. Every problem (a code that fits no level, a duplicate, a missing parent, a kind
 * different from the parent's, a blank name, a wrong field count) is reported with its line and
 * column in one {@link TextParseException}; nothing is half-built.
 *
 * <p>{@link #sample()} returns a small sample catalogue shipped with gridgov.
 */
public final class CategoryCatalog {
  /** The header the text format requires. */
  public static final ImmutableList<String> HEADER =
      ImmutableList.of("code", "name_zh", "name_en", "kind");

  private static final String SAMPLE_RESOURCE = "sample-categories.csv";

  private final CategoryCodeScheme scheme;
  private final ImmutableSortedMap<String, Category> byCode;
  private final ImmutableListMultimap<String, Category> children;
  private final ImmutableList<Category> roots;

  private CategoryCatalog(CategoryCodeScheme scheme, ImmutableSortedMap<String, Category> byCode) {
    this.scheme = scheme;
    this.byCode = byCode;
    ImmutableListMultimap.Builder<String, Category> kids = ImmutableListMultimap.builder();
    ImmutableList.Builder<Category> top = ImmutableList.builder();
    for (Category c : byCode.values()) {
      if (c.parentCode().isPresent()) {
        kids.put(c.parentCode().get(), c);
      } else {
        top.add(c);
      }
    }
    this.children = kids.build();
    this.roots = top.build();
  }

  /**
   * Parses a catalogue in the {@linkplain CategoryCatalog text format} with the standard 2+2 code
   * scheme.
   *
   * @param text the CSV text; the caller opens and closes it
   * @param source the input's name for error messages, e.g. {@code categories.csv}
   * @return the catalogue
   * @throws TextParseException listing every bad row
   * @throws UncheckedIOException if reading fails
   */
  public static CategoryCatalog parse(Reader text, String source) {
    return parse(text, source, CategoryCodeScheme.standard());
  }

  /**
   * Parses a catalogue in the {@linkplain CategoryCatalog text format} with the given code scheme.
   *
   * @param text the CSV text; the caller opens and closes it
   * @param source the input's name for error messages, e.g. {@code categories.csv}
   * @param scheme the code layout
   * @return the catalogue
   * @throws TextParseException listing every bad row
   * @throws UncheckedIOException if reading fails
   */
  public static CategoryCatalog parse(Reader text, String source, CategoryCodeScheme scheme) {
    Problems problems = new Problems(source);
    CsvReader csv = new CsvReader(text, problems, true);
    checkHeader(csv.next(), problems);
    Map<String, Category> codes = new TreeMap<>();
    Map<String, Integer> lineOf = new HashMap<>();
    for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
      Category c = parseRow(row, scheme, lineOf, problems);
      if (c != null) {
        lineOf.put(c.code(), row.line());
        codes.put(c.code(), c);
      }
    }
    checkParents(codes, lineOf, problems);
    if (problems.isEmpty() && codes.isEmpty()) {
      problems.add(0, 0, "", "", "the catalogue has no categories");
    }
    problems.throwIfAny();
    return new CategoryCatalog(scheme, ImmutableSortedMap.copyOf(codes));
  }

  /** Refuses a missing or different header at once (nothing after it can be read). */
  private static void checkHeader(CsvReader.@Nullable Row header, Problems problems) {
    if (header == null) {
      problems.add(0, 0, "", "", "empty input: expected the header %s", String.join(",", HEADER));
      problems.throwIfAny();
      throw new AssertionError("unreachable");
    }
    if (!header.fields().equals(HEADER)) {
      problems.add(
          header.line(),
          0,
          "",
          String.join(",", header.fields()),
          "expected the header %s",
          String.join(",", HEADER));
      problems.throwIfAny();
    }
  }

  /** One row's category, or null with its problems recorded. */
  private static @Nullable Category parseRow(
      CsvReader.Row row,
      CategoryCodeScheme scheme,
      Map<String, Integer> lineOf,
      Problems problems) {
    int line = row.line();
    if (row.size() != HEADER.size()) {
      problems.add(
          line,
          0,
          "",
          String.join(",", row.fields()),
          "expected %d fields (%s) but found %d",
          HEADER.size(),
          String.join(",", HEADER),
          row.size());
      return null;
    }
    long before = problems.count();
    String code = row.get(0).strip();
    int level = scheme.levelOf(code);
    if (level == 0) {
      problems.add(
          line,
          1,
          "code",
          code,
          "a code must be ASCII digits of length %s (scheme %s)",
          lengths(scheme),
          scheme);
    } else if (lineOf.containsKey(code)) {
      problems.add(
          line, 1, "code", code, "duplicate code, first defined on line %d", lineOf.get(code));
    }
    String zh = row.get(1).strip();
    String en = row.get(2).strip();
    if (zh.isEmpty()) {
      problems.add(line, 2, "name_zh", zh, "the Chinese name must not be blank");
    }
    if (en.isEmpty()) {
      problems.add(line, 3, "name_en", en, "the English name must not be blank");
    }
    CategoryKind kind = parseKind(row.get(3).strip());
    if (kind == null) {
      problems.add(line, 4, "kind", row.get(3), "expected EVENT, COMPONENT, 事件 or 部件");
    }
    if (problems.count() != before || kind == null) {
      return null;
    }
    return Category.of(code, level, Optional.ofNullable(scheme.parentOf(code)), zh, en, kind);
  }

  /** Every category's parent is in the catalogue and of the same kind. */
  private static void checkParents(
      Map<String, Category> codes, Map<String, Integer> lineOf, Problems problems) {
    for (Category c : codes.values()) {
      if (c.parentCode().isEmpty()) {
        continue;
      }
      String parentCode = c.parentCode().get();
      Category parent = codes.get(parentCode);
      int line = lineOf.getOrDefault(c.code(), 0);
      if (parent == null) {
        problems.add(
            line, 1, "code", c.code(), "its parent %s is not in the catalogue", parentCode);
      } else if (parent.kind() != c.kind()) {
        problems.add(
            line,
            4,
            "kind",
            c.kind().name(),
            "must equal the kind %s of its parent %s (line %d)",
            parent.kind(),
            parentCode,
            lineOf.getOrDefault(parentCode, 0));
      }
    }
  }

  /**
   * Builds a catalogue from categories made in code.
   *
   * @param scheme the code layout
   * @param categories the categories, in any order
   * @return the catalogue
   * @throws IllegalArgumentException if a code does not fit the scheme or its level, appears twice,
   *     lacks its parent, or has a kind other than its parent's
   */
  public static CategoryCatalog of(CategoryCodeScheme scheme, Collection<Category> categories) {
    Map<String, Category> codes = new TreeMap<>();
    for (Category c : categories) {
      checkArgument(
          scheme.levelOf(c.code()) == c.level(),
          "category %s has level %s but the scheme %s puts that code at level %s",
          c.code(),
          c.level(),
          scheme,
          scheme.levelOf(c.code()));
      checkArgument(codes.put(c.code(), c) == null, "duplicate category code %s", c.code());
    }
    for (Category c : codes.values()) {
      if (c.parentCode().isPresent()) {
        Category parent = codes.get(c.parentCode().get());
        checkArgument(
            parent != null,
            "category %s: its parent %s is missing",
            c.code(),
            c.parentCode().get());
        checkArgument(
            parent.kind() == c.kind(),
            "category %s has kind %s but its parent %s has kind %s",
            c.code(),
            c.kind(),
            parent.code(),
            parent.kind());
      }
    }
    checkArgument(!codes.isEmpty(), "a catalogue needs at least one category");
    return new CategoryCatalog(scheme, ImmutableSortedMap.copyOf(codes));
  }

  /**
   * Returns the sample catalogue shipped with gridgov: about 45 classes modelled on the public 数字城管
   * practice of event (事件) and component (部件) classes. It is an illustration for examples, tests
   * and simulations, <em>not</em> the national standard list; see {@code docs/cases.md}. Event
   * classes use major codes 01–06 and component classes 51–55, so that both fit one code tree.
   *
   * @return the sample catalogue
   */
  public static CategoryCatalog sample() {
    return SampleHolder.SAMPLE;
  }

  private static final class SampleHolder {
    static final CategoryCatalog SAMPLE = loadSample();

    private static CategoryCatalog loadSample() {
      try (InputStream in = CategoryCatalog.class.getResourceAsStream(SAMPLE_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              "resource " + SAMPLE_RESOURCE + " is missing from gridgov-core");
        }
        return parse(new InputStreamReader(in, StandardCharsets.UTF_8), SAMPLE_RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + SAMPLE_RESOURCE, e);
      }
    }
  }

  private static @Nullable CategoryKind parseKind(String s) {
    return switch (s) {
      case "EVENT", "事件" -> CategoryKind.EVENT;
      case "COMPONENT", "部件" -> CategoryKind.COMPONENT;
      default -> null;
    };
  }

  private static String lengths(CategoryCodeScheme scheme) {
    List<String> out = new ArrayList<>();
    int sum = 0;
    for (int i = 0; i < scheme.levels(); i++) {
      sum += scheme.widths().get(i);
      out.add(Integer.toString(sum));
    }
    return String.join(" or ", out);
  }

  /**
   * Returns the code scheme.
   *
   * @return the scheme
   */
  public CategoryCodeScheme scheme() {
    return scheme;
  }

  /**
   * Returns the number of categories.
   *
   * @return the size, at least 1
   */
  public int size() {
    return byCode.size();
  }

  /**
   * Returns every category in code order (the tree's pre-order: each major class followed by its
   * minor classes).
   *
   * @return all categories
   */
  public ImmutableList<Category> all() {
    return byCode.values().asList();
  }

  /**
   * Returns the top-level classes in code order.
   *
   * @return the roots
   */
  public ImmutableList<Category> roots() {
    return roots;
  }

  /**
   * Finds a category by code.
   *
   * @param code the code
   * @return the category, or empty if the catalogue has no such code
   */
  public Optional<Category> find(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /**
   * Returns a category by code.
   *
   * @param code the code
   * @return the category
   * @throws IllegalArgumentException if the catalogue has no such code
   */
  public Category get(String code) {
    Category c = byCode.get(code);
    if (c == null) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "no category with code \"%s\" in a catalogue of %d categories",
              code,
              byCode.size()));
    }
    return c;
  }

  /**
   * Returns whether the catalogue has a code.
   *
   * @param code the code
   * @return whether it is present
   */
  public boolean contains(String code) {
    return byCode.containsKey(code);
  }

  /**
   * Returns the direct children of a category, in code order.
   *
   * @param code the parent's code
   * @return the children, empty for a leaf
   * @throws IllegalArgumentException if the catalogue has no such code
   */
  public ImmutableList<Category> children(String code) {
    var unused = get(code);
    return children.get(code);
  }

  /**
   * Returns the parent of a category.
   *
   * @param code the code
   * @return the parent, empty for a top-level class
   * @throws IllegalArgumentException if the catalogue has no such code
   */
  public Optional<Category> parent(String code) {
    return get(code).parentCode().map(byCode::get);
  }

  /**
   * Returns the top-level class (大类) a category belongs to; a top-level class is its own.
   *
   * @param code the code
   * @return the top-level ancestor or the category itself
   * @throws IllegalArgumentException if the catalogue has no such code
   */
  public Category majorClassOf(String code) {
    Category c = get(code);
    while (c.parentCode().isPresent()) {
      c = get(c.parentCode().get());
    }
    return c;
  }

  /**
   * Returns whether {@code code} is {@code ancestorCode} or lies below it.
   *
   * @param ancestorCode the possible ancestor
   * @param code the code to test
   * @return whether {@code code} is in the subtree of {@code ancestorCode}
   * @throws IllegalArgumentException if either code is not in the catalogue
   */
  public boolean isWithin(String code, String ancestorCode) {
    var unused = get(code);
    var unused2 = get(ancestorCode);
    return code.startsWith(ancestorCode);
  }

  /** Renders as {@code CategoryCatalog[45 categories, CategoryCodeScheme[2+2]]}. */
  @Override
  public String toString() {
    return "CategoryCatalog[" + byCode.size() + " categories, " + scheme + "]";
  }
}
