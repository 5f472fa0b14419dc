package org.gridgov.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SharedRunTest {

  @Test
  void theNewestRunGrowsInPlace_byDoublingSoFewArraysServeAThousandAppends() {
    SharedRun<Integer> run = SharedRun.of(List.of());
    int arrays = 1;
    for (int i = 0; i < 1000; i++) {
      SharedRun<Integer> next = run.plus(i);
      if (!next.sharesArrayWith(run)) {
        arrays++;
      }
      run = next;
    }
    assertThat(run.toList()).hasSize(1000).startsWith(0, 1, 2).endsWith(998, 999);
    assertThat(arrays).isBetween(8, 10); // 4, 8, 16, ..., 1024 slots
  }

  @Test
  void anOlderRunCopiesForADifferentValue_andSharesAnEqualOne() {
    SharedRun<String> one = SharedRun.of(List.of("a"));
    SharedRun<String> two = one.plus("b");
    SharedRun<String> other = one.plus("c"); // the slot after "a" holds "b"
    SharedRun<String> again = one.plus("b"); // the same step worked out twice
    assertThat(two.sharesArrayWith(one)).isTrue();
    assertThat(other.sharesArrayWith(one)).isFalse();
    assertThat(again.sharesArrayWith(two)).isTrue();
    assertThat(two.toList()).containsExactly("a", "b");
    assertThat(other.toList()).containsExactly("a", "c");
    assertThat(again.toList()).containsExactly("a", "b");
    assertThat(one.toList()).containsExactly("a");
    assertThat(other.plus("d").sharesArrayWith(other)).isTrue(); // the copy is the newest now
  }

  @Test
  void randomBranchesEachReadAsTheirOwnList() {
    SplittableRandom r = new SplittableRandom(7);
    List<SharedRun<Integer>> runs = new ArrayList<>(List.of(SharedRun.of(List.of(0))));
    List<List<Integer>> lists = new ArrayList<>(List.of(List.of(0)));
    for (int step = 0; step < 2_000; step++) {
      int from = r.nextInt(4) == 0 ? r.nextInt(runs.size()) : runs.size() - 1;
      int value = r.nextInt(3);
      runs.add(runs.get(from).plus(value));
      List<Integer> list = new ArrayList<>(lists.get(from));
      list.add(value);
      lists.add(list);
    }
    for (int i = 0; i < runs.size(); i++) {
      assertThat(runs.get(i).toList()).as("run %s", i).isEqualTo(lists.get(i));
      assertThat(runs.get(i).size()).isEqualTo(lists.get(i).size());
    }
  }

  @Test
  void getRefusesAnIndexAtOrPastTheSize_evenWhereTheArrayHoldsANewerValue() {
    SharedRun<String> one = SharedRun.of(List.of("a"));
    SharedRun<String> two = one.plus("b");
    assertThat(two.get(1)).isEqualTo("b");
    assertThatThrownBy(() -> one.get(1))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("index 1 of a run of 1");
  }
}
