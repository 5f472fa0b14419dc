package org.gridgov.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Independent, reproducible random-number streams, one per purpose, derived from one experiment
 * seed.
 *
 * <p>A simulation draws arrivals, handling times and travel times from separate streams, so that
 * changing one parameter (say, the handling-time distribution) does not shift the random numbers
 * that any other part of the model sees: the common-random-numbers technique for comparing
 * variants. A stream is identified by a purpose name and a replication number; the same seed,
 * purpose and replication always give the same sequence, whatever other streams were created before
 * or in which order.
 *
 * <p>Instances are immutable and thread-safe; the {@link SplittableRandom} streams they hand out
 * are not, and belong to one thread each.
 */
public final class RandomStreams {
  private final long seed;

  private RandomStreams(long seed) {
    this.seed = seed;
  }

  /**
   * Returns the streams of one experiment seed.
   *
   * @param seed the experiment seed
   * @return the streams
   */
  public static RandomStreams of(long seed) {
    return new RandomStreams(seed);
  }

  /**
   * Returns the experiment seed.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns a fresh stream for a purpose in a replication.
   *
   * @param purpose a non-empty name such as {@code "arrivals"} or {@code "service"}
   * @param replication the replication number, {@code >= 0}
   * @return a new generator positioned at the start of that stream
   * @throws IllegalArgumentException if {@code purpose} is empty or {@code replication} is negative
   */
  public SplittableRandom stream(String purpose, int replication) {
    checkArgument(!purpose.isEmpty(), "purpose must not be empty");
    checkArgument(replication >= 0, "replication must be >= 0 but was %s", replication);
    long h = mix(seed);
    for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
      h = mix(h ^ (b & 0xFF));
    }
    h = mix(h ^ replication);
    return new SplittableRandom(h);
  }

  /** The SplitMix64 finaliser: a bijection on longs with good avalanche. */
  private static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
