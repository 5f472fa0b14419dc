package org.gridgov.store.jdbc;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A partition of the store: the unit that one writer owns at a time. Its cases, its events and its
 * time (the instant of its writer's last call) belong to it alone, so writers of different
 * partitions run side by side, and a time advance in one partition never moves another's time.
 * Usually a district ({@link #district(long)}); an embedder may choose any other key ({@link
 * #of(String)}), e.g. a street or a service line. The embedder sends every command on a case to the
 * writer of the case's partition.
 *
 * @param key the partition key: 1 to 64 characters of {@code A-Z a-z 0-9 . _ : -}, not starting
 *     with {@code _} (reserved for the store)
 */
public record Partition(String key) {
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9.:-][A-Za-z0-9._:-]{0,63}");

  /** The longest partition key. */
  public static final int MAX_KEY_LENGTH = 64;

  /**
   * The partition of a store written without one: {@code DurableCaseEngine.open(store, config)},
   * the tool methods of {@link EventStore}, and every row of a store migrated from layout version
   * 2.
   */
  public static final Partition DEFAULT = new Partition("_default");

  /**
   * Validates the key.
   *
   * @param key the partition key
   * @throws IllegalArgumentException if the key is empty, too long, has other characters or starts
   *     with {@code _}
   */
  public Partition {
    Objects.requireNonNull(key, "key");
    checkArgument(
        KEY.matcher(key).matches() || key.equals("_default"),
        "partition key '%s' is not 1 to %s characters of A-Z a-z 0-9 . _ : - (not starting with _)",
        key,
        MAX_KEY_LENGTH);
  }

  /**
   * Returns the partition with a key the embedder chooses.
   *
   * @param key the key, see {@link Partition}
   * @return the partition
   * @throws IllegalArgumentException if the key is not valid
   */
  public static Partition of(String key) {
    checkArgument(
        !key.startsWith("_"), "partition key '%s' starts with _ (reserved for the store)", key);
    return new Partition(key);
  }

  /**
   * Returns the partition of a district: its key is the district's region code in decimal.
   *
   * @param districtCode the district's region code, positive
   * @return the partition
   * @throws IllegalArgumentException if the code is not positive
   */
  public static Partition district(long districtCode) {
    checkArgument(districtCode > 0, "district code %s is not positive", districtCode);
    return new Partition(Long.toString(districtCode));
  }

  /**
   * Returns the key.
   *
   * @return the key
   */
  @Override
  public String toString() {
    return key;
  }
}
