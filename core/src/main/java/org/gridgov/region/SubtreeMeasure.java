package org.gridgov.region;

/** A quantity summed over a region's subtree (the region and all its descendants). */
public enum SubtreeMeasure {
  /** The number of {@link RegionLevel#UNIT} regions. */
  UNITS,
  /** The total households. */
  HOUSEHOLDS,
  /** The total population. */
  POPULATION,
  /** The number of regions, the region itself included. */
  REGIONS
}
