package org.gridgov.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * {@link WarningLevel#thresholdNanos} for many different fractions: {@code ceil(budget ×
 * fraction)}, exact in decimal, checked against whole-number arithmetic on thousandths.
 */
class WarningLevelFractionsTest {

  @Test
  void everyFractionInThousandths_givesTheExactCeiling() {
    long budget = Duration.ofHours(7).toNanos() + 1; // odd, so most products are not whole
    List<String> wrong = new ArrayList<>();
    // more distinct fractions than any memo of them would hold, each asked twice
    for (int round = 0; round < 2; round++) {
      for (int k = 1; k <= 1_500; k++) {
        double fraction =
            Double.parseDouble(k / 1000 + "." + String.format(Locale.ROOT, "%03d", k % 1000));
        long expected = (budget * k + 999) / 1000; // ceil(budget * k / 1000), no overflow here
        long got = WarningLevel.atFraction("l", fraction).thresholdNanos(budget);
        if (got != expected) {
          wrong.add(fraction + ": " + got + " != " + expected);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  /** Seven-digit fractions handed out so far in this JVM, so that each run asks new ones. */
  private static final AtomicLong NEXT_FRESH = new AtomicLong();

  /**
   * A fraction asked for the first time gives the same threshold as one asked before (the decimal
   * form is remembered for speed only): each run asks 300 seven-digit fractions no earlier run of
   * this test in the same JVM asked, then asks them again.
   */
  @Test
  void aFractionAskedForTheFirstTime_givesTheExactCeilingToo() {
    long budget = 100_000_000_007L; // about 100 s; budget x 10^7 stays inside a long
    long first = 1_000_000 + NEXT_FRESH.getAndAdd(300) % 8_999_000;
    List<String> wrong = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      for (long m = first; m < first + 300; m++) {
        double fraction = Double.parseDouble("0." + m); // m has seven digits
        long expected = (budget * m + 9_999_999) / 10_000_000; // ceil(budget * m / 10^7)
        long got = WarningLevel.atFraction("l", fraction).thresholdNanos(budget);
        if (got != expected) {
          wrong.add(fraction + ": " + got + " != " + expected);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }
}
