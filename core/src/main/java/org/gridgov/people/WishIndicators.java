package org.gridgov.people;

import com.google.common.collect.ImmutableSortedMap;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Indicators of small wishes per community, from a {@link WishBoard}'s log alone (so equal under
 * replay): how many were posted and fulfilled, how many fulfilled by their deadline, the fulfilment
 * rate, and the mean time from posting to the first claim and to the last claimant needed.
 *
 * @param communityCode the community
 * @param posted wishes posted
 * @param fulfilled wishes confirmed fulfilled
 * @param fulfilledOnTime of those, confirmed at or before the deadline
 * @param meanTimeToFirstClaim mean time from posting to the first claim, over the wishes claimed
 * @param meanTimeToFullyClaimed mean time from posting to having all claimants, over those that had
 */
public record WishIndicators(
    long communityCode,
    int posted,
    int fulfilled,
    int fulfilledOnTime,
    Optional<Duration> meanTimeToFirstClaim,
    Optional<Duration> meanTimeToFullyClaimed) {

  /**
   * Returns the share of posted wishes that were fulfilled.
   *
   * @return the rate in [0, 1]; 0 when nothing was posted
   */
  public double fulfilmentRate() {
    return posted == 0 ? 0 : (double) fulfilled / posted;
  }

  /**
   * Computes the indicators of every community with a posted wish.
   *
   * @param log a board's log, in order
   * @return the indicators, by community code
   */
  public static ImmutableSortedMap<Long, WishIndicators> of(List<WishEvent> log) {
    Map<WishId, Instant> postedAt = new HashMap<>();
    Map<WishId, Integer> claims = new HashMap<>();
    Map<WishId, Boolean> firstSeen = new HashMap<>();
    Map<WishId, Boolean> fullSeen = new HashMap<>();
    Map<Long, long[]> acc = new TreeMap<>();
    for (WishEvent e : log) {
      long[] a = acc.computeIfAbsent(e.communityCode(), k -> new long[7]);
      switch (e.kind()) {
        case POSTED -> {
          postedAt.put(e.wish(), e.at());
          a[0]++;
        }
        case CLAIMED -> {
          int n = claims.merge(e.wish(), 1, Integer::sum);
          long since = Duration.between(postedAt.get(e.wish()), e.at()).toMillis();
          if (firstSeen.putIfAbsent(e.wish(), true) == null) {
            a[3] += since;
            a[4]++;
          }
          if (n == e.size() && fullSeen.putIfAbsent(e.wish(), true) == null) {
            a[5] += since;
            a[6]++;
          }
        }
        case WITHDRAWN -> claims.merge(e.wish(), -1, Integer::sum);
        case FULFILLED -> {
          a[1]++;
          if (!e.at().isAfter(e.dueAt())) {
            a[2]++;
          }
        }
      }
    }
    ImmutableSortedMap.Builder<Long, WishIndicators> out = ImmutableSortedMap.naturalOrder();
    acc.forEach(
        (c, a) ->
            out.put(
                c,
                new WishIndicators(
                    c, (int) a[0], (int) a[1], (int) a[2], mean(a[3], a[4]), mean(a[5], a[6]))));
    return out.build();
  }

  private static Optional<Duration> mean(long totalMillis, long n) {
    return n == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(totalMillis / n));
  }
}
