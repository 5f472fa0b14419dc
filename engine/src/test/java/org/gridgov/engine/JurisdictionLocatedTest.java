package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.engine.Fixture.COMMUNITY;
import static org.gridgov.engine.Fixture.COMMUNITY2;
import static org.gridgov.engine.Fixture.DEPARTMENTS;
import static org.gridgov.engine.Fixture.DISTRICT;
import static org.gridgov.engine.Fixture.GRID1;
import static org.gridgov.engine.Fixture.GRID2;
import static org.gridgov.engine.Fixture.GRID3;
import static org.gridgov.engine.Fixture.STREET;
import static org.gridgov.engine.Fixture.TOWNSHIP;
import static org.gridgov.engine.Fixture.TREE;
import static org.gridgov.engine.Fixture.VGRID;
import static org.gridgov.engine.Fixture.VILLAGE;
import static org.gridgov.engine.Fixture.at;
import static org.gridgov.engine.Fixture.config;
import static org.gridgov.engine.Fixture.facts;

import java.time.Instant;
import java.util.SplittableRandom;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseLifecycle;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.CaseState;
import org.gridgov.casefile.Priority;
import org.gridgov.casefile.Role;
import org.junit.jupiter.api.Test;

/**
 * The engine tells the default {@link JurisdictionAuthorizationPolicy} the tree index of a case's
 * first location (resolved once, at the report) instead of letting it look the code up on every
 * command. The answers must not change: the located calls against the policy's public ones over
 * random principals and cases with one to three locations, and through the engine a case whose
 * first location lies outside the actor's jurisdiction and whose second lies inside.
 */
class JurisdictionLocatedTest {
  private static final long[] REGIONS = {
    DISTRICT, STREET, COMMUNITY, COMMUNITY2, GRID1, GRID2, GRID3, TOWNSHIP, VILLAGE, VGRID
  };
  private static final long[] GRIDS = {GRID1, GRID2, GRID3, VGRID};
  private static final Role[] ROLES = {
    Role.GRID_WORKER, Role.SUPERVISOR, Role.LEADER, Role.DISPATCHER
  };

  @Test
  void theLocatedAnswersAreThePublicAnswers() {
    JurisdictionAuthorizationPolicy policy = JurisdictionAuthorizationPolicy.of(TREE, DEPARTMENTS);
    assertThat(policy.indexes(TREE)).isTrue();
    assertThat(policy.indexes(Fixture.tree())).as("an equal tree of another instance").isFalse();
    SplittableRandom rnd = new SplittableRandom(20261206L);
    int outsideFirst = 0;
    for (int i = 0; i < 2_000; i++) {
      long[] grids = GRIDS.clone();
      for (int k = grids.length - 1; k > 0; k--) { // distinct locations, in random order
        int j = rnd.nextInt(k + 1);
        long g = grids[k];
        grids[k] = grids[j];
        grids[j] = g;
      }
      long[] locations = java.util.Arrays.copyOf(grids, 1 + rnd.nextInt(3));
      CaseFacts f = facts("L-" + i, "0101", Priority.NORMAL, CaseSource.APP, locations);
      CaseState s = CaseLifecycle.initial(f.id());
      long root = REGIONS[rnd.nextInt(REGIONS.length)];
      Principal p = Principal.inRegion("p", ROLES[rnd.nextInt(ROLES.length)], root);
      int first = TREE.indexOf(locations[0]);
      boolean sees = policy.sees(p, f, s);
      assertThat(policy.sees(p, f, s, first)).as("%s sees %s", p, f).isEqualTo(sees);
      Command report =
          Command.of("c" + i, p, f.id(), at("2026-03-02T09:00"), new Command.Report(f));
      assertThat(policy.refusal(report, f, s, first))
          .as("%s reports %s", p, f)
          .isEqualTo(policy.refusal(report, f, s));
      if (sees && !TREE.contains(TREE.indexOf(root), first)) {
        outsideFirst++; // seen through a later location only
      }
    }
    assertThat(outsideFirst).as("cases seen through a later location").isGreaterThan(50);
  }

  @Test
  void aCaseIsVisibleThroughItsSecondLocation() {
    Fixture.Driver d = new Fixture.Driver(CaseEngine.create(config().config()));
    Instant t = at("2026-03-02T09:00");
    d.run(
        Principal.resident("res"),
        "M-1",
        t,
        new Command.Report(facts("M-1", "0101", Priority.NORMAL, CaseSource.APP, GRID3, GRID1)));
    Principal inCommunity1 = Principal.inRegion("w", Role.GRID_WORKER, COMMUNITY);
    Principal inVillage = Principal.inRegion("v", Role.GRID_WORKER, VILLAGE);

    var events = d.run(inCommunity1, "M-1", t.plusSeconds(60), new Command.Verify(true, ""));
    assertThat(events).hasSize(1);
    assertThatThrownBy(() -> d.run(inVillage, "M-1", t.plusSeconds(120), new Command.Register()))
        .isInstanceOf(UnknownCaseException.class);
    assertThat(d.engine.state(CaseId.of("M-1")).orElseThrow().status().name())
        .isEqualTo("VERIFIED");
  }
}
