package org.gridgov.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.gridgov.TextParseException;
import org.gridgov.casefile.Role;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.junit.jupiter.api.Test;

class StaffCsvTest {
  private static final RegionTree TREE = PeopleFixtures.smallTree();
  private static final ImmutableList<Region> GRIDS = TREE.regionsAt(RegionLevel.GRID);
  private static final long G0 = GRIDS.get(0).code();
  private static final long G1 = GRIDS.get(1).code();
  private static final long COMMUNITY0 = GRIDS.get(0).parent().orElseThrow().code();
  private static final Instant T = Instant.parse("2024-06-01T00:00:00Z");

  private static StaffRegistry read(String text, StaffPolicy policy) {
    return StaffCsv.read(
        new StringReader(text),
        "staff.csv",
        TREE,
        StaffRoles.standard(),
        PeopleFixtures.EDITION,
        policy);
  }

  private static TextParseException failure(String text, StaffPolicy policy) {
    try {
      StaffRegistry unused = read(text, policy);
    } catch (TextParseException e) {
      return e;
    }
    throw new AssertionError("expected a TextParseException");
  }

  @Test
  void readsAssignmentsAndAnswersQueries() {
    StaffRegistry r =
        read(
            "role,person,region,valid_from,valid_until\n"
                + "# a comment\n"
                + "grid_worker,p-1,"
                + G0
                + ",2024-01-01,\n"
                + "grid_worker,p-1,"
                + G1
                + ",2024-01-01T00:00:00Z,2024-05-01\n"
                + "police,p-2,"
                + COMMUNITY0
                + ",2024-01-01,\n",
            StaffPolicy.none());
    assertThat(r.assignments()).hasSize(3);
    assertThat(r.coverers(G0, "grid_worker", T)).containsExactly(PersonId.of("p-1"));
    assertThat(r.coverers(G1, "grid_worker", T)).isEmpty(); // ended 2024-05-01
    assertThat(r.coverers(G1, "police", T)).containsExactly(PersonId.of("p-2"));
    assertThat(
            r.gridsOf(PersonId.of("p-1"), Optional.empty(), Instant.parse("2024-02-01T00:00:00Z")))
        .containsExactly(G0, G1);
    assertThat(r.gridsOf(PersonId.of("p-2"), Optional.of("police"), T))
        .hasSize(GRIDS.get(0).parent().orElseThrow().descendantsAt(RegionLevel.GRID).size());
    assertThat(r.holds(PersonId.of("p-1"), Role.GRID_WORKER, G0, T)).isTrue();
    assertThat(r.holds(PersonId.of("p-1"), Role.GRID_WORKER, G1, T)).isFalse();
    assertThat(r.holds(PersonId.of("p-1"), Role.LEADER, G0, T)).isFalse();
    // A date is midnight in Asia/Shanghai.
    assertThat(r.assignments().get(0).validFrom()).isEqualTo(Instant.parse("2023-12-31T16:00:00Z"));
  }

  @Test
  void reportsEveryBadRowWithLineFieldAndRule() {
    TextParseException e =
        failure(
            "person,role,region,valid_from,valid_until\n"
                + "p-1,grid_worker,"
                + G0
                + ",2024-01-01,\n"
                + "p-2,janitor,"
                + G0
                + ",2024-01-01,\n"
                + "p-3,grid_worker,999,2024-01-01,\n"
                + "p-4,grid_worker,"
                + G0
                + ",yesterday,\n"
                + "p-5,grid_worker,"
                + G0
                + ",2024-02-01,2024-01-01\n",
            StaffPolicy.none());
    assertThat(e.problems()).hasSize(4);
    assertThat(e.problems().get(0).line()).isEqualTo(3);
    assertThat(e.problems().get(0).field()).isEqualTo("role");
    assertThat(e.problems().get(0).reason()).contains("unknown role", "grid_worker");
    assertThat(e.problems().get(1).line()).isEqualTo(4);
    assertThat(e.problems().get(1).field()).isEqualTo("region");
    assertThat(e.problems().get(2).field()).isEqualTo("valid_from");
    assertThat(e.problems().get(2).reason()).contains("ISO-8601");
    assertThat(e.problems().get(3).line()).isEqualTo(6);
    assertThat(e.problems().get(3).reason()).contains("after valid_from");
    assertThat(e.getMessage()).contains("staff.csv:3");
  }

  @Test
  void aPersonFieldWithPersonalDataIsNotEchoed() {
    TextParseException e =
        failure(
            "person,role,region,valid_from\n张三 13800138000,grid_worker," + G0 + ",2024-01-01\n",
            StaffPolicy.none());
    assertThat(e.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.field()).isEqualTo("person"));
    assertThat(e.getMessage()).doesNotContain("张三").doesNotContain("13800138000");
  }

  @Test
  void headerProblemsAreReported() {
    TextParseException e = failure("person,role,valid_from,colour\n", StaffPolicy.none());
    assertThat(e.getMessage()).contains("unknown column \"colour\"", "required column \"region\"");
  }

  @Test
  void refusesRowsThatBreakThePolicyNamingPersonRoleRegionAndRule() {
    StaffPolicy policy =
        StaffPolicy.builder()
            .forbidPair("grid_worker", "supervisor")
            .exclusive("grid_leader")
            .maxGrids("grid_worker", 1)
            .build();
    TextParseException e =
        failure(
            "person,role,region,valid_from,valid_until\n"
                + "p-1,grid_worker,"
                + G0
                + ",2024-01-01,\n"
                + "p-1,supervisor,"
                + COMMUNITY0
                + ",2024-01-01,\n" // line 3: p-1 supervises the grid it works
                + "p-2,grid_leader,"
                + G0
                + ",2024-01-01,\n"
                + "p-3,grid_leader,"
                + COMMUNITY0
                + ",2024-01-01,\n" // line 5: a second leader over G0
                + "p-4,grid_leader,"
                + G1
                + ",2023-01-01,2024-01-01\n" // before p-3: no clash with p-2, but with p-3? no: p-3
                // refused
                + "p-1,grid_worker,"
                + G1
                + ",2024-01-01,\n", // line 7: p-1 would cover 2 grids
            policy);
    assertThat(e.problems()).extracting(TextParseException.Problem::line).containsExactly(3, 5, 7);
    assertThat(e.problems().get(0).reason())
        .contains("p-1", "supervisor", String.valueOf(COMMUNITY0), "forbid_pair");
    assertThat(e.problems().get(1).reason()).contains("p-3", "exclusive", "p-2");
    assertThat(e.problems().get(2).reason()).contains("max_grids", "would cover 2");
  }

  @Test
  void rolesAndPolicyAreReadFromText() {
    StaffRoles roles =
        StaffRoles.read(
            new StringReader(
                "code,zh,en,acts_as\nworker,网格员,grid worker,GRID_WORKER\nhelper,志愿者,volunteer,\n"),
            "roles.csv");
    assertThat(roles.all()).extracting(StaffRole::code).containsExactly("worker", "helper");
    assertThat(roles.get("worker").actsAs()).contains(Role.GRID_WORKER);
    assertThat(roles.get("helper").actsAs()).isEmpty();
    StaffPolicy policy =
        StaffPolicy.read(
            new StringReader(
                "rule,role,other,limit\nrequire,worker,,\nmax_grids,worker,,2\nforbid_pair,worker,helper,\nexclusive,worker,,\n"),
            "policy.csv",
            roles);
    assertThat(policy.requiredRoles()).containsExactly("worker");
    assertThat(policy.maxGrids("worker")).hasValue(2);
    assertThat(policy.forbids("helper", "worker")).isTrue();
    assertThat(policy.exclusiveRoles()).containsExactly("worker");
  }

  @Test
  void badRolesAndPolicyRowsAreReportedByLine() {
    assertThatThrownBy(
            () ->
                StaffRoles.read(
                    new StringReader(
                        "code,zh,en,acts_as\nWorker,网格员,w,\nw2,,w,\nw3,x,y,RESIDENT\nw4,x,y,KING\nw4,x,y,\n"),
                    "roles.csv"))
        .isInstanceOfSatisfying(
            TextParseException.class,
            e ->
                assertThat(e.problems())
                    .extracting(TextParseException.Problem::line)
                    .containsExactly(2, 3, 4, 5));
    assertThatThrownBy(
            () ->
                StaffPolicy.read(
                    new StringReader(
                        "rule,role,other,limit\nrequire,nobody,,\nmax_grids,grid_worker,,0\nban,grid_worker,,\n"),
                    "policy.csv",
                    StaffRoles.standard()))
        .isInstanceOfSatisfying(
            TextParseException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(TextParseException.Problem::line)
                  .containsExactly(2, 3, 4);
              assertThat(e.problems().get(0).reason()).contains("unknown role");
              assertThat(e.problems().get(1).field()).isEqualTo("limit");
              assertThat(e.problems().get(2).reason()).contains("expected require, max_grids");
            });
  }

  @Test
  void editsMakeNewEditionsAndRefuseBreakingThePolicy() {
    StaffRegistry r =
        read(
            "person,role,region,valid_from\np-1,grid_worker," + G0 + ",2024-01-01\n",
            StaffPolicy.none());
    LocalDate e2 = LocalDate.of(2024, 7, 1);
    StaffRegistry moved =
        r.withEnded(PersonId.of("p-1"), "grid_worker", G0, T, e2)
            .withAssignment(
                Assignment.from(PersonId.of("p-1"), "grid_worker", G1, T), e2, StaffPolicy.none());
    assertThat(moved.edition()).isEqualTo(e2);
    assertThat(r.coverers(G0, "grid_worker", T)).containsExactly(PersonId.of("p-1")); // unchanged
    assertThat(moved.coverers(G0, "grid_worker", T)).isEmpty();
    assertThat(moved.coverers(G1, "grid_worker", T)).containsExactly(PersonId.of("p-1"));
    assertThat(moved.coverers(G0, "grid_worker", T.minusSeconds(1)))
        .containsExactly(PersonId.of("p-1"));
    assertThatThrownBy(() -> moved.withEnded(PersonId.of("p-1"), "grid_worker", G0, T, e2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("p-1 holds no grid_worker assignment in " + G0);
    StaffPolicy oneGrid = StaffPolicy.builder().maxGrids("grid_worker", 1).build();
    assertThatThrownBy(
            () ->
                moved.withAssignment(
                    Assignment.from(PersonId.of("p-1"), "grid_worker", G0, T), e2, oneGrid))
        .isInstanceOfSatisfying(
            StaffPolicyException.class,
            x -> {
              assertThat(x.person()).isEqualTo(PersonId.of("p-1"));
              assertThat(x.roleCode()).isEqualTo("grid_worker");
              assertThat(x.regionCode()).isEqualTo(G0);
              assertThat(x.rule()).contains("max_grids");
            });
  }

  @Test
  void personIdsArePseudonyms() {
    assertThat(PersonId.of("p-000173").toString()).isEqualTo("p-000173");
    assertThatThrownBy(() -> PersonId.of("张三")).hasMessageNotContaining("张三");
    assertThatThrownBy(() -> PersonId.of("")).hasMessageContaining("empty");
    assertThatThrownBy(() -> PersonId.of("-x")).hasMessageContaining("character 1");
    assertThatThrownBy(() -> PersonId.of("a".repeat(65))).hasMessageContaining("at most 64");
  }
}
