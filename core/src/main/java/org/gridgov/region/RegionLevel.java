package org.gridgov.region;

import java.util.Optional;

/**
 * The five levels of a governance region tree, from the root down. Every child is exactly one level
 * below its parent.
 */
public enum RegionLevel {
  /** 区/县: a county-level district, the root of a governance tree. */
  DISTRICT(0, "区/县"),
  /** 街道/乡镇: a street office or township. */
  STREET(1, "街道/乡镇"),
  /** 社区/村: a residents' or villagers' committee. */
  COMMUNITY(2, "社区/村"),
  /** 网格: the smallest area with a named grid worker; it lies in exactly one community. */
  GRID(3, "网格"),
  /** 单元: a building, a shop, a hospital department: about a hundred people. */
  UNIT(4, "单元");

  /** Indexed by depth: declaration order is depth order. */
  private static final RegionLevel[] VALUES = values();

  private final int depth;
  private final String chineseName;

  RegionLevel(int depth, String chineseName) {
    this.depth = depth;
    this.chineseName = chineseName;
  }

  /**
   * Returns the Chinese name of the level, e.g. {@code 网格}.
   *
   * @return the Chinese name
   */
  public String chineseName() {
    return chineseName;
  }

  /**
   * Returns the depth of this level: 0 for {@link #DISTRICT} up to 4 for {@link #UNIT}.
   *
   * @return the depth
   */
  public int depth() {
    return depth;
  }

  /**
   * Returns the level one below this one.
   *
   * @return the child level, or empty for {@link #UNIT}
   */
  public Optional<RegionLevel> childLevel() {
    return this == UNIT ? Optional.empty() : Optional.of(VALUES[depth + 1]);
  }

  /**
   * Returns the level one above this one.
   *
   * @return the parent level, or empty for {@link #DISTRICT}
   */
  public Optional<RegionLevel> parentLevel() {
    return this == DISTRICT ? Optional.empty() : Optional.of(VALUES[depth - 1]);
  }

  /**
   * Returns the level at a depth.
   *
   * @param depth 0 to 4
   * @return the level
   * @throws IllegalArgumentException if {@code depth} is out of range
   */
  public static RegionLevel ofDepth(int depth) {
    if (depth < 0 || depth >= VALUES.length) {
      throw new IllegalArgumentException(
          "region level depth must be 0 (DISTRICT) to 4 (UNIT) but was " + depth);
    }
    return VALUES[depth];
  }
}
