package org.gridgov.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * 微心愿 indicators per community from the board's log alone: over random posts, claims, withdrawals
 * and confirmations in two communities, the indicators of the live board's log equal those of the
 * board restored from it, and equal an oracle computed per community from what the test did (its
 * own record of each wish, its own deadline rule).
 */
class WishIndicatorsTest {
  private static final RegionTree TREE = PeopleFixtures.smallTree();
  private static final Instant T0 = Instant.parse("2025-03-01T01:00:00Z");
  private static final Region GRID = TREE.regionsAt(RegionLevel.GRID).get(0);
  private static final long HOME = GRID.parent().orElseThrow().code();
  private static final long OTHER =
      TREE.regionsAt(RegionLevel.COMMUNITY).stream()
          .filter(c -> c.code() != HOME)
          .findFirst()
          .orElseThrow()
          .code();
  private static final Duration LIMIT = Duration.ofHours(30);
  private static final WishPolicy POLICY =
      new WishPolicy(ImmutableSet.of("party_contact", "volunteer"), 3, 10_000, LIMIT);

  /** Claimants by community, as registry() assigns them. */
  private static final Map<Long, List<PersonId>> CLAIMANTS =
      Map.of(
          HOME, ids("p-party", "p-vol1", "p-vol2", "p-vol3"),
          OTHER, ids("p-far1", "p-far2", "p-far3"));

  private static List<PersonId> ids(String... ids) {
    return java.util.Arrays.stream(ids).map(PersonId::of).toList();
  }

  private static StaffRegistry registry() {
    Instant from = T0.minus(Duration.ofDays(60));
    return StaffRegistry.of(
        TREE,
        StaffRoles.standard(),
        PeopleFixtures.EDITION,
        ImmutableList.of(
            Assignment.from(PersonId.of("p-party"), "party_contact", HOME, from),
            Assignment.from(PersonId.of("p-vol1"), "volunteer", GRID.code(), from),
            Assignment.from(PersonId.of("p-vol2"), "volunteer", GRID.code(), from),
            Assignment.from(PersonId.of("p-vol3"), "volunteer", HOME, from),
            Assignment.from(PersonId.of("p-far1"), "volunteer", OTHER, from),
            Assignment.from(PersonId.of("p-far2"), "volunteer", OTHER, from),
            Assignment.from(PersonId.of("p-far3"), "party_contact", OTHER, from)));
  }

  /** What the test did to one wish. */
  private static final class Tracked {
    final WishId id;
    final PersonId resident;
    final long community;
    final int size;
    final Instant postedAt;
    final Set<PersonId> claimants = new LinkedHashSet<>();
    @Nullable Instant firstClaimAt;
    @Nullable Instant fullAt;
    @Nullable Instant fulfilledAt;

    Tracked(WishId id, PersonId resident, long community, int size, Instant postedAt) {
      this.id = id;
      this.resident = resident;
      this.community = community;
      this.size = size;
      this.postedAt = postedAt;
    }
  }

  @Test
  void indicatorsOfTheLiveBoardEqualTheRestoredBoardsAndAnIndependentOracle() {
    int fulfilledSomewhere = 0;
    int lateSomewhere = 0;
    for (int seed = 0; seed < 20; seed++) {
      Random rnd = new Random(seed);
      WishBoard board = WishBoard.of(registry(), POLICY);
      List<Tracked> wishes = new ArrayList<>();
      Instant t = T0;
      for (int step = 0; step < 300; step++) {
        t = t.plus(Duration.ofMinutes(1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 2400 : 180)));
        act(rnd, board, wishes, t, step);
      }
      ImmutableSortedMap<Long, WishIndicators> live = WishIndicators.of(board.log());
      assertThat(WishIndicators.of(WishBoard.restore(registry(), POLICY, board.log()).log()))
          .as("seed %d", seed)
          .isEqualTo(live);
      Map<Long, WishIndicators> expected = oracle(wishes);
      assertThat(live).as("seed %d", seed).isEqualTo(expected).containsOnlyKeys(HOME, OTHER);
      for (WishIndicators i : live.values()) {
        assertThat(i.fulfilmentRate()).isEqualTo((double) i.fulfilled() / i.posted());
        fulfilledSomewhere += i.fulfilled();
        lateSomewhere += i.fulfilled() - i.fulfilledOnTime();
      }
    }
    assertThat(fulfilledSomewhere).isGreaterThan(50);
    assertThat(lateSomewhere).isPositive();
  }

  /** One random operation the board must accept (the test picks only valid ones). */
  private static void act(Random rnd, WishBoard board, List<Tracked> wishes, Instant t, int step) {
    List<Tracked> open = wishes.stream().filter(w -> w.fulfilledAt == null).toList();
    int op = open.isEmpty() ? 0 : rnd.nextInt(5);
    if (op == 0) {
      long community = rnd.nextBoolean() ? HOME : OTHER;
      Tracked w =
          new Tracked(
              WishId.of("w-" + step),
              PersonId.of("r-" + rnd.nextInt(5)),
              community,
              1 + rnd.nextInt(3),
              t);
      use(board.post(w.id, w.resident, w.community, w.size, t));
      wishes.add(w);
      return;
    }
    Tracked w = open.get(rnd.nextInt(open.size()));
    if (op <= 2 && w.claimants.size() < w.size) {
      List<PersonId> free = new ArrayList<>(nn(CLAIMANTS.get(w.community)));
      free.removeAll(w.claimants);
      PersonId p = free.get(rnd.nextInt(free.size()));
      use(board.claim(w.id, p, t));
      w.claimants.add(p);
      if (w.firstClaimAt == null) {
        w.firstClaimAt = t;
      }
      if (w.claimants.size() == w.size && w.fullAt == null) {
        w.fullAt = t;
      }
    } else if (op == 3 && !w.claimants.isEmpty()) {
      PersonId p = new ArrayList<>(w.claimants).get(rnd.nextInt(w.claimants.size()));
      use(board.withdraw(w.id, p, t));
      w.claimants.remove(p);
    } else if (w.claimants.size() == w.size) {
      use(board.confirm(w.id, w.resident, t));
      w.fulfilledAt = t;
    }
  }

  /** Per community, from the test's own records. */
  private static Map<Long, WishIndicators> oracle(List<Tracked> wishes) {
    Map<Long, List<Tracked>> by = new TreeMap<>();
    wishes.forEach(w -> by.computeIfAbsent(w.community, c -> new ArrayList<>()).add(w));
    Map<Long, WishIndicators> out = new TreeMap<>();
    by.forEach(
        (c, ws) -> {
          List<Tracked> done = ws.stream().filter(w -> w.fulfilledAt != null).toList();
          int onTime =
              (int)
                  done.stream()
                      .filter(w -> !nn(w.fulfilledAt).isAfter(w.postedAt.plus(LIMIT)))
                      .count();
          out.put(
              c,
              new WishIndicators(
                  c, ws.size(), done.size(), onTime, mean(ws, true), mean(ws, false)));
        });
    return out;
  }

  private static Optional<Duration> mean(List<Tracked> ws, boolean first) {
    long total = 0;
    int n = 0;
    for (Tracked w : ws) {
      Instant at = first ? w.firstClaimAt : w.fullAt;
      if (at != null) {
        total += Duration.between(w.postedAt, at).toMillis();
        n++;
      }
    }
    return n == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(total / n));
  }

  private static void use(WishEvent e) {
    assertThat(e.sequence()).isPositive();
  }

  private static <T> T nn(@Nullable T t) {
    return java.util.Objects.requireNonNull(t);
  }
}
