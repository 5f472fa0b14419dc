package org.gridgov.people;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.Priority;
import org.gridgov.region.RegionLevel;

/**
 * Deliberation by the size of the matter (大事大议、小事小议、急事快议), as data: the bodies, which cases are
 * big, small or urgent, and which body takes each size.
 *
 * <p>Size rule: the longest category prefix with a size rule wins; a case whose category has none
 * is sized by its priority ({@link Priority#URGENT} urgent, {@link Priority#MAJOR} big, {@link
 * Priority#NORMAL} small). Mediation bodies are named by id when a dispute is referred to them.
 */
public final class DeliberationPolicy {
  private final ImmutableMap<String, DeliberationBody> bodies;
  private final ImmutableMap<String, MatterSize> sizeByPrefix;
  private final ImmutableMap<MatterSize, String> bodyBySize;

  private DeliberationPolicy(Builder b) {
    this.bodies = ImmutableMap.copyOf(b.bodies);
    this.sizeByPrefix = ImmutableMap.copyOf(new TreeMap<>(b.sizeByPrefix));
    this.bodyBySize = ImmutableMap.copyOf(b.bodyBySize);
    for (MatterSize s : MatterSize.values()) {
      String id = bodyBySize.get(s);
      if (id == null) {
        throw new IllegalArgumentException("deliberation policy: no body for " + s + " matters");
      }
      DeliberationBody body = bodies.get(id);
      if (body == null || body.kind() != BodyKind.DELIBERATION) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "deliberation policy: %s matters go to %s, which is not a deliberation body of"
                    + " the policy %s",
                s,
                id,
                bodies.keySet()));
      }
    }
  }

  /**
   * The standard policy: a grid discussion (网格议事会, weekly on Wednesday 15:00, quorum 1/2 of the
   * grid's leader, workers and party contacts), a community representatives' meeting (居民代表会议,
   * monthly on the 10th at 14:30, quorum 2/3 of the leaders, party contacts and volunteers over the
   * community), a quick-decision group (急事快议小组, within 4 hours, quorum 1/2 of the leaders and
   * police over the community), and a mediation committee (人民调解委员会, within 30 days, quorum 1/2 of
   * the leaders and police over the community).
   *
   * @return the policy
   */
  public static DeliberationPolicy standard() {
    return builder()
        .body(
            new DeliberationBody(
                "grid_discussion",
                "网格议事会",
                BodyKind.DELIBERATION,
                RegionLevel.GRID,
                ImmutableSet.of("grid_leader", "grid_worker", "party_contact"),
                1,
                2,
                Cadence.weekly(DayOfWeek.WEDNESDAY, LocalTime.of(15, 0))))
        .body(
            new DeliberationBody(
                "representatives_meeting",
                "居民代表会议",
                BodyKind.DELIBERATION,
                RegionLevel.COMMUNITY,
                ImmutableSet.of("grid_leader", "party_contact", "volunteer"),
                2,
                3,
                Cadence.monthly(10, LocalTime.of(14, 30))))
        .body(
            new DeliberationBody(
                "quick_decision",
                "急事快议小组",
                BodyKind.DELIBERATION,
                RegionLevel.COMMUNITY,
                ImmutableSet.of("grid_leader", "police"),
                1,
                2,
                Cadence.within(Duration.ofHours(4))))
        .body(
            new DeliberationBody(
                "mediation_committee",
                "人民调解委员会",
                BodyKind.MEDIATION,
                RegionLevel.COMMUNITY,
                ImmutableSet.of("grid_leader", "police"),
                1,
                2,
                Cadence.within(Duration.ofDays(30))))
        .route(MatterSize.SMALL, "grid_discussion")
        .route(MatterSize.BIG, "representatives_meeting")
        .route(MatterSize.URGENT, "quick_decision")
        .build();
  }

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the size of a case's matter by the size rule.
   *
   * @param facts the case's facts
   * @return its size
   */
  public MatterSize sizeOf(CaseFacts facts) {
    String cat = facts.categoryCode();
    for (int n = cat.length(); n >= 1; n--) {
      MatterSize s = sizeByPrefix.get(cat.substring(0, n));
      if (s != null) {
        return s;
      }
    }
    return switch (facts.priority()) {
      case URGENT -> MatterSize.URGENT;
      case MAJOR -> MatterSize.BIG;
      case NORMAL -> MatterSize.SMALL;
    };
  }

  /**
   * Returns the body that takes matters of a size.
   *
   * @param size the size
   * @return the body
   */
  public DeliberationBody bodyFor(MatterSize size) {
    return Objects.requireNonNull(bodies.get(bodyBySize.get(size)));
  }

  /**
   * Returns a body by id.
   *
   * @param id the body's id
   * @return the body, if the policy has it
   */
  public Optional<DeliberationBody> body(String id) {
    return Optional.ofNullable(bodies.get(id));
  }

  /**
   * Returns every body, by id in the order added.
   *
   * @return the bodies
   */
  public ImmutableMap<String, DeliberationBody> bodies() {
    return bodies;
  }

  /**
   * Checks that every member role of every body is a role of {@code roles}.
   *
   * @param roles the registry's roles
   * @throws IllegalArgumentException naming the body and the role if one is unknown
   */
  public void requireRolesIn(StaffRoles roles) {
    for (DeliberationBody b : bodies.values()) {
      for (String r : b.memberRoles()) {
        if (roles.find(r).isEmpty()) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT, "body %s: member role %s is not a role of the registry", b.id(), r));
        }
      }
    }
  }

  @Override
  public String toString() {
    return "DeliberationPolicy" + bodyBySize + " sizes " + sizeByPrefix;
  }

  /** Builds a {@link DeliberationPolicy}. */
  public static final class Builder {
    private final Map<String, DeliberationBody> bodies = new LinkedHashMap<>();
    private final Map<String, MatterSize> sizeByPrefix = new LinkedHashMap<>();
    private final Map<MatterSize, String> bodyBySize = new EnumMap<>(MatterSize.class);

    private Builder() {}

    /**
     * Adds a body.
     *
     * @param body the body; its id must be new
     * @return this builder
     * @throws IllegalArgumentException if the id is taken
     */
    @CanIgnoreReturnValue
    public Builder body(DeliberationBody body) {
      if (bodies.putIfAbsent(body.id(), body) != null) {
        throw new IllegalArgumentException("deliberation policy: body " + body.id() + " twice");
      }
      return this;
    }

    /**
     * Sizes the matters of a category prefix.
     *
     * @param categoryPrefix a category code or its prefix, ASCII digits
     * @param size the size
     * @return this builder
     * @throws IllegalArgumentException if the prefix is not digits
     */
    @CanIgnoreReturnValue
    public Builder size(String categoryPrefix, MatterSize size) {
      if (!PeopleCodes.isCategoryPrefix(categoryPrefix)) {
        throw new IllegalArgumentException(
            "deliberation policy: a category prefix is 1 to 16 digits, not '"
                + (categoryPrefix.length() > 16 ? categoryPrefix.substring(0, 16) : categoryPrefix)
                + "'");
      }
      sizeByPrefix.put(categoryPrefix, Objects.requireNonNull(size, "size"));
      return this;
    }

    /**
     * Sends matters of a size to a body.
     *
     * @param size the size
     * @param bodyId the body's id
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder route(MatterSize size, String bodyId) {
      bodyBySize.put(Objects.requireNonNull(size, "size"), Objects.requireNonNull(bodyId));
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @throws IllegalArgumentException if a size has no body, or its body is not a deliberation
     *     body of the policy
     */
    public DeliberationPolicy build() {
      return new DeliberationPolicy(this);
    }
  }
}
