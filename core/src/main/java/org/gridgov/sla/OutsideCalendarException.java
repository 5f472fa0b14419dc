package org.gridgov.sla;

import java.time.LocalDate;
import java.util.Locale;
import org.gridgov.GridgovException;

/**
 * Thrown when a calendar computation needs a day outside the range of dates the calendar covers. A
 * calendar never guesses beyond its data: an embedder who wants the weekly pattern to continue past
 * the data says so explicitly by widening the coverage ({@link BusinessCalendar.Builder#coverage}).
 */
public final class OutsideCalendarException extends GridgovException {
  private static final long serialVersionUID = 1L;

  private final String edition;
  private final LocalDate date;
  private final LocalDate firstCovered;
  private final LocalDate lastCovered;

  /**
   * Creates the exception.
   *
   * @param edition the calendar's edition name
   * @param date the local date that was needed
   * @param firstCovered the first covered date
   * @param lastCovered the last covered date
   * @param what what was being computed, e.g. {@code "plus(2026-12-30T10:00:00Z, 5 working days)"}
   */
  public OutsideCalendarException(
      String edition, LocalDate date, LocalDate firstCovered, LocalDate lastCovered, String what) {
    super(
        String.format(
            Locale.ROOT,
            "%s needs %s, but calendar edition %s covers only %s..%s; widen the coverage or add a newer edition",
            what,
            date,
            edition,
            firstCovered,
            lastCovered));
    this.edition = edition;
    this.date = date;
    this.firstCovered = firstCovered;
    this.lastCovered = lastCovered;
  }

  /**
   * Returns the calendar's edition name.
   *
   * @return the edition
   */
  public String edition() {
    return edition;
  }

  /**
   * Returns the date that was needed and is not covered.
   *
   * @return the date
   */
  public LocalDate date() {
    return date;
  }

  /**
   * Returns the first covered date.
   *
   * @return the first date
   */
  public LocalDate firstCovered() {
    return firstCovered;
  }

  /**
   * Returns the last covered date.
   *
   * @return the last date
   */
  public LocalDate lastCovered() {
    return lastCovered;
  }
}
