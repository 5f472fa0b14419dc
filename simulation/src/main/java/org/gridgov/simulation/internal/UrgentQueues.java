package org.gridgov.simulation.internal;

/**
 * The urgent cases waiting at each station, first come first served, served before the station's
 * normal queue when priorities are on with urgent-first ({@code Mechanisms#urgentFirst()}). Entries
 * are the replication's {@code ordinal << 32 | token} longs; stale entries are skipped by the
 * caller as in the normal queue.
 */
final class UrgentQueues {
  private final long[][] queue;
  private final int[] head;
  private final int[] count;

  UrgentQueues(int stations) {
    this.queue = new long[stations][];
    this.head = new int[stations];
    this.count = new int[stations];
  }

  /** Whether urgent entries wait at station {@code st}. */
  boolean has(int st) {
    return count[st] > 0;
  }

  /** Appends an entry to station {@code st}'s urgent queue. */
  void push(int st, long entry) {
    long[] q = queue[st];
    if (q == null) {
      q = new long[4];
      queue[st] = q;
    }
    if (count[st] == q.length) {
      long[] bigger = new long[q.length * 2];
      for (int i = 0; i < count[st]; i++) {
        bigger[i] = q[(head[st] + i) % q.length];
      }
      q = bigger;
      queue[st] = q;
      head[st] = 0;
    }
    q[(head[st] + count[st]) % q.length] = entry;
    count[st]++;
  }

  /** Removes and returns the oldest urgent entry of station {@code st}; {@link #has} first. */
  long pop(int st) {
    long[] q = queue[st];
    long entry = q[head[st]];
    head[st] = (head[st] + 1) % q.length;
    count[st]--;
    return entry;
  }
}
