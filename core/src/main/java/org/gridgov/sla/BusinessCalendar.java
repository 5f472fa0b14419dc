package org.gridgov.sla;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.Maps;
import com.google.common.collect.Range;
import com.google.common.collect.TreeRangeSet;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A business calendar: a time zone, weekly working windows per weekday, and dated exceptions
 * (public holidays, make-up workdays (调休) with their own windows, short days), over an explicit
 * range of covered dates. Calendars are data: nothing here knows that Saturday and Sunday are
 * usually off.
 *
 * <h2>Arithmetic</h2>
 *
 * At construction the calendar turns every covered day's windows into real-time intervals and
 * keeps, over primitive arrays, the cumulative working time before each interval (prefix sums) and
 * the rank of each working day. A query finds its day in O(1) (an estimate from 24-hour days,
 * corrected by at most one day) and scans that day's few windows; {@link #isWorkingTime}, {@link
 * #nextWorkingTime}, {@link #workingTimeBetween} and working-day limits are O(1), adding working
 * time is one binary search over the prefix sums, O(log n). Results are exact to the nanosecond;
 * nothing steps through minutes.
 *
 * <h2>Daylight saving time</h2>
 *
 * Windows are local clock times. A local time that does not exist (in a spring-forward gap) maps to
 * the instant of the transition, i.e. the first instant the clock shows a later time; a local time
 * that exists twice (in a fall-back overlap) maps to its first occurrence (the earlier offset). A
 * window therefore contains the real time that passed between its local start and end: a window
 * {@code 01:00-04:00} on a spring-forward night has two real hours, on a fall-back night four. A
 * window that collapses to nothing (lying wholly in a gap) has no working time.
 *
 * <h2>Coverage</h2>
 *
 * Every instant passed in must fall on a covered local date, and every result must be found within
 * them; otherwise an {@link OutsideCalendarException} names the date and the covered range. There
 * is no silent guess beyond the data: to let the weekly pattern continue past it, widen the
 * coverage explicitly ({@link Builder#coverage}).
 *
 * <h2>Provenance</h2>
 *
 * Every covered day is {@link DayProvenance#OFFICIAL} (declared from a published schedule, or a
 * plain weekly calendar) or {@link DayProvenance#PROVISIONAL} (predicted for a year whose schedule
 * is not published yet, see {@link ChinaCalendar}). Arithmetic treats both alike; {@link #deadline}
 * and {@link #isProvisionalBetween} say whether a provisional day lay between a start and its
 * deadline, so that an embedder can show the deadline as provisional until the official schedule
 * replaces it ({@link CalendarEditions}).
 *
 * <h2>Editions</h2>
 *
 * Each calendar carries an edition name. A later edition (a holiday schedule announced for a new
 * year, a local rule) is built with {@link #toBuilder()}; {@link CalendarEditions} keeps them in
 * order and reports how open deadlines move between two editions.
 *
 * <p>Immutable and thread-safe. Equal when edition, zone, coverage, weekly windows, dated days and
 * provisional days are equal.
 */
public final class BusinessCalendar {

  /** What kind of day a date is, as declared. */
  public enum DayKind {
    /** No dated declaration: the weekly windows of its weekday apply. */
    REGULAR,
    /** A declared public holiday: no working time. */
    HOLIDAY,
    /**
     * A declared make-up workday (调休): a normally free day that is worked, with its own windows.
     */
    MAKE_UP_WORKDAY,
    /** A declared short day: a working day with reduced windows. */
    SHORT_DAY
  }

  /**
   * A dated declaration.
   *
   * @param kind the kind, never {@link DayKind#REGULAR}
   * @param windows the day's working windows, sorted and non-overlapping; empty for a holiday
   */
  public record DatedDay(DayKind kind, ImmutableList<WorkingWindow> windows) {
    /**
     * Validates the declaration.
     *
     * @param kind the kind, never {@link DayKind#REGULAR}
     * @param windows the day's working windows, sorted and non-overlapping; empty for a holiday
     * @throws IllegalArgumentException if the kind is {@code REGULAR}, a working day has no window
     *     or a holiday has one
     */
    public DatedDay {
      checkArgument(kind != DayKind.REGULAR, "a dated day cannot be REGULAR");
      checkArgument(
          kind == DayKind.HOLIDAY || !windows.isEmpty(), "a %s needs at least one window", kind);
      checkArgument(
          kind != DayKind.HOLIDAY || windows.isEmpty(),
          "a holiday has no windows but got %s",
          windows);
    }
  }

  /** Default zone: Asia/Shanghai. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

  private static final long NANOS = 1_000_000_000L;
  private static final long DAY_NANOS = 86_400L * NANOS;
  private static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);
  private static final LocalDate MAX_DATE = LocalDate.of(2200, 12, 31);

  private final String edition;
  private final ZoneId zone;
  private final LocalDate firstDate;
  private final LocalDate lastDate;
  private final ImmutableMap<DayOfWeek, ImmutableList<WorkingWindow>> weekly;
  private final ImmutableList<WorkingWindow> makeUpWindows;
  private final ImmutableSortedMap<LocalDate, DatedDay> dated;
  private final ImmutableRangeSet<LocalDate> provisional;

  // --- precomputed, over covered days 0..n-1 and working intervals 0..m-1 ---
  private final int dayCount;
  private final long firstSecond; // epoch second of the first covered midnight, minus one
  private final long endSecond; // epoch second after the last covered day, plus one
  private final long[] dayStart; // n+1 epoch nanos of local midnights
  private final boolean[] irregular; // day has a UTC offset change
  private final int[] dayFirstInterval; // n+1
  private final int[] workRank; // n+1: working days strictly before day i
  private final int[] workDays; // day indices of working days
  private final int intervalCount;
  private final long[] ivStart;
  private final long[] ivEnd;
  private final long[] cumBefore; // m+1
  private final int[] ivDay;
  private final long[] ivLocalStart; // nano of local day
  private final long[] ivLocalEnd;
  private final int[] provisionalBefore; // n+1: provisional days strictly before day i

  private BusinessCalendar(Builder b) {
    this.edition = b.edition;
    this.zone = b.zone;
    this.firstDate = Objects.requireNonNull(b.firstDate, "coverage was not set");
    this.lastDate = Objects.requireNonNull(b.lastDate, "coverage was not set");
    EnumMap<DayOfWeek, ImmutableList<WorkingWindow>> w = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      w.put(d, b.weekly.getOrDefault(d, ImmutableList.of()));
    }
    this.weekly = Maps.immutableEnumMap(w);
    this.makeUpWindows = b.makeUpWindows;
    this.dated = ImmutableSortedMap.copyOf(b.dated);
    this.provisional = ImmutableRangeSet.copyOf(b.provisional);

    int n = Math.toIntExact(lastDate.toEpochDay() - firstDate.toEpochDay() + 1);
    this.dayCount = n;
    this.dayStart = new long[n + 1];
    this.irregular = new boolean[n];
    this.dayFirstInterval = new int[n + 1];
    this.workRank = new int[n + 1];
    int cap = 0;
    for (int i = 0; i < n; i++) {
      cap += declaredWindows(firstDate.plusDays(i)).size();
    }
    long[] s = new long[cap];
    long[] e = new long[cap];
    long[] ls = new long[cap];
    long[] le = new long[cap];
    int[] dayOf = new int[cap];
    int[] wd = new int[n];
    int m = 0;
    int wdn = 0;
    for (int i = 0; i <= n; i++) {
      dayStart[i] = nanos(firstDate.plusDays(i).atStartOfDay(zone).toInstant());
    }
    this.firstSecond = dayStart[0] / NANOS - 1;
    this.endSecond = dayStart[n] / NANOS + 1;
    for (int i = 0; i < n; i++) {
      LocalDate date = firstDate.plusDays(i);
      irregular[i] = dayStart[i + 1] - dayStart[i] != 86_400L * NANOS;
      dayFirstInterval[i] = m;
      workRank[i] = wdn;
      for (WorkingWindow win : declaredWindows(date)) {
        long a = localToNanos(date, win.startSecondOfDay());
        long z = localToNanos(date, win.endSecondOfDayExclusive());
        if (z > a) {
          s[m] = a;
          e[m] = z;
          ls[m] = win.startSecondOfDay() * NANOS;
          le[m] = win.endSecondOfDayExclusive() * NANOS;
          dayOf[m] = i;
          m++;
        }
      }
      if (m > dayFirstInterval[i]) {
        wd[wdn++] = i;
      }
    }
    dayFirstInterval[n] = m;
    workRank[n] = wdn;
    this.intervalCount = m;
    this.ivStart = java.util.Arrays.copyOf(s, m);
    this.ivEnd = java.util.Arrays.copyOf(e, m);
    this.ivLocalStart = java.util.Arrays.copyOf(ls, m);
    this.ivLocalEnd = java.util.Arrays.copyOf(le, m);
    this.ivDay = java.util.Arrays.copyOf(dayOf, m);
    this.workDays = java.util.Arrays.copyOf(wd, wdn);
    this.cumBefore = new long[m + 1];
    for (int k = 0; k < m; k++) {
      cumBefore[k + 1] = cumBefore[k] + (ivEnd[k] - ivStart[k]);
    }
    this.provisionalBefore = new int[n + 1];
    for (int i = 0; i < n; i++) {
      provisionalBefore[i + 1] =
          provisionalBefore[i] + (provisional.contains(firstDate.plusDays(i)) ? 1 : 0);
    }
  }

  /**
   * Returns a builder for a new calendar (zone {@link #DEFAULT_ZONE}, no working windows, no dated
   * days, no coverage yet: {@link Builder#coverage} is required).
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this calendar's definition, to derive a new edition from it (name it
   * with {@link Builder#edition}).
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.edition = edition;
    b.zone = zone;
    b.firstDate = firstDate;
    b.lastDate = lastDate;
    b.weekly.putAll(weekly);
    b.makeUpWindows = makeUpWindows;
    b.dated.putAll(dated);
    b.provisional.addAll(provisional);
    return b;
  }

  // ------------------------------------------------------------------ definition accessors

  /**
   * Returns the edition name, e.g. {@code cn-2026}.
   *
   * @return the edition
   */
  public String edition() {
    return edition;
  }

  /**
   * Returns the time zone the windows are read in.
   *
   * @return the zone
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Returns the first covered local date.
   *
   * @return the first date
   */
  public LocalDate firstDate() {
    return firstDate;
  }

  /**
   * Returns the last covered local date (inclusive).
   *
   * @return the last date
   */
  public LocalDate lastDate() {
    return lastDate;
  }

  /**
   * Returns the weekly windows of a weekday (empty if the weekday has none).
   *
   * @param day the weekday
   * @return its windows in order
   */
  public ImmutableList<WorkingWindow> weeklyWindows(DayOfWeek day) {
    return Objects.requireNonNull(weekly.get(day));
  }

  /**
   * Returns every dated declaration, by date.
   *
   * @return the dated days
   */
  public ImmutableSortedMap<LocalDate, DatedDay> datedDays() {
    return dated;
  }

  /**
   * Returns what kind of day a covered date is.
   *
   * @param date a covered date
   * @return its declared kind, or {@link DayKind#REGULAR}
   * @throws OutsideCalendarException if the date is not covered (the calendar does not know what it
   *     will be)
   */
  public DayKind dayKind(LocalDate date) {
    requireCovered(date, "dayKind");
    DatedDay d = dated.get(date);
    return d == null ? DayKind.REGULAR : d.kind();
  }

  /**
   * Returns the local working windows of a covered date: its dated declaration, else its weekday's
   * windows.
   *
   * @param date a covered date
   * @return the windows in order (empty for a day off)
   * @throws OutsideCalendarException if the date is not covered
   */
  public ImmutableList<WorkingWindow> windowsOn(LocalDate date) {
    requireCovered(date, "windowsOn");
    return declaredWindows(date);
  }

  /**
   * The windows a date's declaration or weekday gives, covered or not (the constructor's and
   * equals' view).
   */
  private ImmutableList<WorkingWindow> declaredWindows(LocalDate date) {
    DatedDay d = dated.get(date);
    return d != null ? d.windows() : weeklyWindows(date.getDayOfWeek());
  }

  /**
   * Returns whether a covered date is official or provisional.
   *
   * @param date a covered date
   * @return its provenance
   * @throws OutsideCalendarException if the date is not covered
   */
  public DayProvenance provenance(LocalDate date) {
    int i = dayIndex(date, "provenance(" + date + ")");
    return provisionalBefore[i + 1] > provisionalBefore[i]
        ? DayProvenance.PROVISIONAL
        : DayProvenance.OFFICIAL;
  }

  /**
   * Returns the provisional dates of this calendar (within or beyond its coverage, as declared).
   *
   * @return the provisional date ranges
   */
  public ImmutableRangeSet<LocalDate> provisionalDays() {
    return provisional;
  }

  /**
   * Returns the first covered provisional date, if any.
   *
   * @return the first provisional date, or empty when every covered day is official
   */
  public Optional<LocalDate> firstProvisionalDate() {
    for (Range<LocalDate> r : provisional.asRanges()) {
      LocalDate lo = r.lowerEndpoint().isBefore(firstDate) ? firstDate : r.lowerEndpoint();
      if (!lo.isAfter(lastDate) && r.contains(lo)) {
        return Optional.of(lo);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns whether any local date from {@code a}'s to {@code b}'s (both inclusive, in either
   * order) is {@linkplain DayProvenance#PROVISIONAL provisional}. O(1).
   *
   * @param a a covered instant
   * @param b a covered instant
   * @return {@code true} if a provisional day lies between them
   * @throws OutsideCalendarException if either instant is outside the coverage
   */
  public boolean isProvisionalBetween(Instant a, Instant b) {
    int da = floorDay(checkedNanos(a, "isProvisionalBetween"));
    int db = floorDay(checkedNanos(b, "isProvisionalBetween"));
    int lo = Math.min(da, db);
    int hi = Math.max(da, db);
    return provisionalBefore[hi + 1] > provisionalBefore[lo];
  }

  /**
   * Returns whether a covered date has working time.
   *
   * @param date a covered date
   * @return {@code true} for a working day
   * @throws OutsideCalendarException if the date is not covered
   */
  public boolean isWorkingDay(LocalDate date) {
    int i = dayIndex(date, "isWorkingDay(" + date + ")");
    return dayFirstInterval[i + 1] > dayFirstInterval[i];
  }

  // ------------------------------------------------------------------ arithmetic

  /**
   * Returns whether an instant is inside a working window (windows are half-open: the end is not
   * working time).
   *
   * @param t a covered instant
   * @return {@code true} if working time
   * @throws OutsideCalendarException if {@code t} is outside the coverage
   */
  public boolean isWorkingTime(Instant t) {
    long x = checkedNanos(t, "isWorkingTime");
    int k = floorInterval(x);
    return k >= 0 && x < ivEnd[k];
  }

  /**
   * Returns {@code t} if it is working time, else the start of the next working window.
   *
   * @param t a covered instant
   * @return the earliest working instant at or after {@code t}
   * @throws OutsideCalendarException if {@code t} is outside the coverage or no window follows
   *     within it
   */
  public Instant nextWorkingTime(Instant t) {
    return instant(nextWorkingNanos(checkedNanos(t, "nextWorkingTime"), t));
  }

  /**
   * Returns the working time between two instants: positive if {@code a} is before {@code b},
   * negative if after.
   *
   * @param a a covered instant
   * @param b a covered instant
   * @return the working time in {@code [a, b)}, negated if {@code b < a}
   * @throws OutsideCalendarException if either instant is outside the coverage
   */
  public Duration workingTimeBetween(Instant a, Instant b) {
    return Duration.ofNanos(workingNanosBetween(a, b));
  }

  /**
   * Returns the working time between two instants in nanoseconds, as {@link #workingTimeBetween}.
   *
   * @param a a covered instant
   * @param b a covered instant
   * @return the signed working nanoseconds
   */
  public long workingNanosBetween(Instant a, Instant b) {
    return workedUpTo(checkedNanos(b, "workingTimeBetween"))
        - workedUpTo(checkedNanos(a, "workingTimeBetween"));
  }

  /**
   * Adds working time: returns the earliest instant {@code u >= start} with {@code
   * workingTimeBetween(start, u) == workingTime}. A result that lands exactly at the end of a
   * window stays there (16:30 plus one working hour with a window ending 17:30 is 17:30 that day,
   * not the next morning). Adding zero returns {@code start}.
   *
   * @param start a covered instant
   * @param workingTime a non-negative working time
   * @return the deadline
   * @throws IllegalArgumentException if {@code workingTime} is negative
   * @throws OutsideCalendarException if the result is beyond the coverage
   */
  public Instant plusWorkingTime(Instant start, Duration workingTime) {
    checkArgument(
        !workingTime.isNegative(),
        "working time to add must not be negative but was %s",
        workingTime);
    return instant(plusWorkingNanos(checkedNanos(start, "plus"), workingTime.toNanos(), start));
  }

  /**
   * Adds working days under a rule (see {@link WorkingDayRule} for the exact definitions).
   *
   * @param start a covered instant
   * @param days the number of working days, at least 1
   * @param rule where the count ends
   * @return the deadline
   * @throws OutsideCalendarException if a needed day is beyond the coverage
   */
  public Instant plusWorkingDays(Instant start, int days, WorkingDayRule rule) {
    checkArgument(days >= 1, "working days to add must be at least 1 but was %s", days);
    long x = checkedNanos(start, "plus");
    return instant(
        rule == WorkingDayRule.SAME_CLOCK_TIME
            ? sameClockTime(x, days, start)
            : endOfDay(x, days, start));
  }

  /**
   * Returns the deadline of a limit started at {@code start}: natural limits add real time (no
   * calendar needed, no coverage check), working time and working days use the calendar.
   *
   * @param start the start
   * @param limit the limit
   * @return the deadline
   * @throws OutsideCalendarException if a needed day is beyond the coverage
   */
  public Instant plus(Instant start, SlaLimit limit) {
    return switch (limit.unit()) {
      case NATURAL -> start.plus(limit.duration());
      case WORKING_TIME -> plusWorkingTime(start, limit.duration());
      case WORKING_DAYS -> plusWorkingDays(start, limit.days(), limit.rule());
    };
  }

  /**
   * Returns the deadline of a limit started at {@code start} with its provenance: {@link #plus},
   * and whether a {@linkplain DayProvenance#PROVISIONAL provisional} day lay between the start and
   * the deadline (both dates inclusive; for a natural limit only if both instants are covered,
   * otherwise {@code false}).
   *
   * @param start the start
   * @param limit the limit
   * @return the deadline, its provenance and this calendar's edition
   * @throws OutsideCalendarException if a needed day is beyond the coverage
   */
  public Deadline deadline(Instant start, SlaLimit limit) {
    Instant due = plus(start, limit);
    boolean prov =
        (limit.countsWorkingTime() || (covers(start) && covers(due)))
            && isProvisionalBetween(start, due);
    return new Deadline(due, prov, edition);
  }

  /**
   * Returns whether an instant falls on a covered local date.
   *
   * @param t any instant
   * @return {@code true} if covered
   */
  public boolean covers(Instant t) {
    long sec = t.getEpochSecond();
    if (sec < firstSecond || sec > endSecond) {
      return false;
    }
    long x = nanos(t);
    return x >= dayStart[0] && x < dayStart[dayCount];
  }

  /**
   * Throws unless an instant falls on a covered local date.
   *
   * @param t the instant
   * @param what what is being computed, for the message
   * @throws OutsideCalendarException if {@code t} is not covered
   */
  void requireCovered(Instant t, String what) {
    requireCovered(t, what, "");
  }

  /**
   * Throws unless an instant falls on a covered local date; the message names {@code what} and
   * {@code whose}, joined only when it throws (a clock checks on every start and advance).
   *
   * @param t the instant
   * @param what what is being computed, for the message
   * @param whose whose computation, for the message
   * @throws OutsideCalendarException if {@code t} is not covered
   */
  void requireCovered(Instant t, String what, String whose) {
    if (!covers(t)) {
      throw outside(dateOf(t), what + whose + "(" + t + ")");
    }
  }

  private void requireCovered(LocalDate date, String what) {
    if (date.isBefore(firstDate) || date.isAfter(lastDate)) {
      throw outside(date, what + "(" + date + ")");
    }
  }

  /**
   * Returns the local dates whose windows differ between this calendar and another (e.g. two
   * editions). Only dates that both calendars cover are compared; a change of coverage itself is
   * not reported (compare {@link #firstDate()} and {@link #lastDate()}).
   *
   * @param other another calendar
   * @return the dates whose working windows differ, ascending
   */
  public ImmutableList<LocalDate> datesThatDiffer(BusinessCalendar other) {
    LocalDate from = firstDate.isAfter(other.firstDate) ? firstDate : other.firstDate;
    LocalDate to = lastDate.isBefore(other.lastDate) ? lastDate : other.lastDate;
    ImmutableList.Builder<LocalDate> out = ImmutableList.builder();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (!declaredWindows(d).equals(other.declaredWindows(d))) {
        out.add(d);
      }
    }
    return out.build();
  }

  // ------------------------------------------------------------------ internals

  private long sameClockTime(long x, int days, Instant start) {
    int k = floorInterval(x);
    long s;
    if (k >= 0 && x < ivEnd[k]) {
      s = x;
    } else {
      k++;
      if (k >= intervalCount) {
        throw outside(lastDate.plusDays(1), "plus(" + start + ", " + days + " working days)");
      }
      s = ivStart[k];
    }
    int d = ivDay[k];
    long localNano =
        irregular[d]
            ? LocalDateTime.ofInstant(instant(s), zone).toLocalTime().toNanoOfDay()
            : ivLocalStart[k] + (s - ivStart[k]);
    int r = workRank[d] + days;
    if (r >= workDays.length) {
      throw outside(lastDate.plusDays(1), "plus(" + start + ", " + days + " working days)");
    }
    int target = workDays[r];
    int from = dayFirstInterval[target];
    int to = dayFirstInterval[target + 1];
    for (int j = from; j < to; j++) {
      if (ivLocalEnd[j] > localNano) {
        if (ivLocalStart[j] >= localNano) {
          return ivStart[j];
        }
        if (!irregular[target]) {
          return ivStart[j] + (localNano - ivLocalStart[j]);
        }
        long v = localToNanos(firstDate.plusDays(target), LocalTime.ofNanoOfDay(localNano));
        return Math.max(ivStart[j], Math.min(v, ivEnd[j]));
      }
    }
    return ivEnd[to - 1];
  }

  private long endOfDay(long x, int days, Instant start) {
    int d = floorDay(x);
    int r = workRank[d + 1] + days - 1;
    if (r >= workDays.length) {
      throw outside(lastDate.plusDays(1), "plus(" + start + ", " + days + " working days)");
    }
    int target = workDays[r];
    return ivEnd[dayFirstInterval[target + 1] - 1];
  }

  private long plusWorkingNanos(long x, long add, Instant start) {
    if (add == 0) {
      return x;
    }
    int kx = floorInterval(x);
    long worked = workedUpTo(x, kx);
    long target = worked + add;
    if (target > cumBefore[intervalCount] || target < 0) {
      throw outside(
          lastDate.plusDays(1), "plus(" + start + ", working " + Duration.ofNanos(add) + ")");
    }
    // first j in 1..m with cumBefore[j] >= target; interval k = j - 1. cumBefore never decreases
    // and
    // cumBefore[kx] <= worked < target, so j > kx: gallop forward from there (deadlines lie a few
    // days ahead),
    // then bisect the bracket [lo, hi], which keeps cumBefore[lo - 1] < target <= cumBefore[hi].
    int lo = Math.max(1, kx + 1);
    int hi = lo;
    int step = 1;
    while (hi < intervalCount && cumBefore[hi] < target) {
      lo = hi + 1;
      hi = (int) Math.min(intervalCount, (long) hi + step);
      step <<= 1;
    }
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumBefore[mid] >= target) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    int k = lo - 1;
    return ivStart[k] + (target - cumBefore[k]);
  }

  private long nextWorkingNanos(long x, Instant t) {
    int k = floorInterval(x);
    if (k >= 0 && x < ivEnd[k]) {
      return x;
    }
    if (k + 1 >= intervalCount) {
      throw outside(lastDate.plusDays(1), "nextWorkingTime(" + t + ")");
    }
    return ivStart[k + 1];
  }

  private long workedUpTo(long x) {
    return workedUpTo(x, floorInterval(x));
  }

  /** As {@link #workedUpTo(long)}, with {@code k = floorInterval(x)} already found. */
  private long workedUpTo(long x, int k) {
    return k < 0 ? 0 : cumBefore[k] + Math.min(x, ivEnd[k]) - ivStart[k];
  }

  /**
   * Largest k with ivStart[k] <= x, or -1: finds the day in O(1), then scans that day's few
   * windows.
   */
  private int floorInterval(long x) {
    int d = floorDay(x);
    int first = dayFirstInterval[d];
    for (int k = dayFirstInterval[d + 1] - 1; k >= first; k--) {
      if (ivStart[k] <= x) {
        return k;
      }
    }
    return first - 1;
  }

  /**
   * Day index of a covered epoch-nanos instant: the estimate from 24-hour days is off by at most
   * one day (local midnights drift from it only by the zone's offset changes), then corrected.
   */
  private int floorDay(long x) {
    long est = (x - dayStart[0]) / DAY_NANOS;
    int d = (int) Math.min(Math.max(est, 0), dayCount - 1);
    while (d > 0 && dayStart[d] > x) {
      d--;
    }
    while (d + 1 < dayCount && dayStart[d + 1] <= x) {
      d++;
    }
    return d;
  }

  private int dayIndex(LocalDate date, String what) {
    if (date.isBefore(firstDate) || date.isAfter(lastDate)) {
      throw outside(date, what);
    }
    return (int) (date.toEpochDay() - firstDate.toEpochDay());
  }

  private long checkedNanos(Instant t, String what) {
    requireCovered(t, what);
    return nanos(t);
  }

  private LocalDate dateOf(Instant t) {
    try {
      return LocalDate.ofInstant(t, zone);
    } catch (java.time.DateTimeException e) {
      return t.isBefore(Instant.EPOCH) ? LocalDate.MIN : LocalDate.MAX;
    }
  }

  private OutsideCalendarException outside(LocalDate date, String what) {
    return new OutsideCalendarException(edition, date, firstDate, lastDate, what);
  }

  private long localToNanos(LocalDate date, int secondOfDay) {
    if (secondOfDay == WorkingWindow.SECONDS_PER_DAY) {
      return nanos(date.plusDays(1).atStartOfDay(zone).toInstant());
    }
    return localToNanos(date, LocalTime.ofSecondOfDay(secondOfDay));
  }

  /** The DST rule: gap → the transition instant; overlap → the earlier offset. */
  private long localToNanos(LocalDate date, LocalTime time) {
    LocalDateTime ldt = LocalDateTime.of(date, time);
    List<ZoneOffset> offsets = zone.getRules().getValidOffsets(ldt);
    if (offsets.isEmpty()) {
      ZoneOffsetTransition gap = Objects.requireNonNull(zone.getRules().getTransition(ldt));
      return nanos(gap.getInstant());
    }
    return nanos(ldt.toInstant(offsets.get(0)));
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * NANOS + t.getNano();
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof BusinessCalendar c
        && edition.equals(c.edition)
        && zone.equals(c.zone)
        && firstDate.equals(c.firstDate)
        && lastDate.equals(c.lastDate)
        && weekly.equals(c.weekly)
        && makeUpWindows.equals(c.makeUpWindows)
        && dated.equals(c.dated)
        && provisional.equals(c.provisional);
  }

  @Override
  public int hashCode() {
    return Objects.hash(edition, zone, firstDate, lastDate, weekly, dated, provisional);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "BusinessCalendar[%s, %s, %s..%s, %d dated days%s]",
        edition,
        zone,
        firstDate,
        lastDate,
        dated.size(),
        firstProvisionalDate().map(d -> ", provisional from " + d).orElse(""));
  }

  /**
   * Builds a {@link BusinessCalendar}. Later declarations for the same date or weekday replace
   * earlier ones (that is how a new edition corrects a date). Windows of one day must not overlap.
   */
  public static final class Builder {
    private String edition = "custom";
    private ZoneId zone = DEFAULT_ZONE;
    private @Nullable LocalDate firstDate;
    private @Nullable LocalDate lastDate;
    private final Map<DayOfWeek, ImmutableList<WorkingWindow>> weekly =
        new EnumMap<>(DayOfWeek.class);
    private ImmutableList<WorkingWindow> makeUpWindows = WorkingWindow.CHINA_OFFICE_HOURS;
    private final TreeMap<LocalDate, DatedDay> dated = new TreeMap<>();
    private final TreeRangeSet<LocalDate> provisional = TreeRangeSet.create();

    private Builder() {}

    /**
     * Returns the first covered date set so far.
     *
     * @return the first date, or empty before {@link #coverage}
     */
    public Optional<LocalDate> firstDate() {
      return Optional.ofNullable(firstDate);
    }

    /**
     * Returns the last covered date set so far.
     *
     * @return the last date, or empty before {@link #coverage}
     */
    public Optional<LocalDate> lastDate() {
      return Optional.ofNullable(lastDate);
    }

    /**
     * Marks dates {@link DayProvenance#PROVISIONAL provisional}: predicted, to be replaced by an
     * official schedule.
     *
     * @param firstInclusive the first date
     * @param lastInclusive the last date
     * @return this builder
     * @throws IllegalArgumentException if the range is empty
     */
    @CanIgnoreReturnValue
    public Builder provisional(LocalDate firstInclusive, LocalDate lastInclusive) {
      provisional.add(closed(firstInclusive, lastInclusive, "provisional"));
      return this;
    }

    /**
     * Marks dates {@link DayProvenance#OFFICIAL official} again (the default of every date).
     *
     * @param firstInclusive the first date
     * @param lastInclusive the last date
     * @return this builder
     * @throws IllegalArgumentException if the range is empty
     */
    @CanIgnoreReturnValue
    public Builder official(LocalDate firstInclusive, LocalDate lastInclusive) {
      provisional.remove(closed(firstInclusive, lastInclusive, "official"));
      return this;
    }

    /**
     * Returns the dated declarations made so far, by date (a read-only view).
     *
     * @return the dated days
     */
    public java.util.SortedMap<LocalDate, DatedDay> datedDays() {
      return java.util.Collections.unmodifiableSortedMap(dated);
    }

    /**
     * Returns whether a date is marked provisional so far.
     *
     * @param date the date
     * @return {@code true} if provisional
     */
    public boolean isProvisional(LocalDate date) {
      return provisional.contains(date);
    }

    private static Range<LocalDate> closed(LocalDate first, LocalDate last, String what) {
      checkArgument(
          !last.isBefore(first),
          "%s range %s..%s is empty: the last date is before the first",
          what,
          first,
          last);
      // canonical [first, last + 1) ranges coalesce adjacent days in the range set
      return Range.closedOpen(first, last.plusDays(1));
    }

    /**
     * Sets the edition name (default {@code custom}).
     *
     * @param name a non-empty name
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder edition(String name) {
      checkArgument(!name.isBlank(), "an edition name must not be blank");
      this.edition = name;
      return this;
    }

    /**
     * Sets the zone (default {@link BusinessCalendar#DEFAULT_ZONE}).
     *
     * @param zone the zone
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * Sets the covered local dates, both inclusive. Required. Dated days outside are kept but have
     * no effect.
     *
     * @param firstInclusive the first date
     * @param lastInclusive the last date
     * @return this builder
     * @throws IllegalArgumentException if the range is empty or outside 1900..2200
     */
    @CanIgnoreReturnValue
    public Builder coverage(LocalDate firstInclusive, LocalDate lastInclusive) {
      checkArgument(
          !lastInclusive.isBefore(firstInclusive),
          "coverage %s..%s is empty: the last date is before the first",
          firstInclusive,
          lastInclusive);
      checkArgument(
          !firstInclusive.isBefore(MIN_DATE) && !lastInclusive.isAfter(MAX_DATE),
          "coverage %s..%s must lie within %s..%s",
          firstInclusive,
          lastInclusive,
          MIN_DATE,
          MAX_DATE);
      this.firstDate = firstInclusive;
      this.lastDate = lastInclusive;
      return this;
    }

    /**
     * Sets the weekly windows of some weekdays (replacing what they had).
     *
     * @param days the weekdays
     * @param windows their windows, non-overlapping (an empty list makes them days off)
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder weekly(Collection<DayOfWeek> days, List<WorkingWindow> windows) {
      ImmutableList<WorkingWindow> w = sorted(windows, "weekly windows " + days);
      for (DayOfWeek d : days) {
        weekly.put(d, w);
      }
      return this;
    }

    /**
     * Sets the windows used by {@link #makeUpWorkday(LocalDate)} (default {@link
     * WorkingWindow#CHINA_OFFICE_HOURS}).
     *
     * @param windows non-empty, non-overlapping windows
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder makeUpWindows(List<WorkingWindow> windows) {
      checkArgument(!windows.isEmpty(), "make-up windows must not be empty");
      this.makeUpWindows = sorted(windows, "make-up windows");
      return this;
    }

    /**
     * Declares a public holiday (no working time).
     *
     * @param date the date
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder holiday(LocalDate date) {
      dated.put(date, new DatedDay(DayKind.HOLIDAY, ImmutableList.of()));
      return this;
    }

    /**
     * Declares a make-up workday (调休) with the {@link #makeUpWindows make-up windows}.
     *
     * @param date the date
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder makeUpWorkday(LocalDate date) {
      return makeUpWorkday(date, makeUpWindows);
    }

    /**
     * Declares a make-up workday with its own windows.
     *
     * @param date the date
     * @param windows non-empty, non-overlapping windows
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder makeUpWorkday(LocalDate date, List<WorkingWindow> windows) {
      dated.put(
          date, new DatedDay(DayKind.MAKE_UP_WORKDAY, sorted(windows, "make-up workday " + date)));
      return this;
    }

    /**
     * Declares a short day: a working day with its own (usually fewer) windows.
     *
     * @param date the date
     * @param windows non-empty, non-overlapping windows
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder shortDay(LocalDate date, List<WorkingWindow> windows) {
      dated.put(date, new DatedDay(DayKind.SHORT_DAY, sorted(windows, "short day " + date)));
      return this;
    }

    /**
     * Removes any dated declaration of a date, so that its weekday's windows apply again.
     *
     * @param date the date
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder regular(LocalDate date) {
      dated.remove(date);
      return this;
    }

    /**
     * Builds the calendar and precomputes its arithmetic.
     *
     * @return the calendar
     * @throws IllegalStateException if no coverage was set
     */
    public BusinessCalendar build() {
      if (firstDate == null || lastDate == null) {
        throw new IllegalStateException(
            "coverage(first, last) was not set for calendar edition " + edition);
      }
      return new BusinessCalendar(this);
    }

    private static ImmutableList<WorkingWindow> sorted(List<WorkingWindow> windows, String where) {
      List<WorkingWindow> w = new ArrayList<>(windows);
      w.sort(null);
      for (int i = 1; i < w.size(); i++) {
        checkArgument(
            w.get(i - 1).endSecondOfDayExclusive() <= w.get(i).startSecondOfDay(),
            "%s: windows %s and %s overlap",
            where,
            w.get(i - 1),
            w.get(i));
      }
      return ImmutableList.copyOf(w);
    }
  }
}
