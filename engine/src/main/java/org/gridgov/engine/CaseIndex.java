package org.gridgov.engine;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import org.gridgov.casefile.CaseId;
import org.jspecify.annotations.Nullable;

/**
 * The map from case id to ordinal of the {@link CaseStore}: open addressing over two parallel
 * arrays (ids and ordinals), linear probing, backward-shift deletion, at most half full. An engine
 * holds one entry per known case, so this saves a boxed ordinal and a map node per case.
 */
final class CaseIndex {
  private @Nullable CaseId[] ids = new CaseId[16];
  private int[] ordinals = new int[16]; // ordinals fit an int: OrdinalTable indexes by int
  private int size;

  /** The number of entries. */
  int size() {
    return size;
  }

  /** The ordinal of a case, or -1 if the index does not hold it. */
  long get(CaseId id) {
    int mask = ids.length - 1;
    for (int i = slot(id, mask); ; i = (i + 1) & mask) {
      CaseId k = ids[i];
      if (k == null) {
        return -1;
      }
      if (k.equals(id)) {
        return ordinals[i];
      }
    }
  }

  /** Adds or replaces the ordinal of a case. */
  void put(CaseId id, long ordinal) {
    if (ordinal < 0 || ordinal > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "case " + id + ": ordinal " + ordinal + " is outside 0.." + Integer.MAX_VALUE);
    }
    if (2 * (size + 1) > ids.length) {
      grow();
    }
    int mask = ids.length - 1;
    int i = slot(id, mask);
    while (true) {
      CaseId k = ids[i];
      if (k == null) {
        ids[i] = id;
        ordinals[i] = (int) ordinal;
        size++;
        return;
      }
      if (k.equals(id)) {
        ordinals[i] = (int) ordinal;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** Removes a case; returns whether the index held it. */
  @CanIgnoreReturnValue
  boolean remove(CaseId id) {
    int mask = ids.length - 1;
    int i = slot(id, mask);
    while (true) {
      CaseId k = ids[i];
      if (k == null) {
        return false;
      }
      if (k.equals(id)) {
        break;
      }
      i = (i + 1) & mask;
    }
    // shift the rest of the probe run back over the hole, as far as each entry's home allows
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      CaseId k = ids[j];
      if (k == null) {
        break;
      }
      int home = slot(k, mask);
      boolean stays = i <= j ? (home > i && home <= j) : (home > i || home <= j);
      if (!stays) {
        ids[i] = k;
        ordinals[i] = ordinals[j];
        i = j;
      }
    }
    ids[i] = null;
    size--;
    return true;
  }

  private void grow() {
    @Nullable CaseId[] oldIds = ids;
    int[] oldOrdinals = ordinals;
    ids = new CaseId[oldIds.length * 2];
    ordinals = new int[oldIds.length * 2];
    int mask = ids.length - 1;
    for (int k = 0; k < oldIds.length; k++) {
      CaseId id = oldIds[k];
      if (id != null) {
        int i = slot(id, mask);
        while (ids[i] != null) {
          i = (i + 1) & mask;
        }
        ids[i] = id;
        ordinals[i] = oldOrdinals[k];
      }
    }
  }

  private static int slot(CaseId id, int mask) {
    int h = id.hashCode() * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }
}
