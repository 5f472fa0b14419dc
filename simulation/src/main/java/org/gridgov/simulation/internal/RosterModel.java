package org.gridgov.simulation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.gridgov.people.ShiftPattern;
import org.gridgov.simulation.Roster;
import org.gridgov.sla.BusinessCalendar;
import org.jspecify.annotations.Nullable;

/**
 * A scenario's {@link Roster} over the run: each pattern's on-duty intervals in epoch milliseconds
 * (the windows of every day from the day before the run to the day after it, with the semantics of
 * {@link ShiftPattern#onDuty}: a window belongs to the day it starts on, one whose end is not after
 * its start ends the next day), each grid station's workers with their patterns, and per
 * replication the workers on duty and present at an instant. Absences are decided per grid station,
 * worker and shift day by a hash of the replication's absence key (from the own stream {@code
 * roster}), so they need no state and do not depend on the order of queries. Immutable; shared by
 * the replications of a prepared scenario.
 */
final class RosterModel {
  /** A worker's pattern index meaning "on duty at every instant" (no pattern on the roster). */
  static final int ALWAYS = -1;

  private static final long DAY_MS = 86_400_000L;

  private final double absenceRate;
  private final double roleShare;
  private final long[][] start;
  private final long[][] end;
  private final long[][] day;
  private final long[] allStarts;
  // The workers' pattern indices: the same rotation at every grid (generated), or per station.
  private final int[] rotation;
  private final int @Nullable [][] byStation;
  private final boolean alwaysSomewhere;

  /**
   * A generated roster: worker i of every grid works pattern i mod n.
   *
   * @param r the roster, with shifts
   * @param workersPerGrid the grid workers of each grid
   * @param calendar the calendar the patterns fall on
   * @param fromMs the run's start
   * @param toMs the run's end
   */
  RosterModel(Roster r, int workersPerGrid, BusinessCalendar calendar, long fromMs, long toMs) {
    this(
        r.shifts(),
        r.absenceRate(),
        1.0,
        rotation(workersPerGrid, r.shifts().size()),
        null,
        calendar,
        fromMs,
        toMs);
  }

  /**
   * A roster of given patterns and workers.
   *
   * @param patterns the patterns the indices refer to
   * @param absenceRate the share of absent shift days
   * @param roleShare the share of a worker's time that goes to grid cases
   * @param rotation every grid's workers' patterns, if {@code byStation} is null
   * @param byStation each station's workers' patterns (empty for a station that is no grid), or
   *     null
   * @param calendar the calendar the patterns fall on
   * @param fromMs the run's start
   * @param toMs the run's end
   */
  RosterModel(
      List<ShiftPattern> patterns,
      double absenceRate,
      double roleShare,
      int[] rotation,
      int @Nullable [][] byStation,
      BusinessCalendar calendar,
      long fromMs,
      long toMs) {
    int n = patterns.size();
    this.absenceRate = absenceRate;
    this.roleShare = roleShare;
    this.rotation = rotation;
    this.byStation = byStation;
    this.alwaysSomewhere = always(byStation);
    this.start = new long[n][];
    this.end = new long[n][];
    this.day = new long[n][];
    ZoneId zone = calendar.zone();
    LocalDate first = Instant.ofEpochMilli(fromMs).atZone(zone).toLocalDate().minusDays(1);
    LocalDate last = Instant.ofEpochMilli(toMs).atZone(zone).toLocalDate().plusDays(1);
    long[] all = new long[0];
    for (int p = 0; p < n; p++) {
      intervals(p, patterns.get(p), calendar, first, last);
      long[] s = start[p];
      long[] merged = Arrays.copyOf(all, all.length + s.length);
      System.arraycopy(s, 0, merged, all.length, s.length);
      all = merged;
    }
    Arrays.sort(all);
    this.allStarts = all;
  }

  private static int[] rotation(int workers, int patterns) {
    int[] r = new int[workers];
    for (int w = 0; w < workers; w++) {
      r[w] = w % patterns;
    }
    return r;
  }

  /** Fills pattern p's intervals, sorted by start, overlapping windows merged. */
  private void intervals(
      int p, ShiftPattern pattern, BusinessCalendar calendar, LocalDate first, LocalDate last) {
    ZoneId zone = calendar.zone();
    List<long[]> raw = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      for (ShiftPattern.Window w : pattern.windows()) {
        if (w.days().includes(d, calendar)) {
          LocalDate endDay = w.end().isAfter(w.start()) ? d : d.plusDays(1);
          raw.add(
              new long[] {
                d.atTime(w.start()).atZone(zone).toInstant().toEpochMilli(),
                endDay.atTime(w.end()).atZone(zone).toInstant().toEpochMilli(),
                d.toEpochDay()
              });
        }
      }
    }
    raw.sort(Comparator.comparingLong(x -> x[0]));
    List<long[]> out = new ArrayList<>();
    for (long[] x : raw) {
      long[] prev = out.isEmpty() ? null : out.get(out.size() - 1);
      if (prev != null && x[0] <= prev[1]) {
        prev[1] = Math.max(prev[1], x[1]); // overlapping windows: one spell, the first day's
      } else {
        out.add(x);
      }
    }
    start[p] = new long[out.size()];
    end[p] = new long[out.size()];
    day[p] = new long[out.size()];
    for (int i = 0; i < out.size(); i++) {
      start[p][i] = out.get(i)[0];
      end[p][i] = out.get(i)[1];
      day[p][i] = out.get(i)[2];
    }
  }

  /** The shift day (epoch day) of pattern p's spell holding t, or {@code Long.MIN_VALUE}. */
  long dutyDay(int p, long t) {
    if (p == ALWAYS) {
      return Math.floorDiv(t, DAY_MS); // on duty always; absences by (UTC) day
    }
    long[] s = start[p];
    int i = Arrays.binarySearch(s, t);
    if (i < 0) {
      i = -i - 2; // the last spell starting before t
    }
    return i >= 0 && t < end[p][i] ? day[p][i] : Long.MIN_VALUE;
  }

  /**
   * The end of pattern p's spell holding t ({@code Long.MAX_VALUE} for a worker always on duty);
   * only for a t at which the pattern is on duty.
   */
  long spellEnd(int p, long t) {
    if (p == ALWAYS) {
      return Long.MAX_VALUE;
    }
    int i = Arrays.binarySearch(start[p], t);
    if (i < 0) {
      i = -i - 2;
    }
    return end[p][i];
  }

  /** The number of workers of a grid station. */
  int workerCount(int station) {
    return workers(station).length;
  }

  /** The pattern index of worker w of a grid station ({@link #ALWAYS} for always on duty). */
  int pattern(int station, int w) {
    return workers(station)[w];
  }

  private int[] workers(int station) {
    int[][] b = byStation;
    return b == null ? rotation : b[station];
  }

  /** The grid station's workers on duty and present at t. */
  int capacity(int station, long t, long absenceKey) {
    int[] ws = workers(station);
    int n = 0;
    for (int w = 0; w < ws.length; w++) {
      long d = dutyDay(ws[w], t);
      if (d != Long.MIN_VALUE && !absent(absenceKey, station, w, d)) {
        n++;
      }
    }
    return n;
  }

  /** Whether worker w of a grid station is absent on shift day d. */
  boolean absent(long absenceKey, int station, int w, long d) {
    if (absenceRate == 0) {
      return false;
    }
    long h =
        mix(absenceKey ^ mix(station * 0x9E37_79B9_7F4A_7C15L + w) ^ (d * 0xC2B2_AE3D_27D4_EB4FL));
    return (h >>> 11) * 0x1.0p-53 < absenceRate;
  }

  /** SplitMix64's finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }

  /**
   * The first spell start of any pattern after t, or {@code Long.MAX_VALUE} (and every midnight UTC
   * when a worker is always on duty, whose absences change by day).
   */
  long nextStart(long t) {
    int i = Arrays.binarySearch(allStarts, t + 1);
    if (i < 0) {
      i = -i - 1;
    }
    long next = i < allStarts.length ? allStarts[i] : Long.MAX_VALUE;
    return absenceRate > 0 && alwaysSomewhere
        ? Math.min(next, (Math.floorDiv(t, DAY_MS) + 1) * DAY_MS)
        : next;
  }

  /**
   * A cursor over {@link #nextStart} for one replication, whose time only moves forward: the answer
   * at t holds for every t' in [t, answer), so most calls read two fields instead of searching.
   */
  final class StartCursor {
    private long from = Long.MAX_VALUE; // the memo covers [from, next)
    private long next = Long.MIN_VALUE;

    /** {@link RosterModel#nextStart(long)}, remembered until it is reached. */
    long nextStart(long t) {
      if (t >= from && t < next) {
        return next;
      }
      from = t;
      next = RosterModel.this.nextStart(t);
      return next;
    }
  }

  private static boolean always(int @Nullable [][] byStation) {
    if (byStation == null) {
      return false;
    }
    for (int[] ws : byStation) {
      for (int w : ws) {
        if (w == ALWAYS) {
          return true;
        }
      }
    }
    return false;
  }

  /** The rostered milliseconds of the workers of the given grid stations within [a, b). */
  double rosteredMillis(int[] gridStations, long a, long b) {
    if (byStation == null) {
      return (double) gridStations.length * rosteredMillisOf(rotation, a, b);
    }
    double sum = 0;
    for (int st : gridStations) {
      sum += rosteredMillisOf(workers(st), a, b);
    }
    return sum;
  }

  private long rosteredMillisOf(int[] ws, long a, long b) {
    long sum = 0;
    for (int p : ws) {
      if (p == ALWAYS) {
        sum += b - a;
        continue;
      }
      for (int i = 0; i < start[p].length; i++) {
        long x = Math.max(a, start[p][i]);
        long y = Math.min(b, end[p][i]);
        if (y > x) {
          sum += y - x;
        }
      }
    }
    return sum;
  }

  /** The share of shifts a worker is absent. */
  double absenceRate() {
    return absenceRate;
  }

  /** The share of a grid worker's time that goes to grid cases (1 for a generated roster). */
  double roleShare() {
    return roleShare;
  }
}
