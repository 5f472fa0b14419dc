package org.gridgov.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import com.google.common.collect.Ordering;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.CaseStateForm;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.Satisfaction;
import org.gridgov.sla.CaseClocks;
import org.gridgov.sla.SlaClock;
import org.gridgov.sla.SlaClockForm;
import org.jspecify.annotations.Nullable;

/**
 * A committed case the engine has not touched lately, in primitive columns: status, counters and
 * flags packed into ints and a long, instants as epoch milliseconds, handler ids and clock names as
 * indices into {@link CompactTables}, each clock as its plan's index, start, time seen and fired
 * levels (a start or time seen equal to one of the state's instants is a 4-bit reference to it),
 * and the facts packed into an int when they hold no personal data ({@link CompactFacts}). {@link
 * #decode} gives back a {@link CaseRecord} equal to the one {@link #encode} took; encode refuses
 * (returns null) any case the columns cannot hold exactly (sub-millisecond instants, a clock that
 * was ever paused, a merge target, counts past 127, sets not in natural order), which then stays a
 * record. {@code CaseEnginePropertyTest} holds every case but one in columns and checks that the
 * engine behaves exactly as one holding records.
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

  private final CaseId id;
  private final @Nullable CaseFacts facts; // null when factBits hold them (CompactFacts)
  private final int factBits;
  private final int location;
  private final int flags;
  private final int lead; // -1 = none
  private final int lastSequence;
  private final long counters;
  private final long suspendedNanos;
  private final long[] words; // present instants in millis, then 1 to 3 words per clock
  private final int @Nullable [] names; // 5 collection sizes, then the indices; null if all empty

  private CompactCase(
      CaseRecord r,
      int factBits,
      int flags,
      int lead,
      int lastSequence,
      long counters,
      long suspendedNanos,
      long[] words,
      int @Nullable [] names) {
    this.id = r.facts().id();
    this.factBits = factBits;
    this.facts = CompactFacts.isPacked(factBits) ? null : r.facts();
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
  CaseId id() {
    return id;
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
    int end = present;
    for (int i = 0; i < clocks.size(); i++) {
      SlaClock clock = clocks.clockAt(i);
      end = clock(SlaClockForm.of(clock), clock, tables, scratch, present, end);
      if (end < 0) {
        return null;
      }
    }
    long[] words = Arrays.copyOf(scratch, end);
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
        CompactFacts.pack(r.facts(), r.location(), r.urban(), tables),
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
    CaseFacts f = facts != null ? facts : CompactFacts.facts(id, factBits, location, tables);
    int present = Integer.bitCount(flags >>> INSTANTS_SHIFT);
    return new CaseRecord(
        f,
        ordinal,
        state(instants(), tables),
        clocks(present, tables),
        CompactFacts.urban(factBits),
        location);
  }

  /** The eleven optional instants, in the order {@link #instants(CaseState, long[])} wrote them. */
  private List<Optional<Instant>> instants() {
    List<Optional<Instant>> in = new ArrayList<>(INSTANTS);
    int mask = flags >>> INSTANTS_SHIFT;
    int w = 0;
    for (int i = 0; i < INSTANTS; i++) {
      in.add(
          (mask & (1 << i)) != 0
              ? Optional.of(Instant.ofEpochMilli(words[w++]))
              : Optional.empty());
    }
    return in;
  }

  /** The handler-id collections of a state, in the order {@code names} wrote them. */
  private record HandlerSets(
      ImmutableSortedSet<String> assists,
      ImmutableSortedSet<String> returnedBy,
      ImmutableList<String> leadHistory,
      ImmutableList<String> returnHistory,
      ImmutableSortedSet<String> awaiting) {}

  private HandlerSets handlerSets(Optional<String> leadId, CompactTables tables) {
    int[] n = names;
    int at = 5;
    ImmutableSortedSet<String> assists = sortedSet(n, 0, at, tables);
    at += size(n, 0);
    ImmutableSortedSet<String> returnedBy = sortedSet(n, 1, at, tables);
    at += size(n, 1);
    ImmutableList<String> leadHistory =
        (flags & LEAD_HISTORY_IS_LEAD) != 0
            ? ImmutableList.of(leadId.orElseThrow())
            : list(n, 2, at, tables);
    at += size(n, 2);
    ImmutableList<String> returnHistory = list(n, 3, at, tables);
    at += size(n, 3);
    return new HandlerSets(
        assists, returnedBy, leadHistory, returnHistory, sortedSet(n, 4, at, tables));
  }

  private CaseState state(List<Optional<Instant>> in, CompactTables tables) {
    Optional<String> leadId = lead < 0 ? Optional.empty() : Optional.of(tables.name(lead));
    HandlerSets n = handlerSets(leadId, tables);
    int sat = (flags >>> 5) & 7;
    return new CaseStateForm(
            id,
            STATUSES[flags & 31],
            lastSequence,
            in.get(0),
            leadId,
            n.assists(),
            n.returnedBy(),
            n.leadHistory(),
            n.returnHistory(),
            n.awaiting(),
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
  }

  private CaseClocks clocks(int from, CompactTables tables) {
    CaseClocks c = CaseClocks.empty();
    int count = (flags >>> CLOCKS_SHIFT) & 15;
    int w = from;
    for (int i = 0; i < count; i++) {
      long head = words[w++];
      int startedRef = (int) ((head >>> 34) & 15);
      int seenRef = (int) ((head >>> 38) & 15);
      Instant started = Instant.ofEpochMilli(words[startedRef == 0 ? w++ : startedRef - 1]);
      Instant seen = Instant.ofEpochMilli(words[seenRef == 0 ? w++ : seenRef - 1]);
      CompactTables.Plan plan = tables.plan((int) ((head >>> 16) & 0xFFFF));
      c =
          c.with(
              new SlaClockForm(
                      tables.clockName((int) (head & 0xFFFF)),
                      plan.limit(),
                      plan.levels(),
                      plan.calendar().edition(),
                      started,
                      ImmutableList.of(started),
                      CLOCK_STATES[(int) ((head >>> 32) & 3)],
                      head >>> 42,
                      seen)
                  .toClock(plan.calendar()));
    }
    return c;
  }

  /**
   * Writes one clock at {@code w} of {@code out}, after the state's {@code present} instants: a
   * head word (name, plan, state, fired levels, and for its start and the time it has seen either
   * the position + 1 of an equal instant of the state or 0), then the start and the time seen that
   * no instant of the state equals. Returns the index after the last word written, or -1 if the
   * columns cannot hold the clock.
   */
  private static int clock(
      SlaClockForm f, SlaClock clock, CompactTables tables, long[] out, int present, int w) {
    long started = millis(f.startedAt());
    long seen = millis(f.seen());
    int name = tables.clockName(f.name());
    int plan = tables.plan(f.limit(), f.levels(), clock.calendar());
    if (f.history().size() != 1
        || started == Long.MIN_VALUE
        || seen == Long.MIN_VALUE
        || (f.firedMask() >>> 22) != 0
        || name > 0xFFFF
        || plan > 0xFFFF) {
      return -1;
    }
    long startedRef = sameInstant(out, present, started);
    long seenRef = sameInstant(out, present, seen);
    out[w] =
        name
            | ((long) plan << 16)
            | ((long) f.state().ordinal() << 32)
            | (startedRef << 34)
            | (seenRef << 38)
            | (f.firedMask() << 42);
    int next = w + 1;
    if (startedRef == 0) {
      out[next++] = started;
    }
    if (seenRef == 0) {
      out[next++] = seen;
    }
    return next;
  }

  /** The position + 1 of the first of the state's instants equal to {@code ms}, or 0 if none. */
  private static long sameInstant(long[] words, int present, long ms) {
    for (int i = 0; i < present; i++) {
      if (words[i] == ms) {
        return i + 1L;
      }
    }
    return 0;
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
    // one call per instant (not a switch over them): each Optional stays in its own inlined call,
    // where escape analysis removes it; merged through a switch, every one was allocated
    int mask = instant(s.lastEventAt(), 0, out, 0);
    mask = instant(s.dueAt(), 1, out, mask);
    mask = instant(s.reportedAt(), 2, out, mask);
    mask = instant(s.verifiedAt(), 3, out, mask);
    mask = instant(s.registeredAt(), 4, out, mask);
    mask = instant(s.firstDispatchedAt(), 5, out, mask);
    mask = instant(s.firstAcceptedAt(), 6, out, mask);
    mask = instant(s.lastResolvedAt(), 7, out, mask);
    mask = instant(s.closedAt(), 8, out, mask);
    mask = instant(s.evaluatedAt(), 9, out, mask);
    return instant(s.suspendedSince(), 10, out, mask);
  }

  /**
   * Writes instant {@code i}'s millis after the ones present before it and returns the mask with
   * its bit; an absent instant leaves the mask as it is, and -1 (one not whole milliseconds, or an
   * earlier one) stays -1.
   */
  private static int instant(Optional<Instant> o, int i, long[] out, int mask) {
    if (mask < 0 || o.isEmpty()) {
      return mask;
    }
    long ms = millis(o.get());
    if (ms == Long.MIN_VALUE) {
      return -1;
    }
    out[Integer.bitCount(mask)] = ms;
    return mask | 1 << i;
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
