package org.gridgov.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HotRingTest {

  @Test
  void fewerDistinctCasesThanSlotsAreNeverEvictedHoweverOftenTouched() {
    // The first-in-first-out ring this replaced evicted a case whenever its oldest touch came
    // round, though it had been touched since: with 3 cases in 4 slots, about a third of touches.
    HotRing ring = new HotRing(4);
    Random r = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      assertThat(ring.touch(r.nextInt(3))).as("touch %s", i).isEqualTo(-1);
    }
  }

  @Test
  void aCaseTouchedSinceTheHandPassedGetsASecondChance() {
    HotRing ring = new HotRing(2);
    assertThat(ring.touch(0)).isEqualTo(-1);
    assertThat(ring.touch(1)).isEqualTo(-1);
    assertThat(ring.touch(0)).isEqualTo(-1); // referenced
    assertThat(ring.touch(2)).as("0 is passed over, 1 leaves").isEqualTo(1);
    assertThat(ring.contains(0)).isTrue();
    assertThat(ring.contains(1)).isFalse();
    assertThat(ring.contains(2)).isTrue();
    assertThat(ring.touch(3)).as("0's chance was used up").isEqualTo(0);
  }

  @Test
  void aForgottenCaseFreesItsSlotAndMayComeBack() {
    HotRing ring = new HotRing(2);
    assertThat(ring.touch(10)).isEqualTo(-1);
    assertThat(ring.touch(11)).isEqualTo(-1);
    ring.forget(10);
    assertThat(ring.contains(10)).isFalse();
    assertThat(ring.touch(12)).as("the forgotten slot is free").isEqualTo(-1);
    assertThat(ring.touch(10)).as("back again, it pushes 11 out").isEqualTo(11);
    assertThat(ring.contains(10)).isTrue();
  }

  @Test
  void aCooledCaseLeavesFirstUnlessTouchedAgain() {
    HotRing ring = new HotRing(2);
    assertThat(ring.touch(0)).isEqualTo(-1);
    assertThat(ring.touch(1)).isEqualTo(-1);
    assertThat(ring.touch(0)).isEqualTo(-1);
    assertThat(ring.touch(1)).isEqualTo(-1);
    ring.cool(0);
    assertThat(ring.contains(0)).as("cooled, still held").isTrue();
    assertThat(ring.touch(2)).as("1 keeps its second chance, 0 leaves").isEqualTo(0);
    ring.cool(1);
    assertThat(ring.touch(1)).as("touched again after cooling").isEqualTo(-1);
    assertThat(ring.touch(3)).as("2 was never touched twice").isEqualTo(2);
  }

  @Test
  void coolingTakesAwayTheSecondChanceOfTheCaseItNames() {
    HotRing ring = new HotRing(3);
    for (long o = 0; o < 6; o++) {
      assertThat(ring.touch(o % 3)).isEqualTo(-1); // 0, 1, 2 held and touched twice
    }
    ring.cool(1);
    assertThat(ring.touch(3)).as("0 is passed over, cooled 1 leaves").isEqualTo(1);
  }

  @Test
  void aForgottenCaseComesBackWithoutItsOldSecondChance() {
    HotRing ring = new HotRing(2);
    assertThat(ring.touch(0)).isEqualTo(-1);
    assertThat(ring.touch(0)).isEqualTo(-1); // referenced
    assertThat(ring.touch(1)).isEqualTo(-1);
    ring.forget(0);
    assertThat(ring.touch(0)).as("back in its old slot").isEqualTo(-1);
    assertThat(ring.touch(1)).isEqualTo(-1); // referenced
    assertThat(ring.touch(2)).as("1 is passed over; 0 has no chance left").isEqualTo(0);
  }

  @Test
  void ordinalsFarBeyondTheFirstWordsGrowTheBitSets() {
    HotRing ring = new HotRing(3);
    long big = 5_000_000_000L;
    assertThat(ring.touch(big)).isEqualTo(-1);
    assertThat(ring.contains(big)).isTrue();
    assertThat(ring.contains(big + 1)).isFalse();
    ring.forget(big + 64 * 1_000_000L); // beyond the bit sets: nothing to clear, no failure
    assertThat(ring.contains(big)).isTrue();
  }

  @Test
  void aCapacityBelowOneIsRefusedWithTheValue() {
    assertThatThrownBy(() -> new HotRing(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hotCases must be at least 1 but was 0");
  }

  /**
   * Random touches and forgets against a set of what should be held: a touched case is held, at
   * most {@code capacity} are, only a held case leaves, and a case leaves only when the ring is
   * full.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 5, 64, 100})
  void randomTouchesKeepTheRingsPromises(int capacity) {
    Random r = new Random(capacity);
    HotRing ring = new HotRing(capacity);
    Set<Long> held = new HashSet<>();
    for (int i = 0; i < 50_000; i++) {
      long o = r.nextInt(3 * capacity + 2) + (r.nextInt(10) == 0 ? 1_000L : 0L);
      if (r.nextInt(8) == 0) {
        ring.forget(o);
        held.remove(o);
      } else {
        boolean wasHeld = held.contains(o);
        long out = ring.touch(o);
        if (out >= 0) {
          assertThat(held).as("step %s: only a held case leaves", i).contains(out);
          assertThat(out).isNotEqualTo(o);
          assertThat(wasHeld).as("step %s: a held case's touch evicts nothing", i).isFalse();
          held.remove(out);
        }
        held.add(o);
      }
      assertThat(held.size()).as("step %s", i).isLessThanOrEqualTo(capacity);
      assertThat(ring.size()).as("step %s: the ring's count", i).isEqualTo(held.size());
      assertThat(ring.hasRoom()).as("step %s", i).isEqualTo(held.size() < capacity);
      for (long h : held) {
        assertThat(ring.contains(h)).as("step %s: %s held", i, h).isTrue();
      }
      assertThat(ring.contains(o)).isEqualTo(held.contains(o));
    }
  }
}
