package org.gridgov.simulation.internal;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A fixed list of distinct names to their positions: open addressing with linear probing over the
 * names' own hash codes (Fibonacci-spread), at most half full, built once and then read-only (so
 * shared by replications). Each slot's cell holds the name's hash code beside its position, so a
 * probe that passes another name compares two numbers and never reads that name's characters; a
 * look-up of the very instance the table holds then compares references only. A look-up touches two
 * arrays where a {@code HashMap<String, Integer>} touches its table, a node and a boxed value.
 */
final class NameIndex {
  private final @Nullable String[] keys;
  private final long[] cells; // hash code << 32 | (position + 1); 0 = empty
  private final int shift;

  /**
   * @param names distinct names; a name's position in the list is what {@link #indexOf} returns
   * @throws IllegalArgumentException if a name repeats, naming it and both positions
   */
  NameIndex(List<String> names) {
    int bits = 1;
    while ((1 << bits) < 2 * names.size()) {
      bits++;
    }
    this.shift = 32 - bits;
    this.keys = new String[1 << bits];
    this.cells = new long[1 << bits];
    for (int p = 0; p < names.size(); p++) {
      String name = names.get(p);
      int i = slotOf(name);
      int before = indexOf(name);
      checkArgument(before < 0, "the name %s is at positions %s and %s", name, before, p);
      keys[i] = name;
      cells[i] = ((long) name.hashCode() << 32) | (p + 1);
    }
  }

  /** The position of a name, or -1 if the list does not hold it. */
  @SuppressWarnings("ReferenceEquality") // the held instance first, then an equal one
  int indexOf(String name) {
    int mask = keys.length - 1;
    int h = name.hashCode();
    for (int i = home(h); ; i = (i + 1) & mask) {
      long c = cells[i];
      if (c == 0) {
        return -1;
      }
      if ((int) (c >>> 32) == h) {
        String k = keys[i];
        if (k == name || name.equals(k)) {
          return (int) c - 1;
        }
      }
    }
  }

  private int slotOf(String name) {
    int mask = keys.length - 1;
    int i = home(name.hashCode());
    while (cells[i] != 0) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private int home(int hashCode) {
    return (hashCode * 0x9E37_79B9) >>> shift;
  }
}
