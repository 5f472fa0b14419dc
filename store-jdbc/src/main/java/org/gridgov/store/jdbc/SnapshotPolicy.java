package org.gridgov.store.jdbc;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;

/**
 * When a {@link DurableCaseEngine} writes snapshots of its engine and whether it reads them when it
 * opens (docs/event-store.md, "Snapshots"). A snapshot holds every case of the partition, so taking
 * one costs time in proportion to the partition's cases: choose a period well above the number of
 * open cases.
 *
 * <ul>
 *   <li>{@link #onDemand()} (the default): opens from the newest readable snapshot and the events
 *       after it; writes a snapshot only when {@link DurableCaseEngine#takeSnapshot()} is called.
 *   <li>{@link #everyEvents(long)}: as on demand, and writes one after every that many events this
 *       writer stored (time advances included), right after the append that crossed the mark.
 *   <li>{@link #replayOnly()}: opens by replaying the whole log, as a store without snapshots;
 *       writes snapshots only on demand.
 * </ul>
 *
 * The newest {@link #keep()} snapshots of a partition are kept (default 2), older ones are deleted
 * when a new one is written.
 */
public final class SnapshotPolicy {
  private static final int DEFAULT_KEEP = 2;

  private final long everyEvents; // 0: on demand only
  private final boolean reads;
  private final int keep;

  private SnapshotPolicy(long everyEvents, boolean reads, int keep) {
    this.everyEvents = everyEvents;
    this.reads = reads;
    this.keep = keep;
  }

  /**
   * Reads snapshots at open; writes one only on demand.
   *
   * @return the policy
   */
  public static SnapshotPolicy onDemand() {
    return new SnapshotPolicy(0, true, DEFAULT_KEEP);
  }

  /**
   * Reads snapshots at open; writes one after every {@code events} stored events.
   *
   * @param events the period in events, at least 1
   * @return the policy
   * @throws IllegalArgumentException if the period is not positive
   */
  public static SnapshotPolicy everyEvents(long events) {
    checkArgument(events >= 1, "a snapshot period of %s events; at least 1", events);
    return new SnapshotPolicy(events, true, DEFAULT_KEEP);
  }

  /**
   * Ignores snapshots at open (replays the whole log); writes one only on demand.
   *
   * @return the policy
   */
  public static SnapshotPolicy replayOnly() {
    return new SnapshotPolicy(0, false, DEFAULT_KEEP);
  }

  /**
   * Returns this policy keeping the newest {@code count} snapshots of a partition.
   *
   * @param count how many to keep, 1 to 100
   * @return the policy
   * @throws IllegalArgumentException if the count is out of range
   */
  public SnapshotPolicy keep(int count) {
    checkArgument(count >= 1 && count <= 100, "keep %s snapshots; 1 to 100", count);
    return new SnapshotPolicy(everyEvents, reads, count);
  }

  /**
   * Returns the period in events after which a snapshot is written, 0 for on demand only.
   *
   * @return the period
   */
  public long everyEventsOrZero() {
    return everyEvents;
  }

  /**
   * Returns whether an engine opens from a snapshot when one is readable.
   *
   * @return whether snapshots are read at open
   */
  public boolean readsSnapshots() {
    return reads;
  }

  /**
   * Returns how many snapshots of a partition are kept.
   *
   * @return the count
   */
  public int keep() {
    return keep;
  }

  /** Renders the policy, e.g. {@code SnapshotPolicy[every 10000 events, read at open, keep 2]}. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "SnapshotPolicy[%s, %s, keep %d]",
        everyEvents == 0 ? "on demand" : "every " + everyEvents + " events",
        reads ? "read at open" : "replay at open",
        keep);
  }
}
