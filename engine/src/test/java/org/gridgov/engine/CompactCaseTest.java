package org.gridgov.engine;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import com.google.common.collect.Ordering;
import com.google.common.primitives.ImmutableLongArray;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.CaseStateForm;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.PersonalData;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Satisfaction;
import org.gridgov.region.UrbanRuralClass;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.CaseClocks;
import org.gridgov.sla.ChinaCalendar;
import org.gridgov.sla.SlaClock;
import org.gridgov.sla.SlaClockForm;
import org.gridgov.sla.SlaLimit;
import org.gridgov.sla.WarningLevel;
import org.gridgov.sla.WorkingDayRule;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A case in compact columns: random records reaching every field of the state, the facts and the
 * clocks (and each limit of the columns, on both sides) are encoded exactly when an independent
 * statement of the limits says the columns can hold them, and an encoded record decodes to one
 * equal to it, its sets and lists in the same iteration order and its clocks in the same order.
 */
class CompactCaseTest {
  private static final BusinessCalendar CALENDAR = ChinaCalendar.calendar();
  private static final BusinessCalendar OTHER_EDITION = ChinaCalendar.calendar(3);
  private static final long[] CODES = {
    Fixture.GRID1, Fixture.GRID2, Fixture.GRID3, Fixture.VGRID, Fixture.COMMUNITY, Fixture.STREET
  };
  private static final String[] HANDLERS = {
    "grid:1", "grid:2", "community:1", "street:1", "dept:water", "dept:roads", "district", "city"
  };
  private static final Instant BASE = Instant.parse("2025-03-03T01:00:00Z");
  private static final Instant FAR = Instant.parse("3000-01-01T00:00:00Z");
  private static final ImmutableList<WarningLevel> TWO_LEVELS =
      ImmutableList.of(WarningLevel.atFraction("yellow", 0.8), WarningLevel.breach("red"));
  private static final ImmutableList<WarningLevel> MANY_LEVELS = manyLevels(30);
  private static final int COUNTER_MAX = 127;
  private static final long NOT_MILLIS = Long.MIN_VALUE;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 20261205})
  void randomCasesComeBackEqualExactlyWhenTheColumnsCanHoldThem(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    CompactTables shared = new CompactTables(Fixture.TREE);
    int encoded = 0;
    int refused = 0;
    for (int i = 0; i < 3_000; i++) {
      // fresh tables now and then, so that the first handler, clock name and plan get index 0
      CompactTables tables = r.nextInt(4) == 0 ? new CompactTables(Fixture.TREE) : shared;
      CaseRecord record = randomRecord(r, i);
      String why = "seed " + seed + ", case #" + i + ": " + record;

      @Nullable CompactCase c = CompactCase.encode(record, tables);

      assertThat(c != null).as(why).isEqualTo(columnsCanHold(record));
      if (c == null) {
        refused++;
        continue;
      }
      encoded++;
      assertThat(c.id()).as(why).isEqualTo(record.facts().id());
      CaseRecord back = c.decode(record.ordinal(), tables);
      assertSameRecord(back, record, why);
      // decoding again (another ordinal) reads the same columns
      assertThat(c.decode(record.ordinal() + 7, tables).state()).as(why).isEqualTo(record.state());
    }
    assertThat(encoded).as("seed %s: cases encoded", seed).isGreaterThan(600);
    assertThat(refused).as("seed %s: cases refused", seed).isGreaterThan(600);
  }

  @Test
  void aCaseWithEveryFieldAtItsLargestValueComesBack() {
    CompactTables tables = new CompactTables(Fixture.TREE);
    List<Optional<Instant>> in = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      in.add(Optional.of(BASE.plusMillis(1_001L * i + 1)));
    }
    CaseClocks clocks = CaseClocks.empty();
    for (int k = 0; k < 15; k++) {
      Instant start = BASE.plusMillis(k * 3L + 1);
      clocks =
          clocks.with(
              clockBuilder("c" + k, SlaLimit.natural(Duration.ofHours(k + 1)), MANY_LEVELS, start)
                  .firedMask((1L << 22) - 1)
                  .seen(start.plusMillis(5))
                  .build());
    }
    CaseState s =
        new StateBuilder("C-max", CaseStatus.MERGED)
            .lastSequence(Integer.MAX_VALUE, in.get(0).orElseThrow())
            .lead("grid:1")
            .leadHistory("grid:2", "grid:1")
            .instants(in, Optional.of(BASE.plusMillis(99_999)))
            .suspendedTotal(Duration.ofNanos(Long.MAX_VALUE))
            .counters(COUNTER_MAX)
            .flags(true, true, Optional.of(Satisfaction.DISSATISFIED), true)
            .build();
    CaseRecord record = record(packableFacts("C-max"), s, clocks);

    CompactCase c = requireNonNull(CompactCase.encode(record, tables), "encoded");

    assertSameRecord(c.decode(record.ordinal(), tables), record, "largest values");
  }

  @Test
  void aCaseOneStepPastEachLimitIsRefused() {
    CaseFacts facts = packableFacts("C-1");
    Instant t = BASE;
    List<CaseState> past = new ArrayList<>();
    past.add(new StateBuilder("C-1", CaseStatus.REGISTERED).lastSequence(1L << 31, t).build());
    for (int i = 0; i < 9; i++) {
      int[] counts = new int[9];
      counts[i] = COUNTER_MAX + 1;
      past.add(new StateBuilder("C-1", CaseStatus.REGISTERED).counters(counts).build());
    }
    past.add(
        new StateBuilder("C-1", CaseStatus.REGISTERED)
            .suspendedTotal(Duration.ofNanos(Long.MAX_VALUE).plusNanos(1))
            .build());
    for (CaseState s : past) {
      assertThat(CompactCase.encode(record(facts, s, CaseClocks.empty()), tables()))
          .as("%s", s)
          .isNull();
    }
    CaseClocks sixteen = CaseClocks.empty();
    for (int k = 0; k < 16; k++) {
      sixteen = sixteen.with(clock("c" + k, SlaLimit.natural(Duration.ofHours(1)), TWO_LEVELS, t));
    }
    CaseState plain = new StateBuilder("C-1", CaseStatus.REGISTERED).build();
    assertThat(CompactCase.encode(record(facts, plain, sixteen), tables())).isNull();
    assertThat(CompactCase.encode(record(facts, plain, sixteen.without("c15")), tables()))
        .isNotNull();
  }

  @Test
  void aClockNameOrPlanPastTheSixteenBitIndexIsRefused() {
    CaseFacts facts = packableFacts("C-1");
    CaseState plain = new StateBuilder("C-1", CaseStatus.REGISTERED).build();
    SlaLimit hour = SlaLimit.natural(Duration.ofHours(1));

    CompactTables names = tables();
    for (int i = 0; i < 0xFFFF; i++) {
      var unused = names.clockName("filler-" + i); // indices 0 to 0xFFFE
    }
    CaseRecord last = record(facts, plain, clocksOf(clock("last", hour, TWO_LEVELS, BASE)));
    // "last" gets index 0xFFFF
    CompactCase c = requireNonNull(CompactCase.encode(last, names), "encoded");
    assertThat(c.decode(3, names)).isEqualTo(last);
    assertThat(
            CompactCase.encode(
                record(facts, plain, clocksOf(clock("one-more", hour, TWO_LEVELS, BASE))), names))
        .isNull();

    CompactTables plans = tables();
    for (int i = 0; i < 0xFFFF; i++) {
      var unused = plans.plan(SlaLimit.natural(Duration.ofMinutes(i + 1)), TWO_LEVELS, CALENDAR);
    }
    SlaLimit lastLimit = SlaLimit.natural(Duration.ofDays(100));
    CaseRecord lastPlan = record(facts, plain, clocksOf(clock("c", lastLimit, TWO_LEVELS, BASE)));
    // plan index 0xFFFF
    CompactCase p = requireNonNull(CompactCase.encode(lastPlan, plans), "encoded");
    assertThat(p.decode(3, plans)).isEqualTo(lastPlan);
    SlaLimit oneMore = SlaLimit.natural(Duration.ofDays(101));
    assertThat(
            CompactCase.encode(
                record(facts, plain, clocksOf(clock("c", oneMore, TWO_LEVELS, BASE))), plans))
        .isNull();
  }

  // --- the oracle: the limits of the columns, stated from the class's contract ---

  private static boolean columnsCanHold(CaseRecord r) {
    CaseState s = r.state();
    if (s.mergedInto().isPresent() || s.lastSequence() > Integer.MAX_VALUE) {
      return false;
    }
    for (ImmutableSortedSet<String> set :
        List.of(s.assists(), s.returnedBy(), s.awaitingArrival())) {
      if (!Ordering.natural().equals(set.comparator())) {
        return false;
      }
    }
    int[] counts = {
      s.dispatchCount(),
      s.returnCount(),
      s.escalationCount(),
      s.reworkCount(),
      s.suspensionCount(),
      s.extensionCount(),
      s.pendingExtensionDays().orElse(0),
      s.reopenCount(),
      s.summonCount()
    };
    for (int c : counts) {
      if (c > COUNTER_MAX) {
        return false;
      }
    }
    if (s.suspendedTotal().compareTo(Duration.ofNanos(Long.MAX_VALUE)) > 0) {
      return false;
    }
    for (Optional<Instant> t : instantsOf(s)) {
      if (t.isPresent() && wholeMillis(t.get()) == NOT_MILLIS) {
        return false;
      }
    }
    if (r.clocks().size() > 15) {
      return false;
    }
    for (int i = 0; i < r.clocks().size(); i++) {
      SlaClockForm f = SlaClockForm.of(r.clocks().clockAt(i));
      if (f.history().size() != 1
          || wholeMillis(f.startedAt()) == NOT_MILLIS
          || wholeMillis(f.seen()) == NOT_MILLIS
          || f.firedMask() >= (1L << 22)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Epoch millis in BigInteger arithmetic, or NOT_MILLIS if the instant has a sub-millisecond part
   * or its millis do not fit a long (Long.MIN_VALUE itself is the columns' "cannot" mark).
   */
  private static long wholeMillis(Instant t) {
    if (t.getNano() % 1_000_000 != 0) {
      return NOT_MILLIS;
    }
    BigInteger ms =
        BigInteger.valueOf(t.getEpochSecond())
            .multiply(BigInteger.valueOf(1000))
            .add(BigInteger.valueOf(t.getNano() / 1_000_000));
    return ms.bitLength() < 64 ? ms.longValueExact() : NOT_MILLIS;
  }

  private static List<Optional<Instant>> instantsOf(CaseState s) {
    return List.of(
        s.lastEventAt(),
        s.dueAt(),
        s.reportedAt(),
        s.verifiedAt(),
        s.registeredAt(),
        s.firstDispatchedAt(),
        s.firstAcceptedAt(),
        s.lastResolvedAt(),
        s.closedAt(),
        s.evaluatedAt(),
        s.suspendedSince());
  }

  private static void assertSameRecord(CaseRecord back, CaseRecord record, String why) {
    assertThat(back.facts()).as(why).isEqualTo(record.facts());
    assertThat(CaseStateForm.of(back.state())).as(why).isEqualTo(CaseStateForm.of(record.state()));
    assertThat(back).as(why).isEqualTo(record);
    CaseState b = back.state();
    CaseState s = record.state();
    // equality of sorted sets ignores their order; the iteration order must come back too
    assertThat(b.assists().asList()).as(why).containsExactlyElementsOf(s.assists().asList());
    assertThat(b.returnedBy().asList()).as(why).containsExactlyElementsOf(s.returnedBy().asList());
    assertThat(b.awaitingArrival().asList())
        .as(why)
        .containsExactlyElementsOf(s.awaitingArrival().asList());
    assertThat(b.leadHistory()).as(why).containsExactlyElementsOf(s.leadHistory());
    assertThat(b.returnHistory()).as(why).containsExactlyElementsOf(s.returnHistory());
    // CaseClocks' equality ignores the order of the clocks; the order must come back too
    for (int i = 0; i < record.clocks().size(); i++) {
      assertThat(SlaClockForm.of(back.clocks().clockAt(i)))
          .as(why)
          .isEqualTo(SlaClockForm.of(record.clocks().clockAt(i)));
    }
  }

  // --- the generator ---

  private static CaseRecord randomRecord(SplittableRandom r, int i) {
    String id = "C-" + i;
    CaseFacts facts = r.nextInt(5) == 0 ? personalFacts(r, id) : randomFacts(r, id);
    long first = facts.locationCodes().get(0);
    int location = r.nextInt(4) == 0 ? -1 : Fixture.TREE.indexOf(first);
    List<Instant> pool = new ArrayList<>();
    List<Optional<Instant>> in = new ArrayList<>();
    for (int k = 0; k < 10; k++) {
      Optional<Instant> t = r.nextBoolean() ? Optional.of(randomInstant(r)) : Optional.empty();
      in.add(t);
      t.ifPresent(pool::add);
    }
    Optional<Instant> suspendedSince =
        r.nextInt(3) == 0 ? Optional.of(randomInstant(r)) : Optional.empty();
    suspendedSince.ifPresent(pool::add);
    StateBuilder s = new StateBuilder(id, pick(r, CaseStatus.values()));
    long sequence =
        switch (r.nextInt(10)) {
          case 0 -> 0;
          case 1 -> Integer.MAX_VALUE;
          case 2 -> r.nextInt(3) == 0 ? Integer.MAX_VALUE + 1L : Integer.MAX_VALUE - 1L;
          case 3 -> 1 + r.nextLong(1L << 40);
          default -> 1 + r.nextInt(1000);
        };
    if (sequence > 0) {
      Instant last = in.get(0).orElseGet(() -> randomInstant(r));
      in.set(0, Optional.of(last));
      if (!pool.contains(last)) {
        pool.add(last);
      }
    } else {
      in.get(0).ifPresent(pool::remove);
      in.set(0, Optional.empty());
    }
    s.lastSequence(sequence, in.get(0).orElse(null));
    s.instants(in, suspendedSince);
    Optional<String> lead = r.nextInt(3) == 0 ? Optional.empty() : Optional.of(pick(r, HANDLERS));
    if (lead.isPresent()) {
      s.lead(lead.get());
    }
    s.assists(randomSet(r)).returnedBy(randomSet(r)).awaiting(randomSet(r));
    s.leadHistory(randomLeadHistory(r, lead).toArray(String[]::new));
    s.returnHistory(randomList(r).toArray(String[]::new));
    s.suspendedTotal(
        switch (r.nextInt(12)) {
          case 0 -> Duration.ofNanos(Long.MAX_VALUE).plusNanos(r.nextInt(2));
          case 1 -> r.nextBoolean() ? Duration.ofDays(200_000) : Duration.ofNanos(1);
          case 2 -> Duration.ofNanos(r.nextLong(1L << 50));
          default -> Duration.ZERO;
        });
    int[] counts = new int[9];
    for (int k = 0; k < 9; k++) {
      counts[k] =
          switch (r.nextInt(40)) {
            case 0 -> r.nextInt(5) == 0 ? COUNTER_MAX + 1 + r.nextInt(1000) : COUNTER_MAX - 1;
            case 1, 2 -> COUNTER_MAX;
            case 3, 4, 5, 6, 7, 8, 9, 10 -> 1 + r.nextInt(COUNTER_MAX);
            default -> 0;
          };
    }
    s.counters(counts);
    // solved only with a satisfaction: CaseStateForm refuses it without one, as events never
    // leave it (Evaluated sets both, Reopened clears both)
    Optional<Satisfaction> satisfaction =
        r.nextBoolean() ? Optional.of(pick(r, Satisfaction.values())) : Optional.empty();
    s.flags(
        r.nextBoolean(),
        r.nextBoolean(),
        satisfaction,
        satisfaction.isPresent() && r.nextBoolean());
    if (r.nextInt(60) == 0) {
      s.mergedInto(CaseId.of("C-merged"));
    }
    return new CaseRecord(
        facts,
        r.nextLong(1L << 40),
        s.build(),
        randomClocks(r, pool),
        pick(r, UrbanRuralClass.values()),
        location);
  }

  private static CaseClocks randomClocks(SplittableRandom r, List<Instant> pool) {
    int count =
        switch (r.nextInt(30)) {
          case 0 -> 15;
          case 1 -> 16;
          case 2, 3, 4, 5 -> 0;
          default -> 1 + r.nextInt(4);
        };
    List<Instant> near = new ArrayList<>();
    for (Instant t : pool) {
      if (t.isBefore(FAR)) {
        near.add(t); // a limit or a later instant can be added without overflow
      }
    }
    CaseClocks clocks = CaseClocks.empty();
    for (int k = 0; k < count; k++) {
      boolean fromPool = !near.isEmpty() && r.nextInt(3) > 0;
      Instant start = fromPool ? near.get(r.nextInt(near.size())) : clockInstant(r);
      boolean many = r.nextInt(3) == 0;
      ImmutableList<WarningLevel> levels = many ? MANY_LEVELS : TWO_LEVELS;
      BusinessCalendar calendar = r.nextInt(4) == 0 ? OTHER_EDITION : CALENDAR;
      SlaLimit limit =
          switch (r.nextInt(4)) {
            case 0 -> SlaLimit.workingHours(1 + r.nextInt(8));
            case 1 -> SlaLimit.workingDays(1 + r.nextInt(5), WorkingDayRule.SAME_CLOCK_TIME);
            default -> SlaLimit.natural(Duration.ofHours(1 + r.nextInt(3)));
          };
      if (limit.unit() == SlaLimit.Unit.WORKING_DAYS
          && (start.isBefore(BASE.minus(Duration.ofDays(400)))
              || start.isAfter(BASE.plus(Duration.ofDays(400))))) {
        limit = SlaLimit.natural(Duration.ofHours(2)); // working days only inside the calendar
      }
      long fired =
          switch (r.nextInt(10)) {
            case 0, 4, 5, 6 -> 0;
            case 1 -> many ? 1L << (20 + r.nextInt(4)) : 1;
            case 2 -> many && r.nextInt(3) == 0 ? r.nextLong(1L << 30) : 2;
            default -> many ? r.nextLong(1L << 22) : r.nextInt(4);
          };
      ClockBuilder b = new ClockBuilder("k" + k + (r.nextBoolean() ? "" : ":lead"), limit);
      b.levels(levels).calendar(calendar).start(start).firedMask(fired);
      List<Instant> later = new ArrayList<>();
      for (Instant t : near) {
        if (!t.isBefore(start)) {
          later.add(t);
        }
      }
      switch (r.nextInt(40)) {
        case 0 -> b.pausedAt(start.plusMillis(r.nextInt(5_000)));
        case 1 -> b.stoppedAt(start.plusMillis(r.nextInt(5_000)));
        case 2 -> b.resumed(start.plusMillis(1), start.plusMillis(2));
        case 3, 4, 5, 6, 7, 8, 9, 10 -> b.seen(start);
        case 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 ->
            b.seen(later.isEmpty() ? start : later.get(r.nextInt(later.size())));
        case 21 -> b.seen(start.plusNanos(1 + r.nextInt(999_999)));
        default -> b.seen(start.plusMillis(r.nextInt(100_000_000)));
      }
      clocks = clocks.with(b.build());
    }
    return clocks;
  }

  /** Mostly whole milliseconds, equal ones often, sub-millisecond or far off rarely. */
  private static Instant randomInstant(SplittableRandom r) {
    return switch (r.nextInt(200)) {
      case 0 -> BASE.plusNanos(1 + r.nextInt(999_999));
      case 1 -> Instant.ofEpochSecond(Instant.MAX.getEpochSecond() - r.nextInt(1000));
      case 2 -> Instant.ofEpochMilli(Long.MAX_VALUE - r.nextInt(1000));
      case 3 -> Instant.ofEpochMilli(-r.nextLong(1L << 45));
      case 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 -> BASE;
      case 16, 17, 18, 19 -> BASE.plusMillis(1 + r.nextInt(1000));
      default -> BASE.plusMillis(r.nextLong(1L << 36));
    };
  }

  /** An instant a clock can start at (no overflow when a limit is added). */
  private static Instant clockInstant(SplittableRandom r) {
    return switch (r.nextInt(60)) {
      case 0 -> BASE.plusNanos(1 + r.nextInt(999_999));
      case 1 -> BASE;
      default -> BASE.plusMillis(r.nextLong(1L << 34));
    };
  }

  private static ImmutableSortedSet<String> randomSet(SplittableRandom r) {
    List<String> names = randomList(r);
    return r.nextInt(15) == 0
        ? ImmutableSortedSet.copyOf(Ordering.<String>natural().reverse(), names)
        : ImmutableSortedSet.copyOf(names);
  }

  private static List<String> randomList(SplittableRandom r) {
    List<String> names = new ArrayList<>();
    int n = r.nextBoolean() ? 0 : 1 + r.nextInt(4);
    for (int k = 0; k < n; k++) {
      names.add(pick(r, HANDLERS));
    }
    return names;
  }

  private static List<String> randomLeadHistory(SplittableRandom r, Optional<String> lead) {
    String other = pick(r, HANDLERS);
    return switch (r.nextInt(7)) {
      case 0 -> List.of();
      case 1, 2 -> lead.map(List::of).orElse(List.of(other));
      case 3 -> List.of(other);
      case 4 -> lead.map(l -> List.of(l, other)).orElse(List.of(other, other));
      case 5 -> lead.map(l -> List.of(other, l)).orElse(List.of(other));
      default -> randomList(r);
    };
  }

  private static CaseFacts randomFacts(SplittableRandom r, String id) {
    return CaseFacts.builder()
        .id(CaseId.of(id))
        .categoryCode(pick(r, new String[] {"0101", "0301", "06", "0502"}))
        .priority(pick(r, Priority.values()))
        .kind(pick(r, CaseKind.values()))
        .source(pick(r, CaseSource.values()))
        .locationCodes(ImmutableLongArray.of(CODES[r.nextInt(CODES.length)]))
        .build();
  }

  private static CaseFacts personalFacts(SplittableRandom r, String id) {
    return CaseFacts.builder()
        .id(CaseId.of(id))
        .categoryCode("0101")
        .priority(pick(r, Priority.values()))
        .kind(CaseKind.COMMITTED)
        .source(pick(r, CaseSource.values()))
        .locationCodes(ImmutableLongArray.of(CODES[r.nextInt(CODES.length)]))
        .reporter(PersonalData.of("张三丰", "13812345678"))
        .build();
  }

  private static CaseFacts packableFacts(String id) {
    return Fixture.facts(id, "0101", Priority.NORMAL, CaseSource.GRID_PATROL, Fixture.GRID1);
  }

  private static CaseRecord record(CaseFacts facts, CaseState s, CaseClocks clocks) {
    return new CaseRecord(
        facts,
        3,
        s,
        clocks,
        UrbanRuralClass.MAIN_URBAN,
        Fixture.TREE.indexOf(facts.locationCodes().get(0)));
  }

  private static CompactTables tables() {
    return new CompactTables(Fixture.TREE);
  }

  private static CaseClocks clocksOf(SlaClock... clocks) {
    CaseClocks c = CaseClocks.empty();
    for (SlaClock k : clocks) {
      c = c.with(k);
    }
    return c;
  }

  private static SlaClock clock(
      String name, SlaLimit limit, ImmutableList<WarningLevel> levels, Instant start) {
    return clockBuilder(name, limit, levels, start).build();
  }

  private static ClockBuilder clockBuilder(
      String name, SlaLimit limit, ImmutableList<WarningLevel> levels, Instant start) {
    return new ClockBuilder(name, limit).levels(levels).start(start);
  }

  private static ImmutableList<WarningLevel> manyLevels(int n) {
    ImmutableList.Builder<WarningLevel> b = ImmutableList.builder();
    for (int i = 0; i < n; i++) {
      b.add(WarningLevel.atFraction("l" + i, (i + 1) / (double) (n + 1)));
    }
    return b.build();
  }

  private static <T> T pick(SplittableRandom r, T[] values) {
    return values[r.nextInt(values.length)];
  }

  /** A clock through its form, so that any history, state and fired levels can be built. */
  private static final class ClockBuilder {
    private final String name;
    private final SlaLimit limit;
    private ImmutableList<WarningLevel> levels = TWO_LEVELS;
    private BusinessCalendar calendar = CALENDAR;
    private Instant start = BASE;
    private ImmutableList<Instant> history = ImmutableList.of();
    private SlaClock.State state = SlaClock.State.RUNNING;
    private long firedMask;
    private @Nullable Instant seen;

    ClockBuilder(String name, SlaLimit limit) {
      this.name = name;
      this.limit = limit;
    }

    @CanIgnoreReturnValue
    ClockBuilder levels(ImmutableList<WarningLevel> l) {
      levels = l;
      return this;
    }

    @CanIgnoreReturnValue
    ClockBuilder calendar(BusinessCalendar c) {
      calendar = c;
      return this;
    }

    @CanIgnoreReturnValue
    ClockBuilder start(Instant t) {
      start = t;
      return this;
    }

    @CanIgnoreReturnValue
    ClockBuilder firedMask(long m) {
      firedMask = m;
      return this;
    }

    @CanIgnoreReturnValue
    ClockBuilder seen(Instant t) {
      seen = t;
      return this;
    }

    @CanIgnoreReturnValue
    ClockBuilder pausedAt(Instant t) {
      history = ImmutableList.of(start, t);
      state = SlaClock.State.PAUSED;
      seen = t;
      return this;
    }

    @CanIgnoreReturnValue
    ClockBuilder stoppedAt(Instant t) {
      history = ImmutableList.of(start, t);
      state = SlaClock.State.STOPPED;
      seen = t;
      return this;
    }

    @CanIgnoreReturnValue
    ClockBuilder resumed(Instant pause, Instant resume) {
      history = ImmutableList.of(start, pause, resume);
      state = SlaClock.State.RUNNING;
      seen = resume;
      return this;
    }

    SlaClock build() {
      ImmutableList<Instant> h = history.isEmpty() ? ImmutableList.of(start) : history;
      Instant s = seen == null ? start : seen;
      return new SlaClockForm(
              name, limit, levels, calendar.edition(), start, h, state, firedMask, s)
          .toClock(calendar);
    }
  }

  /** A state through its form, every field settable. */
  private static final class StateBuilder {
    private final CaseId id;
    private final CaseStatus status;
    private long lastSequence;
    private Optional<Instant> lastEventAt = Optional.empty();
    private Optional<String> lead = Optional.empty();
    private ImmutableSortedSet<String> assists = ImmutableSortedSet.of();
    private ImmutableSortedSet<String> returnedBy = ImmutableSortedSet.of();
    private ImmutableSortedSet<String> awaiting = ImmutableSortedSet.of();
    private ImmutableList<String> leadHistory = ImmutableList.of();
    private ImmutableList<String> returnHistory = ImmutableList.of();
    private List<Optional<Instant>> instants = new ArrayList<>();
    private Optional<Instant> suspendedSince = Optional.empty();
    private Duration suspendedTotal = Duration.ZERO;
    private int[] counts = new int[9];
    private boolean breached;
    private boolean wholeCaseBreached;
    private Optional<Satisfaction> satisfaction = Optional.empty();
    private boolean solved;
    private Optional<CaseId> mergedInto = Optional.empty();

    StateBuilder(String id, CaseStatus status) {
      this.id = CaseId.of(id);
      this.status = status;
      for (int i = 0; i < 10; i++) {
        instants.add(Optional.empty());
      }
    }

    @CanIgnoreReturnValue
    StateBuilder lastSequence(long sequence, @Nullable Instant at) {
      lastSequence = sequence;
      lastEventAt = Optional.ofNullable(at);
      return this;
    }

    @CanIgnoreReturnValue
    StateBuilder lead(String l) {
      lead = Optional.of(l);
      return this;
    }

    @CanIgnoreReturnValue
    StateBuilder assists(ImmutableSortedSet<String> s) {
      assists = s;
      return this;
    }

    @CanIgnoreReturnValue
    StateBuilder returnedBy(ImmutableSortedSet<String> s) {
      returnedBy = s;
      return this;
    }

    @CanIgnoreReturnValue
    StateBuilder awaiting(ImmutableSortedSet<String> s) {
      awaiting = s;
      return this;
    }

    @CanIgnoreReturnValue
    StateBuilder leadHistory(String... l) {
      leadHistory = ImmutableList.copyOf(l);
      return this;
    }

    @CanIgnoreReturnValue
    StateBuilder returnHistory(String... l) {
      returnHistory = ImmutableList.copyOf(l);
      return this;
    }

    /** The instants from dueAt to evaluatedAt at indices 1 to 9 (0 is ignored), suspendedSince. */
    @CanIgnoreReturnValue
    StateBuilder instants(List<Optional<Instant>> in, Optional<Instant> since) {
      instants = new ArrayList<>(in);
      suspendedSince = since;
      return this;
    }

    @CanIgnoreReturnValue
    StateBuilder suspendedTotal(Duration d) {
      suspendedTotal = d;
      return this;
    }

    @CanIgnoreReturnValue
    StateBuilder counters(int all) {
      int[] c = new int[9];
      Arrays.fill(c, all);
      counts = c;
      return this;
    }

    @CanIgnoreReturnValue
    StateBuilder counters(int[] c) {
      counts = c.clone();
      return this;
    }

    @CanIgnoreReturnValue
    StateBuilder flags(
        boolean breach, boolean wholeBreach, Optional<Satisfaction> sat, boolean solvedFlag) {
      breached = breach;
      wholeCaseBreached = wholeBreach;
      satisfaction = sat;
      solved = solvedFlag;
      return this;
    }

    @CanIgnoreReturnValue
    StateBuilder mergedInto(CaseId target) {
      mergedInto = Optional.of(target);
      return this;
    }

    CaseState build() {
      return new CaseStateForm(
              id,
              status,
              lastSequence,
              lastEventAt,
              lead,
              assists,
              returnedBy,
              leadHistory,
              returnHistory,
              awaiting,
              instants.get(1),
              instants.get(2),
              instants.get(3),
              instants.get(4),
              instants.get(5),
              instants.get(6),
              instants.get(7),
              instants.get(8),
              instants.get(9),
              suspendedSince,
              suspendedTotal,
              counts[0],
              counts[1],
              counts[2],
              counts[3],
              counts[4],
              counts[5],
              counts[6],
              counts[7],
              counts[8],
              breached,
              wholeCaseBreached,
              satisfaction,
              solved,
              mergedInto)
          .toState();
    }
  }
}
