package org.gridgov.people;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;

/**
 * Small wishes (微心愿): residents post wishes in their community; party members and volunteers claim
 * them, one to one, one to many (a person claims several, up to {@link
 * WishPolicy#maxOpenClaimsPerPerson}) and many to one (several claim one wish, up to its size); a
 * claimant may withdraw; the resident who posted confirms it fulfilled once it has all its
 * claimants.
 *
 * <p>Every accepted call appends one {@link WishEvent} to the board's log and changes nothing else;
 * a refused call throws {@link WishRefusedException} (naming wish, person, role, region and rule)
 * and changes nothing. {@link #restore} replays a log through the same checks, so a restored board
 * equals the live one. Calls must come in time order. Pure: no clock, time is passed in.
 */
public final class WishBoard {
  private final StaffRegistry registry;
  private final WishPolicy policy;
  private final Map<WishId, Wish> wishes = new TreeMap<>();
  private final Map<PersonId, Integer> openClaims = new HashMap<>();
  private final List<WishEvent> log = new ArrayList<>();

  private WishBoard(StaffRegistry registry, WishPolicy policy) {
    this.registry = registry;
    this.policy = policy;
    for (String r : policy.claimantRoles()) {
      if (registry.roles().find(r).isEmpty()) {
        throw new IllegalArgumentException("wish policy: claimant role " + r + " is not a role");
      }
    }
  }

  /**
   * Creates an empty board.
   *
   * @param registry the staff registry that says who holds a claimant role
   * @param policy the rules
   * @return the board
   * @throws IllegalArgumentException if a claimant role is not a role of the registry
   */
  public static WishBoard of(StaffRegistry registry, WishPolicy policy) {
    return new WishBoard(registry, policy);
  }

  /**
   * Rebuilds a board from its log, through the same checks as the live calls.
   *
   * @param registry the staff registry
   * @param policy the rules
   * @param log the log, in order
   * @return the board
   * @throws IllegalArgumentException if an entry is out of sequence or does not follow from the
   *     entries before it
   */
  public static WishBoard restore(StaffRegistry registry, WishPolicy policy, List<WishEvent> log) {
    WishBoard b = new WishBoard(registry, policy);
    for (WishEvent e : log) {
      WishEvent again =
          switch (e.kind()) {
            case POSTED -> b.post(e.wish(), e.person(), e.communityCode(), e.size(), e.at());
            case CLAIMED -> b.claim(e.wish(), e.person(), e.at());
            case WITHDRAWN -> b.withdraw(e.wish(), e.person(), e.at());
            case FULFILLED -> b.confirm(e.wish(), e.person(), e.at());
          };
      if (!again.equals(e)) {
        throw new IllegalArgumentException(
            "wish log entry #" + e.sequence() + " does not follow from the entries before it");
      }
    }
    return b;
  }

  /**
   * A resident posts a wish.
   *
   * @param id the wish's id, new to the board
   * @param poster the resident's pseudonymous id
   * @param communityCode the community, a region of the tree at the community level
   * @param size how many claimants it needs, 1 to {@link WishPolicy#maxSize}
   * @param at when
   * @return the event
   * @throws WishRefusedException if a rule is broken
   */
  public WishEvent post(WishId id, PersonId poster, long communityCode, int size, Instant at) {
    requireTime(id, at);
    if (wishes.containsKey(id)) {
      throw refused(id, "the wish id is taken");
    }
    Optional<Region> c = registry.tree().find(communityCode);
    if (c.isEmpty() || c.get().level() != RegionLevel.COMMUNITY) {
      throw refused(
          id,
          String.format(
              Locale.ROOT,
              "region %d is not a community of the tree (edition %s)",
              communityCode,
              registry.tree().edition()));
    }
    if (size < 1 || size > policy.maxSize()) {
      throw refused(
          id,
          String.format(
              Locale.ROOT, "size %d is outside 1..%d (policy maxSize)", size, policy.maxSize()));
    }
    Instant due = at.plus(policy.fulfilLimit());
    wishes.put(
        id,
        new Wish(
            id,
            poster,
            communityCode,
            size,
            at,
            due,
            ImmutableSortedSet.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty()));
    return append(id, at, WishEvent.Kind.POSTED, poster, communityCode, size, due);
  }

  /**
   * A party member or volunteer claims a wish.
   *
   * @param id the wish
   * @param person the claimant
   * @param at when
   * @return the event
   * @throws WishRefusedException if the wish is unknown or fulfilled, the person already claims it,
   *     it has all its claimants, the person holds no claimant role over its community at {@code
   *     at}, or the person holds the most open claims the policy allows
   */
  public WishEvent claim(WishId id, PersonId person, Instant at) {
    requireTime(id, at);
    Wish w = open(id);
    if (w.claimants().contains(person)) {
      throw refused(id, "person " + person + " already claims it");
    }
    if (w.fullyClaimed()) {
      throw refused(
          id,
          String.format(
              Locale.ROOT,
              "person %s (claimant roles %s) over community %d: the wish needs %d claimants and"
                  + " has them all (rule: a claim beyond its size)",
              person,
              policy.claimantRoles(),
              w.communityCode(),
              w.size()));
    }
    if (!holdsClaimantRole(person, w.communityCode(), at)) {
      throw refused(
          id,
          String.format(
              Locale.ROOT,
              "person %s holds none of the roles %s over community %d at %s",
              person,
              policy.claimantRoles(),
              w.communityCode(),
              at));
    }
    int held = openClaims.getOrDefault(person, 0);
    if (held >= policy.maxOpenClaimsPerPerson()) {
      throw refused(
          id,
          String.format(
              Locale.ROOT,
              "person %s holds %d open claims, the policy's most (maxOpenClaimsPerPerson)",
              person,
              held));
    }
    ImmutableSortedSet<PersonId> claimants =
        ImmutableSortedSet.<PersonId>naturalOrder().addAll(w.claimants()).add(person).build();
    Optional<Instant> full =
        w.fullyClaimedAt().isPresent() || claimants.size() < w.size()
            ? w.fullyClaimedAt()
            : Optional.of(at);
    wishes.put(id, w.withClaims(claimants, w.firstClaimAt().or(() -> Optional.of(at)), full));
    openClaims.put(person, held + 1);
    return append(id, at, WishEvent.Kind.CLAIMED, person, w);
  }

  /**
   * A claimant withdraws a claim on an unfulfilled wish.
   *
   * @param id the wish
   * @param person the claimant
   * @param at when
   * @return the event
   * @throws WishRefusedException if the wish is unknown or fulfilled, or the person does not claim
   *     it
   */
  public WishEvent withdraw(WishId id, PersonId person, Instant at) {
    requireTime(id, at);
    Wish w = open(id);
    if (!w.claimants().contains(person)) {
      throw refused(id, "person " + person + " does not claim it; nothing to withdraw");
    }
    ImmutableSortedSet<PersonId> claimants =
        w.claimants().stream()
            .filter(p -> !p.equals(person))
            .collect(ImmutableSortedSet.toImmutableSortedSet(PersonId::compareTo));
    wishes.put(id, w.withClaims(claimants, w.firstClaimAt(), w.fullyClaimedAt()));
    openClaims.merge(person, -1, Integer::sum);
    return append(id, at, WishEvent.Kind.WITHDRAWN, person, w);
  }

  /**
   * The resident who posted a wish confirms it fulfilled; it must have all its claimants.
   *
   * @param id the wish
   * @param poster the resident, who must be its poster
   * @param at when
   * @return the event
   * @throws WishRefusedException if the wish is unknown or fulfilled, the person is not its poster,
   *     or it lacks claimants
   */
  public WishEvent confirm(WishId id, PersonId poster, Instant at) {
    requireTime(id, at);
    Wish w = open(id);
    if (!w.poster().equals(poster)) {
      throw refused(id, "person " + poster + " did not post it; only its poster confirms it");
    }
    if (!w.fullyClaimed()) {
      throw refused(
          id,
          String.format(
              Locale.ROOT,
              "it has %d of the %d claimants it needs; only a fully claimed wish is fulfilled",
              w.claimants().size(),
              w.size()));
    }
    wishes.put(id, w.fulfilledAt(at));
    for (PersonId p : w.claimants()) {
      openClaims.merge(p, -1, Integer::sum);
    }
    return append(id, at, WishEvent.Kind.FULFILLED, poster, w);
  }

  /**
   * Returns a wish's state.
   *
   * @param id the wish
   * @return the wish, if posted
   */
  public Optional<Wish> wish(WishId id) {
    return Optional.ofNullable(wishes.get(id));
  }

  /**
   * Returns every wish, by id.
   *
   * @return the wishes
   */
  public ImmutableMap<WishId, Wish> wishes() {
    return ImmutableMap.copyOf(wishes);
  }

  /**
   * Returns how many unfulfilled wishes a person claims.
   *
   * @param person the person
   * @return the count
   */
  public int openClaims(PersonId person) {
    return openClaims.getOrDefault(person, 0);
  }

  /**
   * Returns the log.
   *
   * @return the events, in order
   */
  public ImmutableList<WishEvent> log() {
    return ImmutableList.copyOf(log);
  }

  private boolean holdsClaimantRole(PersonId person, long communityCode, Instant at) {
    RegionTree tree = registry.tree();
    int c = tree.indexOf(communityCode);
    for (Assignment a : registry.activeAssignments(person, at)) {
      int where = tree.indexOf(a.regionCode());
      if (policy.claimantRoles().contains(a.roleCode())
          && where >= 0
          && (tree.contains(c, where) || tree.contains(where, c))) {
        return true;
      }
    }
    return false;
  }

  private Wish open(WishId id) {
    Wish w = wishes.get(id);
    if (w == null) {
      throw refused(id, "no such wish on the board");
    }
    if (w.fulfilled()) {
      throw refused(id, "it was fulfilled at " + w.fulfilledAt().orElseThrow());
    }
    return w;
  }

  private void requireTime(WishId id, Instant at) {
    if (!log.isEmpty() && at.isBefore(log.get(log.size() - 1).at())) {
      throw refused(
          id, "time goes backwards: " + at + " is before the board's last entry at " + last());
    }
  }

  private Instant last() {
    return log.get(log.size() - 1).at();
  }

  private WishEvent append(WishId id, Instant at, WishEvent.Kind kind, PersonId person, Wish w) {
    return append(id, at, kind, person, w.communityCode(), w.size(), w.dueAt());
  }

  private WishEvent append(
      WishId id,
      Instant at,
      WishEvent.Kind kind,
      PersonId person,
      long community,
      int size,
      Instant due) {
    WishEvent e = new WishEvent(log.size() + 1L, id, at, kind, person, community, size, due);
    log.add(e);
    return e;
  }

  private static WishRefusedException refused(WishId id, String rule) {
    return new WishRefusedException("wish " + id + " refused: " + rule);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "WishBoard(%d wishes, %d log entries)", wishes.size(), log.size());
  }
}
