package org.gridgov.engine;

import java.util.HashMap;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An open-addressing map from a place (a category code at a location code) to a value, for the
 * {@link RepeatIndex}: each report, merge and release asks it once. The key's two parts sit in
 * primitive arrays beside the value, so a look-up reads one slot's code, category number and value
 * (loads the processor issues together) instead of a hash map's table, node, key record and its
 * string. Categories are numbered as they come (an engine knows tens of them). Linear probing with
 * backward-shift deletion, so removals leave no tombstones; grows at half full. Not thread-safe.
 *
 * @param <V> the value type
 */
final class PlaceTable<V> {
  private final HashMap<String, Integer> categories = new HashMap<>();
  private long[] codes;
  private int[] cats; // category number + 1; 0 marks an empty slot
  private @Nullable Object[] values;
  private int size;

  /** An empty table. */
  PlaceTable() {
    codes = new long[16];
    cats = new int[16];
    values = new Object[16];
  }

  /** The number of places held. */
  int size() {
    return size;
  }

  /** The value at a place, or null. */
  @SuppressWarnings("unchecked") // only V is stored
  @Nullable V get(String category, long code) {
    Integer c = categories.get(category);
    if (c == null) {
      return null;
    }
    int s = find(c + 1, code);
    return s < 0 ? null : (V) values[s];
  }

  /** Sets the value at a place, adding the place if it is new. */
  void put(String category, long code, V value) {
    Objects.requireNonNull(value);
    int cat = categories.computeIfAbsent(category, k -> categories.size()) + 1;
    int s = find(cat, code);
    if (s >= 0) {
      values[s] = value;
      return;
    }
    if (2 * (size + 1) > codes.length) {
      grow();
    }
    s = insertionSlot(codes, cats, cat, code);
    codes[s] = code;
    cats[s] = cat;
    values[s] = value;
    size++;
  }

  /** Removes a place; nothing happens if it is absent. */
  void remove(String category, long code) {
    Integer c = categories.get(category);
    if (c == null) {
      return;
    }
    int s = find(c + 1, code);
    if (s >= 0) {
      removeAt(s);
    }
  }

  private int find(int cat, long code) {
    int mask = codes.length - 1;
    int s = slot(cat, code, mask);
    while (true) {
      int k = cats[s];
      if (k == 0) {
        return -1;
      }
      if (k == cat && codes[s] == code) {
        return s;
      }
      s = (s + 1) & mask;
    }
  }

  /** Empties slot {@code s} and shifts later entries of its probe run back into the gap. */
  private void removeAt(int s) {
    int mask = codes.length - 1;
    int gap = s;
    int i = s;
    while (true) {
      i = (i + 1) & mask;
      int k = cats[i];
      if (k == 0) {
        break;
      }
      int home = slot(k, codes[i], mask);
      // the entry at i may move into the gap if its home is not cyclically in (gap, i]
      if (((i - home) & mask) >= ((i - gap) & mask)) {
        codes[gap] = codes[i];
        cats[gap] = k;
        values[gap] = values[i];
        gap = i;
      }
    }
    cats[gap] = 0;
    codes[gap] = 0;
    values[gap] = null;
    size--;
  }

  private void grow() {
    int capacity = codes.length * 2;
    long[] nc = new long[capacity];
    int[] nk = new int[capacity];
    @Nullable Object[] nv = new Object[capacity];
    for (int i = 0; i < codes.length; i++) {
      if (cats[i] != 0) {
        int s = insertionSlot(nc, nk, cats[i], codes[i]);
        nc[s] = codes[i];
        nk[s] = cats[i];
        nv[s] = values[i];
      }
    }
    codes = nc;
    cats = nk;
    values = nv;
  }

  private static int insertionSlot(long[] codes, int[] cats, int cat, long code) {
    int mask = codes.length - 1;
    int s = slot(cat, code, mask);
    while (cats[s] != 0) {
      s = (s + 1) & mask;
    }
    return s;
  }

  private static int slot(int cat, long code, int mask) {
    long h = (code ^ ((long) cat << 58) ^ cat) * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 32) & mask;
  }

  @Override
  public String toString() {
    return "PlaceTable[" + size + " places, " + categories.size() + " categories]";
  }

  /** For tests: whether every held place is found where a look-up starts, and the count holds. */
  boolean probesIntact() {
    int held = 0;
    for (int i = 0; i < codes.length; i++) {
      if (cats[i] != 0) {
        held++;
        if (find(cats[i], codes[i]) != i) {
          return false;
        }
      }
    }
    return held == size;
  }
}
