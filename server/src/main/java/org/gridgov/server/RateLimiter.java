package org.gridgov.server;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per caller (an API key for writes, an address for reads): {@code perSecond} tokens
 * a second up to {@code burst}. Thread-safe.
 */
final class RateLimiter {
  private final double perSecond;
  private final double burst;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  private static final class Bucket {
    double tokens;
    long lastNanos;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.lastNanos = now;
    }
  }

  RateLimiter(double perSecond, double burst) {
    this.perSecond = perSecond;
    this.burst = burst;
  }

  /** Takes a token for a caller; false if it has none left. */
  boolean tryAcquire(String caller) {
    long now = System.nanoTime();
    Bucket b = buckets.computeIfAbsent(caller, k -> new Bucket(burst, now));
    synchronized (b) {
      b.tokens = Math.min(burst, b.tokens + (now - b.lastNanos) / 1e9 * perSecond);
      b.lastNanos = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return true;
      }
      return false;
    }
  }
}
