package org.gridgov.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.gridgov.TextParseException;
import org.gridgov.casefile.Priority;
import org.gridgov.region.CodeScheme;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.junit.jupiter.api.Test;

/**
 * {@link DeliberationPolicy} and its CSV at the bounds of each field, and the staff policy checks
 * ({@link PolicyChecks}) at the edges of a grid range.
 */
class PeoplePolicyEdgesTest {

  private static DeliberationPolicy.Builder standardRoutes() {
    DeliberationPolicy s = DeliberationPolicy.standard();
    return DeliberationPolicy.builder()
        .body(s.bodyFor(MatterSize.SMALL))
        .body(s.bodyFor(MatterSize.BIG))
        .body(s.bodyFor(MatterSize.URGENT))
        .route(MatterSize.SMALL, "grid_discussion")
        .route(MatterSize.BIG, "representatives_meeting")
        .route(MatterSize.URGENT, "quick_decision");
  }

  @Test
  void aOneDigitPrefixSizesEveryCategoryStartingWithIt() {
    DeliberationPolicy p = standardRoutes().size("1", MatterSize.BIG).build();
    assertThat(p.sizeOf(PeopleFixtures.facts("1", Priority.NORMAL))).isEqualTo(MatterSize.BIG);
    assertThat(p.sizeOf(PeopleFixtures.facts("1001", Priority.NORMAL))).isEqualTo(MatterSize.BIG);
    assertThat(p.sizeOf(PeopleFixtures.facts("2001", Priority.NORMAL))).isEqualTo(MatterSize.SMALL);
    assertThat(p.sizeOf(PeopleFixtures.facts("0101", Priority.URGENT)))
        .isEqualTo(MatterSize.URGENT);
  }

  @Test
  void thePolicyListsItsBodiesInTheOrderAddedAndRendersRoutesAndSizes() {
    assertThat(DeliberationPolicy.standard().bodies().keySet())
        .containsExactly(
            "grid_discussion", "representatives_meeting", "quick_decision", "mediation_committee");
    assertThat(DeliberationPolicy.standard().body("nobody")).isEmpty();
    DeliberationPolicy p =
        standardRoutes().size("0801", MatterSize.SMALL).size("08", MatterSize.BIG).build();
    // routes in MatterSize order (BIG, SMALL, URGENT), prefixes sorted
    assertThat(p)
        .hasToString(
            "DeliberationPolicy{BIG=representatives_meeting, SMALL=grid_discussion,"
                + " URGENT=quick_decision} sizes {08=BIG, 0801=SMALL}");
  }

  @Test
  void aBadPrefixIsEchoedCutToSixteenCharacters() {
    String seventeen = "x234567890123456Z";
    assertThatThrownBy(() -> DeliberationPolicy.builder().size(seventeen, MatterSize.BIG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'x234567890123456'")
        .hasMessageNotContaining("Z");
    assertThatThrownBy(() -> DeliberationPolicy.builder().size("", MatterSize.BIG))
        .hasMessageContaining("''");
  }

  // ------------------------------------------------------------------ the CSV

  private static final String HEAD =
      "rule,body,zh,kind,level,members,quorum,cadence,size,category\n";

  /** One body taking every size, then {@code rows} (line 6 on). */
  private static String withRoutes(String rows) {
    return HEAD
        + "body,b,小,deliberation,grid,grid_worker,1/2,weekly wednesday 15:00,,\n"
        + "route,b,,,,,,,small,\n"
        + "route,b,,,,,,,big,\n"
        + "route,b,,,,,,,urgent,\n"
        + rows;
  }

  private static DeliberationPolicy read(String text) {
    return DeliberationPolicyCsv.read(new StringReader(text), "bodies.csv", StaffRoles.standard());
  }

  private static TextParseException failure(String text) {
    return catchThrowableOfType(TextParseException.class, () -> read(text));
  }

  private static String body(String id, String zh, String members, String quorum, String cadence) {
    return "body,"
        + id
        + ","
        + zh
        + ",deliberation,grid,"
        + members
        + ","
        + quorum
        + ","
        + cadence
        + ",,\n";
  }

  @Test
  void eachBodyFieldIsReadAtItsBounds() {
    String zh64 = "议".repeat(64);
    DeliberationPolicy p =
        read(
            withRoutes(
                body("b1", zh64, "grid_worker", "1/1", "monthly 1 09:00")
                    + body("b2", "乙", "grid_worker", "1000/1000", "within P366D")
                    + body("b3", "丙", "grid_worker;police", "999/1000", "monthly 31 08:15")
                    + body("b4", "丁", "grid_worker", "1/1000", "within PT1S")));
    DeliberationBody b1 = p.body("b1").orElseThrow();
    assertThat(b1.chineseName()).isEqualTo(zh64);
    assertThat(b1.quorumNumerator()).isEqualTo(1);
    assertThat(b1.quorumDenominator()).isEqualTo(1);
    assertThat(b1.cadence()).isEqualTo(Cadence.monthly(1, LocalTime.of(9, 0)));
    DeliberationBody b2 = p.body("b2").orElseThrow();
    assertThat(b2.quorumNumerator()).isEqualTo(1000);
    assertThat(b2.quorumDenominator()).isEqualTo(1000);
    assertThat(b2.cadence()).isEqualTo(Cadence.within(Duration.ofDays(366)));
    DeliberationBody b3 = p.body("b3").orElseThrow();
    assertThat(b3.memberRoles()).containsExactly("grid_worker", "police");
    assertThat(b3.cadence()).isEqualTo(Cadence.monthly(31, LocalTime.of(8, 15)));
    assertThat(p.body("b4").orElseThrow().cadence())
        .isEqualTo(Cadence.within(Duration.ofSeconds(1)));
    assertThat(p.body("b").orElseThrow().cadence())
        .isEqualTo(Cadence.weekly(DayOfWeek.WEDNESDAY, LocalTime.of(15, 0)));
  }

  @Test
  void eachBodyFieldOnePastItsBoundIsNamed() {
    String text =
        withRoutes(
            body("c1", "议".repeat(65), "grid_worker", "1/2", "within PT1H") // line 6
                + body("c2", "", "grid_worker", "1/2", "within PT1H") // 7
                + body("Bad Id", "丙", "grid_worker", "1/2", "within PT1H") // 8
                + body("c4", "丁", " ; ", "1/2", "within PT1H") // 9
                + body("c5", "戊", "grid_worker", "0/1", "within PT1H") // 10
                + body("c6", "己", "grid_worker", "2/1", "within PT1H") // 11
                + body("c7", "庚", "grid_worker", "1/1001", "within PT1H") // 12
                + body("c8", "辛", "grid_worker", "/2", "within PT1H") // 13
                + body("c9", "壬", "grid_worker", "1/2", "monthly 0 09:00") // 14
                + body("c10", "癸", "grid_worker", "1/2", "within P367D") // 15
                + body("c11", "子", "grid_worker", "1/2", "within PT0S") // 16
                + body("c12", "丑", "grid_worker", "1/2", "within -PT1H") // 17
                + "route,ghost,,,,,,,small,\n" // 18
                + "size,,,,,,,,big,0x1\n"); // 19
    TextParseException e = failure(text);
    assertThat(e.problems())
        .extracting(p -> p.line() + ":" + p.column() + ":" + p.field() + ":" + p.value())
        .containsExactly(
            "6:3:zh:" + "议".repeat(65),
            "7:3:zh:",
            "8:2:body:Bad Id",
            "9:6:members:;",
            "10:7:quorum:0/1",
            "11:7:quorum:2/1",
            "12:7:quorum:1/1001",
            "13:7:quorum:/2",
            "14:8:cadence:monthly 0 09:00",
            "15:8:cadence:within P367D",
            "16:8:cadence:within PT0S",
            "17:8:cadence:within -PT1H",
            "18:2:body:ghost",
            "19:10:category:0x1");
    assertThat(e.problems().get(0).reason()).contains("Chinese name of 1 to 64 characters");
    assertThat(e.problems().get(2).reason()).contains("a body id is 1 to 64 characters");
    assertThat(e.problems().get(3).reason()).contains("a body needs member roles");
    assertThat(e.problems().get(12).reason()).contains("no body ghost is defined above");
    assertThat(e.problems().get(13).reason()).contains("a category prefix is 1 to 16 digits");
  }

  // ------------------------------------------------------------------ the staff policy checks

  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final LocalDate E2 = LocalDate.of(2024, 7, 1);
  private static final PersonId A = PersonId.of("p-a");
  private static final PersonId B = PersonId.of("p-b");

  private static StaffPolicy policy() {
    return StaffPolicy.builder()
        .exclusive("grid_leader")
        .forbidPair("grid_worker", "supervisor")
        .build();
  }

  /** A grid whose subtree is followed directly by another grid (its next sibling). */
  private static Region gridWithNextSibling(RegionTree tree) {
    return tree.regionsAt(RegionLevel.GRID).stream()
        .filter(
            g -> {
              int next = g.index() + g.subtreeSize();
              return next < tree.size() && tree.region(next).level() == RegionLevel.GRID;
            })
        .findFirst()
        .orElseThrow();
  }

  private static StaffRegistry with(RegionTree tree, Assignment first, Assignment second) {
    return StaffRegistry.of(tree, StaffRoles.standard(), PeopleFixtures.EDITION, List.of(first))
        .withAssignment(second, E2, policy());
  }

  private static StaffPolicyException refused(
      RegionTree tree, Assignment first, Assignment second) {
    return catchThrowableOfType(StaffPolicyException.class, () -> with(tree, first, second));
  }

  @Test
  void anExclusiveRoleHeldAboveAGridIsSeenFromTheGrid() {
    RegionTree tree = PeopleFixtures.smallTree();
    Region top = tree.region(0);
    Region grid = top.descendantsAt(RegionLevel.GRID).get(0);
    Region community = grid.parent().orElseThrow();
    for (Region above : List.of(top, community)) {
      StaffPolicyException x =
          refused(
              tree,
              Assignment.from(A, "grid_leader", above.code(), START),
              Assignment.from(B, "grid_leader", grid.code(), START));
      assertThat(x).as("held at %s", above).isNotNull();
      assertThat(x.rule()).contains("exclusive", "p-a", String.valueOf(above.code()));
    }
    // the same person twice, or at a time that does not overlap, is no clash
    assertThat(
            with(
                    tree,
                    Assignment.from(A, "grid_leader", community.code(), START),
                    Assignment.from(A, "grid_leader", grid.code(), START))
                .assignments())
        .hasSize(2);
    assertThat(
            with(
                    tree,
                    Assignment.between(A, "grid_leader", community.code(), START, july()),
                    Assignment.from(B, "grid_leader", grid.code(), july()))
                .assignments())
        .hasSize(2);
  }

  private static Instant july() {
    return Instant.parse("2024-07-01T00:00:00Z");
  }

  @Test
  void theNextGridIsOutsideAGridsRange() {
    RegionTree tree = PeopleFixtures.smallTree();
    Region g = gridWithNextSibling(tree);
    Region next = tree.region(g.index() + g.subtreeSize());
    // exclusive: a leader of the next grid does not clash with one of this grid, either order
    assertThat(
            with(
                    tree,
                    Assignment.from(A, "grid_leader", next.code(), START),
                    Assignment.from(B, "grid_leader", g.code(), START))
                .coverers(g.code(), "grid_leader", START))
        .containsExactly(B);
    assertThat(
            with(
                    tree,
                    Assignment.from(A, "grid_leader", g.code(), START),
                    Assignment.from(B, "grid_leader", next.code(), START))
                .coverers(next.code(), "grid_leader", START))
        .containsExactly(B);
    // forbidden pair: a worker of one grid may supervise the next one, either order
    assertThat(
            with(
                    tree,
                    Assignment.from(A, "grid_worker", g.code(), START),
                    Assignment.from(A, "supervisor", next.code(), START))
                .assignmentsOf(A))
        .hasSize(2);
    assertThat(
            with(
                    tree,
                    Assignment.from(A, "supervisor", g.code(), START),
                    Assignment.from(A, "grid_worker", next.code(), START))
                .assignmentsOf(A))
        .hasSize(2);
    // but not a grid it works in
    StaffPolicyException x =
        refused(
            tree,
            Assignment.from(A, "grid_worker", g.code(), START),
            Assignment.from(A, "supervisor", g.parent().orElseThrow().code(), START));
    assertThat(x).isNotNull();
    assertThat(x.rule()).contains("forbid_pair");
  }

  @Test
  void aForbiddenPairOverARegionWithoutGridsSharesNoGrid() {
    RegionTree tree =
        RegionTree.builder(CodeScheme.standard(), PeopleFixtures.EDITION)
            .addDistrict(350302, "城厢区")
            .add(RegionLevel.STREET, 350302001L, 350302L, "霞林街道")
            .add(RegionLevel.COMMUNITY, 350302001001L, 350302001L, "无网格社区")
            .build();
    StaffRegistry r =
        with(
            tree,
            Assignment.from(A, "grid_worker", 350302001001L, START),
            Assignment.from(A, "supervisor", 350302001001L, START));
    assertThat(r.assignmentsOf(A)).hasSize(2);
    assertThat(r.gridsOf(A, java.util.Optional.empty(), START)).isEmpty();
  }
}
