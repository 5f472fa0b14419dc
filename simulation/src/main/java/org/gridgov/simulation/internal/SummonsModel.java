package org.gridgov.simulation.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.simulation.Distribution;
import org.gridgov.simulation.RandomStreams;
import org.gridgov.simulation.Summons;
import org.jspecify.annotations.Nullable;

/**
 * Summoned departments on their way (吹哨报到) in one replication: each summoned department's travel
 * time (drawn from the own stream {@code summons}, created only when the mechanism is on), the
 * arrivals pending, and the counts behind the metrics {@code summons_on_time_share} and {@code
 * mean_summons_arrival_minutes}.
 *
 * <p>An arrival is <em>counted</em> when the department reached the site while its summons was
 * still pending (it reports, {@code Arrive}), or after the summons' limit (late, whether or not the
 * summons was still pending then). A department whose summons ended before it got there within the
 * limit (the case was resolved, returned or escalated first) is not counted: nobody could tell
 * whether it would have come in time.
 */
final class SummonsModel {
  private static final double MINUTE_MS = 60_000.0;

  private final Summons spec;
  private final SplittableRandom draws;
  private final RegionTree tree;
  private final Map<Long, Double> districtRadiusKm = new HashMap<>();

  // Pending arrivals by slot; freed slots are reused (a stack of free slots).
  private int[] ordinal = new int[64];
  private @Nullable String[] department = new String[64];
  private long[] summonedAt = new long[64];
  private long[] limitMillis = new long[64];
  private boolean[] measured = new boolean[64];
  private int[] free = new int[64];
  private int freeCount;
  private int used;

  private long counted;
  private long inTime;
  private double arrivalMinutesSum;

  SummonsModel(Summons spec, RandomStreams streams, int replication, RegionTree tree) {
    this.spec = spec;
    this.draws = streams.stream("summons", replication);
    this.tree = tree;
  }

  /** Whether assisting departments of a dispatch are summoned on site. */
  boolean summonAssisting() {
    return spec.summonAssisting();
  }

  /** The limit of the summonses the simulation makes. */
  Duration within() {
    return Duration.ofMillis(Math.round(spec.withinMinutes() * MINUTE_MS));
  }

  /**
   * The natural time from a summons to the department's arrival at a case located at {@code
   * locationCode}, in milliseconds, at least 1.
   */
  long travelMillis(long locationCode) {
    double minutes;
    if (spec.travel().isPresent()) {
      Distribution d = spec.travel().get();
      minutes = d.sampleMinutes(draws);
    } else {
      double km = radiusKm(locationCode) * Math.sqrt(draws.nextDouble());
      minutes = spec.setupMinutes() + km / spec.speedKmPerHour() * 60.0;
    }
    return Math.max(1, Math.round(minutes * MINUTE_MS));
  }

  /** The radius of a disc of the area of the district holding a location, in km. */
  private double radiusKm(long locationCode) {
    Region r = tree.get(locationCode);
    Region district =
        r.level() == RegionLevel.DISTRICT ? r : r.ancestorAt(RegionLevel.DISTRICT).orElse(r);
    Double known = districtRadiusKm.get(district.code());
    if (known != null) {
      return known;
    }
    double m2 = district.areaSquareMetres();
    for (Region u : district.descendantsAt(RegionLevel.UNIT)) {
      m2 += u.areaSquareMetres();
    }
    if (m2 <= 0) {
      for (Region g : district.descendantsAt(RegionLevel.GRID)) {
        m2 += g.areaSquareMetres();
      }
    }
    double km = Math.sqrt(m2 / Math.PI) / 1000.0;
    districtRadiusKm.put(district.code(), km);
    return km;
  }

  /** Records a department on its way; returns the slot (the kernel event's argument). */
  int depart(int caseOrdinal, String dep, long at, long limit, boolean isMeasured) {
    int slot;
    if (freeCount > 0) {
      slot = free[--freeCount];
    } else {
      slot = used++;
      if (slot == ordinal.length) {
        int n = slot * 2;
        ordinal = Arrays.copyOf(ordinal, n);
        department = Arrays.copyOf(department, n);
        summonedAt = Arrays.copyOf(summonedAt, n);
        limitMillis = Arrays.copyOf(limitMillis, n);
        measured = Arrays.copyOf(measured, n);
      }
    }
    ordinal[slot] = caseOrdinal;
    department[slot] = dep;
    summonedAt[slot] = at;
    limitMillis[slot] = limit;
    measured[slot] = isMeasured;
    return slot;
  }

  /** The case of a pending arrival. */
  int ordinal(int slot) {
    return ordinal[slot];
  }

  /** The department of a pending arrival. */
  String department(int slot) {
    return Objects.requireNonNull(department[slot], "no department on its way in this slot");
  }

  /**
   * Settles an arrival at {@code now} and frees its slot.
   *
   * @param reported whether the department reported ({@code Arrive}: the summons was pending)
   */
  void settle(int slot, boolean reported, long now) {
    long took = now - summonedAt[slot];
    boolean late = took > limitMillis[slot];
    if (measured[slot] && (reported || late)) {
      counted++;
      if (!late) {
        inTime++;
      }
      arrivalMinutesSum += took / MINUTE_MS;
    }
    department[slot] = null;
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, free.length * 2);
    }
    free[freeCount++] = slot;
  }

  /** In-time arrivals ÷ counted arrivals of measured cases, NaN without any. */
  double onTimeShare() {
    return counted == 0 ? Double.NaN : (double) inTime / counted;
  }

  /** Mean minutes from summons to arrival of the counted arrivals, NaN without any. */
  double meanArrivalMinutes() {
    return counted == 0 ? Double.NaN : arrivalMinutesSum / counted;
  }
}
