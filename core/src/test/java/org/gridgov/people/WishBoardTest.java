package org.gridgov.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.junit.jupiter.api.Test;

/** 微心愿: posting, claiming one-to-one, one-to-many and many-to-one, withdrawal, fulfilment. */
class WishBoardTest {
  private static final RegionTree TREE = PeopleFixtures.smallTree();
  private static final Instant T0 = Instant.parse("2025-03-01T01:00:00Z");
  private static final Region GRID = TREE.regionsAt(RegionLevel.GRID).get(0);
  private static final long COMMUNITY = GRID.parent().orElseThrow().code();
  private static final long OTHER_COMMUNITY =
      TREE.regionsAt(RegionLevel.COMMUNITY).stream()
          .filter(c -> c.code() != COMMUNITY)
          .findFirst()
          .orElseThrow()
          .code();
  private static final PersonId RESIDENT = PersonId.of("r-17");
  private static final PersonId PARTY = PersonId.of("p-party");
  private static final PersonId VOL1 = PersonId.of("p-vol1");
  private static final PersonId VOL2 = PersonId.of("p-vol2");
  private static final PersonId VOL3 = PersonId.of("p-vol3");
  private static final PersonId WORKER = PersonId.of("p-worker");
  private static final PersonId FAR = PersonId.of("p-far");

  private static StaffRegistry registry() {
    Instant from = T0.minus(Duration.ofDays(60));
    return StaffRegistry.of(
        TREE,
        StaffRoles.standard(),
        PeopleFixtures.EDITION,
        ImmutableList.of(
            Assignment.from(PARTY, "party_contact", COMMUNITY, from),
            Assignment.from(VOL1, "volunteer", GRID.code(), from),
            Assignment.from(VOL2, "volunteer", GRID.code(), from),
            Assignment.from(VOL3, "volunteer", COMMUNITY, from),
            Assignment.from(WORKER, "grid_worker", GRID.code(), from),
            Assignment.from(FAR, "volunteer", OTHER_COMMUNITY, from)));
  }

  private static Instant t(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  @Test
  void aWishNeedingThreeClaimantsIsClaimedByTwoThenThreeThenFulfilled() {
    WishBoard b = WishBoard.of(registry(), WishPolicy.standard());
    WishId w = WishId.of("w-1");
    var unused = b.post(w, RESIDENT, COMMUNITY, 3, t(0));
    unused = b.claim(w, VOL1, t(60));
    unused = b.claim(w, VOL2, t(90));
    assertThat(b.wish(w).orElseThrow().claimants()).containsExactly(VOL1, VOL2);
    assertThatThrownBy(() -> b.confirm(w, RESIDENT, t(100)))
        .isInstanceOf(WishRefusedException.class)
        .hasMessageContaining("wish w-1 refused: it has 2 of the 3 claimants");
    unused = b.claim(w, PARTY, t(120));
    assertThat(b.wish(w).orElseThrow().fullyClaimedAt()).contains(t(120));
    assertThatThrownBy(() -> b.claim(w, VOL3, t(130)))
        .isInstanceOf(WishRefusedException.class)
        .hasMessageContaining("wish w-1 refused: person p-vol3 (claimant roles [")
        .hasMessageContaining(
            "over community " + COMMUNITY + ": the wish needs 3 claimants and has them all")
        .hasMessageContaining("(rule: a claim beyond its size)");
    assertThatThrownBy(() -> b.confirm(w, VOL1, t(140)))
        .hasMessageContaining("person p-vol1 did not post it");
    WishEvent done = b.confirm(w, RESIDENT, t(24 * 60));
    assertThat(done.kind()).isEqualTo(WishEvent.Kind.FULFILLED);
    assertThat(b.wish(w).orElseThrow().fulfilled()).isTrue();
    assertThat(b.openClaims(VOL1)).isZero();
    assertThatThrownBy(() -> b.withdraw(w, VOL1, t(24 * 60 + 1)))
        .hasMessageContaining("it was fulfilled at");

    WishIndicators ind = nn(WishIndicators.of(b.log()).get(COMMUNITY));
    assertThat(ind.posted()).isEqualTo(1);
    assertThat(ind.fulfilled()).isEqualTo(1);
    assertThat(ind.fulfilledOnTime()).isEqualTo(1);
    assertThat(ind.fulfilmentRate()).isEqualTo(1.0);
    assertThat(ind.meanTimeToFirstClaim()).contains(Duration.ofHours(1));
    assertThat(ind.meanTimeToFullyClaimed()).contains(Duration.ofHours(2));
    assertThat(WishBoard.restore(registry(), WishPolicy.standard(), b.log()).wishes())
        .isEqualTo(b.wishes());
  }

  @Test
  void claimsNeedARoleOverTheCommunityAndRespectThePersonsCap() {
    WishPolicy policy =
        new WishPolicy(ImmutableSet.of("party_contact", "volunteer"), 4, 2, Duration.ofDays(7));
    WishBoard b = WishBoard.of(registry(), policy);
    for (int i = 1; i <= 3; i++) {
      var unused = b.post(WishId.of("w-" + i), RESIDENT, COMMUNITY, 1, t(i));
    }
    assertThatThrownBy(() -> b.claim(WishId.of("w-1"), WORKER, t(10)))
        .hasMessageContaining("person p-worker holds none of the roles [party_contact, volunteer]")
        .hasMessageContaining("over community " + COMMUNITY);
    assertThatThrownBy(() -> b.claim(WishId.of("w-1"), FAR, t(10)))
        .hasMessageContaining("person p-far holds none of the roles");
    var unused = b.claim(WishId.of("w-1"), VOL3, t(10)); // one to many
    unused = b.claim(WishId.of("w-2"), VOL3, t(11));
    assertThatThrownBy(() -> b.claim(WishId.of("w-3"), VOL3, t(12)))
        .hasMessageContaining("person p-vol3 holds 2 open claims, the policy's most");
    unused = b.withdraw(WishId.of("w-2"), VOL3, t(13));
    unused = b.claim(WishId.of("w-3"), VOL3, t(14));
    assertThat(b.openClaims(VOL3)).isEqualTo(2);
    assertThatThrownBy(() -> b.post(WishId.of("w-9"), RESIDENT, GRID.code(), 1, t(15)))
        .hasMessageContaining("region " + GRID.code() + " is not a community");
    assertThatThrownBy(() -> b.post(WishId.of("w-9"), RESIDENT, COMMUNITY, 5, t(15)))
        .hasMessageContaining("size 5 is outside 1..4");
    assertThatThrownBy(() -> b.post(WishId.of("w-1"), RESIDENT, COMMUNITY, 1, t(15)))
        .hasMessageContaining("the wish id is taken");
    assertThatThrownBy(() -> b.claim(WishId.of("w-1"), VOL1, t(1)))
        .hasMessageContaining("time goes backwards");
    int before = b.log().size();
    assertThat(b.log()).hasSize(before); // refusals appended nothing
    assertThat(b.log()).extracting(WishEvent::person).doesNotContainNull();
  }

  /**
   * Random posts, claims, withdrawals and confirmations: the board accepts exactly what an
   * independent model accepts, holds the model's claimants, restores from its log to an equal
   * board, and its indicators equal those the model computes from the accepted operations.
   */
  @Test
  void randomOperationsMatchAModelAndReplay() {
    List<PersonId> people = List.of(PARTY, VOL1, VOL2, VOL3, WORKER, FAR);
    Set<PersonId> mayClaim = Set.of(PARTY, VOL1, VOL2, VOL3);
    WishPolicy policy =
        new WishPolicy(ImmutableSet.of("party_contact", "volunteer"), 3, 3, Duration.ofHours(30));
    for (int seed = 0; seed < 30; seed++) {
      Random rnd = new Random(seed);
      WishBoard b = WishBoard.of(registry(), policy);
      Map<WishId, Integer> size = new LinkedHashMap<>();
      Map<WishId, Set<PersonId>> claimants = new HashMap<>();
      Map<WishId, Instant> posted = new HashMap<>();
      Map<WishId, Instant> first = new HashMap<>();
      Map<WishId, Instant> full = new HashMap<>();
      Map<WishId, Instant> fulfilled = new HashMap<>();
      List<WishId> ids = new ArrayList<>();
      int minute = 0;
      for (int step = 0; step < 200; step++) {
        minute += rnd.nextInt(240);
        Instant at = t(minute);
        int op = ids.isEmpty() ? 0 : rnd.nextInt(4);
        WishId id =
            op == 0 ? WishId.of("w-" + seed + "-" + step) : ids.get(rnd.nextInt(ids.size()));
        PersonId p = people.get(rnd.nextInt(people.size()));
        boolean open = !fulfilled.containsKey(id);
        Set<PersonId> cl = claimants.getOrDefault(id, Set.of());
        long held =
            claimants.entrySet().stream()
                .filter(e -> !fulfilled.containsKey(e.getKey()) && e.getValue().contains(p))
                .count();
        boolean expect;
        Runnable call;
        Runnable model;
        switch (op) {
          case 0 -> {
            int s = 1 + rnd.nextInt(4);
            expect = s <= 3;
            call = () -> use(b.post(id, RESIDENT, COMMUNITY, s, at));
            model =
                () -> {
                  ids.add(id);
                  size.put(id, s);
                  claimants.put(id, new LinkedHashSet<>());
                  posted.put(id, at);
                };
          }
          case 1 -> {
            expect =
                open
                    && !cl.contains(p)
                    && cl.size() < nn(size.get(id))
                    && mayClaim.contains(p)
                    && held < 3;
            call = () -> use(b.claim(id, p, at));
            model =
                () -> {
                  nn(claimants.get(id)).add(p);
                  first.putIfAbsent(id, at);
                  if (nn(claimants.get(id)).size() == nn(size.get(id))) {
                    full.putIfAbsent(id, at);
                  }
                };
          }
          case 2 -> {
            expect = open && cl.contains(p);
            call = () -> use(b.withdraw(id, p, at));
            model = () -> nn(claimants.get(id)).remove(p);
          }
          default -> {
            expect = open && cl.size() == nn(size.get(id));
            call = () -> use(b.confirm(id, RESIDENT, at));
            model = () -> fulfilled.put(id, at);
          }
        }
        int logBefore = b.log().size();
        boolean accepted;
        try {
          call.run();
          accepted = true;
        } catch (WishRefusedException e) {
          accepted = false;
          assertThat(b.log()).hasSize(logBefore);
        }
        assertThat(accepted).as("seed %d step %d op %d", seed, step, op).isEqualTo(expect);
        if (accepted) {
          model.run();
        }
      }
      for (WishId id : ids) {
        assertThat(b.wish(id).orElseThrow().claimants())
            .containsExactlyElementsOf(new java.util.TreeSet<>(nn(claimants.get(id))));
      }
      assertThat(WishBoard.restore(registry(), policy, b.log()).wishes()).isEqualTo(b.wishes());
      assertThat(WishBoard.restore(registry(), policy, b.log()).log()).isEqualTo(b.log());
      WishIndicators ind = nn(WishIndicators.of(b.log()).get(COMMUNITY));
      assertThat(ind.posted()).isEqualTo(ids.size());
      assertThat(ind.fulfilled()).isEqualTo(fulfilled.size());
      assertThat(ind.fulfilledOnTime())
          .isEqualTo(
              fulfilled.entrySet().stream()
                  .filter(
                      e ->
                          !e.getValue()
                              .isAfter(nn(posted.get(e.getKey())).plus(Duration.ofHours(30))))
                  .count());
      assertThat(ind.meanTimeToFirstClaim()).isEqualTo(mean(first, posted));
      assertThat(ind.meanTimeToFullyClaimed()).isEqualTo(mean(full, posted));
    }
  }

  private static <T> T nn(@org.jspecify.annotations.Nullable T t) {
    return java.util.Objects.requireNonNull(t);
  }

  private static void use(WishEvent e) {
    assertThat(e.sequence()).isPositive();
  }

  private static java.util.Optional<Duration> mean(
      Map<WishId, Instant> when, Map<WishId, Instant> posted) {
    if (when.isEmpty()) {
      return java.util.Optional.empty();
    }
    long total = 0;
    for (var e : when.entrySet()) {
      total += Duration.between(nn(posted.get(e.getKey())), e.getValue()).toMillis();
    }
    return java.util.Optional.of(Duration.ofMillis(total / when.size()));
  }
}
