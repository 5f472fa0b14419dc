package org.gridgov.region;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a batch of edits did: the tree {@linkplain #before() before}, the tree {@linkplain #after()
 * after}, and for every region of the old tree where it went.
 *
 * <p>{@link #newCode(long)} maps <em>any</em> code of the old tree: a region that an edit touched
 * is looked up in {@link #changes()}; every other region kept its code (implicitly mapped to
 * itself). A retired region maps to empty. A grid merged into another, or dissolved by a
 * re-gridding, maps to the grid that took over its units. Immutable and thread-safe.
 */
public final class RegionTreeDiff {

  /** What happened to a region. */
  public enum Kind {
    /** A unit moved to another grid. */
    MOVED,
    /**
     * A grid merged into another (the survivor is recorded too, mapped to itself), or a unit moved
     * with it.
     */
    MERGED,
    /** A grid was split (recorded mapped to itself), or a unit moved to a new grid by the split. */
    SPLIT,
    /** A community was re-gridded: its old grids and all its units got new codes. */
    REGRIDDED,
    /** The region and its subtree were retired. */
    RETIRED
  }

  /**
   * One region of the old tree touched by the edits.
   *
   * @param oldCode its code in the old tree
   * @param newCode its code (or its successor's) in the new tree; empty if retired
   * @param kind the last kind of edit that touched it
   */
  public record Change(long oldCode, OptionalLong newCode, Kind kind) {}

  private final RegionTree before;
  private final RegionTree after;
  private final long[] oldCodes;
  private final long[] newCodes;
  private final boolean[] retired;
  private final Kind[] kinds;

  RegionTreeDiff(
      RegionTree before,
      RegionTree after,
      long[] oldCodes,
      long[] newCodes,
      boolean[] retired,
      Kind[] kinds) {
    this.before = before;
    this.after = after;
    this.oldCodes = oldCodes;
    this.newCodes = newCodes;
    this.retired = retired;
    this.kinds = kinds;
  }

  /**
   * Returns the tree the edits started from (unchanged).
   *
   * @return the old tree
   */
  public RegionTree before() {
    return before;
  }

  /**
   * Returns the tree the edits produced.
   *
   * @return the new tree
   */
  public RegionTree after() {
    return after;
  }

  /**
   * Maps a code of the old tree to the new tree.
   *
   * @param oldCode a code of a region of {@link #before()}
   * @return the new code; the same code if the region was not touched; empty if it was retired
   * @throws IllegalArgumentException if the old tree has no such region
   */
  public OptionalLong newCode(long oldCode) {
    int k = Arrays.binarySearch(oldCodes, oldCode);
    if (k >= 0) {
      return retired[k] ? OptionalLong.empty() : OptionalLong.of(newCodes[k]);
    }
    checkArgument(
        before.indexOf(oldCode) >= 0,
        "%s is not a region of the old tree (edition %s)",
        oldCode,
        before.edition());
    return OptionalLong.of(oldCode);
  }

  /**
   * Maps a code of the old tree to the region of the new tree.
   *
   * @param oldCode a code of a region of {@link #before()}
   * @return the region in {@link #after()}, or empty if retired
   * @throws IllegalArgumentException if the old tree has no such region
   */
  public Optional<Region> newRegion(long oldCode) {
    OptionalLong c = newCode(oldCode);
    return c.isPresent() ? Optional.of(after.get(c.getAsLong())) : Optional.empty();
  }

  /**
   * Returns every region of the old tree that an edit touched, in ascending old code.
   *
   * @return the changes
   */
  public ImmutableList<Change> changes() {
    ImmutableList.Builder<Change> b = ImmutableList.builderWithExpectedSize(oldCodes.length);
    for (int k = 0; k < oldCodes.length; k++) {
      b.add(
          new Change(
              oldCodes[k],
              retired[k] ? OptionalLong.empty() : OptionalLong.of(newCodes[k]),
              kinds[k]));
    }
    return b.build();
  }

  /** Returns e.g. {@code RegionTreeDiff[2024-01-01 -> 2025-01-01, 17 changes]}. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "RegionTreeDiff[%s -> %s, %d changes]",
        before.edition(),
        after.edition(),
        oldCodes.length);
  }
}
