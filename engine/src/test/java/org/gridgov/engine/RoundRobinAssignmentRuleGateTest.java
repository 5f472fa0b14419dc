package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.gridgov.casefile.CaseId;
import org.gridgov.people.PersonId;
import org.junit.jupiter.api.Test;

/**
 * {@link RoundRobinAssignmentRule} as its class comment states it: the {@code turn}-th candidate
 * modulo their number, nobody when there is no candidate (issue 17, the mutation-testing gate).
 */
class RoundRobinAssignmentRuleGateTest {

  private static final RoundRobinAssignmentRule RULE = new RoundRobinAssignmentRule();

  private static PersonAssignmentRule.Request request(long turn, String... people) {
    ImmutableList.Builder<PersonAssignmentRule.Candidate> candidates = ImmutableList.builder();
    for (String p : people) {
      candidates.add(new PersonAssignmentRule.Candidate(PersonId.of(p), 1L, 0));
    }
    return new PersonAssignmentRule.Request(
        CaseId.of("C-1"), "office:1", 1L, "grid_worker", candidates.build(), turn);
  }

  @Test
  void noCandidateChoosesNobody() {
    assertThat(RULE.choose(request(0))).isEmpty();
    assertThat(RULE.choose(request(7))).isEmpty();
  }

  @Test
  void turnsGoRoundTheCandidatesInTheirOrder() {
    // Worked by hand: turn t picks candidate t mod 3 of (a, b, c).
    String[] expected = {"a", "b", "c", "a", "b", "c", "a"};
    for (int t = 0; t < expected.length; t++) {
      assertThat(RULE.choose(request(t, "a", "b", "c")))
          .as("turn %s", t)
          .isEqualTo(Optional.of(PersonId.of(expected[t])));
    }
  }

  @Test
  void oneCandidateTakesEveryTurn() {
    for (long t : new long[] {0, 1, 2, 1_000_001}) {
      assertThat(RULE.choose(request(t, "solo"))).contains(PersonId.of("solo"));
    }
  }

  @Test
  void turnsPastTheIntRangeAndNegativeTurnsStayInRange() {
    // 2^32 + 1 = 4294967297 = 3 * 1431655765 + 2; cast to int first it would be 1 (candidate b).
    assertThat(RULE.choose(request(4_294_967_297L, "a", "b", "c"))).contains(PersonId.of("c"));
    // floor modulo: -1 mod 3 = 2, -3 mod 3 = 0.
    assertThat(RULE.choose(request(-1, "a", "b", "c"))).contains(PersonId.of("c"));
    assertThat(RULE.choose(request(-3, "a", "b", "c"))).contains(PersonId.of("a"));
  }

  @Test
  void namesItself() {
    assertThat(RULE.name()).isEqualTo("round-robin");
  }
}
