package org.gridgov.engine;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.casefile.Actor;
import org.gridgov.casefile.Role;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.Handler;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingPolicy;
import org.gridgov.sla.BusinessCalendar;
import org.gridgov.sla.CalendarEditions;
import org.gridgov.sla.SlaPolicy;
import org.jspecify.annotations.Nullable;

/**
 * The immutable configuration of a {@link CaseEngine}: region tree, routing policy, SLA policy,
 * calendar editions, known departments, authorisation policy, system actor and limits. One config
 * makes any number of engines ({@link CaseEngine#create}) and is what {@link CaseEngine#restore}
 * needs to rebuild an engine from its log.
 */
public final class EngineConfig {
  /** The default number of command ids remembered for idempotent retries. */
  public static final int DEFAULT_COMMAND_MEMORY = 1 << 16;

  /**
   * How many cases touched lately the engine keeps as records by default; every other case is held
   * in compact columns (docs/engine.md, "Memory: hot records, compact columns").
   */
  public static final int DEFAULT_HOT_CASES = 1024;

  /**
   * The most cases {@link Setters#hotCases} may keep as records (the ring costs 8 bytes a slot, and
   * 2 bits for every case the engine has known).
   */
  public static final int MAX_HOT_CASES = 1 << 24;

  private final RegionTree tree;
  private final RoutingPolicy routing;
  private final SlaPolicy sla;
  private final CalendarEditions editions;
  private final ImmutableSet<String> departments;
  private final @Nullable AuthorizationPolicy authorization;
  private final Actor systemActor;
  private final int commandMemory;
  private final int initialCapacity;
  private final int hotCases;
  private final SupervisionPolicy supervision;
  private final LocationResolver locationResolver;

  private EngineConfig(Setters<?> b) {
    this.supervision = b.supervision;
    this.tree = Objects.requireNonNull(b.tree, "regionTree was not set");
    this.routing = Objects.requireNonNull(b.routing, "routingPolicy was not set");
    this.sla = Objects.requireNonNull(b.sla, "slaPolicy was not set");
    this.editions = Objects.requireNonNull(b.editions, "calendar was not set");
    this.departments = b.departments;
    this.authorization = b.authorization;
    this.systemActor = b.systemActor;
    this.commandMemory = b.commandMemory;
    this.initialCapacity = b.initialCapacity;
    this.hotCases = b.hotCases;
    this.locationResolver = b.locationResolver;
  }

  /**
   * Returns a builder of a configuration.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the supervision, repeat-report and visit rules; {@link SupervisionPolicy#none()} unless
   * set.
   *
   * @return the policy
   */
  public SupervisionPolicy supervisionPolicy() {
    return supervision;
  }

  /**
   * Returns the region tree: locations, jurisdictions and {@code office:<code>} handlers.
   *
   * @return the tree
   */
  public RegionTree regionTree() {
    return tree;
  }

  /**
   * Returns the routing policy.
   *
   * @return the policy
   */
  public RoutingPolicy routingPolicy() {
    return routing;
  }

  /**
   * Returns the SLA policy.
   *
   * @return the policy
   */
  public SlaPolicy slaPolicy() {
    return sla;
  }

  /**
   * Returns the calendar editions; the latest is in force when an engine starts.
   *
   * @return the editions
   */
  public CalendarEditions calendarEditions() {
    return editions;
  }

  /**
   * Returns the department (and other non-office) handler ids.
   *
   * @return the ids
   */
  public ImmutableSet<String> departments() {
    return departments;
  }

  /**
   * Returns the authorisation policy, or empty for the default {@link
   * JurisdictionAuthorizationPolicy} over the tree and departments (one per engine).
   *
   * @return the policy
   */
  public Optional<AuthorizationPolicy> authorizationPolicy() {
    return Optional.ofNullable(authorization);
  }

  /**
   * Returns the actor written into events the engine makes by itself.
   *
   * @return the actor
   */
  public Actor systemActor() {
    return systemActor;
  }

  /**
   * Returns how many command ids are remembered for retries (0: none).
   *
   * @return the count
   */
  public int commandMemory() {
    return commandMemory;
  }

  /**
   * Returns the initial capacity of the deadline queue.
   *
   * @return the capacity
   */
  public int initialCapacity() {
    return initialCapacity;
  }

  /**
   * Returns how many cases touched lately are kept as records (the others in compact columns).
   *
   * @return the count
   */
  public int hotCases() {
    return hotCases;
  }

  /**
   * Returns how reports at a point ({@link Command.ReportAt}) find their region; {@link
   * LocationResolver#NONE} (the default) refuses them all.
   *
   * @return the resolver
   */
  public LocationResolver locationResolver() {
    return locationResolver;
  }

  /**
   * The setters shared by {@link EngineConfig.Builder} and {@link CaseEngine.Builder}.
   *
   * @param <B> the builder type the setters return
   */
  public abstract static sealed class Setters<B extends Setters<B>>
      permits EngineConfig.Builder, CaseEngine.Builder {
    private @Nullable RegionTree tree;
    private @Nullable RoutingPolicy routing;
    private @Nullable SlaPolicy sla;
    private @Nullable CalendarEditions editions;
    private ImmutableSet<String> departments = ImmutableSet.of();
    private @Nullable AuthorizationPolicy authorization;
    private Actor systemActor = Actor.of("gridgov-engine", Role.DISPATCHER);
    private int commandMemory = DEFAULT_COMMAND_MEMORY;
    private int initialCapacity = 1024;
    private int hotCases = DEFAULT_HOT_CASES;
    private SupervisionPolicy supervision = SupervisionPolicy.none();
    private LocationResolver locationResolver = LocationResolver.NONE;

    Setters() {}

    @SuppressWarnings("unchecked") // B is the concrete builder type by the permits clause
    private B self() {
      return (B) this;
    }

    /**
     * The configuration set so far; a required part missing is a NullPointerException naming it.
     */
    final EngineConfig toConfig() {
      return new EngineConfig(this);
    }

    /**
     * Sets the region tree (required): locations, jurisdictions and {@code office:<code>} handlers.
     *
     * @param tree the tree
     * @return this builder
     */
    @CanIgnoreReturnValue
    public final B regionTree(RegionTree tree) {
      this.tree = Objects.requireNonNull(tree, "tree");
      return self();
    }

    /**
     * Sets the routing policy (required).
     *
     * @param policy the policy
     * @return this builder
     */
    @CanIgnoreReturnValue
    public final B routingPolicy(RoutingPolicy policy) {
      this.routing = Objects.requireNonNull(policy, "policy");
      return self();
    }

    /**
     * Sets the SLA policy (required). Its rules select the limits: {@code WHOLE_CASE} for the case
     * clock (a matching rule is required to register), {@code HANDLE} for the lead clock, {@code
     * REGISTER}, {@code DISPATCH} and {@code CHECK} for the stage clocks; its default levels apply
     * to summons clocks; its transfer and return rules and its returns before escalation are
     * applied. The SLA policy alone chooses the limits; routing decisions name no SLA profile.
     *
     * @param policy the policy
     * @return this builder
     */
    @CanIgnoreReturnValue
    public final B slaPolicy(SlaPolicy policy) {
      this.sla = Objects.requireNonNull(policy, "policy");
      return self();
    }

    /**
     * Sets the business calendar (required, or {@link #calendarEditions}).
     *
     * @param calendar the calendar
     * @return this builder
     */
    @CanIgnoreReturnValue
    public final B calendar(BusinessCalendar calendar) {
      this.editions = CalendarEditions.of(Objects.requireNonNull(calendar, "calendar"));
      return self();
    }

    /**
     * Sets the calendar editions instead of {@link #calendar}: the first edition and every edition
     * the engine adopted since ({@link CaseEngine#adoptCalendar}), with their adoption instants —
     * what {@link CaseEngine#restore} needs to rebuild clocks that counted on different editions.
     * The latest edition is in force.
     *
     * @param editions the editions, as {@link CaseEngine#calendarEditions()} returned them
     * @return this builder
     */
    @CanIgnoreReturnValue
    public final B calendarEditions(CalendarEditions editions) {
      this.editions = Objects.requireNonNull(editions, "editions");
      return self();
    }

    /**
     * Takes the handlers of a routing graph: every handler of the graph that is not a region's
     * office (departments, outside parties, the city office) becomes a known handler, as with
     * {@link #departments}. The graph must be built over the same region tree as the engine's.
     *
     * @param graph the routing graph the policy routes over
     * @return this builder
     */
    @CanIgnoreReturnValue
    public final B routingGraph(RoutingGraph graph) {
      return departments(
          graph.handlers().stream()
              .map(Handler::id)
              .filter(id -> !id.startsWith("office:") || id.equals(Handler.CITY_OFFICE_ID))
              .collect(ImmutableList.toImmutableList()));
    }

    /**
     * Sets the department handler ids (e.g. {@code dept:water}) besides the regions' offices.
     *
     * @param ids the ids
     * @return this builder
     */
    @CanIgnoreReturnValue
    public final B departments(Collection<String> ids) {
      for (String id : ids) {
        checkArgument(!id.isBlank(), "a department id must not be blank");
      }
      this.departments = ImmutableSet.copyOf(ids);
      return self();
    }

    /**
     * Sets the authorisation policy; default {@link JurisdictionAuthorizationPolicy} over the
     * engine's tree and departments.
     *
     * @param policy the policy
     * @return this builder
     */
    @CanIgnoreReturnValue
    public final B authorizationPolicy(AuthorizationPolicy policy) {
      this.authorization = Objects.requireNonNull(policy, "policy");
      return self();
    }

    /**
     * Sets the actor written into events the engine makes by itself (SLA events, routing after a
     * breach or return); default {@code gridgov-engine (DISPATCHER)}.
     *
     * @param actor the actor
     * @return this builder
     */
    @CanIgnoreReturnValue
    public final B systemActor(Actor actor) {
      this.systemActor = Objects.requireNonNull(actor, "actor");
      return self();
    }

    /**
     * Sets how many command ids are remembered for retries (the most recent ones; default {@value
     * EngineConfig#DEFAULT_COMMAND_MEMORY}; 0 disables idempotency).
     *
     * @param count the count
     * @return this builder
     */
    @CanIgnoreReturnValue
    public final B commandMemory(int count) {
      checkArgument(count >= 0, "commandMemory must be >= 0 but was %s", count);
      this.commandMemory = count;
      return self();
    }

    /**
     * Sets the supervision (督办), repeat-report and visit rules (default {@link
     * SupervisionPolicy#none()}: nothing supervisable, every report a case of its own).
     *
     * @param policy the policy
     * @return this builder
     */
    @CanIgnoreReturnValue
    public final B supervisionPolicy(SupervisionPolicy policy) {
      this.supervision = Objects.requireNonNull(policy, "policy");
      return self();
    }

    /**
     * Sets the initial capacity of the deadline queue (it grows by doubling).
     *
     * @param capacity the capacity
     * @return this builder
     */
    @CanIgnoreReturnValue
    public final B initialCapacity(int capacity) {
      checkArgument(capacity >= 1, "initialCapacity must be >= 1 but was %s", capacity);
      this.initialCapacity = capacity;
      return self();
    }

    /**
     * Sets how many cases touched lately the engine keeps as records (a case that has ended —
     * closed, evaluated, invalid, merged — is the first to give up its place); every other case is
     * held in compact columns and unpacked when next touched. The default {@value
     * EngineConfig#DEFAULT_HOT_CASES} favours memory (about 410 bytes per open case at 100,000); an
     * engine whose commands go round many open cases (a simulation, a busy district) runs faster
     * with about as many hot cases as it has open ones. Behaviour does not depend on it.
     *
     * @param count at least 1, at most {@value EngineConfig#MAX_HOT_CASES}
     * @return this builder
     */
    @CanIgnoreReturnValue
    public final B hotCases(int count) {
      checkArgument(
          count >= 1 && count <= MAX_HOT_CASES,
          "hotCases must be in [1, %s] but was %s",
          MAX_HOT_CASES,
          count);
      this.hotCases = count;
      return self();
    }

    /**
     * Sets how reports at a point ({@link Command.ReportAt}) find their region, e.g. gridgov-geo's
     * {@code RegionLocator} behind a lambda (see {@link LocationResolver}); default {@link
     * LocationResolver#NONE}, which refuses them.
     *
     * @param resolver the resolver
     * @return this builder
     */
    @CanIgnoreReturnValue
    public final B locationResolver(LocationResolver resolver) {
      this.locationResolver = Objects.requireNonNull(resolver, "resolver");
      return self();
    }
  }

  /** Builds an {@link EngineConfig}. */
  public static final class Builder extends Setters<Builder> {
    private Builder() {}

    /**
     * Builds the configuration.
     *
     * @return the configuration
     * @throws NullPointerException naming a required part that was not set
     */
    public EngineConfig build() {
      return toConfig();
    }
  }
}
