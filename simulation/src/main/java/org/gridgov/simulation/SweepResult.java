package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;

/**
 * The outcome of a {@link Sweep}: every replication, and a summary per value.
 *
 * @param sweep the experiment
 * @param runs every replication, ordered by value (as in the sweep) then replication
 * @param points one summary per value, in the sweep's order
 */
public record SweepResult(
    Sweep sweep, ImmutableList<ReplicationResult> runs, ImmutableList<SweepPoint> points) {}
