package org.gridgov.benchmarks.engine.legacy.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Values by a dense, ever-growing ordinal (0, 1, 2, …) with removal: the engine's cases in report
 * order.
 *
 * <p>Values live in chunks of {@value #CHUNK} slots. A chunk whose ordinals have all been handed
 * out and whose values have all been removed is dropped, so the memory of removed values is freed;
 * what stays is one directory reference per chunk (8 bytes per {@value #CHUNK} ordinals ever added,
 * about 2 bytes per thousand cases).
 *
 * @param <T> the value type
 */
public final class OrdinalTable<T> {
  /** Slots per chunk. */
  public static final int CHUNK = 1 << 12;

  private static final int SHIFT = 12;
  private static final int MASK = CHUNK - 1;

  /**
   * The chunk directory: each element is a chunk ({@code @Nullable Object[]}) or null if freed or
   * not made yet.
   */
  private @Nullable Object[] chunks = new Object[16];

  private int[] live = new int[16];
  private long next;
  private int size;

  /** Creates an empty table. */
  public OrdinalTable() {}

  /**
   * Returns the ordinal the next {@link #add} will hand out.
   *
   * @return the next ordinal
   */
  public long nextOrdinal() {
    return next;
  }

  /**
   * Returns the number of values present.
   *
   * @return the count
   */
  public int size() {
    return size;
  }

  /**
   * Adds a value under the next ordinal.
   *
   * @param value the value
   * @return its ordinal
   */
  public long add(T value) {
    long ordinal = next;
    int c = chunkIndex(ordinal);
    if (c >= chunks.length) {
      chunks = Arrays.copyOf(chunks, chunks.length * 2);
      live = Arrays.copyOf(live, live.length * 2);
    }
    @Nullable Object[] chunk = chunk(c);
    if (chunk == null) {
      chunk = new Object[CHUNK];
      chunks[c] = chunk;
    }
    chunk[(int) ordinal & MASK] = value;
    live[c]++;
    size++;
    next++;
    return ordinal;
  }

  /**
   * Returns the value of an ordinal.
   *
   * @param ordinal the ordinal
   * @return the value, or null if it was removed or never added
   */
  @SuppressWarnings("unchecked")
  public @Nullable T get(long ordinal) {
    if (ordinal < 0 || ordinal >= next) {
      return null;
    }
    @Nullable Object[] chunk = chunk(chunkIndex(ordinal));
    return chunk == null ? null : (T) chunk[(int) ordinal & MASK];
  }

  /**
   * Replaces the value of a present ordinal.
   *
   * @param ordinal the ordinal
   * @param value the new value
   * @throws IllegalArgumentException if the ordinal has no value
   */
  public void set(long ordinal, T value) {
    @Nullable Object[] chunk = presentChunk(ordinal);
    chunk[(int) ordinal & MASK] = value;
  }

  /**
   * Removes the value of a present ordinal; frees its chunk once every ordinal of the chunk was
   * removed.
   *
   * @param ordinal the ordinal
   * @throws IllegalArgumentException if the ordinal has no value
   */
  public void remove(long ordinal) {
    @Nullable Object[] chunk = presentChunk(ordinal);
    int c = chunkIndex(ordinal);
    chunk[(int) ordinal & MASK] = null;
    size--;
    if (--live[c] == 0 && (long) (c + 1) * CHUNK <= next) {
      chunks[c] = null;
    }
  }

  /**
   * Calls {@code action} with every present value in ordinal order.
   *
   * @param action the action
   */
  @SuppressWarnings("unchecked")
  public void forEach(Consumer<? super T> action) {
    int last = next == 0 ? -1 : chunkIndex(next - 1);
    for (int c = 0; c <= last; c++) {
      @Nullable Object[] chunk = chunk(c);
      if (chunk == null || live[c] == 0) {
        continue;
      }
      for (@Nullable Object v : chunk) {
        if (v != null) {
          action.accept((T) v);
        }
      }
    }
  }

  /**
   * Returns the number of chunks currently allocated (for tests of the freeing).
   *
   * @return the count
   */
  public int allocatedChunks() {
    int n = 0;
    for (Object c : chunks) {
      if (c != null) {
        n++;
      }
    }
    return n;
  }

  private @Nullable Object @Nullable [] chunk(int c) {
    return (@Nullable Object[]) chunks[c];
  }

  private @Nullable Object[] presentChunk(long ordinal) {
    @Nullable Object[] chunk = ordinal < 0 || ordinal >= next ? null : chunk(chunkIndex(ordinal));
    if (chunk == null || chunk[(int) ordinal & MASK] == null) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "ordinal %d has no value (next ordinal %d)", ordinal, next));
    }
    return chunk;
  }

  private static int chunkIndex(long ordinal) {
    return Math.toIntExact(ordinal >>> SHIFT);
  }
}
