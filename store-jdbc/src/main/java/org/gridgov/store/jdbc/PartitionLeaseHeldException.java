package org.gridgov.store.jdbc;

import java.util.Locale;

/**
 * A writer asked for a partition that another live writer holds: one writer per partition. The
 * message names the partition and the holder's lease token (never a person or a row's data).
 * Nothing was written. Stop the other writer, or, if it is known to be dead or hung, take its lease
 * over ({@link EventStore#takeOver(Partition)}), which fences it.
 */
public final class PartitionLeaseHeldException extends EventStoreException {
  private static final long serialVersionUID = 1L;

  /** The partition asked for. */
  private final String partition;

  /** The lease token of its holder. */
  private final long holderToken;

  /**
   * Creates the exception.
   *
   * @param partition the partition asked for
   * @param holderToken the lease token of the writer that holds it
   */
  public PartitionLeaseHeldException(Partition partition, long holderToken) {
    super(
        String.format(
            Locale.ROOT,
            "partition %s is held by another writer (lease token %d): one writer per partition;"
                + " stop that writer, or take the lease over if it is dead or hung",
            partition,
            holderToken));
    this.partition = partition.key();
    this.holderToken = holderToken;
  }

  /**
   * Returns the partition asked for.
   *
   * @return the partition
   */
  public Partition partition() {
    return new Partition(partition);
  }

  /**
   * Returns the lease token of the writer that holds the partition.
   *
   * @return the holder's token
   */
  public long holderToken() {
    return holderToken;
  }
}
