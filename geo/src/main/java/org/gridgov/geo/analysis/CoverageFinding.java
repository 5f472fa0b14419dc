package org.gridgov.geo.analysis;

import com.google.common.collect.ImmutableList;
import java.util.Locale;
import java.util.Objects;
import org.gridgov.geo.LonLat;

/**
 * One located finding of a {@link CoverageAnalysis}.
 *
 * @param kind what was found
 * @param severity how bad it is
 * @param parentCode the region whose coverage by its children is at fault
 * @param childCodes the children involved, ascending: the two of an overlap, the one outside its
 *     parent; empty for a gap
 * @param areaSquareMetres the area of the gap, overlap or protruding part, in m² (local metric, see
 *     docs/geo.md)
 * @param point a point inside that area (JTS interior point), for a map or a site visit
 * @param message a sentence for people
 */
public record CoverageFinding(
    Kind kind,
    Severity severity,
    long parentCode,
    ImmutableList<Long> childCodes,
    double areaSquareMetres,
    LonLat point,
    String message) {

  /** Kinds of finding. */
  public enum Kind {
    /** 留白: part of the parent that no child covers, at least the sliver threshold in area. */
    GAP,
    /** 职责交叉: two children cover the same area, at least the sliver threshold. */
    OVERLAP,
    /**
     * A gap or overlap below the sliver threshold (and above the noise floor): usually a digitising
     * slip.
     */
    SLIVER,
    /** Part of a child lies outside its parent. */
    OUTSIDE_PARENT
  }

  /** How bad a finding is. */
  public enum Severity {
    /** Residents' reports in this area go to no grid, or to two: fix before use. */
    ERROR,
    /** Too small to matter for locating reports, but the data are not clean. */
    WARNING
  }

  /**
   * Validates the components.
   *
   * @param kind what was found
   * @param severity how bad
   * @param parentCode the parent
   * @param childCodes the children involved
   * @param areaSquareMetres the area in m²
   * @param point a point in the area
   * @param message a sentence for people
   */
  public CoverageFinding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(childCodes, "childCodes");
    Objects.requireNonNull(point, "point");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "%s %s at region %d: %s", severity, kind, parentCode, message);
  }
}
