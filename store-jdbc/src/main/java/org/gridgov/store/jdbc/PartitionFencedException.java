package org.gridgov.store.jdbc;

import java.util.Locale;

/**
 * A writer's lease was taken over: its append was refused and nothing of it was written. The
 * message names the partition, the writer's own lease token and the partition's current one. The
 * writer must stop; a new one opens from the store.
 */
public final class PartitionFencedException extends EventStoreException {
  private static final long serialVersionUID = 1L;

  /** The partition. */
  private final String partition;

  /** The fenced writer's token. */
  private final long ownToken;

  /** The partition's token now. */
  private final long currentToken;

  /**
   * Creates the exception.
   *
   * @param partition the partition
   * @param ownToken the lease token of the fenced writer
   * @param currentToken the partition's lease token now (0 if its lease row is gone)
   */
  public PartitionFencedException(Partition partition, long ownToken, long currentToken) {
    super(
        String.format(
            Locale.ROOT,
            "the writer of partition %s with lease token %d is fenced: the partition's lease is now"
                + " at token %d (taken over by another writer); nothing was written",
            partition,
            ownToken,
            currentToken));
    this.partition = partition.key();
    this.ownToken = ownToken;
    this.currentToken = currentToken;
  }

  /**
   * Returns the partition.
   *
   * @return the partition
   */
  public Partition partition() {
    return new Partition(partition);
  }

  /**
   * Returns the fenced writer's lease token.
   *
   * @return the token
   */
  public long ownToken() {
    return ownToken;
  }

  /**
   * Returns the partition's lease token now.
   *
   * @return the current token
   */
  public long currentToken() {
    return currentToken;
  }
}
