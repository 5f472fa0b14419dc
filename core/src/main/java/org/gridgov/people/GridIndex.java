package org.gridgov.people;

import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;

/**
 * Per-index facts of a region tree the people package needs, computed once per tree and shared by
 * every registry edition over it: subtree ends, which indexes are grids, and grid counts by prefix
 * sum. The grids an assignment covers are the grids in one contiguous pre-order index range.
 */
@SuppressWarnings("EnumOrdinal") // levels packed by ordinal, as in RegionTree
final class GridIndex {
  final RegionTree tree;
  private final int[] end;
  private final int[] parent;
  private final boolean[] grid;
  private final int[] gridPrefix;
  private final byte[] depth;

  GridIndex(RegionTree tree) {
    this.tree = tree;
    int n = tree.size();
    end = new int[n];
    parent = new int[n];
    grid = new boolean[n];
    depth = new byte[n];
    gridPrefix = new int[n + 1];
    for (int i = 0; i < n; i++) {
      Region r = tree.region(i);
      end[i] = i + r.subtreeSize();
      parent[i] = r.parent().map(Region::index).orElse(-1);
      depth[i] = (byte) r.level().ordinal();
      grid[i] = r.level() == RegionLevel.GRID;
      gridPrefix[i + 1] = gridPrefix[i] + (grid[i] ? 1 : 0);
    }
  }

  int size() {
    return end.length;
  }

  boolean isGrid(int i) {
    return grid[i];
  }

  int parent(int i) {
    return parent[i];
  }

  int end(int i) {
    return end[i];
  }

  /** The first index of the grid range a region covers: its grid ancestor for units. */
  int coverStart(int i) {
    int k = i;
    while (depth[k] > RegionLevel.GRID.ordinal()) {
      k = parent[k];
    }
    return k;
  }

  /** The index after the grid range a region covers. */
  int coverEnd(int i) {
    return end[coverStart(i)];
  }

  /** The number of grids in {@code [from, to)}. */
  int gridsIn(int from, int to) {
    return gridPrefix[to] - gridPrefix[from];
  }
}
