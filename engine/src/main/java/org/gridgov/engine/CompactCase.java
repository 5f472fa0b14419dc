package org.gridgov.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import com.google.common.collect.Ordering;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.CaseStateForm;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.Satisfaction;
import org.gridgov.region.UrbanRuralClass;
import org.gridgov.sla.CaseClocks;
import org.gridgov.sla.SlaClock;
import org.gridgov.sla.SlaClockForm;
import org.jspecify.annotations.Nullable;

/**
 * A committed case the engine has not touched lately, in primitive columns: status, counters and
 * flags packed into ints and a long, instants as epoch milliseconds, handler ids and clock names as
 * indices into {@link CompactTables}, each clock as its plan's index, start, time seen and fired
 * levels. {@link #decode} gives back a {@link CaseRecord} equal to the one {@link #encode} took;
 * encode refuses (returns null) any case the columns cannot hold exactly (sub-millisecond instants,
 * a clock that was ever paused, a merge target, counts past 127, sets not in natural order), which
 * then stays a record. {@code CaseEnginePropertyTest} holds every case but one in columns and
 * checks that the engine behaves exactly as one holding records.
 */
@SuppressWarnings("EnumOrdinal") // in-memory columns of one JVM, never written out
final class CompactCase {
  private static final int INSTANTS = 11;
  private static final int COUNTERS = 9;
  private static final int COUNTER_BITS = 7;
  private static final int COUNTER_MAX = (1 << COUNTER_BITS) - 1;
  private static final CaseStatus[] STATUSES = CaseStatus.values();
  private static final Satisfaction[] SATISFACTIONS = Satisfaction.values();
  private static final SlaClock.State[] CLOCK_STATES = SlaClock.State.values();
  // flags: status (bits 0-4), satisfaction + 1 (5-7), breached (8), whole-case breached (9),
  // solved (10), leadHistory == [lead] (11), clock count (12-15), present instants (16-26)
  private static final int LEAD_HISTORY_IS_LEAD = 1 << 11;
  private static final int CLOCKS_SHIFT = 12;
  private static final int INSTANTS_SHIFT = 16;

  private final CaseFacts facts;
  private final UrbanRuralClass urban;
  private final int location;
  private final int flags;
  private final int lead; // -1 = none
  private final int lastSequence;
  private final long counters;
  private final long suspendedNanos;
  private final long[] words; // present instants in millis, then 3 words per clock
  private final int @Nullable [] names; // 5 collection sizes, then the indices; null if all empty

  private CompactCase(
      CaseRecord r,
      int flags,
      int lead,
      int lastSequence,
      long counters,
      long suspendedNanos,
      long[] words,
      int @Nullable [] names) {
    this.facts = r.facts();
    this.urban = r.urban();
    this.location = r.location();
    this.flags = flags;
    this.lead = lead;
    this.lastSequence = lastSequence;
    this.counters = counters;
    this.suspendedNanos = suspendedNanos;
    this.words = words;
    this.names = names;
  }

  /** The case's id. */
  org.gridgov.casefile.CaseId id() {
    return facts.id();
  }

  /** The case in columns, or null if they cannot hold it exactly. */
  static @Nullable CompactCase encode(CaseRecord r, CompactTables tables) {
    CaseState s = r.state();
    if (s.mergedInto().isPresent()
        || s.lastSequence() > Integer.MAX_VALUE
        || !natural(s.assists())
        || !natural(s.returnedBy())
        || !natural(s.awaitingArrival())) {
      return null;
    }
    long counters = counters(s);
    long suspended = nanos(s.suspendedTotal());
    CaseClocks clocks = r.clocks();
    long[] scratch = tables.scratch();
    int mask = instants(s, scratch);
    if (counters < 0 || suspended < 0 || clocks.size() > 15 || mask < 0) {
      return null;
    }
    int present = Integer.bitCount(mask);
    long[] words = new long[present + 3 * clocks.size()];
    System.arraycopy(scratch, 0, words, 0, present);
    for (int i = 0, w = present; i < clocks.size(); i++, w += 3) {
      if (!clock(SlaClockForm.of(clocks.clockAt(i)), clocks.clockAt(i), tables, words, w)) {
        return null;
      }
    }
    String leadId = s.lead().orElse(null);
    boolean leadHistoryIsLead =
        leadId != null && s.leadHistory().size() == 1 && s.leadHistory().get(0).equals(leadId);
    Satisfaction sat = s.satisfaction().orElse(null);
    int flags =
        s.status().ordinal()
            | ((sat == null ? 0 : sat.ordinal() + 1) << 5)
            | (s.isBreached() ? 1 << 8 : 0)
            | (s.isWholeCaseBreached() ? 1 << 9 : 0)
            | (s.solved().orElse(false) ? 1 << 10 : 0)
            | (leadHistoryIsLead ? LEAD_HISTORY_IS_LEAD : 0)
            | (clocks.size() << CLOCKS_SHIFT)
            | (mask << INSTANTS_SHIFT);
    return new CompactCase(
        r,
        flags,
        leadId == null ? -1 : tables.name(leadId),
        (int) s.lastSequence(),
        counters,
        suspended,
        words,
        names(s, leadHistoryIsLead, tables));
  }

  /** The record again, equal to the one encoded. */
  CaseRecord decode(long ordinal, CompactTables tables) {
    List<Optional<Instant>> in = new ArrayList<>(INSTANTS);
    int mask = flags >>> INSTANTS_SHIFT;
    int w = 0;
    for (int i = 0; i < INSTANTS; i++) {
      in.add(
          (mask & (1 << i)) != 0
              ? Optional.of(Instant.ofEpochMilli(words[w++]))
              : Optional.empty());
    }
    Optional<String> leadId = lead < 0 ? Optional.empty() : Optional.of(tables.name(lead));
    int[] n = names;
    int at = 5;
    ImmutableSortedSet<String> assists = sortedSet(n, 0, at, tables);
    at += size(n, 0);
    ImmutableSortedSet<String> returnedBy = sortedSet(n, 1, at, tables);
    at += size(n, 1);
    ImmutableList<String> leadHistory =
        (flags & LEAD_HISTORY_IS_LEAD) != 0
            ? ImmutableList.of(leadId.get())
            : list(n, 2, at, tables);
    at += size(n, 2);
    ImmutableList<String> returnHistory = list(n, 3, at, tables);
    at += size(n, 3);
    ImmutableSortedSet<String> awaiting = sortedSet(n, 4, at, tables);
    int sat = (flags >>> 5) & 7;
    CaseState state =
        new CaseStateForm(
                facts.id(),
                STATUSES[flags & 31],
                lastSequence,
                in.get(0),
                leadId,
                assists,
                returnedBy,
                leadHistory,
                returnHistory,
                awaiting,
                in.get(1),
                in.get(2),
                in.get(3),
                in.get(4),
                in.get(5),
                in.get(6),
                in.get(7),
                in.get(8),
                in.get(9),
                in.get(10),
                Duration.ofNanos(suspendedNanos),
                counter(0),
                counter(1),
                counter(2),
                counter(3),
                counter(4),
                counter(5),
                counter(6),
                counter(7),
                counter(8),
                (flags & (1 << 8)) != 0,
                (flags & (1 << 9)) != 0,
                sat == 0 ? Optional.empty() : Optional.of(SATISFACTIONS[sat - 1]),
                (flags & (1 << 10)) != 0,
                Optional.empty())
            .toState();
    return new CaseRecord(facts, ordinal, state, clocks(w, tables), urban, location);
  }

  private CaseClocks clocks(int from, CompactTables tables) {
    CaseClocks c = CaseClocks.empty();
    int count = (flags >>> CLOCKS_SHIFT) & 15;
    for (int i = 0, w = from; i < count; i++, w += 3) {
      long head = words[w];
      CompactTables.Plan plan = tables.plan((int) ((head >>> 20) & 0xFFFFF));
      Instant started = Instant.ofEpochMilli(words[w + 1]);
      c =
          c.with(
              new SlaClockForm(
                      tables.name((int) (head & 0xFFFFF)),
                      plan.limit(),
                      plan.levels(),
                      plan.calendar().edition(),
                      started,
                      ImmutableList.of(started),
                      CLOCK_STATES[(int) ((head >>> 40) & 3)],
                      head >>> 42,
                      Instant.ofEpochMilli(words[w + 2]))
                  .toClock(plan.calendar()));
    }
    return c;
  }

  /** Writes one clock's 3 words at {@code w}; false if the columns cannot hold it. */
  private static boolean clock(
      SlaClockForm f, SlaClock clock, CompactTables tables, long[] words, int w) {
    long started = millis(f.startedAt());
    long seen = millis(f.seen());
    int name = tables.name(f.name());
    int plan = tables.plan(f.limit(), f.levels(), clock.calendar());
    if (f.history().size() != 1
        || started == Long.MIN_VALUE
        || seen == Long.MIN_VALUE
        || (f.firedMask() >>> 22) != 0
        || name > 0xFFFFF
        || plan > 0xFFFFF) {
      return false;
    }
    words[w] =
        name | ((long) plan << 20) | ((long) f.state().ordinal() << 40) | (f.firedMask() << 42);
    words[w + 1] = started;
    words[w + 2] = seen;
    return true;
  }

  /** Whether a set is in natural order, the order {@link #decode} rebuilds it in. */
  private static boolean natural(ImmutableSortedSet<String> set) {
    return Ordering.natural().equals(set.comparator());
  }

  private int counter(int i) {
    return (int) ((counters >>> (i * COUNTER_BITS)) & COUNTER_MAX);
  }

  private static long counters(CaseState s) {
    long packed = 0;
    for (int i = 0; i < COUNTERS; i++) {
      int c =
          switch (i) {
            case 0 -> s.dispatchCount();
            case 1 -> s.returnCount();
            case 2 -> s.escalationCount();
            case 3 -> s.reworkCount();
            case 4 -> s.suspensionCount();
            case 5 -> s.extensionCount();
            case 6 -> s.pendingExtensionDays().orElse(0);
            case 7 -> s.reopenCount();
            default -> s.summonCount();
          };
      if (c < 0 || c > COUNTER_MAX) {
        return -1;
      }
      packed |= (long) c << (i * COUNTER_BITS);
    }
    return packed;
  }

  /**
   * Writes the present instants' millis to {@code out} in order; returns the mask of the present
   * ones, or -1 if one is not whole milliseconds.
   */
  private static int instants(CaseState s, long[] out) {
    int mask = 0;
    for (int i = 0; i < INSTANTS; i++) {
      Optional<Instant> o =
          switch (i) {
            case 0 -> s.lastEventAt();
            case 1 -> s.dueAt();
            case 2 -> s.reportedAt();
            case 3 -> s.verifiedAt();
            case 4 -> s.registeredAt();
            case 5 -> s.firstDispatchedAt();
            case 6 -> s.firstAcceptedAt();
            case 7 -> s.lastResolvedAt();
            case 8 -> s.closedAt();
            case 9 -> s.evaluatedAt();
            default -> s.suspendedSince();
          };
      if (o.isPresent()) {
        long ms = millis(o.get());
        if (ms == Long.MIN_VALUE) {
          return -1;
        }
        out[Integer.bitCount(mask)] = ms;
        mask |= 1 << i;
      }
    }
    return mask;
  }

  private static int @Nullable [] names(
      CaseState s, boolean leadHistoryIsLead, CompactTables tables) {
    if (s.assists().isEmpty()
        && s.returnedBy().isEmpty()
        && (leadHistoryIsLead || s.leadHistory().isEmpty())
        && s.returnHistory().isEmpty()
        && s.awaitingArrival().isEmpty()) {
      return null;
    }
    List<List<String>> lists =
        List.of(
            s.assists().asList(),
            s.returnedBy().asList(),
            leadHistoryIsLead ? List.of() : s.leadHistory(),
            s.returnHistory(),
            s.awaitingArrival().asList());
    int total = 0;
    for (List<String> l : lists) {
      total += l.size();
    }
    if (total == 0) {
      return null;
    }
    int[] out = new int[5 + total];
    int at = 5;
    for (int i = 0; i < 5; i++) {
      out[i] = lists.get(i).size();
      for (String id : lists.get(i)) {
        out[at++] = tables.name(id);
      }
    }
    return out;
  }

  private static int size(int @Nullable [] n, int which) {
    return n == null ? 0 : n[which];
  }

  private static ImmutableList<String> list(
      int @Nullable [] n, int which, int from, CompactTables tables) {
    int size = size(n, which);
    if (n == null || size == 0) {
      return ImmutableList.of();
    }
    ImmutableList.Builder<String> b = ImmutableList.builderWithExpectedSize(size);
    for (int i = 0; i < size; i++) {
      b.add(tables.name(n[from + i]));
    }
    return b.build();
  }

  private static ImmutableSortedSet<String> sortedSet(
      int @Nullable [] n, int which, int from, CompactTables tables) {
    return ImmutableSortedSet.copyOf(list(n, which, from, tables));
  }

  /** Whole epoch milliseconds, or Long.MIN_VALUE if the instant has a finer part or is too far. */
  @SuppressWarnings("JavaInstantGetSecondsGetNano") // the sub-millisecond part is what is checked
  private static long millis(Instant t) {
    if (t.getNano() % 1_000_000 != 0) {
      return Long.MIN_VALUE;
    }
    try {
      return t.toEpochMilli();
    } catch (ArithmeticException e) {
      return Long.MIN_VALUE;
    }
  }

  private static long nanos(Duration d) {
    try {
      return d.isNegative() ? -1 : d.toNanos();
    } catch (ArithmeticException e) {
      return -1;
    }
  }
}
