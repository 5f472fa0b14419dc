package org.gridgov.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.primitives.ImmutableLongArray;
import java.time.Duration;
import java.time.Instant;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.Priority;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.junit.jupiter.api.Test;

/** Sizes, bodies, members and quorums. */
class DeliberationPolicyTest {
  private static final RegionTree TREE = PeopleFixtures.smallTree();
  private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");

  private static CaseFacts facts(String category, Priority p, long grid) {
    return CaseFacts.builder()
        .id(CaseId.of("c-1"))
        .categoryCode(category)
        .priority(p)
        .kind(CaseKind.COMMITTED)
        .locationCodes(ImmutableLongArray.of(grid))
        .source(CaseSource.APP)
        .build();
  }

  @Test
  void sizeByLongestPrefixThenByPriority() {
    long grid = TREE.regionsAt(RegionLevel.GRID).get(0).code();
    DeliberationPolicy p =
        DeliberationPolicy.builder()
            .body(DeliberationPolicy.standard().bodyFor(MatterSize.SMALL))
            .body(DeliberationPolicy.standard().bodyFor(MatterSize.BIG))
            .body(DeliberationPolicy.standard().bodyFor(MatterSize.URGENT))
            .route(MatterSize.SMALL, "grid_discussion")
            .route(MatterSize.BIG, "representatives_meeting")
            .route(MatterSize.URGENT, "quick_decision")
            .size("08", MatterSize.BIG)
            .size("0801", MatterSize.SMALL)
            .build();
    assertThat(p.sizeOf(facts("0802", Priority.NORMAL, grid))).isEqualTo(MatterSize.BIG);
    assertThat(p.sizeOf(facts("080101", Priority.MAJOR, grid))).isEqualTo(MatterSize.SMALL);
    assertThat(p.sizeOf(facts("0101", Priority.URGENT, grid))).isEqualTo(MatterSize.URGENT);
    assertThat(p.sizeOf(facts("0101", Priority.MAJOR, grid))).isEqualTo(MatterSize.BIG);
    assertThat(p.sizeOf(facts("0101", Priority.NORMAL, grid))).isEqualTo(MatterSize.SMALL);
    assertThat(p.bodyFor(MatterSize.BIG).id()).isEqualTo("representatives_meeting");
  }

  @Test
  void aSizeWithoutADeliberationBodyIsRefused() {
    DeliberationBody mediation = DeliberationPolicy.standard().body("mediation_committee").get();
    assertThatThrownBy(
            () ->
                DeliberationPolicy.builder()
                    .body(mediation)
                    .body(DeliberationPolicy.standard().bodyFor(MatterSize.BIG))
                    .route(MatterSize.BIG, "representatives_meeting")
                    .route(MatterSize.SMALL, "mediation_committee")
                    .route(MatterSize.URGENT, "representatives_meeting")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SMALL matters go to mediation_committee");
    assertThatThrownBy(() -> DeliberationPolicy.builder().size("x1", MatterSize.BIG))
        .hasMessageContaining("'x1'");
    DeliberationPolicy.standard().requireRolesIn(StaffRoles.standard());
    DeliberationPolicy bad =
        DeliberationPolicy.builder()
            .body(
                new DeliberationBody(
                    "g",
                    "议事",
                    BodyKind.DELIBERATION,
                    RegionLevel.GRID,
                    ImmutableSet.of("elder"),
                    1,
                    2,
                    Cadence.within(Duration.ofHours(1))))
            .route(MatterSize.SMALL, "g")
            .route(MatterSize.BIG, "g")
            .route(MatterSize.URGENT, "g")
            .build();
    assertThatThrownBy(() -> bad.requireRolesIn(StaffRoles.standard()))
        .hasMessageContaining("body g: member role elder");
  }

  @Test
  void membersAreHoldersOfMemberRolesOverlappingTheSeat() {
    Region grid0 = TREE.regionsAt(RegionLevel.GRID).get(0);
    Region community = grid0.parent().orElseThrow();
    Region otherGrid =
        community.children().stream().filter(g -> g.code() != grid0.code()).findFirst().get();
    Region otherCommunity =
        TREE.regionsAt(RegionLevel.COMMUNITY).stream()
            .filter(c -> c.code() != community.code())
            .findFirst()
            .get();
    Region street = community.parent().orElseThrow();
    StaffRegistry registry =
        StaffRegistry.of(
            TREE,
            StaffRoles.standard(),
            PeopleFixtures.EDITION,
            ImmutableList.of(
                Assignment.from(PersonId.of("leader-0"), "grid_leader", grid0.code(), FROM),
                Assignment.from(PersonId.of("leader-1"), "grid_leader", otherGrid.code(), FROM),
                Assignment.from(PersonId.of("party-c"), "party_contact", community.code(), FROM),
                Assignment.from(PersonId.of("vol-s"), "volunteer", street.code(), FROM),
                Assignment.from(
                    PersonId.of("leader-x"), "grid_leader", otherCommunity.code(), FROM),
                Assignment.from(PersonId.of("worker-0"), "grid_worker", grid0.code(), FROM),
                Assignment.between(
                    PersonId.of("gone"),
                    "grid_leader",
                    grid0.code(),
                    FROM,
                    FROM.plus(Duration.ofDays(1)))));
    DeliberationPolicy p = DeliberationPolicy.standard();
    Instant t = FROM.plus(Duration.ofDays(30));
    DeliberationBody meeting = p.bodyFor(MatterSize.BIG);
    assertThat(meeting.members(registry, grid0.code(), t))
        .extracting(PersonId::value)
        .containsExactly("leader-0", "leader-1", "party-c", "vol-s");
    assertThat(meeting.quorum(4)).isEqualTo(3); // 2/3 of 4, rounded up
    DeliberationBody discussion = p.bodyFor(MatterSize.SMALL);
    assertThat(discussion.members(registry, grid0.code(), t))
        .extracting(PersonId::value)
        .containsExactly("leader-0", "party-c", "worker-0");
    assertThat(discussion.quorum(3)).isEqualTo(2);
    assertThat(discussion.quorum(0)).isEqualTo(1);
    assertThatThrownBy(() -> discussion.members(registry, community.code(), t))
        .hasMessageContaining("sits for a GRID; region " + community.code() + " is a COMMUNITY");
  }
}
