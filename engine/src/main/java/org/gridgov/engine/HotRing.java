package org.gridgov.engine;

import java.util.Arrays;

/**
 * Which cases the {@link CaseStore} holds as records: at most {@code capacity} distinct ordinals,
 * replaced by the CLOCK rule (second chance). A touch of an ordinal already in the ring only marks
 * it referenced; a new ordinal takes the slot under the hand, which passes over (and clears) every
 * referenced ordinal on its way, so an ordinal leaves only when it has not been touched since the
 * hand last came by.
 *
 * <p>Two bits per ordinal ever touched (in the ring, referenced) are kept in growing bit sets: 0.25
 * bytes a case, a quarter of a megabyte a million cases; they do not shrink when cases are
 * released.
 *
 * <p>The ring it replaced was first in, first out over touches: a case touched on every command
 * took a slot per touch and was compacted as soon as its oldest slot came round, though touched a
 * moment before, and then decoded again at its next command.
 */
final class HotRing {
  private final long[] slots; // ordinals, -1 = free
  private int hand;
  private long[] inRing = new long[16];
  private long[] referenced = new long[16];
  private int size; // ordinals in the ring

  HotRing(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("hotCases must be at least 1 but was " + capacity);
    }
    slots = new long[capacity];
    Arrays.fill(slots, -1);
  }

  /**
   * Records a touch of an ordinal.
   *
   * @return the ordinal that left the ring to make room, or -1 if none did
   */
  long touch(long ordinal) {
    if (get(inRing, ordinal)) {
      referenced = set(referenced, ordinal);
      return -1;
    }
    while (true) {
      long out = slots[hand];
      if (out >= 0 && get(inRing, out) && get(referenced, out)) {
        clear(referenced, out); // its second chance
        advance();
        continue;
      }
      slots[hand] = ordinal;
      advance();
      if (out >= 0 && out != ordinal && get(inRing, out)) {
        clear(inRing, out);
        inRing = set(inRing, ordinal);
        return out;
      }
      inRing = set(inRing, ordinal);
      size++;
      return -1;
    }
  }

  /**
   * Takes away an ordinal's second chance (an ended case): the hand takes its slot when it next
   * comes by, unless the ordinal is touched again first.
   */
  void cool(long ordinal) {
    clear(referenced, ordinal);
  }

  /**
   * Takes an ordinal out of the ring (a released case): its slot counts as free when the hand next
   * reaches it.
   */
  void forget(long ordinal) {
    if (get(inRing, ordinal)) {
      size--;
    }
    clear(inRing, ordinal);
    clear(referenced, ordinal);
  }

  /** Whether an ordinal is in the ring (tests). */
  boolean contains(long ordinal) {
    return get(inRing, ordinal);
  }

  /** The number of ordinals in the ring. */
  int size() {
    return size;
  }

  /** Whether fewer ordinals than the capacity are in the ring. */
  boolean hasRoom() {
    return size < slots.length;
  }

  private void advance() {
    hand = hand + 1 == slots.length ? 0 : hand + 1;
  }

  private static boolean get(long[] bits, long i) {
    long w = i >>> 6;
    return w < bits.length && (bits[(int) w] & (1L << i)) != 0;
  }

  private static long[] set(long[] bits, long i) {
    long w = i >>> 6;
    if (w >= Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("case ordinal " + i + " is beyond the hot ring's bit sets");
    }
    long[] b = bits;
    if (w >= b.length) {
      b = Arrays.copyOf(b, (int) Math.max(w + 1, Math.min(Integer.MAX_VALUE - 8L, 2L * b.length)));
    }
    b[(int) w] |= 1L << i;
    return b;
  }

  private static void clear(long[] bits, long i) {
    long w = i >>> 6;
    if (w < bits.length) {
      bits[(int) w] &= ~(1L << i);
    }
  }
}
