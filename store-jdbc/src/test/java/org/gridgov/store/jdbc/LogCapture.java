package org.gridgov.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The store's log ({@code System.Logger} {@code org.gridgov.store.jdbc}, which goes to
 * java.util.logging) captured while a call runs: the logger is set to the level asked for, a
 * handler collects its records at that level and above, and both are undone when the call ends.
 * {@code DEBUG} is {@link Level#FINE}, {@code WARNING} is {@link Level#WARNING}.
 */
final class LogCapture {
  static final String LOGGER = "org.gridgov.store.jdbc";

  private LogCapture() {}

  /** The records at {@code level} and above while {@code run} runs. */
  static List<LogRecord> records(Level level, Runnable run) {
    List<LogRecord> records = new ArrayList<>();
    var unused =
        capture(
            records,
            level,
            () -> {
              run.run();
              return records;
            });
    return records;
  }

  /** The messages (as logged) at {@code level} and above while {@code run} runs. */
  static List<String> messages(Level level, Runnable run) {
    return records(level, run).stream().map(LogRecord::getMessage).toList();
  }

  /**
   * Runs {@code call}, adding the messages at {@code level} and above to {@code into}; returns what
   * the call returned (the messages are in {@code into} whether it returned or threw).
   */
  static <T> T messages(List<String> into, Level level, Supplier<T> call) {
    List<LogRecord> records = new ArrayList<>();
    try {
      return capture(records, level, call);
    } finally {
      records.forEach(r -> into.add(r.getMessage()));
    }
  }

  private static <T> T capture(List<LogRecord> into, Level level, Supplier<T> call) {
    Logger logger = Logger.getLogger(LOGGER);
    Level before = logger.getLevel();
    Handler h =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= level.intValue()) {
              into.add(record);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.setLevel(level);
    logger.addHandler(h);
    try {
      return call.get();
    } finally {
      logger.removeHandler(h);
      logger.setLevel(before);
    }
  }
}
