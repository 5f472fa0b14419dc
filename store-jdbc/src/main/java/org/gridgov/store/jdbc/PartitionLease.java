package org.gridgov.store.jdbc;

import java.util.Objects;

/**
 * The lease one writer holds on a partition ({@link EventStore#acquire(Partition)}): the partition
 * and its fencing token. Every acquisition or take-over of a partition raises its token by one;
 * every append of the holder checks, in its own transaction, that the partition's token is still
 * this one. A writer whose lease was taken over is thereby fenced: its next append is refused with
 * a {@link PartitionFencedException} and writes nothing.
 *
 * @param partition the partition
 * @param token the fencing token, positive
 */
public record PartitionLease(Partition partition, long token) {
  /**
   * Validates.
   *
   * @param partition the partition
   * @param token the token
   * @throws IllegalArgumentException if the token is not positive
   */
  public PartitionLease {
    Objects.requireNonNull(partition, "partition");
    if (token <= 0) {
      throw new IllegalArgumentException(
          "lease token " + token + " of partition " + partition + " is not positive");
    }
  }
}
