package org.gridgov.engine;

import java.util.Optional;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.region.Region;
import org.gridgov.region.RegionTree;
import org.gridgov.region.UrbanRuralClass;
import org.jspecify.annotations.Nullable;

/**
 * The urban-rural class of a case's location, for the SLA rules: the class of the nearest region on
 * the path to the root that has one ({@code MAIN_URBAN} if none does), memoised per region index.
 */
final class UrbanClasses {
  private final RegionTree tree;
  private final @Nullable UrbanRuralClass[] byIndex; // per region index, filled on first use

  UrbanClasses(RegionTree tree) {
    this.tree = tree;
    this.byIndex = new UrbanRuralClass[tree.size()];
  }

  /**
   * The class of a case whose first location has tree index {@code loc} (a region of the tree: the
   * dispatcher checks it at report, the restorer at restore).
   */
  UrbanRuralClass of(CaseFacts facts, int loc) {
    UrbanRuralClass cached = byIndex[loc];
    if (cached != null) {
      return cached;
    }
    UrbanRuralClass u = lookUp(loc);
    byIndex[loc] = u;
    return u;
  }

  private UrbanRuralClass lookUp(int loc) {
    Optional<Region> r = Optional.of(tree.region(loc)); // by index: no code look-up
    while (r.isPresent()) {
      if (r.get().urbanRural().isPresent()) {
        return r.get().urbanRural().get();
      }
      r = r.get().parent();
    }
    return UrbanRuralClass.MAIN_URBAN;
  }
}
