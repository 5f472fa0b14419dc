package org.gridgov.engine;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Maps;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.jspecify.annotations.Nullable;

/**
 * The handlers an engine knows: the configured departments (and other non-office handlers of the
 * routing graph) and {@code office:<code>} of every region of the tree. Immutable apart from its
 * memos; not thread-safe (the engine's calls are serialised).
 */
final class HandlerDirectory {
  private static final String OFFICE = "office:";
  // The memos are direct-mapped by hash code, sized at eight slots per handler (a power of two,
  // 1,024 to 131,072): at a fixed 16,384 slots about half of Putian's 11,602 offices shared a slot
  // with another and pushed it out, and each such look-up parsed the id and probed the tree again.
  private static final int MIN_MEMO = 1 << 10;
  private static final int MAX_MEMO = 1 << 17;

  private final RegionTree tree;
  private final ImmutableSet<String> departments;
  private final @Nullable String[] knownHandlers;
  private final @Nullable String[] officeMemoIds;
  private final int[] officeMemoIndexes;
  private final ImmutableMap<String, String> departmentIds;
  private final @Nullable String[] officeIds; // by tree index, filled as offices are named

  HandlerDirectory(RegionTree tree, ImmutableSet<String> departments) {
    this.tree = tree;
    this.departments = departments;
    this.departmentIds = Maps.toMap(departments, d -> d);
    this.officeIds = new String[tree.size()];
    int memo = memoSize(tree.size() - tree.count(RegionLevel.UNIT) + departments.size());
    this.knownHandlers = new String[memo];
    this.officeMemoIds = new String[memo];
    this.officeMemoIndexes = new int[memo];
  }

  /** Eight slots per handler, as a power of two within [MIN_MEMO, MAX_MEMO]. */
  static int memoSize(int handlers) {
    long want = 8L * Math.max(1, handlers);
    int size = MIN_MEMO;
    while (size < want && size < MAX_MEMO) {
      size <<= 1;
    }
    return size;
  }

  RegionTree tree() {
    return tree;
  }

  /**
   * Whether {@code handlerId} is a configured department (or another non-office handler of the
   * graph).
   */
  boolean isDepartment(String handlerId) {
    return departments.contains(handlerId);
  }

  /**
   * Whether a handler id is known: a configured department, or {@code office:<code>} of a region of
   * the tree.
   */
  @SuppressWarnings(
      "ReferenceEquality") // an identity memo of ids found known; any other instance is checked
  boolean isKnown(String handlerId) {
    int slot = handlerId.hashCode() & (knownHandlers.length - 1);
    if (knownHandlers[slot] == handlerId) {
      return true; // the same id instance was found known before (policies hand out the same
      // instances)
    }
    boolean known = departments.contains(handlerId) || officeIndexOf(handlerId) >= 0;
    if (known) {
      knownHandlers[slot] =
          handlerId; // the tree and departments never change, so known stays known
    }
    return known;
  }

  /**
   * The engine's own instance of a known handler id, or null if the id is unknown. A case holds its
   * lead and history by id; policies often build a new string per decision, and an engine holding
   * many cases then keeps one instance per handler instead of one per case.
   */
  @Nullable String canonical(String handlerId) {
    int index = officeIndexOf(handlerId);
    if (index >= 0) {
      String known = officeIds[index];
      if (known == null) {
        known = handlerId;
        officeIds[index] = known;
      }
      return known;
    }
    return departmentIds.get(handlerId);
  }

  /**
   * The tree index of the region whose office a handler id names ({@code office:<code>}), or -1 if
   * it names no office or a region not in the tree; through a direct-mapped memo keyed by the id
   * instance (handler ids recur).
   */
  @SuppressWarnings(
      "ReferenceEquality") // an identity memo: another instance of an equal id is parsed again
  int officeIndexOf(String handlerId) {
    int slot = handlerId.hashCode() & (officeMemoIds.length - 1);
    if (officeMemoIds[slot] == handlerId) {
      return officeMemoIndexes[slot];
    }
    long code = officeCode(handlerId);
    int index = code < 0 ? -1 : tree.indexOf(code);
    officeMemoIds[slot] = handlerId;
    officeMemoIndexes[slot] = index;
    return index;
  }

  private static long officeCode(String handlerId) {
    if (!handlerId.startsWith(OFFICE) || handlerId.length() == OFFICE.length()) {
      return -1;
    }
    long v = 0;
    for (int i = OFFICE.length(); i < handlerId.length(); i++) {
      char ch = handlerId.charAt(i);
      if (ch < '0' || ch > '9' || v > (Long.MAX_VALUE - 9) / 10) {
        return -1;
      }
      v = v * 10 + (ch - '0');
    }
    return v;
  }
}
