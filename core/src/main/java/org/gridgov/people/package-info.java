/**
 * People in the grid (一格多员、一员多用): pseudonymous persons, a configurable set of staff roles,
 * assignments of a person to a role in a region for a period, the staff registry and its editions,
 * staffing policy (how many grids a person may cover, which roles may not meet in one person or one
 * grid) and the coverage analysis that finds grids nobody covers (留白), persons spread too thin and
 * forbidden overlaps (交叉).
 *
 * <p>Pure data: no clock, no I/O. Persons are ids only; names, phones and ID numbers stay with the
 * embedder and never appear in messages or {@code toString}.
 */
@NullMarked
@CheckReturnValue
package org.gridgov.people;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
