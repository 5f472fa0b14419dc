/**
 * Sweeps of gridgov-simulation on Apache Spark: {@link org.gridgov.simulation.spark.SparkSweeps}
 * runs every value × replication of a {@link org.gridgov.simulation.Sweep} as one Spark task with
 * the replication's own seed and assembles the result in a fixed order, so the report files are the
 * same bytes as a sequential run's; {@link org.gridgov.simulation.spark.SparkSweepMain} is the
 * {@code spark-submit} entry point, {@link org.gridgov.simulation.spark.SparkSweepExecutor} the
 * {@code gridgov-sim sweep --spark MASTER} one. See {@code docs/spark.md}.
 */
@NullMarked
package org.gridgov.simulation.spark;

import org.jspecify.annotations.NullMarked;
