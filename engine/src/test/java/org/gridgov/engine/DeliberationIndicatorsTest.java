package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.engine.Fixture.COMMUNITY;
import static org.gridgov.engine.Fixture.GRID1;
import static org.gridgov.engine.Fixture.GRID2;
import static org.gridgov.engine.Fixture.TREE;
import static org.gridgov.engine.Fixture.at;
import static org.gridgov.engine.Fixture.districtDispatcher;
import static org.gridgov.engine.Fixture.facts;

import com.google.common.collect.ImmutableSortedMap;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.people.Assignment;
import org.gridgov.people.BodyKind;
import org.gridgov.people.BodyKind.Outcome;
import org.gridgov.people.DeliberationPolicy;
import org.gridgov.people.MatterSize;
import org.gridgov.people.PersonId;
import org.gridgov.people.StaffRegistry;
import org.gridgov.people.StaffRoles;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.ChinaCalendar;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Indicators of deliberation and mediation bodies from the desk's log alone: a hand-written log
 * with hand-counted figures; and random referrals, sittings and decisions through a live desk
 * beside an engine, where the indicators of the live desk's log equal those of the desk restored
 * jointly from its log and the case log, and every figure equals an independent oracle computed
 * from what the test itself did (its own members, quorum fractions and cadence rules, not the
 * desk's).
 */
class DeliberationIndicatorsTest {
  private static final BusinessCalendar CAL = ChinaCalendar.calendar();
  private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
  private static final Principal GW = Principal.inRegion("gw-1", Role.GRID_WORKER, GRID1);
  private static final Principal CHAIR = Principal.inRegion("p-leader", Role.LEADER, GRID1);
  private static final String MEDIATION = "mediation_committee";

  /** The members of each standard body for a case in GRID1, from the roles of registry(). */
  private static final Map<String, List<String>> MEMBERS =
      Map.of(
          "grid_discussion",
          List.of("p-leader", "p-worker", "p-party1", "p-party2"),
          "representatives_meeting",
          List.of("p-leader", "p-leader2", "p-party1", "p-party2", "p-vol1"),
          "quick_decision",
          List.of("p-leader", "p-leader2", "p-police"),
          MEDIATION,
          List.of("p-leader", "p-leader2", "p-police"));

  /** Quorum fractions of the standard policy, as docs/people.md gives them. */
  private static final Map<String, int[]> QUORUM =
      Map.of(
          "grid_discussion",
          new int[] {1, 2},
          "representatives_meeting",
          new int[] {2, 3},
          "quick_decision",
          new int[] {1, 2},
          MEDIATION,
          new int[] {1, 2});

  private static StaffRegistry registry() {
    return StaffRegistry.of(
        TREE,
        StaffRoles.standard(),
        LocalDate.of(2025, 1, 1),
        List.of(
            Assignment.from(PersonId.of("p-leader"), "grid_leader", GRID1, FROM),
            Assignment.from(PersonId.of("p-leader2"), "grid_leader", GRID2, FROM),
            Assignment.from(PersonId.of("p-worker"), "grid_worker", GRID1, FROM),
            Assignment.from(PersonId.of("p-party1"), "party_contact", COMMUNITY, FROM),
            Assignment.from(PersonId.of("p-party2"), "party_contact", COMMUNITY, FROM),
            Assignment.from(PersonId.of("p-vol1"), "volunteer", GRID1, FROM),
            Assignment.from(PersonId.of("p-police"), "police", COMMUNITY, FROM)));
  }

  @Test
  void handWrittenLogGivesHandCountedFigures() {
    CaseId a = CaseId.of("A");
    CaseId b = CaseId.of("B");
    CaseId c = CaseId.of("C");
    Instant t0 = at("2025-03-03T10:00");
    List<PersonId> two = List.of(PersonId.of("p-1"), PersonId.of("p-2"));
    List<PersonId> one = List.of(PersonId.of("p-1"));
    List<DeliberationEvent> log =
        List.of(
            // A: mediation settled at its first sitting, 2 days after referral.
            DeliberationEvent.referred(
                1, a, t0, MEDIATION, GRID1, MatterSize.SMALL, t0.plus(Duration.ofDays(30))),
            // B: grid discussion: a thin sitting, a quorate one deferring, a quorate one adopting
            // a day late.
            DeliberationEvent.referred(
                2, b, t0, "grid_discussion", GRID1, MatterSize.SMALL, at("2025-03-05T15:00")),
            DeliberationEvent.sat(3, a, at("2025-03-05T09:00"), MEDIATION, GRID1, two, 3, 2),
            DeliberationEvent.decided(
                4,
                a,
                at("2025-03-05T10:00"),
                MEDIATION,
                GRID1,
                Outcome.SETTLED,
                Optional.empty(),
                false),
            DeliberationEvent.sat(
                5, b, at("2025-03-05T15:00"), "grid_discussion", GRID1, one, 4, 2),
            DeliberationEvent.sat(
                6, b, at("2025-03-05T16:00"), "grid_discussion", GRID1, two, 4, 2),
            DeliberationEvent.decided(
                7,
                b,
                at("2025-03-05T16:10"),
                "grid_discussion",
                GRID1,
                Outcome.DEFERRED,
                Optional.of(at("2025-03-12T15:00")),
                false),
            DeliberationEvent.sat(
                8, b, at("2025-03-13T15:00"), "grid_discussion", GRID1, two, 4, 2),
            DeliberationEvent.decided(
                9,
                b,
                at("2025-03-13T15:30"),
                "grid_discussion",
                GRID1,
                Outcome.ADOPTED,
                Optional.empty(),
                true),
            // C: mediation referred, sat twice, failed within its 30 days; then referred again
            // (still open).
            DeliberationEvent.referred(
                10,
                c,
                at("2025-03-14T09:00"),
                MEDIATION,
                GRID1,
                MatterSize.SMALL,
                at("2025-04-13T09:00")),
            DeliberationEvent.sat(11, c, at("2025-03-20T09:00"), MEDIATION, GRID1, two, 3, 2),
            DeliberationEvent.sat(12, c, at("2025-03-21T09:00"), MEDIATION, GRID1, two, 3, 2),
            DeliberationEvent.decided(
                13,
                c,
                at("2025-03-21T09:00"),
                MEDIATION,
                GRID1,
                Outcome.FAILED,
                Optional.empty(),
                false),
            DeliberationEvent.referred(
                14,
                c,
                at("2025-03-22T09:00"),
                MEDIATION,
                GRID1,
                MatterSize.SMALL,
                at("2025-04-21T09:00")));
    ImmutableSortedMap<String, DeliberationIndicators> ind = DeliberationIndicators.of(log);
    assertThat(ind).containsOnlyKeys("grid_discussion", MEDIATION);

    DeliberationIndicators grid = nn(ind.get("grid_discussion"));
    assertThat(grid.referrals()).isEqualTo(1);
    assertThat(grid.decided()).isEqualTo(1);
    assertThat(grid.decidedAtFirstSitting()).isZero();
    assertThat(grid.deferrals()).isEqualTo(1);
    assertThat(grid.decidedWithinCadence()).isZero();
    assertThat(grid.sittings()).isEqualTo(3);
    assertThat(grid.quorateSittings()).isEqualTo(2);
    assertThat(grid.outcomes())
        .isEqualTo(ImmutableSortedMap.of(Outcome.ADOPTED, 1, Outcome.DEFERRED, 1));
    // 2025-03-03T10:00 to 2025-03-13T15:30: 10 days 5 h 30 min.
    assertThat(grid.meanTimeToDecision())
        .contains(Duration.ofDays(10).plusHours(5).plusMinutes(30));
    assertThat(grid.firstSittingShare()).isZero();
    assertThat(grid.outcomeRate(Outcome.ADOPTED)).isEqualTo(1.0);

    DeliberationIndicators med = nn(ind.get(MEDIATION));
    assertThat(med.referrals()).isEqualTo(3);
    assertThat(med.decided()).isEqualTo(2);
    assertThat(med.decidedAtFirstSitting()).isEqualTo(1);
    assertThat(med.deferrals()).isZero();
    assertThat(med.decidedWithinCadence()).isEqualTo(2);
    assertThat(med.sittings()).isEqualTo(3);
    assertThat(med.quorateSittings()).isEqualTo(3);
    // A: 2 days; C: 7 days. Mean 4.5 days.
    assertThat(med.meanTimeToDecision()).contains(Duration.ofHours(108));
    assertThat(med.outcomeRate(Outcome.SETTLED)).isEqualTo(0.5);
    assertThat(med.outcomeRate(Outcome.PARTIALLY_SETTLED)).isZero();
    assertThat(med.outcomeRate(Outcome.FAILED)).isEqualTo(0.5);
    assertThat(med.firstSittingShare()).isEqualTo(0.5);
    assertThat(med.withinCadenceShare()).isEqualTo(1.0);
    assertThatThrownBy(() -> med.outcomeRate(Outcome.DEFERRED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DEFERRED ends no referral");
  }

  @Test
  void aSittingWithoutItsReferralIsRefusedNamingTheEntry() {
    CaseId a = CaseId.of("A");
    Instant t0 = at("2025-03-03T10:00");
    List<DeliberationEvent> orphan =
        List.of(
            DeliberationEvent.referred(
                1, a, t0, MEDIATION, GRID1, MatterSize.SMALL, t0.plus(Duration.ofDays(30))),
            DeliberationEvent.sat(2, a, t0, "grid_discussion", GRID1, List.of(), 4, 2));
    assertThatThrownBy(() -> DeliberationIndicators.of(orphan))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entry #2 (SAT, case A, body grid_discussion)")
        .hasMessageContaining("no open referral");
    assertThat(DeliberationIndicators.of(List.of())).isEmpty();
  }

  /** What the test did to one referral, recorded as it went: the oracle's only input. */
  private static final class Episode {
    final String body;
    final Instant referredAt;
    Instant awaited;
    int sittings;
    int quorate;
    int deferrals;
    @Nullable Instant decidedAt;
    @Nullable Outcome outcome;
    boolean late;

    Episode(String body, Instant referredAt) {
      this.body = body;
      this.referredAt = referredAt;
      this.awaited = nextSitting(body, referredAt);
    }
  }

  @Test
  void indicatorsOfTheLiveDeskEqualTheRestoredDesksAndAnIndependentOracle() {
    Map<String, Integer> seen = new TreeMap<>();
    for (int seed = 0; seed < 8; seed++) {
      List<Episode> episodes = new ArrayList<>();
      Fixture.Driver d = new Fixture.Driver(Fixture.config().build());
      DeliberationDesk desk = DeliberationDesk.of(DeliberationPolicy.standard(), registry(), CAL);
      run(new Random(seed), d, desk, episodes);

      ImmutableSortedMap<String, DeliberationIndicators> live =
          DeliberationIndicators.of(desk.log());
      DeliberationDesk restored =
          DeliberationLogs.restore(
              DeliberationPolicy.standard(), registry(), CAL, desk.log(), d.log);
      assertThat(DeliberationIndicators.of(restored.log())).as("seed %d", seed).isEqualTo(live);
      assertThat(live).as("seed %d", seed).isEqualTo(oracle(episodes));
      live.values()
          .forEach(
              i -> {
                seen.merge("decided", i.decided(), Integer::sum);
                seen.merge("first", i.decidedAtFirstSitting(), Integer::sum);
                seen.merge("later", i.decided() - i.decidedAtFirstSitting(), Integer::sum);
                seen.merge("within", i.decidedWithinCadence(), Integer::sum);
                seen.merge("late", i.decided() - i.decidedWithinCadence(), Integer::sum);
                seen.merge("deferrals", i.deferrals(), Integer::sum);
                seen.merge("thin", i.sittings() - i.quorateSittings(), Integer::sum);
                i.outcomes().forEach((o, n) -> seen.merge(o.name(), n, Integer::sum));
              });
    }
    // The runs reach every branch the indicators count.
    assertThat(seen)
        .allSatisfy((k, v) -> assertThat(v).as(k).isPositive())
        .containsKeys(
            "first",
            "later",
            "within",
            "late",
            "deferrals",
            "thin",
            "ADOPTED",
            "REJECTED",
            "SETTLED",
            "PARTIALLY_SETTLED",
            "FAILED");
    assertThat(nn(seen.get("decided"))).isGreaterThan(100);
  }

  /** Random referrals, sittings and decisions on a few cases of GRID1, recording each episode. */
  private static void run(Random rnd, Fixture.Driver d, DeliberationDesk desk, List<Episode> eps) {
    Instant t = at("2025-03-03T09:00");
    List<String> cases = new ArrayList<>();
    Map<String, Episode> open = new TreeMap<>();
    int made = 0;
    for (int i = 0; i < 6; i++) {
      cases.add(handling(d, rnd, "K-" + ++made, t));
    }
    for (int step = 0; step < 260; step++) {
      t =
          t.plus(
              rnd.nextInt(5) < 3
                  ? Duration.ofMinutes(5 + rnd.nextInt(120))
                  : Duration.ofHours(12 + rnd.nextInt(96)));
      d.advance(t);
      int k = rnd.nextInt(cases.size());
      String id = cases.get(k);
      CaseId cid = CaseId.of(id);
      Episode e = open.get(id);
      if (e == null) {
        if (d.engine.state(cid).orElseThrow().status() != CaseStatus.HANDLING) {
          // Escalated by a failed mediation: the case leaves; a fresh one takes its place.
          cases.set(k, handling(d, rnd, "K-" + ++made, t));
          continue;
        }
        Optional<String> body = rnd.nextInt(4) == 0 ? Optional.of(MEDIATION) : Optional.empty();
        DeliberationDesk.Result r =
            desk.refer(d.engine, CommandId.of("r-" + step), districtDispatcher(), cid, t, body);
        d.log.addAll(r.caseEvents());
        Episode fresh = new Episode(r.event().bodyId(), t);
        open.put(id, fresh);
        eps.add(fresh);
      } else if (rnd.nextBoolean()) {
        List<PersonId> who = new ArrayList<>();
        for (String p : nn(MEMBERS.get(e.body))) {
          if (rnd.nextInt(10) < 7) {
            who.add(PersonId.of(p));
          }
        }
        var unused = desk.sit(cid, t, who);
        e.sittings++;
        e.quorate += who.size() >= quorum(e.body) ? 1 : 0;
      } else {
        List<Outcome> outcomes =
            List.copyOf(
                (e.body.equals(MEDIATION) ? BodyKind.MEDIATION : BodyKind.DELIBERATION).outcomes());
        Outcome o = outcomes.get(rnd.nextInt(outcomes.size()));
        try {
          DeliberationDesk.Result r =
              desk.decide(d.engine, CommandId.of("x-" + step), CHAIR, cid, t, o);
          d.log.addAll(r.caseEvents());
        } catch (DeliberationRefusedException refused) {
          continue; // no quorate sitting since the referral or the last deferral
        }
        if (o == Outcome.DEFERRED) {
          e.deferrals++;
          e.awaited = nextSitting(e.body, t);
        } else {
          e.decidedAt = t;
          e.outcome = o;
          e.late = localDate(t).isAfter(localDate(e.awaited));
          open.remove(id);
        }
      }
    }
  }

  private static String handling(Fixture.Driver d, Random rnd, String id, Instant t) {
    Priority[] ps = {Priority.MAJOR, Priority.NORMAL, Priority.URGENT};
    Priority p = ps[rnd.nextInt(ps.length)];
    d.run(GW, id, t, new Command.Report(facts(id, "0101", p, CaseSource.APP, GRID1)));
    d.run(GW, id, t, new Command.Verify(true, ""));
    d.run(districtDispatcher(), id, t, new Command.Register());
    d.run(districtDispatcher(), id, t, Command.Dispatch.to(CaseEngine.officeOf(GRID1)));
    d.run(GW, id, t, new Command.Accept(CaseEngine.officeOf(GRID1)));
    return id;
  }

  /** The oracle: per body, from the episodes the test recorded. */
  private static Map<String, DeliberationIndicators> oracle(List<Episode> episodes) {
    Map<String, List<Episode>> byBody = new TreeMap<>();
    for (Episode e : episodes) {
      byBody.computeIfAbsent(e.body, b -> new ArrayList<>()).add(e);
    }
    Map<String, DeliberationIndicators> out = new TreeMap<>();
    byBody.forEach(
        (body, eps) -> {
          List<Episode> ended = eps.stream().filter(e -> e.outcome != null).toList();
          Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
          ended.forEach(e -> outcomes.merge(nn(e.outcome), 1, Integer::sum));
          int deferrals = eps.stream().mapToInt(e -> e.deferrals).sum();
          if (deferrals > 0) {
            outcomes.put(Outcome.DEFERRED, deferrals);
          }
          Duration total = Duration.ZERO;
          for (Episode e : ended) {
            total = total.plus(Duration.between(e.referredAt, nn(e.decidedAt)));
          }
          out.put(
              body,
              new DeliberationIndicators(
                  body,
                  eps.size(),
                  ended.size(),
                  (int) ended.stream().filter(e -> e.sittings == 1).count(),
                  deferrals,
                  (int) ended.stream().filter(e -> !e.late).count(),
                  eps.stream().mapToInt(e -> e.sittings).sum(),
                  eps.stream().mapToInt(e -> e.quorate).sum(),
                  ImmutableSortedMap.copyOf(outcomes),
                  ended.isEmpty()
                      ? Optional.empty()
                      : Optional.of(Duration.ofMillis(total.toMillis() / ended.size()))));
        });
    return out;
  }

  private static int quorum(String body) {
    int[] q = nn(QUORUM.get(body));
    int members = nn(MEMBERS.get(body)).size();
    return Math.max(1, (members * q[0] + q[1] - 1) / q[1]);
  }

  /**
   * The standard cadences, by the documented rule and a day-by-day walk: the earliest sitting
   * strictly after {@code after}, a sitting day off work moved to the next working day.
   */
  private static Instant nextSitting(String body, Instant after) {
    if (body.equals("quick_decision")) {
      return after.plus(Duration.ofHours(4));
    }
    if (body.equals(MEDIATION)) {
      return after.plus(Duration.ofDays(30));
    }
    boolean weekly = body.equals("grid_discussion");
    LocalTime time = weekly ? LocalTime.of(15, 0) : LocalTime.of(14, 30);
    Instant best = null;
    LocalDate start = localDate(after).minusDays(45);
    for (LocalDate day = start; day.isBefore(start.plusDays(150)); day = day.plusDays(1)) {
      boolean nominal =
          weekly ? day.getDayOfWeek() == DayOfWeek.WEDNESDAY : day.getDayOfMonth() == 10;
      if (!nominal) {
        continue;
      }
      LocalDate moved = day;
      while (!CAL.isWorkingDay(moved)) {
        moved = moved.plusDays(1);
      }
      Instant s = moved.atTime(time).atZone(CAL.zone()).toInstant();
      if (s.isAfter(after) && (best == null || s.isBefore(best))) {
        best = s;
      }
    }
    return nn(best);
  }

  private static LocalDate localDate(Instant t) {
    return t.atZone(CAL.zone()).toLocalDate();
  }

  private static <T> T nn(@Nullable T t) {
    return java.util.Objects.requireNonNull(t);
  }
}
