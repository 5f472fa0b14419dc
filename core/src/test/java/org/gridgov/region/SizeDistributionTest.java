package org.gridgov.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SizeDistributionTest {
  @Test
  void medianIsTheLowerMiddleValue() {
    assertThat(SizeDistribution.of(new long[] {9, 1, 5, 3}))
        .isEqualTo(new SizeDistribution(4, 1, 3, 9, 4.5));
    assertThat(SizeDistribution.of(new long[] {7})).isEqualTo(new SizeDistribution(1, 7, 7, 7, 7));
    assertThat(SizeDistribution.of(new long[0])).isEqualTo(new SizeDistribution(0, 0, 0, 0, 0));
  }

  @Test
  void inputIsNotModifiedAndBadComponentsAreRejected() {
    long[] v = {3, 1, 2};
    var unused = SizeDistribution.of(v);
    assertThat(v).containsExactly(3, 1, 2);
    assertThatThrownBy(() -> new SizeDistribution(2, 5, 1, 9, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SizeDistribution(-1, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
