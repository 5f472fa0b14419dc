package org.gridgov.simulation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsoleProgressTest {

  @Test
  void withoutATerminalPrintsOneLinePerTenPercent() {
    StringWriter text = new StringWriter();
    try (ConsoleProgress p = new ConsoleProgress(new PrintWriter(text), "sweep", false)) {
      for (long done = 0; done <= 1000; done += 7) {
        p.update(done, 1000);
      }
      p.update(1000, 1000);
    }
    List<String> lines = text.toString().lines().toList();
    assertThat(lines).hasSize(10);
    assertThat(lines.get(0)).isEqualTo("sweep: 10% (105 of 1,000 simulated hours)");
    assertThat(lines.get(9)).isEqualTo("sweep: 100% (1,000 of 1,000 simulated hours)");
  }

  @Test
  @SuppressWarnings(
      "SystemConsoleNull") // on Java 17 null means no terminal, which is what this test checks
  void progressBarIsOffWhenAskedOrWithoutATerminal() {
    assertThat(ConsoleProgress.terminal(true)).isFalse();
    if (System.console() == null) { // surefire's forked JVM has no terminal
      assertThat(ConsoleProgress.terminal(false)).isFalse();
    }
  }

  /** Property: whatever order concurrent updates arrive in, the printed percentages only grow. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void concurrentUpdatesNeverGoBackwards(long seed) throws InterruptedException {
    StringWriter text = new StringWriter();
    AtomicLong done = new AtomicLong();
    try (ConsoleProgress p = new ConsoleProgress(new PrintWriter(text), "t", false)) {
      Thread[] threads = new Thread[4];
      for (int t = 0; t < threads.length; t++) {
        SplittableRandom r = new SplittableRandom(seed * 31 + t);
        threads[t] =
            new Thread(
                () -> {
                  for (int i = 0; i < 500; i++) {
                    p.update(done.addAndGet(1 + r.nextInt(3)), 4000);
                  }
                });
        threads[t].start();
      }
      for (Thread t : threads) {
        t.join();
      }
    }
    List<Integer> percents =
        text.toString().lines().map(l -> Integer.parseInt(l.substring(3, l.indexOf('%')))).toList();
    assertThat(percents).as("seed %d", seed).isSorted().doesNotHaveDuplicates();
  }
}
