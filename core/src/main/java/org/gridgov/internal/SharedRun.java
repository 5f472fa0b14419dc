package org.gridgov.internal;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * An immutable run of values to which one more is added in amortised constant time: successive runs
 * share one append-only array. Adding to the newest run writes the next slot in place (the array
 * grows by doubling); adding to an older run, whose next slot another run has taken, copies —
 * unless that slot already holds an equal value (the same step worked out twice, once to look
 * ahead), which is then shared. A slot below a run's size is never written again, so every run
 * reads as the immutable sequence it was made as. For gridgov's own histories that grow one entry
 * at a time (a case file's events, a clock's pauses), which copied the whole history per entry.
 *
 * @param <T> the values (immutable, with value equality)
 */
public final class SharedRun<T> {

  /** The shared slots; {@code used} is how many are taken, guarded by the store's monitor. */
  private static final class Store {
    private final Object[] values;
    private int used;

    private Store(int capacity) {
      this.values = new Object[capacity];
    }
  }

  private final Store store;
  private final int size;

  private SharedRun(Store store, int size) {
    this.store = store;
    this.size = size;
  }

  /**
   * A run of the given values, with room for as many more before it grows.
   *
   * @param values the values, in order
   * @param <T> the values' type
   * @return the run
   */
  public static <T> SharedRun<T> of(List<? extends T> values) {
    Store s = new Store(Math.max(4, 2 * values.size()));
    for (int i = 0; i < values.size(); i++) {
      s.values[i] = values.get(i);
    }
    s.used = values.size();
    return new SharedRun<>(s, values.size());
  }

  /**
   * Returns this run and one more value; this run is unchanged.
   *
   * @param value the value
   * @return the longer run
   */
  public SharedRun<T> plus(T value) {
    synchronized (store) {
      if (store.used == size && size < store.values.length) {
        store.values[size] = value;
        store.used = size + 1;
        return new SharedRun<>(store, size + 1);
      }
      if (store.used > size && store.values[size].equals(value)) {
        return new SharedRun<>(store, size + 1);
      }
    }
    Store s = new Store(Math.max(4, 2 * (size + 1)));
    System.arraycopy(store.values, 0, s.values, 0, size);
    s.values[size] = value;
    s.used = size + 1;
    return new SharedRun<>(s, size + 1);
  }

  /**
   * Returns the number of values.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /**
   * Returns a value.
   *
   * @param i its index, below {@link #size()}
   * @return the value
   */
  @SuppressWarnings("unchecked") // only Ts are stored
  public T get(int i) {
    if (i >= size) {
      throw new IndexOutOfBoundsException("index " + i + " of a run of " + size);
    }
    return (T) store.values[i];
  }

  /** Whether both runs read one array (for tests of the sharing). */
  boolean sharesArrayWith(SharedRun<?> other) {
    return store == other.store;
  }

  /**
   * Returns the values as a list (built on each call).
   *
   * @return the values in order
   */
  public ImmutableList<T> toList() {
    ImmutableList.Builder<T> b = ImmutableList.builderWithExpectedSize(size);
    for (int i = 0; i < size; i++) {
      b.add(get(i));
    }
    return b.build();
  }
}
