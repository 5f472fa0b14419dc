package org.gridgov.region;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A light handle onto one region of a {@link RegionTree}: the tree and the region's pre-order
 * index. All data lives in the tree; a handle costs one small object and can be dropped freely.
 *
 * <p>Two handles are equal if they refer to the same index of the same tree object. Thread-safe
 * (immutable).
 */
@SuppressWarnings({
  "exports",
  "EnumOrdinal"
}) // JSpecify/Error Prone annotations are compile-time only (requires static)
public final class Region {
  private final RegionTree tree;
  private final int index;

  Region(RegionTree tree, int index) {
    this.tree = tree;
    this.index = index;
  }

  /**
   * Returns the tree this region belongs to.
   *
   * @return the tree
   */
  public RegionTree tree() {
    return tree;
  }

  /**
   * Returns the pre-order index in the tree.
   *
   * @return the index
   */
  public int index() {
    return index;
  }

  /**
   * Returns the region code.
   *
   * @return the code
   */
  public long code() {
    return tree.codeAt(index);
  }

  /**
   * Returns the code's digits.
   *
   * @return the code text
   */
  public String codeText() {
    return Long.toString(tree.codeAt(index));
  }

  /**
   * Returns the level.
   *
   * @return the level
   */
  public RegionLevel level() {
    return RegionLevel.ofDepth(tree.depthAt(index));
  }

  /**
   * Returns the name.
   *
   * @return the name
   */
  public String name() {
    return tree.nameAt(index);
  }

  /**
   * Returns the region's own population (not counting descendants).
   *
   * @return the population
   */
  public int population() {
    return tree.populationAt(index);
  }

  /**
   * Returns the region's own households.
   *
   * @return the households
   */
  public int households() {
    return tree.householdsAt(index);
  }

  /**
   * Returns the region's own area in square metres (see {@link RegionTree.Builder#area} for
   * precision).
   *
   * @return the area
   */
  public double areaSquareMetres() {
    return tree.areaAt(index);
  }

  /**
   * Returns the urban-rural class, if set.
   *
   * @return the class
   */
  public Optional<UrbanRuralClass> urbanRural() {
    int b = tree.urbanRuralBits(index);
    return b == 0 ? Optional.empty() : Optional.of(UrbanRuralClass.values()[b - 1]);
  }

  /**
   * Returns the grid type, if set.
   *
   * @return the type
   */
  public Optional<GridType> gridType() {
    int b = tree.gridTypeBits(index);
    return b == 0 ? Optional.empty() : Optional.of(GridType.values()[b - 1]);
  }

  /**
   * Returns the free tags.
   *
   * @return the tags, sorted; empty if none
   */
  public ImmutableSortedSet<String> tags() {
    return tree.tagsAt(index);
  }

  /**
   * Returns the parent.
   *
   * @return the parent, or empty for a district
   */
  public Optional<Region> parent() {
    int p = tree.parentAt(index);
    return p < 0 ? Optional.empty() : Optional.of(new Region(tree, p));
  }

  /**
   * Returns the children, in code order.
   *
   * @return the children
   */
  public ImmutableList<Region> children() {
    ImmutableList.Builder<Region> b = ImmutableList.builder();
    int stop = tree.endAt(index);
    for (int c = index + 1; c < stop; c = tree.endAt(c)) {
      b.add(new Region(tree, c));
    }
    return b.build();
  }

  /**
   * Returns the ancestors, nearest first (parent, grandparent, ..., district).
   *
   * @return the ancestors; empty for a district
   */
  public ImmutableList<Region> ancestors() {
    ImmutableList.Builder<Region> b = ImmutableList.builder();
    for (int p = tree.parentAt(index); p >= 0; p = tree.parentAt(p)) {
      b.add(new Region(tree, p));
    }
    return b.build();
  }

  /**
   * Returns the ancestor at a level, or this region if it is at that level.
   *
   * @param level a level
   * @return the region at that level on the path to the root; empty if the level is below this
   *     region's
   */
  public Optional<Region> ancestorAt(RegionLevel level) {
    int d = level.depth();
    int x = index;
    while (x >= 0 && tree.depthAt(x) > d) {
      x = tree.parentAt(x);
    }
    return x >= 0 && tree.depthAt(x) == d ? Optional.of(new Region(tree, x)) : Optional.empty();
  }

  /**
   * Returns the descendants at a level, in pre-order; O(size of the subtree).
   *
   * @param level a level
   * @return the descendants at that level (this region itself if it is at that level)
   */
  public ImmutableList<Region> descendantsAt(RegionLevel level) {
    ImmutableList.Builder<Region> b = ImmutableList.builder();
    int d = level.depth();
    int stop = tree.endAt(index);
    for (int i = index; i < stop; i++) {
      if (tree.depthAt(i) == d) {
        b.add(new Region(tree, i));
      }
    }
    return b.build();
  }

  /**
   * Returns whether this region is a strict ancestor of another (a region is not its own ancestor).
   * O(1).
   *
   * @param other a region of the same tree
   * @return {@code true} if {@code other} is a proper descendant of this region
   * @throws IllegalArgumentException if {@code other} belongs to another tree
   */
  public boolean isAncestorOf(Region other) {
    checkSameTree(other);
    return tree.isAncestorOf(index, other.index);
  }

  /**
   * Returns whether another region lies in this region's subtree, this region included. O(1).
   *
   * @param other a region of the same tree
   * @return {@code true} if {@code other} is this region or one of its descendants
   * @throws IllegalArgumentException if {@code other} belongs to another tree
   */
  public boolean contains(Region other) {
    checkSameTree(other);
    return tree.contains(index, other.index);
  }

  /**
   * Returns whether the region with a code lies in this region's subtree, this region included.
   * O(1) expected: one code lookup and a range check. Use it as a {@link
   * java.util.function.LongPredicate} over case locations, e.g. {@code
   * IndicatorQuery.builder().regionFilter(street::containsCode)}.
   *
   * @param code a region code
   * @return {@code true} if the tree has a region with that code and it is this region or one of
   *     its descendants; {@code false} for a code the tree does not hold
   */
  public boolean containsCode(long code) {
    int other = tree.indexOf(code);
    return other >= 0 && tree.contains(index, other);
  }

  private void checkSameTree(Region other) {
    checkArgument(other.tree == tree, "region %s belongs to another tree than %s", other, this);
  }

  /**
   * Returns the total population of the subtree, O(1).
   *
   * @return the subtree population
   */
  public long subtreePopulation() {
    return tree.subtreePopulation(index);
  }

  /**
   * Returns the total households of the subtree, O(1).
   *
   * @return the subtree households
   */
  public long subtreeHouseholds() {
    return tree.subtreeHouseholds(index);
  }

  /**
   * Returns the number of units in the subtree (1 for a unit), O(1).
   *
   * @return the unit count
   */
  public int unitCount() {
    return tree.subtreeUnits(index);
  }

  /**
   * Returns the number of regions in the subtree, this one included, O(1).
   *
   * @return the subtree size
   */
  public int subtreeSize() {
    return tree.endAt(index) - index;
  }

  /**
   * Returns a subtree measure, O(1).
   *
   * @param measure what to measure
   * @return the value
   */
  public long measure(SubtreeMeasure measure) {
    return tree.measure(index, measure);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Region other && other.tree == tree && other.index == index;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(tree) * 31 + index;
  }

  /** Returns e.g. {@code GRID 350302001001001 第1网格}. */
  @Override
  public String toString() {
    return level() + " " + code() + " " + name();
  }
}
