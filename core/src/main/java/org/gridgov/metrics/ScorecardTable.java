package org.gridgov.metrics;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The scorecards of a period, ranked by composite score (highest first). Composites are compared
 * rounded to four decimal places; equal rounded composites share a rank (competition ranking: 1, 1,
 * 3) and each such row names the handlers it is tied with. Handlers without a composite come last,
 * unranked. Within a rank, rows are in handler-id order.
 *
 * @param from the period's start, inclusive
 * @param to the period's end, exclusive
 * @param rows the ranked rows
 */
public record ScorecardTable(Instant from, Instant to, ImmutableList<Row> rows) {

  /**
   * One ranked scorecard.
   *
   * @param rank the rank, 1 = best; empty for a handler without a composite
   * @param card the scorecard
   * @param tiedWith the other handlers of the same rank, in id order
   */
  public record Row(Optional<Integer> rank, Scorecard card, ImmutableList<String> tiedWith) {
    /**
     * Validates.
     *
     * @param rank the rank component
     * @param card the card component
     * @param tiedWith the tiedWith component
     */
    public Row {
      Objects.requireNonNull(rank, "rank");
      Objects.requireNonNull(card, "card");
      Objects.requireNonNull(tiedWith, "tiedWith");
    }
  }

  /**
   * Validates.
   *
   * @param from the from component
   * @param to the to component
   * @param rows the rows component
   */
  public ScorecardTable {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(rows, "rows");
  }

  /** Ranks scorecards given in handler-id order. */
  static ScorecardTable rank(Instant from, Instant to, List<Scorecard> cards) {
    List<Scorecard> sorted = new ArrayList<>(cards);
    sorted.sort(
        Comparator.comparingLong((Scorecard c) -> -key(c)).thenComparing(Scorecard::handlerId));
    ImmutableList.Builder<Row> rows = ImmutableList.builder();
    int i = 0;
    while (i < sorted.size()) {
      int j = i;
      while (j < sorted.size() && key(sorted.get(j)) == key(sorted.get(i))) {
        j++;
      }
      boolean ranked = sorted.get(i).composite().isPresent();
      for (int k = i; k < j; k++) {
        ImmutableList.Builder<String> ties = ImmutableList.builder();
        for (int m = i; m < j; m++) {
          if (m != k && ranked) {
            ties.add(sorted.get(m).handlerId());
          }
        }
        rows.add(
            new Row(ranked ? Optional.of(i + 1) : Optional.empty(), sorted.get(k), ties.build()));
      }
      i = j;
    }
    return new ScorecardTable(from, to, rows.build());
  }

  /** The composite rounded to 1e-4 as a long; the lowest value for none. */
  private static long key(Scorecard c) {
    return c.composite().isPresent()
        ? Math.round(c.composite().getAsDouble() * 10_000)
        : Long.MIN_VALUE;
  }

  /**
   * Returns the table of some handlers only, ranked among themselves (e.g. the persons of a
   * per-person table, without the offices).
   *
   * @param handlerIds which handlers to keep
   * @return the smaller table, re-ranked
   */
  public ScorecardTable restrictedTo(Predicate<String> handlerIds) {
    List<Scorecard> cards = new ArrayList<>();
    for (Row r : rows) {
      if (handlerIds.test(r.card().handlerId())) {
        cards.add(r.card());
      }
    }
    cards.sort(Comparator.comparing(Scorecard::handlerId));
    return rank(from, to, cards);
  }

  /**
   * Returns the row of a handler.
   *
   * @param handlerId the handler
   * @return its row, or empty if it had nothing in the period
   */
  public Optional<Row> row(String handlerId) {
    return rows.stream().filter(r -> r.card().handlerId().equals(handlerId)).findFirst();
  }

  /**
   * Returns the table as CSV (a header and one line per row, ranked order); no personal data.
   *
   * @return the CSV text
   */
  public String toCsv() {
    StringBuilder b =
        new StringBuilder(
            "rank,handler,received,accepted_in_time,on_time_handling,on_time_closing,rework,"
                + "shirks,supervised,satisfaction,composite,tied_with\n");
    for (Row r : rows) {
      Scorecard c = r.card();
      b.append(r.rank().map(String::valueOf).orElse(""))
          .append(',')
          .append(c.handlerId())
          .append(',')
          .append(c.received())
          .append(',')
          .append(fraction(c.acceptedInTime()))
          .append(',')
          .append(fraction(c.onTimeHandling()))
          .append(',')
          .append(fraction(c.onTimeClosing()))
          .append(',')
          .append(fraction(c.rework()))
          .append(',')
          .append(c.shirks())
          .append(',')
          .append(c.supervised())
          .append(',')
          .append(fraction(c.satisfaction()))
          .append(',')
          .append(
              c.composite().isPresent()
                  ? String.format(Locale.ROOT, "%.4f", c.composite().getAsDouble())
                  : "")
          .append(',')
          .append(String.join(" ", r.tiedWith()))
          .append('\n');
    }
    return b.toString();
  }

  private static String fraction(Rate r) {
    return r.numerator() + "/" + r.denominator();
  }
}
