package org.gridgov.people;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;

/**
 * A body that deliberates or mediates (议事/调解), as data: an id, a Chinese name, its {@link
 * BodyKind}, the region level it sits for (a grid discussion sits for a grid, a representatives'
 * meeting for a community), the staff roles whose holders are its members, its quorum as a fraction
 * of the members, and its {@link Cadence}.
 *
 * <p>Members are drawn from the {@link StaffRegistry} at the sitting's instant: every person with
 * an active assignment in a member role over a region that overlaps the body's seat (the region of
 * the case's location at the body's level: an assignment to the seat, inside it, or above it).
 *
 * @param id the body's id: 1 to 64 characters of {@code a-z 0-9 _ -}
 * @param chineseName the Chinese name, e.g. {@code 居民代表会议}
 * @param kind deliberation or mediation
 * @param level the level of the region it sits for
 * @param memberRoles the codes of the staff roles whose holders are members, not empty
 * @param quorumNumerator the quorum's numerator, {@code >= 1}
 * @param quorumDenominator the quorum's denominator, {@code >= quorumNumerator}
 * @param cadence when it sits
 */
public record DeliberationBody(
    String id,
    String chineseName,
    BodyKind kind,
    RegionLevel level,
    ImmutableSet<String> memberRoles,
    int quorumNumerator,
    int quorumDenominator,
    Cadence cadence) {

  /**
   * Validates.
   *
   * @param id the id component
   * @param chineseName the chineseName component
   * @param kind the kind component
   * @param level the level component
   * @param memberRoles the memberRoles component
   * @param quorumNumerator the quorumNumerator component
   * @param quorumDenominator the quorumDenominator component
   * @param cadence the cadence component
   */
  public DeliberationBody {
    Objects.requireNonNull(id, "id");
    Preconditions.checkArgument(
        PeopleCodes.isCode(id),
        "a body id is 1 to 64 characters of a-z 0-9 _ -, not '%s'",
        id.length() > 64 ? id.substring(0, 64) + "…" : id);
    Objects.requireNonNull(chineseName, "chineseName");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(level, "level");
    memberRoles = ImmutableSet.copyOf(memberRoles);
    Preconditions.checkArgument(!memberRoles.isEmpty(), "body %s: no member roles", id);
    Preconditions.checkArgument(
        quorumNumerator >= 1 && quorumDenominator >= quorumNumerator,
        "body %s: quorum %s/%s is not a fraction in (0, 1]",
        id,
        quorumNumerator,
        quorumDenominator);
    Objects.requireNonNull(cadence, "cadence");
  }

  /**
   * Returns the region the body sits for when a case lies in {@code regionCode}: its ancestor (or
   * itself) at the body's level.
   *
   * @param tree the region tree
   * @param regionCode the case's location
   * @return the seat
   * @throws IllegalArgumentException if the code is not in the tree or lies above the body's level
   */
  public Region seat(RegionTree tree, long regionCode) {
    Region r =
        tree.find(regionCode)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        String.format(
                            Locale.ROOT,
                            "body %s: region %d is not in the tree (edition %s)",
                            id,
                            regionCode,
                            tree.edition())));
    if (r.level() == level) {
      return r;
    }
    return r.ancestorAt(level)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    String.format(
                        Locale.ROOT,
                        "body %s sits for a %s; region %d is a %s above it",
                        id,
                        level,
                        regionCode,
                        r.level())));
  }

  /**
   * Returns the members at {@code at} for a case in {@code regionCode}.
   *
   * @param registry the staff registry
   * @param regionCode the case's location
   * @param at the instant
   * @return the members, by id
   */
  public ImmutableSortedSet<PersonId> members(StaffRegistry registry, long regionCode, Instant at) {
    RegionTree tree = registry.tree();
    int seat = seat(tree, regionCode).index();
    ImmutableSortedSet.Builder<PersonId> out = ImmutableSortedSet.naturalOrder();
    for (Assignment a : registry.assignments()) {
      if (!memberRoles.contains(a.roleCode()) || !a.isActiveAt(at)) {
        continue;
      }
      int where = tree.indexOf(a.regionCode());
      if (where >= 0 && (tree.contains(seat, where) || tree.contains(where, seat))) {
        out.add(a.person());
      }
    }
    return out.build();
  }

  /**
   * Returns how many members must attend for a quorum: the fraction of {@code members}, rounded up,
   * and at least 1.
   *
   * @param members the number of members
   * @return the quorum
   */
  public int quorum(int members) {
    long q = ((long) members * quorumNumerator + quorumDenominator - 1) / quorumDenominator;
    return (int) Math.max(1, q);
  }

  @Override
  public String toString() {
    return id + " (" + chineseName + ", " + kind + ", " + level + ", " + cadence + ")";
  }
}
