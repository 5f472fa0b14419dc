package org.gridgov.engine;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.util.Objects;

/** The engine's rule for instants: whole milliseconds. */
final class Instants {
  private Instants() {}

  /** Refuses an instant with sub-millisecond digits, naming {@code what} it belongs to. */
  static void requireWholeMillis(Instant t, String what) {
    Objects.requireNonNull(t, what);
    checkArgument(
        subMillisNanos(t) == 0,
        "%s: instant %s has sub-millisecond digits; use whole milliseconds",
        what,
        t);
  }

  /** The nanoseconds below the millisecond. */
  @SuppressWarnings("JavaInstantGetSecondsGetNano") // the sub-second part is exactly what is wanted
  static int subMillisNanos(Instant t) {
    return t.getNano() % 1_000_000;
  }
}
