package org.gridgov.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.ReportedPoint;
import org.jspecify.annotations.Nullable;

/**
 * The repeat-report index of the {@link CaseAnnex}: the reported cases (not merged, not invalid) by
 * category and first location code, and, when the repeat rule has a radius, the cases reported at a
 * point by category and band of latitude as wide as the radius. A candidate matches a new report of
 * its category when both were reported at a point and lie within the radius (great-circle
 * distance), or otherwise when both have the same first location code. The latest indexed match
 * wins.
 */
final class RepeatIndex {
  /** Metres per degree of latitude at the equator, where a degree is shortest (WGS-84). */
  private static final double MIN_METRES_PER_DEGREE_LATITUDE = 110_574.0;

  /** The WGS-84 mean earth radius in metres. */
  static final double MEAN_EARTH_RADIUS_METRES = 6_371_008.8;

  /** The unit index's key: a category at a location code. */
  private record Place(String categoryCode, long locationCode) {}

  /** The point index's key: a category in a band of latitude. */
  private record Band(String categoryCode, long band) {}

  /** An indexed case, with the order it was indexed in. */
  private record Ref(CaseId id, long seq, CaseFacts facts) {}

  private final OptionalDouble radiusMetres;
  private final double bandDegrees;
  private final HashMap<Place, List<Ref>> places = new HashMap<>();
  private final HashMap<Band, List<Ref>> bands = new HashMap<>();
  private long seq;

  /**
   * Creates an empty index.
   *
   * @param radiusMetres the repeat rule's radius, if it matches by distance
   */
  RepeatIndex(OptionalDouble radiusMetres) {
    this.radiusMetres = radiusMetres;
    this.bandDegrees =
        radiusMetres.isPresent()
            ? Math.max(radiusMetres.getAsDouble(), 1.0) / MIN_METRES_PER_DEGREE_LATITUDE
            : 1.0;
  }

  /** Adds a reported case. */
  void add(CaseFacts f) {
    Ref r = new Ref(f.id(), seq++, f);
    places.computeIfAbsent(placeOf(f), k -> new ArrayList<>(2)).add(r);
    Optional<ReportedPoint> p = f.point();
    if (radiusMetres.isPresent() && p.isPresent()) {
      bands.computeIfAbsent(bandOf(f, p.get()), k -> new ArrayList<>(2)).add(r);
    }
  }

  /** Removes a case (merged, invalid or released). */
  void remove(CaseFacts f) {
    removeFrom(places, placeOf(f), f.id());
    Optional<ReportedPoint> p = f.point();
    if (radiusMetres.isPresent() && p.isPresent()) {
      removeFrom(bands, bandOf(f, p.get()), f.id());
    }
  }

  private static <K> void removeFrom(Map<K, List<Ref>> idx, K key, CaseId id) {
    List<Ref> refs = idx.get(key);
    if (refs != null) {
      refs.removeIf(r -> r.id().equals(id));
      if (refs.isEmpty()) {
        idx.remove(key);
      }
    }
  }

  /**
   * The case a new report repeats: the latest indexed match that is open, or closed at most {@code
   * window} before {@code at}. Cases the store no longer knows, or closed longer ago than the
   * window, leave the index on the way.
   */
  Optional<CaseRecord> target(CaseFacts report, Instant at, Duration window, CaseStore store) {
    Optional<ReportedPoint> point = report.point();
    boolean byDistance = radiusMetres.isPresent() && point.isPresent();
    Found best = new Found();
    scan(places, placeOf(report), best, at, window, store, r -> !byDistance || r.point().isEmpty());
    if (byDistance) {
      ReportedPoint p = point.get();
      double radius = radiusMetres.getAsDouble();
      long band = bandOf(report, p).band();
      for (long b = band - 1; b <= band + 1; b++) {
        scan(
            bands,
            new Band(report.categoryCode(), b),
            best,
            at,
            window,
            store,
            r -> r.point().isPresent() && metres(p, r.point().get()) <= radius);
      }
    }
    return Optional.ofNullable(best.record);
  }

  /** The best match so far. */
  private static final class Found {
    private long seq = -1;
    private @Nullable CaseRecord record;
  }

  private static <K> void scan(
      Map<K, List<Ref>> idx,
      K key,
      Found best,
      Instant at,
      Duration window,
      CaseStore store,
      Predicate<CaseFacts> match) {
    List<Ref> refs = idx.get(key);
    if (refs == null) {
      return;
    }
    for (int i = refs.size() - 1; i >= 0; i--) {
      Ref ref = refs.get(i);
      CaseRecord r = store.record(ref.id());
      if (r == null || stale(r.state(), at, window)) {
        refs.remove(i);
        continue;
      }
      if (ref.seq() > best.seq && match.test(ref.facts())) {
        best.seq = ref.seq();
        best.record = r;
      }
    }
    if (refs.isEmpty()) {
      idx.remove(key);
    }
  }

  private static boolean stale(CaseState s, Instant at, Duration window) {
    if (CaseStore.isOpen(s.status())) {
      return false;
    }
    Optional<Instant> closed = s.closedAt();
    return closed.isEmpty() || closed.get().plus(window).isBefore(at);
  }

  private static Place placeOf(CaseFacts f) {
    return new Place(f.categoryCode(), f.locationCodes().get(0));
  }

  private Band bandOf(CaseFacts f, ReportedPoint p) {
    return new Band(f.categoryCode(), (long) Math.floor(p.revealLatitude() / bandDegrees));
  }

  /**
   * The great-circle distance between two points in metres (haversine, on the sphere of the WGS-84
   * mean radius; within 0.5 % of the ellipsoid, which is finer than a reported point).
   *
   * @param a a point
   * @param b another point
   * @return the distance in metres
   */
  static double metres(ReportedPoint a, ReportedPoint b) {
    double lat1 = Math.toRadians(a.revealLatitude());
    double lat2 = Math.toRadians(b.revealLatitude());
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(b.revealLongitude() - a.revealLongitude());
    double s =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * MEAN_EARTH_RADIUS_METRES * Math.asin(Math.min(1.0, Math.sqrt(s)));
  }
}
