package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.engine.Fixture.COMMUNITY;
import static org.gridgov.engine.Fixture.GRID1;
import static org.gridgov.engine.Fixture.GRID2;
import static org.gridgov.engine.Fixture.TREE;
import static org.gridgov.engine.Fixture.at;
import static org.gridgov.engine.Fixture.districtDispatcher;
import static org.gridgov.engine.Fixture.facts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseLifecycle;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.CaseStatus;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.gridgov.people.Assignment;
import org.gridgov.people.BodyKind;
import org.gridgov.people.DeliberationPolicy;
import org.gridgov.people.PersonId;
import org.gridgov.people.StaffRegistry;
import org.gridgov.people.StaffRoles;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.ChinaCalendar;
import org.junit.jupiter.api.Test;

/**
 * Random referrals, sittings and decisions on a few cases: the desk accepts exactly what an
 * independent model of its rules accepts (membership by role, quorum by fraction, outcomes by kind,
 * one open referral per case), a refusal changes neither the desk nor the engine, the desk restored
 * from its log equals the live one, and every case's engine log replays to its state.
 */
class DeliberationDeskPropertyTest {
  private static final BusinessCalendar CAL = ChinaCalendar.calendar();
  private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
  private static final Principal GW = Principal.inRegion("gw-1", Role.GRID_WORKER, GRID1);
  private static final Principal CHAIR = Principal.inRegion("p-leader", Role.LEADER, GRID1);
  private static final List<String> PEOPLE =
      List.of("p-leader", "p-leader2", "p-worker", "p-party1", "p-party2", "p-vol1", "p-police");

  /** The model's members for a case in GRID1, by body, from the roles alone. */
  private static final Map<String, Set<String>> MEMBERS =
      Map.of(
          "grid_discussion", Set.of("p-leader", "p-worker", "p-party1", "p-party2"),
          "representatives_meeting",
              Set.of("p-leader", "p-leader2", "p-party1", "p-party2", "p-vol1"),
          "quick_decision", Set.of("p-leader", "p-leader2", "p-police"),
          "mediation_committee", Set.of("p-leader", "p-leader2", "p-police"));

  /** Quorum fractions, as the standard policy documents them. */
  private static final Map<String, int[]> QUORUM =
      Map.of(
          "grid_discussion", new int[] {1, 2},
          "representatives_meeting", new int[] {2, 3},
          "quick_decision", new int[] {1, 2},
          "mediation_committee", new int[] {1, 2});

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

  /** The model's view of one case's referral. */
  private static final class Model {
    String body = "";
    boolean open;
    boolean quorate;
  }

  @Test
  void randomDeskOperationsMatchTheModelAndReplay() {
    for (int seed = 0; seed < 12; seed++) {
      run(seed);
    }
  }

  private static void run(int seed) {
    Random rnd = new Random(seed);
    Fixture.Driver d = new Fixture.Driver(Fixture.config().build());
    DeliberationDesk desk = DeliberationDesk.of(DeliberationPolicy.standard(), registry(), CAL);
    Instant t = at("2025-03-03T09:00");
    List<String> cases = List.of("K-1", "K-2", "K-3");
    Map<String, Model> model = new HashMap<>();
    for (String id : cases) {
      Priority p = rnd.nextBoolean() ? Priority.MAJOR : Priority.NORMAL;
      d.run(GW, id, t, new Command.Report(facts(id, "0101", p, CaseSource.APP, GRID1)));
      d.run(GW, id, t, new Command.Verify(true, ""));
      d.run(districtDispatcher(), id, t, new Command.Register());
      d.run(districtDispatcher(), id, t, Command.Dispatch.to(CaseEngine.officeOf(GRID1)));
      d.run(GW, id, t, new Command.Accept(CaseEngine.officeOf(GRID1)));
      model.put(id, new Model());
    }
    int accepted = 0;
    for (int step = 0; step < 60; step++) {
      t = t.plus(Duration.ofMinutes(1 + rnd.nextInt(10)));
      d.advance(t);
      String id = cases.get(rnd.nextInt(cases.size()));
      Model m = java.util.Objects.requireNonNull(model.get(id));
      CaseId cid = CaseId.of(id);
      int deskBefore = desk.log().size();
      int engineBefore = d.log.size();
      boolean expect;
      Runnable call;
      int op = rnd.nextInt(3);
      final Instant now = t;
      final int n = step;
      if (op == 0) {
        String[] bodies = {"", "", "mediation_committee", "elders"};
        String body = bodies[rnd.nextInt(bodies.length)];
        CaseStatus status = d.engine.state(cid).orElseThrow().status();
        expect = !m.open && status == CaseStatus.HANDLING && !body.equals("elders");
        call =
            () -> {
              DeliberationDesk.Result r =
                  desk.refer(
                      d.engine,
                      CommandId.of("r-" + n),
                      districtDispatcher(),
                      cid,
                      now,
                      body.isEmpty() ? Optional.empty() : Optional.of(body));
              d.log.addAll(r.caseEvents());
              m.body = r.event().bodyId();
              if (r.event().bodyId().equals("mediation_committee")) {
                assertThat(r.event().sittingBy()).contains(now.plus(Duration.ofDays(30)));
              }
            };
      } else if (op == 1) {
        TreeSet<String> who = new TreeSet<>();
        for (String p : PEOPLE) {
          if (rnd.nextInt(3) > 0) {
            who.add(p);
          }
        }
        Set<String> members = MEMBERS.getOrDefault(m.body, Set.of());
        expect = m.open && members.containsAll(who);
        call =
            () -> {
              DeliberationEvent e = desk.sit(cid, now, who.stream().map(PersonId::of).toList());
              int[] q = java.util.Objects.requireNonNull(QUORUM.get(m.body));
              int quorum = Math.max(1, (members.size() * q[0] + q[1] - 1) / q[1]);
              assertThat(e.members()).isEqualTo(members.size());
              assertThat(e.quorum()).isEqualTo(quorum);
              m.quorate = who.size() >= quorum;
              assertThat(e.quorumMet()).isEqualTo(m.quorate);
            };
      } else {
        List<BodyKind.Outcome> outcomes = List.of(BodyKind.Outcome.values());
        BodyKind.Outcome o = outcomes.get(rnd.nextInt(outcomes.size()));
        boolean mediation = m.body.equals("mediation_committee");
        BodyKind kind = mediation ? BodyKind.MEDIATION : BodyKind.DELIBERATION;
        expect = m.open && m.quorate && kind.outcomes().contains(o);
        call =
            () -> {
              DeliberationDesk.Result r =
                  desk.decide(d.engine, CommandId.of("x-" + n), CHAIR, cid, now, o);
              d.log.addAll(r.caseEvents());
              CaseStatus after = d.engine.state(cid).orElseThrow().status();
              assertThat(after)
                  .isEqualTo(
                      o == BodyKind.Outcome.DEFERRED
                          ? CaseStatus.SUSPENDED
                          : o == BodyKind.Outcome.FAILED
                              ? CaseStatus.DISPATCHED
                              : CaseStatus.HANDLING);
              m.quorate = false;
              m.open = o == BodyKind.Outcome.DEFERRED;
            };
      }
      boolean ok;
      try {
        call.run();
        ok = true;
      } catch (DeliberationRefusedException e) {
        ok = false;
        assertThat(desk.log()).hasSize(deskBefore);
        assertThat(d.log).hasSize(engineBefore);
      }
      assertThat(ok).as("seed %d step %d op %d case %s", seed, step, op, id).isEqualTo(expect);
      if (ok && op == 0) {
        m.open = true;
        m.quorate = false;
        assertThat(d.engine.state(cid).orElseThrow().status()).isEqualTo(CaseStatus.SUSPENDED);
      }
      accepted += ok ? 1 : 0;
    }
    assertThat(accepted).as("seed %d accepted some", seed).isPositive();
    assertThat(
            DeliberationDesk.restore(DeliberationPolicy.standard(), registry(), CAL, desk.log())
                .referrals())
        .isEqualTo(desk.referrals());
    // The two logs together: the joint restore equals the live desk, and they agree.
    assertThat(DeliberationLogs.disagreements(desk.log(), d.log)).as("seed %d", seed).isEmpty();
    assertThat(
            DeliberationLogs.restore(
                    DeliberationPolicy.standard(), registry(), CAL, desk.log(), d.log)
                .referrals())
        .isEqualTo(desk.referrals());
    plantedDisagreementsAreFound(desk.log(), d.log, seed);
    for (String id : cases) {
      CaseId cid = CaseId.of(id);
      List<CaseEvent> own = new ArrayList<>();
      for (CaseEvent e : d.log) {
        if (e.caseId().equals(cid)) {
          own.add(e);
        }
      }
      assertThat(CaseLifecycle.replay(cid, own)).isEqualTo(d.engine.state(cid).orElseThrow());
    }
  }

  /** Drops one desk entry or one case event the other log pairs with: the check names it. */
  private static void plantedDisagreementsAreFound(
      List<DeliberationEvent> deskLog, List<CaseEvent> caseLog, int seed) {
    for (int i = 0; i < deskLog.size(); i++) {
      DeliberationEvent e = deskLog.get(i);
      boolean ends = e.outcome().map(BodyKind.Outcome::endsReferral).orElse(false);
      if (e.kind() == DeliberationEvent.Kind.REFERRED) {
        List<DeliberationEvent> shorter = new ArrayList<>(deskLog.subList(0, i));
        assertThat(DeliberationLogs.disagreements(shorter, caseLog))
            .as("seed %d: desk log without entry #%d", seed, e.sequence())
            .anySatisfy(m -> assertThat(m).contains("case " + e.caseId().value() + ":"));
      }
      if (ends) {
        List<CaseEvent> without = new ArrayList<>(caseLog);
        without.removeIf(
            c ->
                c.caseId().equals(e.caseId())
                    && c.at().equals(e.at())
                    && c.payload() instanceof org.gridgov.casefile.EventPayload.Resumed);
        assertThat(DeliberationLogs.disagreements(deskLog, without))
            .as("seed %d: case log without the Resumed of entry #%d", seed, e.sequence())
            .anySatisfy(m -> assertThat(m).contains("no Resumed event"));
      }
    }
  }
}
