package org.gridgov.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gridgov.casefile.Role;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.junit.jupiter.api.Test;

/** {@link Assignment} periods and {@link StaffRegistry} queries at the edges of the tree. */
class PeopleAssignmentEdgesTest {
  private static final PersonId P1 = PersonId.of("p-1");
  private static final PersonId P2 = PersonId.of("p-2");
  private static final long REGION = 350302001001001L;

  private static Instant day(int d) {
    return Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * d);
  }

  private static Assignment between(int from, int until) {
    return Assignment.between(P1, "grid_worker", REGION, day(from), day(until));
  }

  private static Assignment from(int from) {
    return Assignment.from(P2, "grid_worker", REGION, day(from));
  }

  /** Oracle: two half-open periods share an instant iff each starts before the other ends. */
  @Test
  void periodsOverlapOnlyWhenTheyShareAnInstant() {
    // disjoint, both orders
    assertThat(between(1, 2).overlapsInTime(between(3, 4))).isFalse();
    assertThat(between(3, 4).overlapsInTime(between(1, 2))).isFalse();
    // adjacent: [1,2) and [2,3) share no instant
    assertThat(between(1, 2).overlapsInTime(between(2, 3))).isFalse();
    assertThat(between(2, 3).overlapsInTime(between(1, 2))).isFalse();
    // overlapping and nested
    assertThat(between(1, 3).overlapsInTime(between(2, 4))).isTrue();
    assertThat(between(2, 4).overlapsInTime(between(1, 3))).isTrue();
    assertThat(between(1, 5).overlapsInTime(between(2, 3))).isTrue();
    assertThat(between(2, 3).overlapsInTime(between(1, 5))).isTrue();
    // open-ended against bounded
    assertThat(from(2).overlapsInTime(between(0, 2))).isFalse();
    assertThat(between(0, 2).overlapsInTime(from(2))).isFalse();
    assertThat(from(2).overlapsInTime(between(0, 3))).isTrue();
    assertThat(between(0, 3).overlapsInTime(from(2))).isTrue();
    assertThat(from(2).overlapsInTime(between(5, 6))).isTrue();
    assertThat(between(5, 6).overlapsInTime(from(2))).isTrue();
    // both open-ended
    assertThat(from(9).overlapsInTime(from(1))).isTrue();
  }

  @Test
  void anAssignmentIsActiveFromItsStartUntilBeforeItsEnd() {
    Assignment a = between(1, 3);
    assertThat(a.isActiveAt(day(1).minusNanos(1))).isFalse();
    assertThat(a.isActiveAt(day(1))).isTrue();
    assertThat(a.isActiveAt(day(3).minusNanos(1))).isTrue();
    assertThat(a.isActiveAt(day(3))).isFalse();
    assertThat(from(1).isActiveAt(day(10_000))).isTrue();
    Assignment ended = from(1).endedAt(day(2));
    assertThat(ended.validUntil()).contains(day(2));
    assertThat(ended.validFrom()).isEqualTo(day(1));
    assertThat(ended.person()).isEqualTo(P2);
    assertThat(ended)
        .hasToString(
            "p-2 grid_worker@350302001001001 [2024-01-02T00:00:00Z, 2024-01-03T00:00:00Z)");
    assertThat(from(1)).hasToString("p-2 grid_worker@350302001001001 [2024-01-02T00:00:00Z, …)");
    assertThatThrownBy(() -> between(2, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be after valid_from");
  }

  // ------------------------------------------------------------------ the registry

  private static final LocalDate EDITION = PeopleFixtures.EDITION;
  private static final Instant T = Instant.parse("2024-06-01T00:00:00Z");
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  private static StaffRegistry registry(RegionTree tree, List<Assignment> assignments) {
    return StaffRegistry.of(tree, StaffRoles.standard(), EDITION, assignments);
  }

  @Test
  void theFirstRegionOfTheTreeCoversItsGrids() {
    RegionTree tree = PeopleFixtures.smallTree();
    Region top = tree.region(0);
    Region grid = top.descendantsAt(RegionLevel.GRID).get(0);
    Assignment atTop = Assignment.from(P1, "grid_worker", top.code(), START);
    StaffRegistry r = registry(tree, List.of(atTop));
    assertThat(r.coveringAssignments(grid.code(), T)).containsExactly(atTop);
    assertThat(r.coveringAssignments(top.code(), T)).containsExactly(atTop);
    assertThat(r.coverers(grid.code(), "grid_worker", T)).containsExactly(P1);
    assertThat(r.holds(P1, Role.GRID_WORKER, top.code(), T)).isTrue();
    assertThat(r.holds(P1, Role.GRID_WORKER, grid.code(), T)).isTrue();
    assertThat(r.holds(P1, Role.LEADER, grid.code(), T)).isFalse();
    assertThat(r.holds(P1, Role.GRID_WORKER, grid.code(), START.minusSeconds(1))).isFalse();
    assertThat(r.gridsOf(P1, Optional.empty(), T))
        .hasSize(top.descendantsAt(RegionLevel.GRID).size());
  }

  @Test
  void aRegionOutsideTheTreeHoldsNothingAndIsRefusedByName() {
    RegionTree tree = PeopleFixtures.smallTree();
    Region top = tree.region(0);
    StaffRegistry r =
        registry(tree, List.of(Assignment.from(P1, "grid_worker", top.code(), START)));
    assertThat(r.holds(P1, Role.GRID_WORKER, 999L, T)).isFalse();
    assertThatThrownBy(() -> r.coveringAssignments(999L, T))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("region 999 is not in the tree");
  }

  @Test
  void aGridsCoveringAssignmentsAreItsChainAndItsUnitsEachOnce() {
    RegionTree tree = PeopleFixtures.smallTree();
    // a grid that is not its community's first child, so the region before it is a unit of
    // another grid
    Region grid =
        tree.regionsAt(RegionLevel.GRID).stream()
            .filter(x -> tree.region(x.index() - 1).level() == RegionLevel.UNIT)
            .findFirst()
            .orElseThrow();
    Region before = tree.region(grid.index() - 1);
    Region unit = grid.descendantsAt(RegionLevel.UNIT).get(0);
    Region community = grid.parent().orElseThrow();
    Assignment atGrid = Assignment.from(P1, "grid_worker", grid.code(), START);
    Assignment atUnit = Assignment.from(P2, "volunteer", unit.code(), START);
    Assignment atCommunity = Assignment.from(P2, "police", community.code(), START);
    Assignment atBefore = Assignment.from(P2, "supervisor", before.code(), START);
    StaffRegistry r = registry(tree, List.of(atUnit, atGrid, atBefore, atCommunity));
    assertThat(before.code()).isNotEqualTo(community.code());
    // top-down: community, grid, then the grid's units
    assertThat(r.coveringAssignments(grid.code(), T)).containsExactly(atCommunity, atGrid, atUnit);
    // from a unit: the same, the unit's grid range being its grid's
    assertThat(r.coveringAssignments(unit.code(), T)).containsExactly(atCommunity, atGrid, atUnit);
    assertThat(r.coverers(grid.code(), "grid_worker", T)).containsExactly(P1);
    assertThat(r.coverers(grid.code(), "grid_leader", T)).isEmpty();
  }

  @Test
  void activeAssignmentsLeaveOutEndedAndFutureOnes() {
    RegionTree tree = PeopleFixtures.smallTree();
    long g = tree.regionsAt(RegionLevel.GRID).get(0).code();
    Assignment past = Assignment.between(P1, "grid_worker", g, START, T.minusSeconds(1));
    Assignment now = Assignment.from(P1, "volunteer", g, START);
    Assignment future = Assignment.from(P1, "party_contact", g, T.plusSeconds(1));
    Assignment other = Assignment.from(P2, "volunteer", g, START);
    StaffRegistry r = registry(tree, List.of(past, other, now, future));
    assertThat(r.activeAssignments(P1, T)).containsExactly(now);
    assertThat(r.assignmentsOf(P1)).containsExactly(past, now, future);
    assertThat(r.assignmentsOf(PersonId.of("p-none"))).isEmpty();
    assertThat(r.persons()).containsExactly(P1, P2);
    assertThat(r.toString())
        .isEqualTo("StaffRegistry[edition 2024-01-01, 2 persons, 4 assignments]");
  }

  @Test
  void aBadAssignmentIsNamedByItsPlaceInTheList() {
    RegionTree tree = PeopleFixtures.smallTree();
    long g = tree.regionsAt(RegionLevel.GRID).get(0).code();
    Assignment good = Assignment.from(P1, "grid_worker", g, START);
    assertThatThrownBy(
            () -> registry(tree, List.of(good, Assignment.from(P2, "janitor", g, START))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("assignment 2 (p-2 janitor@")
        .hasMessageContaining("unknown role janitor");
    assertThatThrownBy(
            () ->
                registry(
                    tree, List.of(good, good, Assignment.from(P2, "grid_worker", 999L, START))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("assignment 3 (p-2 grid_worker@999")
        .hasMessageContaining("region 999 is not in the tree");
  }

  @Test
  void endingAnAssignmentNeedsOneThatStartedBeforeAndIsActive() {
    RegionTree tree = PeopleFixtures.smallTree();
    long g = tree.regionsAt(RegionLevel.GRID).get(0).code();
    StaffRegistry r = registry(tree, List.of(Assignment.from(P1, "grid_worker", g, START)));
    LocalDate e2 = LocalDate.of(2024, 7, 1);
    // ending at its very start would leave an empty period: refused
    assertThatThrownBy(() -> r.withEnded(P1, "grid_worker", g, START, e2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("p-1 holds no grid_worker assignment in " + g);
    StaffRegistry ended = r.withEnded(P1, "grid_worker", g, T, e2);
    assertThat(ended.edition()).isEqualTo(e2);
    assertThat(ended.assignments())
        .containsExactly(Assignment.between(P1, "grid_worker", g, START, T));
    assertThat(ended.activeAssignments(P1, T)).isEmpty();
    assertThat(ended.activeAssignments(P1, T.minusNanos(1))).hasSize(1);
  }
}
