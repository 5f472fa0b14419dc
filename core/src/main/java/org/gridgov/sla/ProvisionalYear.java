package org.gridgov.sla;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.gridgov.sla.BusinessCalendar.DayKind;
import org.gridgov.sla.ChinaHolidayRules.Festival;

/**
 * A predicted arrangement of one year's public holidays, made before the State Council's notice:
 * what the statute and the arrangement principles fix ({@link #days()}), and what they leave open
 * ({@link #openDates()}, explained by {@link #openQuestions()}). Produced by {@link
 * ChinaHolidayRules#predict(int)}. A calendar built from it treats open dates by the weekly pattern
 * and marks the whole year provisional.
 *
 * <p>Dates lie in {@code year - 1}-12-01..{@code year}-12-31: a notice for a year can move
 * late-December dates of the year before (e.g. a make-up workday for 元旦). Immutable; equal when
 * year, days and open questions are equal.
 *
 * @param year the year predicted
 * @param days the predicted holidays and make-up workdays, in date order, one per date
 * @param openQuestions the questions the principles leave open, each with its dates and a note
 */
public record ProvisionalYear(
    int year, ImmutableList<Day> days, ImmutableList<OpenQuestion> openQuestions) {

  /** Why a day is predicted. */
  public enum Basis {
    /** The statute names the day (e.g. 1 October, 除夕 from 2025). */
    STATUTE,
    /** 补假 (Art. 6): a weekday off in place of a statutory day on a Saturday or Sunday. */
    COMPENSATION,
    /** A bridge weekday off or a make-up workday that the arrangement principles determine. */
    PRINCIPLE,
    /**
     * A Saturday or Sunday inside a holiday block: off by the weekly pattern anyway; listed as the
     * notices list it.
     */
    WEEKEND
  }

  /**
   * One predicted day.
   *
   * @param date the date
   * @param kind {@link DayKind#HOLIDAY} or {@link DayKind#MAKE_UP_WORKDAY}
   * @param basis why it is predicted
   * @param festival the holiday it belongs to
   */
  public record Day(LocalDate date, DayKind kind, Basis basis, Festival festival) {
    /**
     * Validates the day.
     *
     * @param date the date
     * @param kind {@link DayKind#HOLIDAY} or {@link DayKind#MAKE_UP_WORKDAY}
     * @param basis why it is predicted; {@link Basis#PRINCIPLE} for a make-up workday
     * @param festival the holiday it belongs to
     * @throws IllegalArgumentException if the kind is another one, or a make-up workday has another
     *     basis
     */
    public Day {
      checkArgument(
          kind == DayKind.HOLIDAY || kind == DayKind.MAKE_UP_WORKDAY,
          "a predicted day is a HOLIDAY or a MAKE_UP_WORKDAY, but %s is %s",
          date,
          kind);
      checkArgument(
          kind == DayKind.HOLIDAY || basis == Basis.PRINCIPLE,
          "a make-up workday's basis is PRINCIPLE, but %s has %s",
          date,
          basis);
    }
  }

  /**
   * A question the principles leave open: dates whose status differs between the arrangements they
   * allow.
   *
   * @param festival the holiday concerned
   * @param dates the open dates, not empty
   * @param note one plain-English sentence or two: what is open and why
   */
  public record OpenQuestion(Festival festival, ImmutableSortedSet<LocalDate> dates, String note) {
    /**
     * Validates the question.
     *
     * @param festival the holiday concerned
     * @param dates the open dates, not empty
     * @param note one plain-English sentence or two, not blank
     * @throws IllegalArgumentException if there are no dates or the note is blank
     */
    public OpenQuestion {
      checkArgument(
          !dates.isEmpty(), "an open question about %s needs at least one date", festival);
      checkArgument(!note.isBlank(), "an open question about %s needs a note", festival);
    }
  }

  /**
   * Validates and copies.
   *
   * @param year the year predicted
   * @param days the predicted holidays and make-up workdays, in any order (kept in date order)
   * @param openQuestions the questions the principles leave open
   * @throws IllegalArgumentException if a date lies outside {@code year-1}-12-01..{@code
   *     year}-12-31, a date is predicted twice, or a date is both predicted and open
   */
  public ProvisionalYear {
    days = ImmutableList.sortedCopyOf(Comparator.comparing(Day::date), days);
    openQuestions = ImmutableList.copyOf(openQuestions);
    LocalDate first = LocalDate.of(year - 1, 12, 1);
    LocalDate last = LocalDate.of(year, 12, 31);
    Set<LocalDate> seen = new HashSet<>();
    for (Day d : days) {
      checkArgument(seen.add(d.date()), "%s is predicted twice in %s", d.date(), year);
    }
    for (OpenQuestion q : openQuestions) {
      for (LocalDate d : q.dates()) {
        checkArgument(seen.add(d), "%s is both predicted (or open twice) in %s", d, year);
      }
    }
    for (LocalDate d : seen) {
      checkArgument(
          !d.isBefore(first) && !d.isAfter(last),
          "%s lies outside %s..%s, the dates a notice for %s can set",
          d,
          first,
          last,
          year);
    }
  }

  /**
   * Creates a provisional year (copies the collections).
   *
   * @param year the year
   * @param days the predicted days
   * @param openQuestions the open questions
   * @return the value
   */
  public static ProvisionalYear of(
      int year, Collection<Day> days, Collection<OpenQuestion> openQuestions) {
    return new ProvisionalYear(
        year, ImmutableList.copyOf(days), ImmutableList.copyOf(openQuestions));
  }

  /**
   * Returns every open date, the union of the open questions' dates.
   *
   * @return the open dates in order
   */
  public ImmutableSortedSet<LocalDate> openDates() {
    ImmutableSortedSet.Builder<LocalDate> b = ImmutableSortedSet.naturalOrder();
    openQuestions.forEach(q -> b.addAll(q.dates()));
    return b.build();
  }

  /**
   * Returns the prediction for a date, if any.
   *
   * @param date any date
   * @return the predicted day, or empty if the date is not predicted (open, or left to the weekly
   *     pattern)
   */
  public Optional<Day> dayOn(LocalDate date) {
    return days.stream().filter(d -> d.date().equals(date)).findFirst();
  }
}
