package org.gridgov.engine;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import org.gridgov.casefile.CaseId;
import org.jspecify.annotations.Nullable;

/**
 * The map from case id to ordinal of the {@link CaseStore}: open addressing, linear probing,
 * backward-shift deletion, at most half full. Each slot is a {@code long} cell (the id's mixed hash
 * in the upper half, the ordinal + 1 in the lower; 0 = empty) beside the id itself. A probe reads
 * only the cell, and the id behind it only when the hashes agree, so a look-up that passes other
 * entries (every report of a new case does) costs one cache line instead of following each passed
 * id to its string's bytes. An engine holds one entry per known case, so this saves a boxed ordinal
 * and a map node per case.
 */
final class CaseIndex {
  private static final long ORDINAL_BITS = 0xFFFF_FFFFL;

  private long[] cells = new long[16];
  private @Nullable CaseId[] ids = new CaseId[16];
  private int size;

  /** The number of entries. */
  int size() {
    return size;
  }

  /** The ordinal of a case, or -1 if the index does not hold it. */
  long get(CaseId id) {
    int h = hash(id);
    int i = find(id, h);
    return i < 0 ? -1 : (cells[i] & ORDINAL_BITS) - 1;
  }

  /** Adds or replaces the ordinal of a case. */
  void put(CaseId id, long ordinal) {
    if (ordinal < 0 || ordinal > Integer.MAX_VALUE) { // ordinal + 1 fits the cell's lower half
      throw new IllegalArgumentException(
          "case " + id + ": ordinal " + ordinal + " is outside 0.." + Integer.MAX_VALUE);
    }
    if (2 * (size + 1) > cells.length) {
      grow();
    }
    int h = hash(id);
    int i = find(id, h);
    if (i >= 0) {
      cells[i] = cell(h, ordinal);
      return;
    }
    int mask = cells.length - 1;
    i = h & mask;
    while (cells[i] != 0) {
      i = (i + 1) & mask;
    }
    cells[i] = cell(h, ordinal);
    ids[i] = id;
    size++;
  }

  /** Removes a case; returns whether the index held it. */
  @CanIgnoreReturnValue
  boolean remove(CaseId id) {
    int i = find(id, hash(id));
    if (i < 0) {
      return false;
    }
    // shift the rest of the probe run back over the hole, as far as each entry's home allows
    int mask = cells.length - 1;
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      long c = cells[j];
      if (c == 0) {
        break;
      }
      int home = (int) (c >>> 32) & mask;
      boolean stays = i <= j ? (home > i && home <= j) : (home > i || home <= j);
      if (!stays) {
        cells[i] = c;
        ids[i] = ids[j];
        i = j;
      }
    }
    cells[i] = 0;
    ids[i] = null;
    size--;
    return true;
  }

  /** The slot holding {@code id} (whose mixed hash is {@code h}), or -1. */
  @SuppressWarnings("ReferenceEquality") // the same instance first; an equal one is compared
  private int find(CaseId id, int h) {
    int mask = cells.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      long c = cells[i];
      if (c == 0) {
        return -1;
      }
      if ((int) (c >>> 32) == h) {
        CaseId k = ids[i];
        if (k == id || id.equals(k)) {
          return i;
        }
      }
    }
  }

  private void grow() {
    long[] oldCells = cells;
    @Nullable CaseId[] oldIds = ids;
    cells = new long[oldCells.length * 2];
    ids = new CaseId[oldCells.length * 2];
    int mask = cells.length - 1;
    for (int k = 0; k < oldCells.length; k++) {
      long c = oldCells[k];
      if (c != 0) {
        int i = (int) (c >>> 32) & mask;
        while (cells[i] != 0) {
          i = (i + 1) & mask;
        }
        cells[i] = c;
        ids[i] = oldIds[k];
      }
    }
  }

  private static long cell(int h, long ordinal) {
    return ((long) h << 32) | (ordinal + 1);
  }

  private static int hash(CaseId id) {
    int h = id.hashCode() * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
