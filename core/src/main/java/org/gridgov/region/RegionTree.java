package org.gridgov.region;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.TextParseException;
import org.gridgov.internal.Problems;
import org.gridgov.internal.Texts;
import org.gridgov.region.internal.CodeIndex;
import org.gridgov.region.internal.NameTable;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, thread-safe region tree: districts → streets → communities → grids → units, each
 * region exactly one level below its parent; several districts (a forest) are allowed.
 *
 * <h2>Storage</h2>
 *
 * Regions are numbered {@code 0 .. size()-1} in pre-order (each region before its descendants,
 * siblings in ascending code order, districts in ascending code order) and stored in parallel
 * primitive arrays: code, a packed level/urban-rural/grid-type byte, parent index, subtree end,
 * running sums of population, households and units, and area. A region's subtree is the index range
 * {@code [index, subtreeEnd)}, so ancestor tests are two comparisons and subtree aggregates are one
 * subtraction. Codes are found through an open-addressing {@code long → int} hash index without
 * boxing. Names are deduplicated in one shared table. Tags are stored only for regions that have
 * some. In all, about 39 bytes per region plus about 4 bytes per region for the name id.
 *
 * <p>Subtree sums are kept as running sums modulo 2<sup>32</sup>, which is exact as long as the
 * total population and the total households of the whole tree are each below 2<sup>32</sup> (4.29
 * billion); {@link Builder#build()} checks that.
 *
 * <h2>Handles</h2>
 *
 * {@link Region} is a light handle (this tree plus an index). The {@code int}-index methods ({@link
 * #indexOf}, {@link #isAncestorOf(int, int)}, {@link #lowestCommonAncestorIndex(int, int)}) are for
 * hot loops; they allocate nothing.
 *
 * <p>A tree carries its {@linkplain #edition() edition}: the date from which it is valid. Editing a
 * tree ({@link #edit(LocalDate)}) returns a new tree and a {@link RegionTreeDiff}; this tree never
 * changes. Two trees are equal only if they are the same object.
 */
// "exports": JSpecify/Error Prone annotations are compile-time only (requires static);
// "EnumOrdinal": levels, classes and grid types are packed into one byte per region by ordinal, on
// purpose.
@SuppressWarnings({"exports", "EnumOrdinal"})
public final class RegionTree {
  private static final RegionLevel[] LEVELS = RegionLevel.values();

  private final CodeScheme scheme;
  private final LocalDate edition;
  private final int size;
  private final long[] code;

  /**
   * Bits 0-2 depth, bits 3-5 urban-rural ordinal+1 (0 none), bits 6-7 grid type ordinal+1 (0 none).
   */
  private final byte[] flags;

  private final int[] parent;
  private final int[] end;
  private final int[] populationSums;
  private final int[] householdSums;
  private final int[] unitSums;
  private final float[] area;
  private final NameTable names;
  private final CodeIndex index;
  private final int[] taggedIndexes;
  private final int[] taggedSetIds;
  private final ImmutableList<ImmutableSortedSet<String>> tagSets;
  private final int[] levelCounts;
  private final int[] roots;

  @SuppressWarnings("TooManyParameters")
  private RegionTree(
      CodeScheme scheme,
      LocalDate edition,
      int size,
      long[] code,
      byte[] flags,
      int[] parent,
      int[] end,
      int[] populationSums,
      int[] householdSums,
      int[] unitSums,
      float[] area,
      NameTable names,
      CodeIndex index,
      int[] taggedIndexes,
      int[] taggedSetIds,
      ImmutableList<ImmutableSortedSet<String>> tagSets,
      int[] levelCounts,
      int[] roots) {
    this.scheme = scheme;
    this.edition = edition;
    this.size = size;
    this.code = code;
    this.flags = flags;
    this.parent = parent;
    this.end = end;
    this.populationSums = populationSums;
    this.householdSums = householdSums;
    this.unitSums = unitSums;
    this.area = area;
    this.names = names;
    this.index = index;
    this.taggedIndexes = taggedIndexes;
    this.taggedSetIds = taggedSetIds;
    this.tagSets = tagSets;
    this.levelCounts = levelCounts;
    this.roots = roots;
  }

  /**
   * Starts building a tree.
   *
   * @param scheme the code scheme every code must follow
   * @param edition the date from which the tree is valid
   * @return a new builder
   */
  public static Builder builder(CodeScheme scheme, LocalDate edition) {
    return new Builder(scheme, edition, "RegionTree.Builder");
  }

  /**
   * Starts a batch of edits of this tree; see {@link RegionTreeEditor}.
   *
   * @param newEdition the edition of the tree the edits produce
   * @return a new editor
   */
  public RegionTreeEditor edit(LocalDate newEdition) {
    return new RegionTreeEditor(this, newEdition);
  }

  /**
   * Returns the code scheme.
   *
   * @return the scheme
   */
  public CodeScheme codeScheme() {
    return scheme;
  }

  /**
   * Returns the date from which this tree is valid.
   *
   * @return the edition date
   */
  public LocalDate edition() {
    return edition;
  }

  /**
   * Returns the number of regions.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /**
   * Returns the number of regions of a level.
   *
   * @param level the level
   * @return the count
   */
  public int count(RegionLevel level) {
    return levelCounts[level.depth()];
  }

  /**
   * Returns the districts (roots), in code order.
   *
   * @return the roots
   */
  public ImmutableList<Region> roots() {
    ImmutableList.Builder<Region> b = ImmutableList.builderWithExpectedSize(roots.length);
    for (int r : roots) {
      b.add(new Region(this, r));
    }
    return b.build();
  }

  /**
   * Returns every region of a level, in pre-order.
   *
   * @param level the level
   * @return the regions
   */
  public ImmutableList<Region> regionsAt(RegionLevel level) {
    ImmutableList.Builder<Region> b = ImmutableList.builderWithExpectedSize(count(level));
    int d = level.depth();
    for (int i = 0; i < size; i++) {
      if ((flags[i] & 7) == d) {
        b.add(new Region(this, i));
      }
    }
    return b.build();
  }

  /**
   * Returns the region at a pre-order index.
   *
   * @param index {@code 0 <= index < size()}
   * @return the region
   * @throws IndexOutOfBoundsException if out of range
   */
  public Region region(int index) {
    checkElementIndex(index, size, "region index");
    return new Region(this, index);
  }

  /**
   * Finds a region by code, in O(1) expected time.
   *
   * @param code the region code
   * @return the region, or empty if this tree has none with that code
   */
  public Optional<Region> find(long code) {
    int i = index.find(this.code, code);
    return i < 0 ? Optional.empty() : Optional.of(new Region(this, i));
  }

  /**
   * Finds a region by the text of its code.
   *
   * @param code the digits of the code
   * @return the region, or empty if this tree has none with that code
   * @throws IllegalArgumentException if the text is not a valid code of this tree's scheme
   */
  public Optional<Region> find(String code) {
    return find(scheme.parse(code));
  }

  /**
   * Returns the region with a code.
   *
   * @param code the region code
   * @return the region
   * @throws IllegalArgumentException if this tree has no region with that code
   */
  public Region get(long code) {
    int i = index.find(this.code, code);
    if (i < 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "no region with code %d in the region tree of %s", code, edition));
    }
    return new Region(this, i);
  }

  /**
   * Returns the pre-order index of a code, allocation-free: the primitive form of {@link
   * #find(long)}.
   *
   * @param code the region code
   * @return the index, or -1 if absent
   */
  public int indexOf(long code) {
    return index.find(this.code, code);
  }

  /**
   * Returns whether region {@code a} is a strict ancestor of region {@code b} (a region is not its
   * own ancestor). O(1): two comparisons of pre-order ranges.
   *
   * @param a an index
   * @param b an index
   * @return {@code true} if {@code a != b} and {@code b} lies in {@code a}'s subtree
   */
  public boolean isAncestorOf(int a, int b) {
    return a < b && b < end[a];
  }

  /**
   * Returns whether region {@code b} lies in the subtree of region {@code a}, {@code a} itself
   * included.
   *
   * @param a an index
   * @param b an index
   * @return {@code true} if {@code a <= b < subtreeEnd(a)}
   */
  public boolean contains(int a, int b) {
    return a <= b && b < end[a];
  }

  /**
   * Returns the lowest common ancestor of two regions, inclusive: the deepest region whose subtree
   * contains both (so the LCA of a region and its descendant is the region itself). At most four
   * parent steps.
   *
   * @param a an index
   * @param b an index
   * @return the index of the LCA, or -1 if the regions lie in different districts
   */
  public int lowestCommonAncestorIndex(int a, int b) {
    int x = a;
    while (x >= 0 && !(x <= b && b < end[x])) {
      x = parent[x];
    }
    return x;
  }

  /**
   * Returns the lowest common ancestor (inclusive) of regions given by code. A case touching
   * several grids belongs to their LCA.
   *
   * @param codes at least one code
   * @return the LCA, or empty if the regions lie in different districts
   * @throws IllegalArgumentException if no code is given or a code is not in this tree
   */
  public Optional<Region> lowestCommonAncestor(long... codes) {
    checkArgument(codes.length > 0, "the lowest common ancestor needs at least one region code");
    int x = get(codes[0]).index();
    for (int k = 1; k < codes.length && x >= 0; k++) {
      x = lowestCommonAncestorIndex(x, get(codes[k]).index());
    }
    return x < 0 ? Optional.empty() : Optional.of(new Region(this, x));
  }

  /**
   * Returns the lowest common ancestor (inclusive) of regions of this tree.
   *
   * @param regions at least one region of this tree
   * @return the LCA, or empty if the regions lie in different districts
   * @throws IllegalArgumentException if empty or a region belongs to another tree
   */
  public Optional<Region> lowestCommonAncestor(Collection<Region> regions) {
    checkArgument(!regions.isEmpty(), "the lowest common ancestor needs at least one region");
    int x = -2;
    for (Region r : regions) {
      checkArgument(r.tree() == this, "region %s belongs to another tree", r);
      x = x == -2 ? r.index() : lowestCommonAncestorIndex(x, r.index());
      if (x < 0) {
        return Optional.empty();
      }
    }
    return Optional.of(new Region(this, x));
  }

  /**
   * Returns the distribution of a subtree measure over all regions of a level, e.g. units per grid.
   *
   * @param level the level whose regions are measured
   * @param measure what is measured over each region's subtree
   * @return the distribution
   */
  public SizeDistribution distribution(RegionLevel level, SubtreeMeasure measure) {
    long[] values = new long[count(level)];
    int d = level.depth();
    int k = 0;
    for (int i = 0; i < size; i++) {
      if ((flags[i] & 7) == d) {
        values[k++] = measure(i, measure);
      }
    }
    return SizeDistribution.of(values);
  }

  /**
   * Returns the distribution of units per grid.
   *
   * @return the distribution
   */
  public SizeDistribution unitsPerGrid() {
    return distribution(RegionLevel.GRID, SubtreeMeasure.UNITS);
  }

  /**
   * Returns the distribution of households per grid.
   *
   * @return the distribution
   */
  public SizeDistribution householdsPerGrid() {
    return distribution(RegionLevel.GRID, SubtreeMeasure.HOUSEHOLDS);
  }

  /**
   * Returns the total population of all regions.
   *
   * @return the total
   */
  public long totalPopulation() {
    return Integer.toUnsignedLong(populationSums[size]);
  }

  /**
   * Returns the total households of all regions.
   *
   * @return the total
   */
  public long totalHouseholds() {
    return Integer.toUnsignedLong(householdSums[size]);
  }

  long measure(int i, SubtreeMeasure measure) {
    return switch (measure) {
      case UNITS -> subtreeUnits(i);
      case HOUSEHOLDS -> subtreeHouseholds(i);
      case POPULATION -> subtreePopulation(i);
      case REGIONS -> (long) end[i] - i;
    };
  }

  // ---- per-index accessors used by Region and the editor ----

  long codeAt(int i) {
    return code[i];
  }

  int depthAt(int i) {
    return flags[i] & 7;
  }

  int parentAt(int i) {
    return parent[i];
  }

  int endAt(int i) {
    return end[i];
  }

  int populationAt(int i) {
    return populationSums[i + 1] - populationSums[i];
  }

  int householdsAt(int i) {
    return householdSums[i + 1] - householdSums[i];
  }

  long subtreePopulation(int i) {
    return Integer.toUnsignedLong(populationSums[end[i]] - populationSums[i]);
  }

  long subtreeHouseholds(int i) {
    return Integer.toUnsignedLong(householdSums[end[i]] - householdSums[i]);
  }

  int subtreeUnits(int i) {
    return unitSums[end[i]] - unitSums[i];
  }

  float areaAt(int i) {
    return area[i];
  }

  int urbanRuralBits(int i) {
    return (flags[i] >> 3) & 7;
  }

  int gridTypeBits(int i) {
    return (flags[i] >> 6) & 3;
  }

  String nameAt(int i) {
    return names.name(i);
  }

  ImmutableSortedSet<String> tagsAt(int i) {
    int k = Arrays.binarySearch(taggedIndexes, i);
    return k < 0 ? ImmutableSortedSet.of() : tagSets.get(taggedSetIds[k]);
  }

  /** Returns e.g. {@code RegionTree[edition 2024-01-01, 62 regions, CodeScheme[6+3+3+3+3]]}. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "RegionTree[edition %s, %d regions, %s]", edition, size, scheme);
  }

  /** Where the builder reports problems of the rows added from one source. */
  static final class ProblemSink {
    final Problems problems;
    final int codeColumn;
    final String codeField;
    final int parentColumn;
    final String parentField;
    final int levelColumn;
    final String levelField;

    ProblemSink(
        Problems problems,
        int codeColumn,
        String codeField,
        int parentColumn,
        String parentField,
        int levelColumn,
        String levelField) {
      this.problems = problems;
      this.codeColumn = codeColumn;
      this.codeField = codeField;
      this.parentColumn = parentColumn;
      this.parentField = parentField;
      this.levelColumn = levelColumn;
      this.levelField = levelField;
    }
  }

  /**
   * Builds a {@link RegionTree} from regions added in any order, each naming its parent by code.
   *
   * <p>{@link #addDistrict} and {@link #add} start a region; the attribute setters ({@link
   * #population}, {@link #households}, {@link #area}, {@link #urbanRural}, {@link #gridType},
   * {@link #tags}) then apply to the region added last. Nothing is checked until {@link #build()},
   * which checks every row and reports every problem at once: an invalid code or one of the wrong
   * width for its level, a duplicate code, an unknown parent, a parent of the wrong level, a code
   * that does not extend its parent's, a negative population or household count, a negative or
   * non-finite area, an empty name. Not thread-safe; single use.
   */
  public static final class Builder {
    private final CodeScheme scheme;
    private final LocalDate edition;
    private final String source;
    private int n;
    private long[] codes = new long[64];
    private long[] parentCodes = new long[64];
    private byte[] flags = new byte[64];
    private int[] nameIds = new int[64];
    private int[] population = new int[64];
    private int[] households = new int[64];
    private float[] area = new float[64];
    private int[] tagSet = new int[0];
    private int[] lines = new int[64];
    private byte[] sourceIds = new byte[64];
    private final NameTable.Builder names = new NameTable.Builder();
    private final Map<ImmutableSortedSet<String>, Integer> tagSetIds = new HashMap<>();
    private final List<ImmutableSortedSet<String>> tagSetList = new ArrayList<>();
    private boolean built;

    Builder(CodeScheme scheme, LocalDate edition, String source) {
      this.scheme = Objects.requireNonNull(scheme, "scheme");
      this.edition = Objects.requireNonNull(edition, "edition");
      this.source = source;
    }

    /**
     * Returns the number of regions added so far.
     *
     * @return the count
     */
    public int size() {
      return n;
    }

    /**
     * Adds a district (a root).
     *
     * @param code the district's code
     * @param name its name, not empty
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder addDistrict(long code, String name) {
      return addRow(code, 0, 0, name);
    }

    /**
     * Adds a region below a parent.
     *
     * @param level the region's level; for {@link RegionLevel#DISTRICT} use {@link #addDistrict}
     * @param code the region's code
     * @param parentCode the parent's code; the parent may be added before or after
     * @param name its name, not empty
     * @return this builder
     * @throws IllegalArgumentException if {@code level} is {@link RegionLevel#DISTRICT}
     */
    @CanIgnoreReturnValue
    public Builder add(RegionLevel level, long code, long parentCode, String name) {
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(name, "name");
      checkArgument(
          level != RegionLevel.DISTRICT,
          "a district has no parent: use addDistrict(%s, ...)",
          code);
      return addRow(code, parentCode, level.depth(), name);
    }

    private Builder addRow(long code, long parentCode, int depth, String name) {
      checkState(!built, "build() was already called on this builder");
      Objects.requireNonNull(name, "name");
      String nameProblem = nameProblem(name);
      checkArgument(nameProblem == null, "region %s: %s", code, nameProblem);
      if (n == codes.length) {
        grow();
      }
      codes[n] = code;
      parentCodes[n] = parentCode;
      flags[n] = (byte) depth;
      nameIds[n] = names.intern(name);
      population[n] = 0;
      households[n] = 0;
      area[n] = 0f;
      lines[n] = n + 1;
      sourceIds[n] = 0;
      n++;
      return this;
    }

    private void grow() {
      int cap = Math.max(64, codes.length * 2);
      codes = Arrays.copyOf(codes, cap);
      parentCodes = Arrays.copyOf(parentCodes, cap);
      flags = Arrays.copyOf(flags, cap);
      nameIds = Arrays.copyOf(nameIds, cap);
      population = Arrays.copyOf(population, cap);
      households = Arrays.copyOf(households, cap);
      area = Arrays.copyOf(area, cap);
      lines = Arrays.copyOf(lines, cap);
      sourceIds = Arrays.copyOf(sourceIds, cap);
      if (tagSet.length > 0) {
        tagSet = Arrays.copyOf(tagSet, cap);
      }
    }

    private int last() {
      checkState(n > 0, "add a region before setting its attributes");
      return n - 1;
    }

    /**
     * Sets the resident population of the region added last (its own, not counting its
     * descendants).
     *
     * @param people the population, not negative (checked by {@link #build()})
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder population(int people) {
      population[last()] = people;
      return this;
    }

    /**
     * Sets the number of households of the region added last (its own).
     *
     * @param count the households, not negative (checked by {@link #build()})
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder households(int count) {
      households[last()] = count;
      return this;
    }

    /**
     * Sets the area in square metres of the region added last. Stored as a {@code float}: exact for
     * whole numbers up to 16,777,216 m², about seven significant digits above.
     *
     * @param squareMetres the area, finite and not negative (checked by {@link #build()})
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder area(double squareMetres) {
      area[last()] = (float) squareMetres;
      return this;
    }

    /**
     * Sets the urban-rural class of the region added last.
     *
     * @param urbanRural the class
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder urbanRural(UrbanRuralClass urbanRural) {
      Objects.requireNonNull(urbanRural, "urbanRural");
      int i = last();
      flags[i] = (byte) ((flags[i] & ~0x38) | ((urbanRural.ordinal() + 1) << 3));
      return this;
    }

    /**
     * Sets the grid type of the region added last (meant for grids, allowed on any level).
     *
     * @param gridType the type
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder gridType(GridType gridType) {
      Objects.requireNonNull(gridType, "gridType");
      int i = last();
      flags[i] = (byte) ((flags[i] & ~0xC0) | ((gridType.ordinal() + 1) << 6));
      return this;
    }

    /**
     * Sets the free tags of the region added last. A tag is a non-empty text without {@code ;},
     * {@code ,}, quotes or line breaks.
     *
     * @param tags the tags; duplicates are dropped, order does not matter
     * @return this builder
     * @throws IllegalArgumentException if a tag is empty or has a forbidden character
     */
    @CanIgnoreReturnValue
    public Builder tags(Collection<String> tags) {
      int i = last();
      for (String t : tags) {
        String problem = tagProblem(t);
        checkArgument(problem == null, "%s", problem);
      }
      if (tags.isEmpty()) {
        if (tagSet.length > 0) {
          tagSet[i] = 0;
        }
        return this;
      }
      ImmutableSortedSet<String> set = ImmutableSortedSet.copyOf(tags);
      Integer id = tagSetIds.get(set);
      if (id == null) {
        id = tagSetList.size();
        tagSetList.add(set);
        tagSetIds.put(set, id);
      }
      if (tagSet.length == 0) {
        tagSet = new int[codes.length];
      }
      tagSet[i] = id + 1;
      return this;
    }

    /** Returns why a region name is not allowed (a control character), or {@code null} if it is. */
    static @Nullable String nameProblem(String name) {
      int bad = Texts.firstControl(name);
      if (bad < 0) {
        return null;
      }
      return String.format(
          Locale.ROOT,
          "the name \"%s\" has the control character U+%04X at position %d; a name is printable text on one line",
          Texts.escape(name),
          (int) name.charAt(bad),
          bad + 1);
    }

    static @Nullable String tagProblem(String tag) {
      if (tag.isEmpty()) {
        return "a tag must not be empty";
      }
      if (Texts.firstControl(tag) >= 0) {
        return String.format(
            Locale.ROOT, "tag \"%s\" must not contain a control character", Texts.escape(tag));
      }
      for (int k = 0; k < tag.length(); k++) {
        char c = tag.charAt(k);
        if (c == ';' || c == ',' || c == '"' || c == '\n' || c == '\r') {
          return String.format(
              Locale.ROOT, "tag \"%s\" must not contain ';', ',', '\"' or a line break", tag);
        }
      }
      return null;
    }

    /** Records where the region added last came from (for parsers). */
    void origin(int sourceId, int line) {
      int i = last();
      sourceIds[i] = (byte) sourceId;
      lines[i] = line;
    }

    /**
     * Checks every region and builds the tree.
     *
     * @return the tree
     * @throws TextParseException with every problem found (source {@code RegionTree.Builder}, the
     *     line being the 1-based number of the {@code add} call), if any
     * @throws IllegalStateException if called twice
     */
    public RegionTree build() {
      Problems problems = new Problems(source);
      RegionTree tree =
          build(new ProblemSink[] {new ProblemSink(problems, 0, "code", 0, "parent", 0, "level")});
      return tree;
    }

    /**
     * Builds, reporting row problems to the sink of each row's source id; throws if any sink has
     * problems.
     */
    RegionTree build(ProblemSink[] sinks) {
      checkState(!built, "build() was already called on this builder");
      built = true;
      int size = n;
      int[] duplicateOf = new int[size];
      CodeIndex rowIndex = CodeIndex.build(codes, size, duplicateOf);
      int[] parentRow = new int[size];
      boolean[] blankName = names.blankFlags();
      boolean any = false;
      for (int i = 0; i < size; i++) {
        ProblemSink sink = sinks[sourceIds[i]];
        String codeProblem = codeProblem(i);
        boolean bad = checkCode(i, codeProblem, sinks, duplicateOf);
        parentRow[i] = -1;
        if ((flags[i] & 7) > 0) {
          int pr = checkedParentRow(i, codeProblem == null, sink, rowIndex);
          bad |= pr < 0;
          parentRow[i] = pr;
        }
        bad |= checkAttributes(i, sink.problems, blankName);
        any |= bad;
      }
      if (!any) {
        any = checkTotals(size, sinks[0].problems);
      }
      if (any) {
        throwAll(sinks);
      }
      return assemble(size, rowIndex, parentRow);
    }

    private @Nullable String codeProblem(int i) {
      RegionLevel level = LEVELS[flags[i] & 7];
      long c = codes[i];
      return scheme.isValid(c, level) ? null : scheme.problemWith(Long.toString(c), level);
    }

    /** Reports an invalid or duplicate code of row {@code i}; returns whether it did. */
    private boolean checkCode(
        int i, @Nullable String codeProblem, ProblemSink[] sinks, int[] duplicateOf) {
      ProblemSink sink = sinks[sourceIds[i]];
      Problems p = sink.problems;
      int line = lines[i];
      long c = codes[i];
      if (codeProblem != null) {
        p.add(line, sink.codeColumn, sink.codeField, Long.toString(c), "%s", codeProblem);
        return true;
      } else if (duplicateOf[i] >= 0) {
        int first = duplicateOf[i];
        p.add(
            line,
            sink.codeColumn,
            sink.codeField,
            Long.toString(c),
            "duplicate code %s: already defined at line %d%s",
            c,
            lines[first],
            sourceIds[first] == sourceIds[i]
                ? ""
                : " of " + sinks[sourceIds[first]].problems.source());
        return true;
      }
      return false;
    }

    /**
     * Returns the row of the parent of row {@code i} (not a district), or -1 after reporting an
     * unknown parent, a parent of the wrong level or a code that does not extend the parent's.
     */
    private int checkedParentRow(int i, boolean codeValid, ProblemSink sink, CodeIndex rowIndex) {
      Problems p = sink.problems;
      int line = lines[i];
      int depth = flags[i] & 7;
      RegionLevel level = LEVELS[depth];
      long c = codes[i];
      long pc = parentCodes[i];
      int pr = rowIndex.find(codes, pc);
      if (pr < 0) {
        p.add(
            line,
            sink.parentColumn,
            sink.parentField,
            Long.toString(pc),
            "unknown parent %s: no region has that code",
            pc);
        return -1;
      } else if ((flags[pr] & 7) != depth - 1) {
        p.add(
            line,
            sink.levelColumn,
            sink.levelField,
            level.name(),
            "wrong level: a %s's parent must be a %s but parent %s is a %s",
            level,
            LEVELS[depth - 1],
            pc,
            LEVELS[flags[pr] & 7]);
        return -1;
      } else if (codeValid && !scheme.isChildCode(pc, c)) {
        p.add(
            line,
            sink.codeColumn,
            sink.codeField,
            Long.toString(c),
            "code %s does not extend its parent's code %s (expected %s followed by %d digits)",
            c,
            pc,
            pc,
            scheme.width(level));
        return -1;
      }
      return pr;
    }

    /**
     * Reports an empty name, a negative count or a bad area of row {@code i}; returns whether it
     * did.
     */
    private boolean checkAttributes(int i, Problems p, boolean[] blankName) {
      int line = lines[i];
      boolean bad = false;
      if (blankName[nameIds[i]]) {
        p.add(
            line,
            0,
            "name",
            names.nameOf(nameIds[i]),
            "the name of region %s must not be empty",
            codes[i]);
        bad = true;
      }
      if (population[i] < 0) {
        p.add(
            line,
            0,
            "population",
            Integer.toString(population[i]),
            "population must not be negative but was %d",
            population[i]);
        bad = true;
      }
      if (households[i] < 0) {
        p.add(
            line,
            0,
            "households",
            Integer.toString(households[i]),
            "households must not be negative but was %d",
            households[i]);
        bad = true;
      }
      if (!(area[i] >= 0f) || Float.isInfinite(area[i])) {
        p.add(
            line,
            0,
            "area_m2",
            Float.toString(area[i]),
            "area must be a finite number of square metres >= 0 but was %s",
            area[i]);
        bad = true;
      }
      return bad;
    }

    /** Reports totals that do not fit the tree's running sums; returns whether it did. */
    private boolean checkTotals(int size, Problems problems) {
      long pop = 0;
      long hh = 0;
      for (int i = 0; i < size; i++) {
        pop += population[i];
        hh += households[i];
      }
      if (pop >= (1L << 32) || hh >= (1L << 32)) {
        problems.add(
            0,
            0,
            "",
            "",
            "the total population (%d) and households (%d) of a tree must each be below 2^32",
            pop,
            hh);
        return true;
      }
      return false;
    }

    private static void throwAll(ProblemSink[] sinks) {
      List<TextParseException.Problem> all = new ArrayList<>();
      for (ProblemSink s : sinks) {
        try {
          s.problems.throwIfAny();
        } catch (TextParseException e) {
          all.addAll(e.problems());
        }
      }
      throw new TextParseException(all);
    }

    private RegionTree assemble(int size, CodeIndex rowIndex, int[] parentRow) {
      int[] order = preOrder(size, rowIndex); // order[pos] = row; null if the rows are in order
      int[] posOf = order == null ? null : inverse(order); // posOf[row] = pos
      Columns c = new Columns(size);
      fill(c, order, posOf, parentRow);
      int[] end = subtreeEnds(c.par);
      int[] roots = new int[c.rootCount];
      int[] taggedIndexes = new int[c.taggedCount];
      int[] taggedSetIds = new int[c.taggedCount];
      int r = 0;
      int t = 0;
      for (int pos = 0; pos < size; pos++) {
        if (c.par[pos] < 0) {
          roots[r++] = pos;
        }
        int row = order == null ? pos : order[pos];
        if (tagSet.length > 0 && tagSet[row] != 0) {
          taggedIndexes[t] = pos;
          taggedSetIds[t] = tagSet[row] - 1;
          t++;
        }
      }
      if (posOf != null) {
        rowIndex.renumberInPlace(posOf);
      }
      // Release the builder's arrays.
      codes = new long[0];
      parentCodes = new long[0];
      return new RegionTree(
          scheme,
          edition,
          size,
          c.code,
          c.fl,
          c.par,
          end,
          c.popSums,
          c.hhSums,
          c.unitSums,
          c.ar,
          names.build(c.nid),
          rowIndex,
          taggedIndexes,
          taggedSetIds,
          ImmutableList.copyOf(tagSetList),
          c.levelCounts,
          roots);
    }

    /**
     * Returns the rows in pre-order (the ascending order of codes left-aligned to 18 digits, ties
     * shallower first), or {@code null} if they were added in pre-order.
     */
    private int @Nullable [] preOrder(int size, CodeIndex rowIndex) {
      long[] padded = new long[size];
      boolean sorted = true;
      for (int i = 0; i < size; i++) {
        padded[i] = scheme.preOrderKey(codes[i], flags[i] & 7);
        if (i > 0 && padded[i] <= padded[i - 1]) {
          sorted = false;
        }
      }
      if (sorted) {
        return null;
      }
      Arrays.sort(padded);
      int[] order = new int[size];
      for (int pos = 0; pos < size; pos++) {
        order[pos] = rowIndex.find(codes, scheme.codeOfPreOrderKey(padded[pos]));
      }
      return order;
    }

    private static int[] inverse(int[] order) {
      int[] posOf = new int[order.length];
      for (int pos = 0; pos < order.length; pos++) {
        posOf[order[pos]] = pos;
      }
      return posOf;
    }

    /** Copies the rows into the tree's columns in pre-order, with running sums and counts. */
    private void fill(Columns c, int @Nullable [] order, int @Nullable [] posOf, int[] parentRow) {
      for (int pos = 0; pos < c.code.length; pos++) {
        int row = order == null ? pos : order[pos];
        c.code[pos] = codes[row];
        byte f = flags[row];
        c.fl[pos] = f;
        int pr = parentRow[row];
        c.par[pos] = pr < 0 ? -1 : (posOf == null ? pr : posOf[pr]);
        c.ar[pos] = area[row];
        c.nid[pos] = nameIds[row];
        c.popSums[pos + 1] = c.popSums[pos] + population[row];
        c.hhSums[pos + 1] = c.hhSums[pos] + households[row];
        int depth = f & 7;
        c.unitSums[pos + 1] = c.unitSums[pos] + (depth == 4 ? 1 : 0);
        c.levelCounts[depth]++;
        if (depth == 0) {
          c.rootCount++;
        }
        if (tagSet.length > 0 && tagSet[row] != 0) {
          c.taggedCount++;
        }
      }
    }

    /** Returns, for each position in pre-order, the end (exclusive) of its subtree. */
    private static int[] subtreeEnds(int[] par) {
      int[] end = new int[par.length];
      for (int i = par.length - 1; i >= 0; i--) {
        if (end[i] == 0) {
          end[i] = i + 1;
        }
        int p = par[i];
        if (p >= 0 && end[p] < end[i]) {
          end[p] = end[i];
        }
      }
      return end;
    }

    /** The tree's columns in pre-order while {@link #assemble} fills them. */
    private static final class Columns {
      final long[] code;
      final byte[] fl;
      final int[] par;
      final float[] ar;
      final int[] nid;
      final int[] popSums;
      final int[] hhSums;
      final int[] unitSums;
      final int[] levelCounts = new int[LEVELS.length];
      int rootCount;
      int taggedCount;

      Columns(int size) {
        code = new long[size];
        fl = new byte[size];
        par = new int[size];
        ar = new float[size];
        nid = new int[size];
        popSums = new int[size + 1];
        hhSums = new int[size + 1];
        unitSums = new int[size + 1];
      }
    }
  }
}
