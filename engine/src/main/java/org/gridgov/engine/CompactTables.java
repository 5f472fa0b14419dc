package org.gridgov.engine;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.gridgov.region.RegionTree;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.SlaLimit;
import org.gridgov.sla.WarningLevel;
import org.jspecify.annotations.Nullable;

/**
 * The shared tables {@link CompactCase}s point into: every handler id, clock name and category code
 * once, the engine's region tree (a location's code by its index), and every clock plan (limit,
 * levels, calendar edition) once. Entries are never removed: the tables grow with the distinct
 * handlers and plans an engine sees, not with its cases.
 */
final class CompactTables {
  /**
   * A clock plan: what clocks started by one SLA rule on one calendar edition share.
   *
   * @param limit the limit
   * @param levels the warning levels
   * @param calendar the calendar edition
   */
  record Plan(SlaLimit limit, ImmutableList<WarningLevel> levels, BusinessCalendar calendar) {}

  private record PlanKey(SlaLimit limit, ImmutableList<WarningLevel> levels, String edition) {}

  private final List<String> names = new ArrayList<>();
  private final HashMap<String, Integer> nameIndex = new HashMap<>();
  private final List<String> clockNames = new ArrayList<>();
  private final HashMap<String, Integer> clockIndex = new HashMap<>();
  private final List<Plan> plans = new ArrayList<>();
  private final HashMap<PlanKey, Integer> planIndex = new HashMap<>();
  private static final int PLAN_MEMO = 4;
  private final @Nullable SlaLimit[] memoLimits = new SlaLimit[PLAN_MEMO];
  private final @Nullable ImmutableList<?>[] memoLevels = new ImmutableList<?>[PLAN_MEMO];
  private final @Nullable BusinessCalendar[] memoCalendars = new BusinessCalendar[PLAN_MEMO];
  private final int[] memoPlans = new int[PLAN_MEMO];
  private int memoNext;
  private final long[] scratch = new long[64]; // 11 instants + 3 words for each of 15 clocks
  private final RegionTree tree;

  /** Empty tables for the cases of an engine over {@code tree}. */
  CompactTables(RegionTree tree) {
    this.tree = tree;
  }

  /** The code of the region with a tree index (a compact case's location). */
  long regionCode(int index) {
    return tree.region(index).code();
  }

  /** A scratch array of 64 longs for one encode at a time (the engine is single-threaded). */
  long[] scratch() {
    return scratch;
  }

  /** The index of a name, added if new. */
  int name(String name) {
    Integer i = nameIndex.get(name);
    if (i == null) {
      i = names.size();
      names.add(name);
      nameIndex.put(name, i);
    }
    return i;
  }

  /** The name with an index. */
  String name(int index) {
    return names.get(index);
  }

  /** The index of a clock name, added if new (clock names are numbered apart from the others). */
  int clockName(String name) {
    Integer i = clockIndex.get(name);
    if (i == null) {
      i = clockNames.size();
      clockNames.add(name);
      clockIndex.put(name, i);
    }
    return i;
  }

  /** The clock name with an index. */
  String clockName(int index) {
    return clockNames.get(index);
  }

  /**
   * The index of a plan, added if new (plans are told apart by their edition's name). The last
   * {@value #PLAN_MEMO} plans asked for are remembered by identity (clocks started by one rule
   * share its limit and levels), so most calls hash nothing.
   */
  @SuppressWarnings("ReferenceEquality") // an identity memo in front of the equality map
  int plan(SlaLimit limit, ImmutableList<WarningLevel> levels, BusinessCalendar calendar) {
    for (int k = 0; k < PLAN_MEMO; k++) {
      if (memoLimits[k] == limit && memoLevels[k] == levels && memoCalendars[k] == calendar) {
        return memoPlans[k];
      }
    }
    int i = planByKey(limit, levels, calendar);
    memoLimits[memoNext] = limit;
    memoLevels[memoNext] = levels;
    memoCalendars[memoNext] = calendar;
    memoPlans[memoNext] = i;
    memoNext = (memoNext + 1) % PLAN_MEMO;
    return i;
  }

  private int planByKey(
      SlaLimit limit, ImmutableList<WarningLevel> levels, BusinessCalendar calendar) {
    PlanKey key = new PlanKey(limit, levels, calendar.edition());
    Integer i = planIndex.get(key);
    if (i == null) {
      i = plans.size();
      plans.add(new Plan(limit, levels, calendar));
      planIndex.put(key, i);
    }
    return i;
  }

  /** The plan with an index. */
  Plan plan(int index) {
    return plans.get(index);
  }
}
