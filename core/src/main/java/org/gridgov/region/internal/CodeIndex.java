package org.gridgov.region.internal;

import java.util.Arrays;

/**
 * An open-addressing hash index from a {@code long} code to an {@code int} position in a code
 * array, without boxing. The table holds only positions (4 bytes a slot); keys are compared by
 * reading the caller's code array, so the index costs about {@code 4 / LOAD} bytes per entry.
 * Linear probing; the slot is chosen by a 64-bit mix of the code mapped onto the table with a
 * multiply-shift (no power-of-two capacity needed). Immutable once built.
 */
public final class CodeIndex {
  /** Target load factor. */
  public static final double LOAD = 0.65;

  private final int[] slots;

  private CodeIndex(int[] slots) {
    this.slots = slots;
  }

  /**
   * Builds an index over codes; positions whose code already occurs earlier are not inserted but
   * reported.
   *
   * @param codes the codes; position {@code i} maps to {@code i}
   * @param size how many leading codes to index
   * @param duplicateOf receives, for each position, the earlier position with the same code, or -1;
   *     may be {@code null} when the caller knows the codes are distinct
   * @return the index
   */
  public static CodeIndex build(
      long[] codes, int size, int @org.jspecify.annotations.Nullable [] duplicateOf) {
    int capacity =
        (int) Math.min(Integer.MAX_VALUE - 8, Math.max(4L, (long) Math.ceil(size / LOAD) + 1));
    int[] slots = new int[capacity];
    Arrays.fill(slots, -1);
    for (int i = 0; i < size; i++) {
      long code = codes[i];
      int s = slot(code, capacity);
      while (true) {
        int at = slots[s];
        if (at < 0) {
          slots[s] = i;
          if (duplicateOf != null) {
            duplicateOf[i] = -1;
          }
          break;
        }
        if (codes[at] == code) {
          if (duplicateOf != null) {
            duplicateOf[i] = at;
          }
          break;
        }
        if (++s == capacity) {
          s = 0;
        }
      }
    }
    return new CodeIndex(slots);
  }

  /**
   * Returns the position of a code.
   *
   * @param codes the code array the index was built over
   * @param code the code to find
   * @return the position, or -1 if absent
   */
  public int find(long[] codes, long code) {
    int[] t = slots;
    int capacity = t.length;
    int s = slot(code, capacity);
    while (true) {
      int at = t[s];
      if (at < 0 || codes[at] == code) {
        return at;
      }
      if (++s == capacity) {
        s = 0;
      }
    }
  }

  /**
   * Renumbers the stored positions in place. Only for a freshly built index that nobody else sees
   * yet.
   *
   * @param newPositionOf the new position of each old position
   */
  public void renumberInPlace(int[] newPositionOf) {
    int[] t = slots;
    for (int s = 0; s < t.length; s++) {
      if (t[s] >= 0) {
        t[s] = newPositionOf[t[s]];
      }
    }
  }

  /**
   * Returns the number of slots.
   *
   * @return the capacity
   */
  public int capacity() {
    return slots.length;
  }

  private static int slot(long code, int capacity) {
    long h = code * 0x9E3779B97F4A7C15L;
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    return (int) (((h >>> 32) * capacity) >>> 32);
  }
}
