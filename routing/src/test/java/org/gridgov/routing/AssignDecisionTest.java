package org.gridgov.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link RoutingDecision.Assign}'s validation of its assisting handlers. */
class AssignDecisionTest {

  private static final RoutingDecision.Explanation WHY =
      RoutingDecision.Explanation.of("test", List.of());

  @Test
  void assistsAreAcceptedExactlyWhenNoneRepeats() {
    // short lists are checked pairwise and long ones through a set: both against a HashSet
    Random random = new Random(20261206L);
    int rejected = 0;
    for (int run = 0; run < 3000; run++) {
      int size = random.nextInt(21);
      int alphabet = 1 + random.nextInt(40);
      List<String> assists = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        assists.add("department:" + random.nextInt(alphabet));
      }
      boolean distinct = new HashSet<>(assists).size() == assists.size();
      ImmutableList<String> list = ImmutableList.copyOf(assists);
      if (distinct) {
        assertThat(new RoutingDecision.Assign("office:1", list, WHY).assists()).isEqualTo(list);
      } else {
        rejected++;
        assertThatThrownBy(() -> new RoutingDecision.Assign("office:1", list, WHY))
            .as("assists %s", list)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("assisting handlers repeat");
      }
    }
    assertThat(rejected).as("the random lists repeat an id often enough").isGreaterThan(500);
  }

  @Test
  void aRepeatAtTheEndsOfALongListIsFound() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ids.add("department:" + i);
    }
    ids.add("department:0");
    assertThatThrownBy(() -> new RoutingDecision.Assign("office:1", ImmutableList.copyOf(ids), WHY))
        .hasMessageContaining("assisting handlers repeat");
    ImmutableList<String> twoEqual = ImmutableList.of("department:7", "department:7");
    assertThatThrownBy(() -> new RoutingDecision.Assign("office:1", twoEqual, WHY))
        .hasMessageContaining("assisting handlers repeat");
  }
}
