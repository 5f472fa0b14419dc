package org.gridgov.server;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The city's time: simulated. Either scaled (it runs {@code speed} times faster than the wall clock
 * from a start instant, for the demo) or manual (it moves only when {@link #set} is called, for
 * tests). Its instants are whole milliseconds, as the engine takes them. Thread-safe.
 */
public final class CityClock {
  private final Instant start;
  private final double speed;
  private final long startNanos;
  private Instant manual;

  private CityClock(Instant start, double speed) {
    this.start = start;
    this.speed = speed;
    this.startNanos = System.nanoTime();
    this.manual = start;
  }

  /**
   * Returns a clock that moves only when set.
   *
   * @param start the first instant
   * @return the clock
   */
  public static CityClock manual(Instant start) {
    return new CityClock(start, 0);
  }

  /**
   * Returns a clock that runs {@code speed} times the wall clock from {@code start}.
   *
   * @param start the first instant
   * @param speed how many city seconds pass per wall second, positive
   * @return the clock
   * @throws IllegalArgumentException if the speed is not positive and finite
   */
  public static CityClock scaled(Instant start, double speed) {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed " + speed + " is not a positive finite number");
    }
    return new CityClock(start, speed);
  }

  /**
   * Returns whether the clock is manual.
   *
   * @return true if it moves only by {@link #set}
   */
  public boolean isManual() {
    return speed == 0;
  }

  /**
   * Returns the city's time now.
   *
   * @return the instant
   */
  public synchronized Instant now() {
    if (isManual()) {
      return manual;
    }
    double elapsed = (System.nanoTime() - startNanos) * speed;
    // the engine takes whole milliseconds only
    return start.plus(Duration.ofNanos((long) elapsed)).truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * Moves a manual clock forward.
   *
   * @param instant the new time, not before the current one
   * @throws IllegalStateException if the clock is scaled
   * @throws IllegalArgumentException if the instant is before the clock's time
   */
  public synchronized void set(Instant instant) {
    if (!isManual()) {
      throw new IllegalStateException("a scaled clock cannot be set");
    }
    if (instant.isBefore(manual)) {
      throw new IllegalArgumentException(
          "cannot move the city clock back from " + manual + " to " + instant);
    }
    manual = instant;
  }
}
