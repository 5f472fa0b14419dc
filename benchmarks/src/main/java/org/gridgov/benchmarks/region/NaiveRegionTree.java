package org.gridgov.benchmarks.region;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.region.GridType;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.UrbanRuralClass;
import org.jspecify.annotations.Nullable;

/**
 * The baseline: the region tree as most code would first write it. One {@link Node} object per
 * region with a parent pointer and a child list, and a {@code HashMap<Long, Node>} index by code.
 * Same attributes as {@link org.gridgov.region.RegionTree}.
 */
public final class NaiveRegionTree {

  /** One region. */
  public static final class Node {
    final long code;
    final RegionLevel level;
    final String name;
    final int population;
    final int households;
    final float area;
    final @Nullable UrbanRuralClass urbanRural;
    final @Nullable GridType gridType;
    final Set<String> tags;
    @Nullable Node parent;
    final List<Node> children = new ArrayList<>();

    Node(
        long code,
        RegionLevel level,
        String name,
        int population,
        int households,
        float area,
        @Nullable UrbanRuralClass urbanRural,
        @Nullable GridType gridType,
        Set<String> tags) {
      this.code = code;
      this.level = level;
      this.name = name;
      this.population = population;
      this.households = households;
      this.area = area;
      this.urbanRural = urbanRural;
      this.gridType = gridType;
      this.tags = tags;
    }

    /**
     * Returns the code.
     *
     * @return the code
     */
    public long code() {
      return code;
    }
  }

  private final Map<Long, Node> byCode;
  private final List<Node> roots;

  private NaiveRegionTree(Map<Long, Node> byCode, List<Node> roots) {
    this.byCode = byCode;
    this.roots = roots;
  }

  /**
   * Builds the tree from rows (parents may come after children).
   *
   * @param in the rows
   * @return the tree
   */
  public static NaiveRegionTree build(RegionInput in) {
    Map<Long, Node> byCode = new HashMap<>();
    RegionLevel[] levels = RegionLevel.values();
    Node[] nodes = new Node[in.size];
    for (int i = 0; i < in.size; i++) {
      Node n =
          new Node(
              in.codes[i],
              levels[in.depths[i]],
              in.names[i],
              in.population[i],
              in.households[i],
              in.area[i],
              in.urbanRural[i],
              in.gridType[i],
              Collections.emptySet());
      nodes[i] = n;
      if (byCode.put(n.code, n) != null) {
        throw new IllegalArgumentException("duplicate code " + n.code);
      }
    }
    List<Node> roots = new ArrayList<>();
    for (int i = 0; i < in.size; i++) {
      Node n = nodes[i];
      if (in.depths[i] == 0) {
        roots.add(n);
      } else {
        Node p = byCode.get(in.parents[i]);
        if (p == null) {
          throw new IllegalArgumentException("unknown parent " + in.parents[i]);
        }
        n.parent = p;
        p.children.add(n);
      }
    }
    return new NaiveRegionTree(byCode, roots);
  }

  /**
   * Finds a node.
   *
   * @param code the code
   * @return the node or null
   */
  public @Nullable Node find(long code) {
    return byCode.get(code);
  }

  /**
   * Returns the number of districts.
   *
   * @return the count
   */
  public int rootCount() {
    return roots.size();
  }

  /**
   * Strict ancestor test by walking parents.
   *
   * @param a candidate ancestor
   * @param b node
   * @return whether a is a proper ancestor of b
   */
  public static boolean isAncestorOf(Node a, Node b) {
    for (Node x = b.parent; x != null; x = x.parent) {
      if (x == a) {
        return true;
      }
    }
    return false;
  }

  /**
   * Lowest common ancestor by lifting the deeper node, then both.
   *
   * @param a a node
   * @param b a node
   * @return the LCA or null
   */
  public static @Nullable Node lowestCommonAncestor(Node a, Node b) {
    Node x = a;
    Node y = b;
    while (x != null && y != null && x.level.depth() > y.level.depth()) {
      x = x.parent;
    }
    while (x != null && y != null && y.level.depth() > x.level.depth()) {
      y = y.parent;
    }
    while (x != null && x != y) {
      x = x.parent;
      y = y == null ? null : y.parent;
    }
    return x;
  }
}
