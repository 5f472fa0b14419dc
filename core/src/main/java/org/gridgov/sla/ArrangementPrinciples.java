package org.gridgov.sla;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.gridgov.sla.BusinessCalendar.DayKind;
import org.gridgov.sla.ChinaHolidayRules.Festival;
import org.gridgov.sla.ChinaHolidayRules.StatutoryDay;
import org.gridgov.sla.ProvisionalYear.Basis;
import org.gridgov.sla.ProvisionalYear.Day;
import org.gridgov.sla.ProvisionalYear.OpenQuestion;

/**
 * The arrangement principles from 2025 as a search: for each holiday, every arrangement (block of
 * days off, compensation, make-up workdays) that satisfies the principles stated on {@link
 * ChinaHolidayRules#predict}; what all of them agree on is predicted, what they disagree on is
 * open.
 */
final class ArrangementPrinciples {

  /** 法定节假日假期前后连续工作一般不超过6天. */
  static final int MAX_CONSECUTIVE_WORKDAYS = 6;

  /** How far either side of a block the consecutive-work rule is checked. */
  private static final int SPAN_DAYS = 21;

  /** A closed range of dates. */
  record Range(LocalDate first, LocalDate last) {
    boolean contains(LocalDate d) {
      return !d.isBefore(first) && !d.isAfter(last);
    }

    List<LocalDate> dates() {
      return first.datesUntil(last.plusDays(1)).collect(Collectors.toList());
    }
  }

  /** One holiday (or 国庆 with 中秋 merged): its statutory days and the blocks the principles allow. */
  private record Group(
      Festival festival,
      ImmutableList<StatutoryDay> statutory,
      ImmutableList<Range> blocks,
      Optional<String> undetermined) {}

  /** One arrangement of a group that satisfies every principle. */
  private record Arrangement(
      Range block,
      Set<LocalDate> compensations,
      Set<LocalDate> makeUps,
      Set<LocalDate> candidates) {}

  private ArrangementPrinciples() {}

  static ProvisionalYear predict(int year, List<StatutoryDay> statutory, LunarDates.Year lunar) {
    List<Group> groups = groups(year, statutory, lunar);
    Map<LocalDate, Day> days = new LinkedHashMap<>();
    List<Set<LocalDate>> openSets = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      Group g = groups.get(i);
      Set<LocalDate> otherBlocks = new HashSet<>();
      Set<LocalDate> otherOff = new HashSet<>();
      for (int j = 0; j < groups.size(); j++) {
        if (j != i) {
          groups.get(j).blocks().forEach(r -> otherBlocks.addAll(r.dates()));
          otherOff.addAll(certainlyOff(groups.get(j)));
        }
      }
      List<Arrangement> arrangements = arrangements(g, otherBlocks, otherOff);
      counts.add(arrangements.size());
      openSets.add(resolve(g, arrangements, days));
    }
    List<OpenQuestion> questions = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      Set<LocalDate> open = new TreeSet<>(openSets.get(i));
      open.removeAll(days.keySet());
      for (int j = 0; j < i; j++) {
        open.removeAll(openSets.get(j));
      }
      if (!open.isEmpty()) {
        questions.add(question(year, groups.get(i), open, counts.get(i)));
      }
    }
    return ProvisionalYear.of(year, days.values(), questions);
  }

  private static List<Group> groups(int year, List<StatutoryDay> statutory, LunarDates.Year lunar) {
    List<Group> groups = new ArrayList<>();
    LocalDate oct1 = LocalDate.of(year, Month.OCTOBER, 1);
    LocalDate zhongqiu = lunar.zhongqiu();
    boolean merged = !zhongqiu.isBefore(oct1) && !zhongqiu.isAfter(oct1.plusDays(7));
    for (Festival f : Festival.values()) {
      List<StatutoryDay> own =
          statutory.stream()
              .filter(
                  s ->
                      s.festival() == f
                          || (merged
                              && f == Festival.NATIONAL_DAY
                              && s.festival() == Festival.MID_AUTUMN))
              .collect(Collectors.toList());
      LocalDate first = own.get(0).date();
      LocalDate last = own.get(own.size() - 1).date();
      Optional<String> undetermined = Optional.empty();
      ImmutableList<Range> blocks;
      switch (f) {
        case SPRING_FESTIVAL ->
            blocks = ImmutableList.of(new Range(lunar.eve(), lunar.eve().plusDays(7)));
        case NATIONAL_DAY ->
            blocks = ImmutableList.of(new Range(oct1, oct1.plusDays(merged ? 7 : 6)));
        case LABOUR_DAY -> blocks = windows(5, first, last);
        case MID_AUTUMN -> {
          if (merged) {
            continue;
          }
          blocks = threeDays(first);
          if (zhongqiu.isAfter(oct1.minusDays(4))) {
            undetermined =
                Optional.of(
                    String.format(
                        Locale.ROOT,
                        "中秋 falls on %s, %d day(s) before National Day: the principles merge the two when 中秋 falls"
                            + " in National Day's holiday but do not say what happens when it falls just before it.",
                        withWeekday(zhongqiu),
                        oct1.toEpochDay() - zhongqiu.toEpochDay()));
          }
        }
        default -> blocks = threeDays(first);
      }
      groups.add(new Group(f, ImmutableList.copyOf(own), blocks, undetermined));
    }
    return groups;
  }

  /**
   * 元旦, 清明, 端午, 中秋: 3 days joined to the weekend, or the day alone on a Wednesday (如逢周三则只在当日放假).
   */
  private static ImmutableList<Range> threeDays(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.WEDNESDAY
        ? ImmutableList.of(new Range(day, day))
        : windows(3, day, day);
  }

  /** The windows of {@code length} days holding {@code first..last} with the most weekend days. */
  static ImmutableList<Range> windows(int length, LocalDate first, LocalDate last) {
    List<Range> best = new ArrayList<>();
    int bestWeekend = -1;
    for (LocalDate start = last.minusDays(length - 1L);
        !start.isAfter(first);
        start = start.plusDays(1)) {
      Range r = new Range(start, start.plusDays(length - 1L));
      int weekend = (int) r.dates().stream().filter(ArrangementPrinciples::isWeekend).count();
      if (weekend > bestWeekend) {
        best.clear();
        bestWeekend = weekend;
      }
      if (weekend == bestWeekend) {
        best.add(r);
      }
    }
    return ImmutableList.copyOf(best);
  }

  private static Set<LocalDate> certainlyOff(Group g) {
    Set<LocalDate> off = new HashSet<>(g.blocks().get(0).dates());
    g.blocks().forEach(r -> off.retainAll(r.dates()));
    g.statutory().forEach(s -> off.add(s.date()));
    return off;
  }

  private static List<Arrangement> arrangements(
      Group g, Set<LocalDate> otherBlocks, Set<LocalDate> otherOff) {
    List<Arrangement> result = new ArrayList<>();
    Set<LocalDate> statutory =
        g.statutory().stream().map(StatutoryDay::date).collect(Collectors.toSet());
    for (Range block : g.blocks()) {
      if (!statutory.stream().allMatch(block::contains)) {
        continue;
      }
      Optional<Set<LocalDate>> compensations = compensations(block, statutory);
      if (compensations.isEmpty()) {
        continue;
      }
      long weekdays = block.dates().stream().filter(d -> !isWeekend(d)).count();
      int makeUps =
          (int)
              (weekdays
                  - statutory.stream().filter(d -> !isWeekend(d)).count()
                  - compensations.get().size());
      List<LocalDate> candidates = makeUpCandidates(block, otherBlocks);
      for (Set<LocalDate> chosen : subsets(candidates, makeUps)) {
        if (runsWithinLimit(block, chosen, otherOff)) {
          result.add(
              new Arrangement(block, compensations.get(), chosen, new HashSet<>(candidates)));
        }
      }
    }
    return result;
  }

  /**
   * Art. 6 补假: each weekend statutory day takes the first free non-statutory weekday after it,
   * inside the block.
   */
  private static Optional<Set<LocalDate>> compensations(Range block, Set<LocalDate> statutory) {
    Set<LocalDate> taken = new HashSet<>();
    for (LocalDate s : new TreeSet<>(statutory)) {
      if (!isWeekend(s)) {
        continue;
      }
      Optional<LocalDate> next =
          s.plusDays(1)
              .datesUntil(block.last().plusDays(1))
              .filter(d -> !isWeekend(d) && !statutory.contains(d) && !taken.contains(d))
              .findFirst();
      if (next.isEmpty()) {
        return Optional.empty();
      }
      taken.add(next.get());
    }
    return Optional.of(taken);
  }

  /**
   * The Saturdays and Sundays of the nearest weekend before and after the block that no other block
   * may take.
   */
  private static List<LocalDate> makeUpCandidates(Range block, Set<LocalDate> otherBlocks) {
    List<LocalDate> result = new ArrayList<>();
    for (int step : new int[] {-1, 1}) {
      LocalDate d = step < 0 ? block.first().minusDays(1) : block.last().plusDays(1);
      boolean found = false;
      for (int i = 0; i < 14; i++, d = d.plusDays(step)) {
        boolean free = isWeekend(d) && !otherBlocks.contains(d);
        if (free) {
          result.add(d);
          found = true;
        } else if (found && !isWeekend(d)) {
          break;
        }
      }
    }
    return result;
  }

  private static List<Set<LocalDate>> subsets(List<LocalDate> from, int size) {
    List<Set<LocalDate>> result = new ArrayList<>();
    if (size < 0 || size > from.size()) {
      return result;
    }
    for (int mask = 0; mask < 1 << from.size(); mask++) {
      if (Integer.bitCount(mask) == size) {
        Set<LocalDate> s = new HashSet<>();
        for (int i = 0; i < from.size(); i++) {
          if ((mask & (1 << i)) != 0) {
            s.add(from.get(i));
          }
        }
        result.add(s);
      }
    }
    return result;
  }

  private static boolean runsWithinLimit(
      Range block, Set<LocalDate> makeUps, Set<LocalDate> otherOff) {
    int run = 0;
    for (LocalDate d = block.first().minusDays(SPAN_DAYS);
        !d.isAfter(block.last().plusDays(SPAN_DAYS));
        d = d.plusDays(1)) {
      boolean off =
          block.contains(d) || otherOff.contains(d) || (isWeekend(d) && !makeUps.contains(d));
      run = off ? 0 : run + 1;
      if (run > MAX_CONSECUTIVE_WORKDAYS) {
        return false;
      }
    }
    return true;
  }

  /** Adds the days every arrangement agrees on; returns the dates they disagree on. */
  private static Set<LocalDate> resolve(
      Group g, List<Arrangement> arrangements, Map<LocalDate, Day> days) {
    Map<LocalDate, Festival> statutory = new LinkedHashMap<>();
    g.statutory().forEach(s -> statutory.put(s.date(), s.festival()));
    Set<LocalDate> relevant = new TreeSet<>();
    g.blocks().forEach(r -> relevant.addAll(r.dates()));
    arrangements.forEach(a -> relevant.addAll(a.candidates()));
    if (arrangements.isEmpty() || g.undetermined().isPresent()) {
      statutory.forEach(
          (d, f) -> days.putIfAbsent(d, new Day(d, DayKind.HOLIDAY, Basis.STATUTE, f)));
      relevant.removeAll(statutory.keySet());
      return relevant;
    }
    Set<LocalDate> open = new TreeSet<>();
    for (LocalDate d : relevant) {
      Set<Boolean> offs = arrangements.stream().map(a -> isOff(a, d)).collect(Collectors.toSet());
      if (offs.size() > 1) {
        open.add(d);
      } else if (arrangements.stream().allMatch(a -> a.block().contains(d))) {
        Basis basis =
            statutory.containsKey(d)
                ? Basis.STATUTE
                : isWeekend(d)
                    ? Basis.WEEKEND
                    : arrangements.stream().allMatch(a -> a.compensations().contains(d))
                        ? Basis.COMPENSATION
                        : Basis.PRINCIPLE;
        days.putIfAbsent(
            d, new Day(d, DayKind.HOLIDAY, basis, statutory.getOrDefault(d, g.festival())));
      } else if (!offs.iterator().next() && isWeekend(d)) {
        days.putIfAbsent(d, new Day(d, DayKind.MAKE_UP_WORKDAY, Basis.PRINCIPLE, g.festival()));
      }
    }
    return open;
  }

  private static boolean isOff(Arrangement a, LocalDate d) {
    return a.block().contains(d) || (isWeekend(d) && !a.makeUps().contains(d));
  }

  private static OpenQuestion question(int year, Group g, Set<LocalDate> open, int arrangements) {
    String dates =
        open.stream().map(ArrangementPrinciples::withWeekday).collect(Collectors.joining(", "));
    String note =
        g.undetermined().isPresent()
            ? g.undetermined().get() + " Open: " + dates + "."
            : arrangements == 0
                ? String.format(
                    Locale.ROOT,
                    "No arrangement of %s %d satisfies all the principles; only its statutory days are predicted."
                        + " Open: %s.",
                    g.festival().englishName(),
                    year,
                    dates)
                : String.format(
                    Locale.ROOT,
                    "%d arrangements of %s %d satisfy the principles (block length, 补假 after the weekend, make-up"
                        + " workdays on the nearest weekends, at most %d consecutive workdays); they differ on %s.",
                    arrangements,
                    g.festival().englishName(),
                    year,
                    MAX_CONSECUTIVE_WORKDAYS,
                    dates);
    return new OpenQuestion(
        g.festival(),
        ImmutableSortedSet.copyOf(open),
        note + " Until the notice, these dates follow the weekly pattern.");
  }

  static String withWeekday(LocalDate d) {
    return d + " (" + d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT) + ")";
  }

  static boolean isWeekend(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}
