package org.gridgov.routing;

import java.util.Optional;
import org.gridgov.region.RegionLevel;

/**
 * The level a handler works at, lowest first: grid station, community, street centre, district
 * command centre, and a city centre above the districts. Departments have a level too (a district
 * bureau is {@link #DISTRICT}).
 */
public enum HandlerLevel {
  /** 网格工作站: the grid worker. */
  GRID,
  /** 社区/村委会. */
  COMMUNITY,
  /** 街道/乡镇综治中心. */
  STREET,
  /** 区/县指挥中心 and district bureaus. */
  DISTRICT,
  /** 市级指挥中心, above every district of a tree. */
  CITY;

  /**
   * Returns the handler level of a region level's office.
   *
   * @param level a region level
   * @return the office level; units have no office of their own, so {@code UNIT} maps to {@link
   *     #GRID}
   */
  public static HandlerLevel ofRegionLevel(RegionLevel level) {
    return switch (level) {
      case DISTRICT -> DISTRICT;
      case STREET -> STREET;
      case COMMUNITY -> COMMUNITY;
      case GRID, UNIT -> GRID;
    };
  }

  /**
   * Returns the region level whose regions have offices at this level.
   *
   * @return the region level, or empty for {@link #CITY} (above every region)
   */
  public Optional<RegionLevel> regionLevel() {
    return switch (this) {
      case GRID -> Optional.of(RegionLevel.GRID);
      case COMMUNITY -> Optional.of(RegionLevel.COMMUNITY);
      case STREET -> Optional.of(RegionLevel.STREET);
      case DISTRICT -> Optional.of(RegionLevel.DISTRICT);
      case CITY -> Optional.empty();
    };
  }
}
