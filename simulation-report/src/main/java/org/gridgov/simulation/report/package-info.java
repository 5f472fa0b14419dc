/**
 * Reports of simulation experiments: CSV files of every replication and of the summary, charts (PNG
 * and SVG) and one self-contained {@code report.html}, the same files {@code gridgov-sim} writes.
 *
 * <pre>{@code
 * SweepResult result = Experiments.run(sweep, Progress.NONE);
 * Path html = SweepReport.write(result, Path.of("out"));
 * }</pre>
 */
@NullMarked
@CheckReturnValue
package org.gridgov.simulation.report;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
