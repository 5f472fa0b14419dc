package org.gridgov.sla;

import java.time.Instant;
import java.util.Objects;

/**
 * A computed deadline with its provenance: the instant, whether a {@linkplain
 * DayProvenance#PROVISIONAL provisional} calendar day lay between the start and the deadline (so
 * that the deadline may still move when the official schedule is published), and the calendar
 * edition it was computed on.
 *
 * <p>Show a provisional deadline to users as such, e.g. "due 2027-01-04 17:30 (provisional: the
 * 2027 holiday schedule is not published yet)".
 *
 * @param at the deadline
 * @param provisional whether a provisional day lay between start and deadline
 * @param edition the calendar edition
 */
public record Deadline(Instant at, boolean provisional, String edition) {
  /**
   * Validates.
   *
   * @param at the at component
   * @param provisional the provisional component
   * @param edition the edition component
   */
  public Deadline {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(edition, "edition");
  }
}
