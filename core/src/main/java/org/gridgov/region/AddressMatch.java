package org.gridgov.region;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AddressMatcher#match(String)} found for an address: one region, several equally good
 * ones, or none. Holds regions only, never the address itself (an address is personal data), so it
 * may be logged.
 *
 * @param outcome whether one region, several or none matched
 * @param region the matched region ({@link Outcome#MATCHED}); for {@link Outcome#AMBIGUOUS} the
 *     lowest common ancestor of the candidates when they have one (the address is certain down to
 *     it); empty for {@link Outcome#UNMATCHED}
 * @param candidates the equally good regions, in tree order, at most {@link #MAX_CANDIDATES}
 * @param candidateCount how many equally good regions there were (may exceed {@code
 *     candidates.size()})
 */
public record AddressMatch(
    Outcome outcome,
    Optional<Region> region,
    ImmutableList<Region> candidates,
    int candidateCount) {

  /** The most candidates a match lists. */
  public static final int MAX_CANDIDATES = 10;

  /** How an address matched. */
  public enum Outcome {
    /** Exactly one deepest region is named. */
    MATCHED,
    /** Several regions are named equally well (e.g. "3号楼" without its grid or community). */
    AMBIGUOUS,
    /** No region's name occurs in the address. */
    UNMATCHED
  }

  /**
   * Checks the parts agree.
   *
   * @param outcome whether one region, several or none matched
   * @param region the matched region or the candidates' common ancestor
   * @param candidates the equally good regions, at most {@link #MAX_CANDIDATES}
   * @param candidateCount how many equally good regions there were
   * @throws IllegalArgumentException if the parts contradict the outcome
   */
  public AddressMatch {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(candidates, "candidates");
    checkArgument(candidates.size() <= MAX_CANDIDATES, "more than %s candidates", MAX_CANDIDATES);
    checkArgument(
        candidateCount >= candidates.size(),
        "candidateCount %s below the %s candidates listed",
        candidateCount,
        candidates.size());
    switch (outcome) {
      case MATCHED ->
          checkArgument(
              region.isPresent()
                  && candidateCount == 1
                  && candidates.equals(region.map(ImmutableList::of).orElse(ImmutableList.of())),
              "a match has exactly its region as candidate");
      case AMBIGUOUS ->
          checkArgument(candidateCount >= 2, "an ambiguous match has at least two candidates");
      case UNMATCHED ->
          checkArgument(
              region.isEmpty() && candidateCount == 0, "no match has no region and no candidate");
    }
  }

  /**
   * Returns the one region the address names, if it names exactly one.
   *
   * @return the matched region, or empty when ambiguous or unmatched
   */
  public Optional<Region> matched() {
    return outcome == Outcome.MATCHED ? region : Optional.empty();
  }
}
