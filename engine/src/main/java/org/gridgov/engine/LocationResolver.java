package org.gridgov.engine;

import java.util.OptionalLong;
import org.gridgov.casefile.ReportedPoint;

/**
 * Resolves a reported point to the region of the tree it lies in (a unit, or the deepest level that
 * has geometry), for {@link Command.ReportAt}. The engine knows no geometry: an embedder plugs in
 * gridgov-geo's {@code RegionLocator} (or any gazetteer) with a lambda, so geometry libraries never
 * become engine dependencies:
 *
 * <pre>{@code
 * RegionLocator locator = RegionLocator.of(geometry, OutsidePolicy.refuse());
 * LocationResolver resolver = point ->
 *     locator.locate(point.revealLongitude(), point.revealLatitude())
 *         .map(location -> OptionalLong.of(location.region().code()))
 *         .orElse(OptionalLong.empty());
 * }</pre>
 *
 * <p>Implementations must be pure and deterministic (the same point gives the same region for one
 * tree edition), since replaying the log never calls them again: the resolved region is recorded in
 * the case's facts.
 */
@FunctionalInterface
public interface LocationResolver {
  /** Resolves nothing: every {@link Command.ReportAt} is refused. The default. */
  LocationResolver NONE = point -> OptionalLong.empty();

  /**
   * Returns the code of the region the point lies in.
   *
   * @param point the reported point (WGS-84)
   * @return the region code, or empty when the point lies in no region
   */
  OptionalLong regionAt(ReportedPoint point);
}
