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

  /** The point index's key: a category in a band of latitude. */
  private record Band(String categoryCode, long band) {}

  /** An indexed case, with the order it was indexed in. */
  private record Ref(CaseId id, long seq, CaseFacts facts) {}

  private final OptionalDouble radiusMetres;
  private final double bandDegrees;
  // the unit index: per category and first location code, a Ref, or a List of two or more
  private final PlaceTable<Object> places = new PlaceTable<>();
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
    String category = f.categoryCode();
    long code = f.locationCodes().get(0);
    Object held = places.get(category, code);
    if (held == null) {
      places.put(category, code, r);
    } else if (held instanceof Ref one) {
      List<Ref> two = new ArrayList<>(2);
      two.add(one);
      two.add(r);
      places.put(category, code, two);
    } else {
      refs(held).add(r);
    }
    Optional<ReportedPoint> p = f.point();
    if (radiusMetres.isPresent() && p.isPresent()) {
      bands.computeIfAbsent(bandOf(f, p.get()), k -> new ArrayList<>(2)).add(r);
    }
  }

  /** Removes a case (merged, invalid or released). */
  void remove(CaseFacts f) {
    String category = f.categoryCode();
    long code = f.locationCodes().get(0);
    Object held = places.get(category, code);
    if (held instanceof Ref one) {
      if (one.id().equals(f.id())) {
        places.remove(category, code);
      }
    } else if (held != null) {
      List<Ref> refs = refs(held);
      refs.removeIf(r -> r.id().equals(f.id()));
      settle(category, code, refs);
    }
    Optional<ReportedPoint> p = f.point();
    if (radiusMetres.isPresent() && p.isPresent()) {
      removeFrom(bands, bandOf(f, p.get()), f.id());
    }
  }

  @SuppressWarnings("unchecked") // a held value that is not a Ref is a List<Ref>
  private static List<Ref> refs(Object held) {
    return (List<Ref>) held;
  }

  /** A place's list after removals: gone when empty, its one Ref when one is left. */
  private void settle(String category, long code, List<Ref> refs) {
    if (refs.isEmpty()) {
      places.remove(category, code);
    } else if (refs.size() == 1) {
      places.put(category, code, refs.get(0));
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
    scanPlace(report, best, at, window, store, r -> !byDistance || r.point().isEmpty());
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

  /** {@link #scan} over the unit index's place of a report. */
  private void scanPlace(
      CaseFacts report,
      Found best,
      Instant at,
      Duration window,
      CaseStore store,
      Predicate<CaseFacts> match) {
    String category = report.categoryCode();
    long code = report.locationCodes().get(0);
    Object held = places.get(category, code);
    if (held instanceof Ref one) {
      if (!consider(one, best, at, window, store, match)) {
        places.remove(category, code);
      }
    } else if (held != null) {
      List<Ref> refs = refs(held);
      scanList(refs, best, at, window, store, match);
      settle(category, code, refs);
    }
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
    scanList(refs, best, at, window, store, match);
    if (refs.isEmpty()) {
      idx.remove(key);
    }
  }

  /** Considers every ref of a list, latest first, and drops the stale ones. */
  private static void scanList(
      List<Ref> refs,
      Found best,
      Instant at,
      Duration window,
      CaseStore store,
      Predicate<CaseFacts> match) {
    for (int i = refs.size() - 1; i >= 0; i--) {
      if (!consider(refs.get(i), best, at, window, store, match)) {
        refs.remove(i);
      }
    }
  }

  /**
   * Makes a ref the best match if it matches and is later than the best so far; false if it is
   * stale (its case is gone, or closed longer ago than the window) and should leave the index.
   */
  private static boolean consider(
      Ref ref,
      Found best,
      Instant at,
      Duration window,
      CaseStore store,
      Predicate<CaseFacts> match) {
    CaseRecord r = store.record(ref.id());
    if (r == null || stale(r.state(), at, window)) {
      return false;
    }
    if (ref.seq() > best.seq && match.test(ref.facts())) {
      best.seq = ref.seq();
      best.record = r;
    }
    return true;
  }

  private static boolean stale(CaseState s, Instant at, Duration window) {
    if (CaseStore.isOpen(s.status())) {
      return false;
    }
    Optional<Instant> closed = s.closedAt();
    return closed.isEmpty() || closed.get().plus(window).isBefore(at);
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
