package org.gridgov.routing.internal;

import com.google.common.primitives.ImmutableLongArray;
import java.util.Locale;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.RoutingRequest;

/** Resolves a case's location codes to one region of a tree. */
public final class Locations {
  /** Returned when the locations lie in different districts (no common region). */
  public static final int NO_COMMON_REGION = -1;

  private Locations() {}

  /**
   * Returns the index of the lowest common ancestor of the case's locations (the location itself
   * for one code).
   *
   * @param tree the tree
   * @param request the request
   * @return the region index, or {@link #NO_COMMON_REGION} when the locations lie in different
   *     districts
   * @throws IllegalArgumentException naming the case and the code if a location is not in the tree
   */
  public static int regionIndex(RegionTree tree, RoutingRequest request) {
    ImmutableLongArray codes = request.facts().locationCodes();
    int lca = index(tree, request, codes.get(0));
    for (int i = 1; i < codes.length(); i++) {
      int other = index(tree, request, codes.get(i));
      if (lca >= 0) {
        lca = tree.lowestCommonAncestorIndex(lca, other);
      }
    }
    return lca;
  }

  /**
   * Returns the index of every location, in order.
   *
   * @param tree the tree
   * @param request the request
   * @return the indexes
   * @throws IllegalArgumentException naming the case and the code if a location is not in the tree
   */
  public static int[] allIndexes(RegionTree tree, RoutingRequest request) {
    ImmutableLongArray codes = request.facts().locationCodes();
    int[] out = new int[codes.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = index(tree, request, codes.get(i));
    }
    return out;
  }

  private static int index(RegionTree tree, RoutingRequest request, long code) {
    int i = tree.indexOf(code);
    if (i < 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "case %s: location %d is not a region of the routing tree (edition %s)",
              request.facts().id().value(),
              code,
              tree.edition()));
    }
    return i;
  }
}
