package org.gridgov.metrics;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;

/**
 * Hot spots (高发点位): the units (a case's first location code) where problems keep coming back, over
 * a period {@code W = [from, to)}, from the event log and the cases' facts alone. Each count
 * depends only on which events fall in W, never on their order, so the live log of an engine and a
 * case-by-case replay give the same list. Events at or after {@code to} are not read.
 *
 * <ul>
 *   <li>reports: {@code Reported} events in W of cases at the unit (a repeat report linked to
 *       another case counts too: it was reported there);
 *   <li>cases: of those, the reports that did not end {@code Merged} before {@code to} (the
 *       distinct problems);
 *   <li>repeats: {@code RepeatReported} events in W on cases at the unit;
 *   <li>reopenings: {@code Reopened} events (返工) in W on cases at the unit.
 * </ul>
 *
 * A unit (or, {@code byCategory}, a unit and category) is a hot spot when its reports reach {@code
 * minReports}. The list is ordered by reports, most first, then cases, most first, then location
 * code and category. Hot spots hold codes and counts only, no personal data.
 */
public final class HotSpots {
  private HotSpots() {}

  /**
   * One hot spot.
   *
   * @param locationCode the unit's location code
   * @param categoryCode the category, or empty when the counts are over every category
   * @param reports reports in the period
   * @param cases reports in the period that stayed cases of their own
   * @param repeats repeat reports linked in the period
   * @param reopenings reopenings (返工) in the period
   */
  public record HotSpot(
      long locationCode,
      Optional<String> categoryCode,
      int reports,
      int cases,
      int repeats,
      int reopenings) {
    /**
     * Validates.
     *
     * @param locationCode the locationCode component
     * @param categoryCode the categoryCode component
     * @param reports the reports component
     * @param cases the cases component
     * @param repeats the repeats component
     * @param reopenings the reopenings component
     */
    public HotSpot {
      Objects.requireNonNull(categoryCode, "categoryCode");
      checkArgument(
          reports >= 0 && cases >= 0 && cases <= reports && repeats >= 0 && reopenings >= 0,
          "bad hot-spot counts: reports %s, cases %s, repeats %s, reopenings %s",
          reports,
          cases,
          repeats,
          reopenings);
    }

    /**
     * Returns the hot spot as a CSV line (location, category or {@code *}, the four counts).
     *
     * @return the line, without a line end
     */
    public String toCsvLine() {
      return String.format(
          Locale.ROOT,
          "%d,%s,%d,%d,%d,%d",
          locationCode,
          categoryCode.orElse("*"),
          reports,
          cases,
          repeats,
          reopenings);
    }
  }

  /** The CSV header of {@link HotSpot#toCsvLine()}. */
  public static final String CSV_HEADER = "location,category,reports,cases,repeats,reopenings";

  /** The key a count is kept under. */
  private record Key(long locationCode, Optional<String> categoryCode) {}

  /** The counts of one key. */
  private static final class Acc {
    int reports;
    int cases;
    int repeats;
    int reopenings;
  }

  /**
   * Computes the hot spots of a period.
   *
   * @param events the log: each case's events in sequence order, cases interleaved in any way
   * @param facts the facts of every case the log names
   * @param from the period's start, inclusive
   * @param to the period's end, exclusive; after {@code from}
   * @param minReports the reports a unit needs to be a hot spot, {@code >= 1}
   * @param byCategory whether to count each category of a unit apart
   * @return the hot spots, ordered
   * @throws IllegalArgumentException if the period is empty, {@code minReports < 1}, or an event
   *     that counts (a report, repeat report or reopening in the period, or the merge of a case
   *     reported in it) belongs to a case without facts (naming the case and the event's sequence
   *     number); events outside the period are not looked up
   */
  public static ImmutableList<HotSpot> compute(
      Iterable<CaseEvent> events,
      Map<CaseId, ? extends CaseFacts> facts,
      Instant from,
      Instant to,
      int minReports,
      boolean byCategory) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(facts, "facts");
    checkArgument(from.isBefore(to), "the period [%s, %s) is empty", from, to);
    checkArgument(minReports >= 1, "minReports must be >= 1: %s", minReports);
    Map<Key, Acc> acc = new HashMap<>();
    Set<CaseId> reportedInW = new HashSet<>();
    for (CaseEvent e : events) {
      if (!e.at().isBefore(to)) {
        continue;
      }
      boolean inW = !e.at().isBefore(from);
      switch (e.type()) {
        case REPORTED -> {
          if (inW) {
            Acc a = acc.computeIfAbsent(key(e, facts, byCategory), k -> new Acc());
            a.reports++;
            a.cases++;
            reportedInW.add(e.caseId());
          }
        }
        case MERGED -> {
          if (reportedInW.contains(e.caseId())) {
            Objects.requireNonNull(acc.get(key(e, facts, byCategory))).cases--;
          }
        }
        case REPEAT_REPORTED -> {
          if (inW) {
            acc.computeIfAbsent(key(e, facts, byCategory), k -> new Acc()).repeats++;
          }
        }
        case REOPENED -> {
          if (inW) {
            acc.computeIfAbsent(key(e, facts, byCategory), k -> new Acc()).reopenings++;
          }
        }
        default -> {}
      }
    }
    List<HotSpot> out = new ArrayList<>();
    for (Map.Entry<Key, Acc> en : acc.entrySet()) {
      Acc a = en.getValue();
      if (a.reports >= minReports) {
        Key k = en.getKey();
        out.add(
            new HotSpot(
                k.locationCode(), k.categoryCode(), a.reports, a.cases, a.repeats, a.reopenings));
      }
    }
    out.sort(ORDER);
    return ImmutableList.copyOf(out);
  }

  private static final Comparator<HotSpot> ORDER =
      Comparator.comparingInt(HotSpot::reports)
          .reversed()
          .thenComparing(Comparator.comparingInt(HotSpot::cases).reversed())
          .thenComparingLong(HotSpot::locationCode)
          .thenComparing(h -> h.categoryCode().orElse(""));

  private static Key key(CaseEvent e, Map<CaseId, ? extends CaseFacts> facts, boolean byCategory) {
    CaseFacts f = facts.get(e.caseId());
    if (f == null) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "event #%d of case %s (%s): the case has no facts; expected the facts of every case"
                  + " the log names",
              e.sequence(),
              e.caseId(),
              e.type()));
    }
    return new Key(
        f.locationCodes().get(0), byCategory ? Optional.of(f.categoryCode()) : Optional.empty());
  }

  /**
   * Writes hot spots as CSV: the header, then one line each, {@code \n} line ends.
   *
   * @param spots the hot spots
   * @return the CSV text
   */
  public static String toCsv(List<HotSpot> spots) {
    StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
    for (HotSpot h : spots) {
      b.append(h.toCsvLine()).append('\n');
    }
    return b.toString();
  }
}
