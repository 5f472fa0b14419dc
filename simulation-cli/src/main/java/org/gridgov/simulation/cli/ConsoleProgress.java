package org.gridgov.simulation.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.gridgov.simulation.Progress;
import org.jspecify.annotations.Nullable;

/**
 * Shows a run's {@link Progress} on stderr: a progress bar on a terminal, otherwise one line per
 * 10% (logs, CI, pipes). Thread-safe: the simulating threads call {@link #update} concurrently.
 */
final class ConsoleProgress implements Progress, AutoCloseable {
  private final PrintWriter err;
  private final String task;
  private final boolean bar;
  private @Nullable ProgressBar progressBar;
  private long done;
  private int lastTenth;

  /**
   * Creates the reporter.
   *
   * @param err where lines go when there is no bar
   * @param task the task name, e.g. {@code sweep}
   * @param bar whether to draw a bar (only if stderr is a terminal)
   */
  ConsoleProgress(PrintWriter err, String task, boolean bar) {
    this.err = err;
    this.task = task;
    this.bar = bar;
  }

  /**
   * Returns whether a progress bar can be drawn: there is a terminal and the user did not turn it
   * off.
   *
   * @param disabled {@code --no-progress}
   * @return whether to draw a bar
   */
  @SuppressWarnings(
      "SystemConsoleNull") // on Java 17 null means "no terminal"; from 22 on, isTerminal() says it
  static boolean terminal(boolean disabled) {
    java.io.Console console = System.console();
    if (disabled || console == null) {
      return false;
    }
    try {
      return Boolean.TRUE.equals(java.io.Console.class.getMethod("isTerminal").invoke(console));
    } catch (NoSuchMethodException e) {
      return true; // before Java 22 a console exists only on a terminal
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  @Override
  public synchronized void update(long done, long total) {
    if (total <= 0 || done <= this.done) {
      return;
    }
    this.done = Math.min(done, total);
    if (bar) {
      ProgressBar pb = progressBar;
      if (pb == null) {
        pb =
            new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setUnit(" h", 1)
                .showSpeed()
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .build();
        progressBar = pb;
      }
      pb.maxHint(total);
      pb.stepTo(this.done);
      return;
    }
    int tenth = (int) (this.done * 10 / total);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      err.println(
          String.format(
              Locale.ROOT,
              "%s: %d%% (%,d of %,d simulated hours)",
              task,
              tenth * 10,
              this.done,
              total));
      err.flush();
    }
  }

  @Override
  public synchronized void close() {
    ProgressBar pb = progressBar;
    if (pb != null) {
      pb.close();
      progressBar = null;
    }
  }
}
