package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.engine.Fixture.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.EventType;
import org.gridgov.metrics.HotSpots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hot spots (高发点位) from a live engine's log with repeat reports, reopenings and merges: equal to
 * the hot spots of the same events replayed case by case, and equal to an oracle that counts each
 * case's own events per unit.
 */
class HotSpotsPropertyTest {
  static final String POLICY = SupervisionTest.POLICY + "repeat window P7D reopen\n";

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 5, 8, 13})
  void liveEqualsReplayed_andTheOracle(long seed) {
    Driver d = ScorecardsPropertyTest.randomRun(seed, 500, 60, POLICY);
    List<CaseEvent> log = d.log;
    Instant first = log.get(0).at();
    Instant last = log.get(log.size() - 1).at();
    Instant from = first.plus(Duration.between(first, last).dividedBy(7));
    Instant to = last.minus(Duration.between(first, last).dividedBy(5));

    Map<CaseId, List<CaseEvent>> byCase = new LinkedHashMap<>();
    for (CaseEvent e : log) {
      byCase.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(e);
    }
    List<CaseEvent> replayOrder = new ArrayList<>();
    byCase.values().forEach(replayOrder::addAll);

    for (boolean byCategory : new boolean[] {false, true}) {
      for (int min = 1; min <= 4; min++) {
        var live = HotSpots.compute(log, d.facts, from, to, min, byCategory);
        assertThat(HotSpots.compute(replayOrder, d.facts, from, to, min, byCategory))
            .isEqualTo(live);
        assertThat(live)
            .as("seed %d min %d byCategory %s", seed, min, byCategory)
            .isEqualTo(oracle(byCase, d.facts, from, to, min, byCategory));
      }
    }
    // the run exercised what it counts
    assertThat(log.stream().map(CaseEvent::type))
        .contains(EventType.REPEAT_REPORTED, EventType.MERGED, EventType.REOPENED);
    assertThat(HotSpots.compute(log, d.facts, from, to, 2, false)).isNotEmpty();
  }

  /** Per case: its unit, then its own events in W counted; then filtered and sorted. */
  private static List<HotSpots.HotSpot> oracle(
      Map<CaseId, List<CaseEvent>> byCase,
      Map<CaseId, CaseFacts> facts,
      Instant from,
      Instant to,
      int min,
      boolean byCategory) {
    Map<String, int[]> counts = new HashMap<>();
    Map<String, HotSpots.HotSpot> keys = new HashMap<>();
    for (var en : byCase.entrySet()) {
      CaseFacts f = java.util.Objects.requireNonNull(facts.get(en.getKey()));
      Optional<String> cat = byCategory ? Optional.of(f.categoryCode()) : Optional.empty();
      String key = f.locationCodes().get(0) + "/" + cat.orElse("");
      keys.putIfAbsent(key, new HotSpots.HotSpot(f.locationCodes().get(0), cat, 0, 0, 0, 0));
      int[] c = counts.computeIfAbsent(key, k -> new int[4]);
      List<CaseEvent> evs = en.getValue();
      boolean reportedInW = inW(evs.get(0).at(), from, to);
      boolean merged =
          evs.stream().anyMatch(e -> e.type() == EventType.MERGED && e.at().isBefore(to));
      if (reportedInW) {
        c[0]++;
        if (!merged) {
          c[1]++;
        }
      }
      c[2] +=
          (int)
              evs.stream()
                  .filter(e -> e.type() == EventType.REPEAT_REPORTED && inW(e.at(), from, to))
                  .count();
      c[3] +=
          (int)
              evs.stream()
                  .filter(e -> e.type() == EventType.REOPENED && inW(e.at(), from, to))
                  .count();
    }
    List<HotSpots.HotSpot> out = new ArrayList<>();
    for (var en : counts.entrySet()) {
      int[] c = en.getValue();
      if (c[0] >= min) {
        HotSpots.HotSpot k = java.util.Objects.requireNonNull(keys.get(en.getKey()));
        out.add(new HotSpots.HotSpot(k.locationCode(), k.categoryCode(), c[0], c[1], c[2], c[3]));
      }
    }
    // insertion sort by (-reports, -cases, location, category): independent of the comparator
    List<HotSpots.HotSpot> sorted = new ArrayList<>();
    for (HotSpots.HotSpot h : out) {
      int i = 0;
      while (i < sorted.size() && !before(h, sorted.get(i))) {
        i++;
      }
      sorted.add(i, h);
    }
    return sorted;
  }

  private static boolean before(HotSpots.HotSpot a, HotSpots.HotSpot b) {
    if (a.reports() != b.reports()) {
      return a.reports() > b.reports();
    }
    if (a.cases() != b.cases()) {
      return a.cases() > b.cases();
    }
    if (a.locationCode() != b.locationCode()) {
      return a.locationCode() < b.locationCode();
    }
    return a.categoryCode().orElse("").compareTo(b.categoryCode().orElse("")) < 0;
  }

  private static boolean inW(Instant t, Instant from, Instant to) {
    return !t.isBefore(from) && t.isBefore(to);
  }

  @Test
  void fivePotholeReports_areOneHotSpotWithFourRepeats_andBadInputIsRefused() {
    Driver d =
        new Driver(
            Fixture.config().supervisionPolicy(SupervisionPolicy.parse(POLICY, "p")).build());
    Instant t = at("2025-03-03T09:00");
    for (int k = 1; k <= 5; k++) {
      String id = "P-" + k;
      d.run(
          Principal.resident("r-" + k),
          id,
          t.plusSeconds(60L * k),
          new Command.Report(
              facts(
                  id,
                  "0401",
                  org.gridgov.casefile.Priority.NORMAL,
                  org.gridgov.casefile.CaseSource.APP,
                  GRID1)));
    }
    var spots = HotSpots.compute(d.log, d.facts, t, t.plusSeconds(3600), 5, true);
    assertThat(spots).containsExactly(new HotSpots.HotSpot(GRID1, Optional.of("0401"), 5, 1, 4, 0));
    assertThat(HotSpots.toCsv(spots))
        .isEqualTo(
            "location,category,reports,cases,repeats,reopenings\n" + GRID1 + ",0401,5,1,4,0\n");
    assertThat(HotSpots.compute(d.log, d.facts, t, t.plusSeconds(3600), 6, true)).isEmpty();
    // a period ending before the last two reports
    assertThat(HotSpots.compute(d.log, d.facts, t, t.plusSeconds(240), 1, false))
        .containsExactly(new HotSpots.HotSpot(GRID1, Optional.empty(), 3, 1, 2, 0));

    assertThatThrownBy(() -> HotSpots.compute(d.log, Map.of(), t, t.plusSeconds(3600), 1, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("event #1 of case P-1 (REPORTED): the case has no facts");
    assertThatThrownBy(() -> HotSpots.compute(d.log, d.facts, t, t, 1, false))
        .hasMessageContaining("is empty");
    assertThatThrownBy(() -> HotSpots.compute(d.log, d.facts, t, t.plusSeconds(1), 0, false))
        .hasMessageContaining("minReports must be >= 1: 0");
  }
}
