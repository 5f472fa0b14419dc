package org.gridgov.geo;

import com.google.common.collect.ImmutableList;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;

/**
 * Where {@link RegionLocator} placed a point: the deepest region with geometry that contains it (or
 * the nearest one, by {@link OutsidePolicy}), and through the tree its grid, community, street and
 * district.
 *
 * @param region the deepest region found
 * @param match whether the point lies in the region or was placed in the nearest one
 * @param distanceMetres 0 when inside; else the distance to the region's boundary in metres (local
 *     metric)
 */
public record Location(Region region, Match match, double distanceMetres) {

  /** How the point was placed. */
  public enum Match {
    /** The region's closed polygon contains the point (its boundary included). */
    INSIDE,
    /**
     * No polygon contains the point; the region is the nearest within the outside policy's
     * distance.
     */
    NEAREST
  }

  /**
   * Validates the components.
   *
   * @param region the deepest region found
   * @param match how the point was placed
   * @param distanceMetres 0 when inside, else the distance in metres
   */
  public Location {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(match, "match");
  }

  /**
   * Returns the path from the district down to the region.
   *
   * @return the regions, root first
   */
  public ImmutableList<Region> path() {
    return ImmutableList.<Region>builder().addAll(region.ancestors().reverse()).add(region).build();
  }

  /**
   * Returns the region on the path at a level.
   *
   * @param level the level
   * @return the region at that level; empty if the found region is above it
   */
  public Optional<Region> at(RegionLevel level) {
    return region.ancestorAt(level);
  }

  @Override
  public String toString() {
    return match == Match.INSIDE
        ? "in " + region
        : String.format(Locale.ROOT, "nearest %s at %.1f m", region, distanceMetres);
  }
}
