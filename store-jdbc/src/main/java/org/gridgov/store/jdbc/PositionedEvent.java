package org.gridgov.store.jdbc;

import java.util.Objects;
import org.gridgov.casefile.CaseEvent;

/**
 * A stored event with its global log position, as {@link EventStore#readFrom(long, int)} returns it
 * to dashboards and integrations that follow the log.
 *
 * @param position the event's global log position: 1 for the first event ever stored, gap-free and
 *     in commit order across all partitions
 * @param partition the partition whose writer stored it
 * @param event the event
 */
public record PositionedEvent(long position, Partition partition, CaseEvent event) {
  /**
   * Validates.
   *
   * @param position the position, positive
   * @param partition the partition
   * @param event the event
   * @throws IllegalArgumentException if the position is not positive
   */
  public PositionedEvent {
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(event, "event");
    if (position < 1) {
      throw new IllegalArgumentException("log position " + position + " is not positive");
    }
  }
}
