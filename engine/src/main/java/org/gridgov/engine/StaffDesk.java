package org.gridgov.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.gridgov.casefile.CaseEvent;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseState;
import org.gridgov.people.Assignment;
import org.gridgov.people.PersonId;
import org.gridgov.people.ShiftRoster;
import org.gridgov.people.StaffPolicy;
import org.gridgov.people.StaffRegistry;
import org.gridgov.region.RegionLevel;

/**
 * Assignment to persons (派单到人): beside a {@link CaseEngine}, the desk gives each case held by an
 * office to one person covering that office's region in the office level's staff role, by a {@link
 * PersonAssignmentRule}; when a person leaves a role, their open cases are handed back by the same
 * rule (to a successor, or to the office's queue); when a person joins, queued cases are assigned.
 *
 * <p>With a {@link ShiftRoster} ({@link Builder#roster}), only persons on shift at the instant are
 * candidates; a case nobody on shift covers is queued and assigned at the next {@link
 * #assignQueued} (a shift change) or {@link #joinRole}.
 *
 * <p>The desk reads the engine's case states after each call ({@link #observe}) and writes its own
 * log of {@link StaffEvent}s; the case log is untouched. It is deterministic (the same case events,
 * states, registry edits and instants give the same staff events) and {@linkplain #restore
 * restorable} from its log. Pure and not thread-safe, like the engine: the embedder serialises
 * calls.
 */
public final class StaffDesk {
  private static final String OFFICE_PREFIX = "office:";

  private StaffRegistry registry;
  private final PersonAssignmentRule rule;
  private final ImmutableMap<RegionLevel, String> roleByLevel;
  private final Optional<ShiftRoster> roster;
  private final Map<CaseId, Holding> holdings = new LinkedHashMap<>();
  private final Map<PersonId, Integer> load = new HashMap<>();
  private final Map<String, Long> turns = new HashMap<>();
  private final List<StaffEvent> log = new ArrayList<>();

  /** Who holds a case at an office (person empty: queued). */
  private record Holding(
      String handlerId, long regionCode, String roleCode, Optional<PersonId> person) {}

  private StaffDesk(Builder b) {
    this.registry = b.registry;
    this.rule = b.rule;
    this.roleByLevel = ImmutableMap.copyOf(b.roles);
    this.roster = b.roster;
  }

  /**
   * Returns a builder over a registry; by default grid offices are served by {@code grid_worker}
   * and the rule is {@link OwnWorkerAssignmentRule}.
   *
   * @param registry the staff registry (its tree must be the engine's)
   * @return the builder
   */
  public static Builder builder(StaffRegistry registry) {
    return new Builder(Objects.requireNonNull(registry, "registry"));
  }

  /**
   * Rebuilds a desk from its log: the holdings, loads and turns come back as the live desk had
   * them. The builder must carry the registry edition current at the log's end.
   *
   * @param config the configuration
   * @param log every staff event the desk wrote, in order
   * @return the desk
   * @throws IllegalArgumentException if the log is not one a desk could write
   */
  public static StaffDesk restore(Builder config, List<StaffEvent> log) {
    StaffDesk d = config.build();
    for (StaffEvent e : log) {
      d.apply(e);
    }
    return d;
  }

  /**
   * Brings the desk up to date with events an engine just returned: for each case they touch (in
   * order of first appearance), reads its state from the engine and assigns, re-assigns or releases
   * at the instant of the case's last event.
   *
   * @param events the engine's events
   * @param engine the engine (its current states are read)
   * @return the staff events, in order
   */
  @CanIgnoreReturnValue
  public ImmutableList<StaffEvent> observe(List<CaseEvent> events, CaseEngine engine) {
    return observe(events, engine::state);
  }

  /**
   * As {@link #observe(List, CaseEngine)} with the states looked up by a function.
   *
   * @param events the engine's events
   * @param states the current state of a case, or empty if unknown
   * @return the staff events, in order
   */
  @CanIgnoreReturnValue
  public ImmutableList<StaffEvent> observe(
      List<CaseEvent> events, Function<CaseId, Optional<CaseState>> states) {
    Map<CaseId, Instant> touched = new LinkedHashMap<>();
    for (CaseEvent e : events) {
      touched.put(e.caseId(), e.at());
    }
    int mark = log.size();
    touched.forEach((id, at) -> settle(id, states.apply(id), at));
    return ImmutableList.copyOf(log.subList(mark, log.size()));
  }

  private void settle(CaseId id, Optional<CaseState> state, Instant at) {
    Optional<String> lead =
        state
            .filter(s -> s.status().isOpen())
            .flatMap(CaseState::lead)
            .filter(h -> roleOf(h).isPresent());
    Holding current = holdings.get(id);
    if (current != null && lead.equals(Optional.of(current.handlerId()))) {
      return;
    }
    if (current != null) {
      String why =
          lead.map(h -> "moved to " + h)
              .orElse(
                  state
                      .map(s -> s.status().isOpen() ? "left the office" : "case " + s.status())
                      .orElse("case unknown"));
      emit(
          new StaffEvent(
              at,
              id,
              StaffEvent.Kind.RELEASED,
              current.handlerId(),
              current.roleCode(),
              Optional.empty(),
              current.person(),
              why));
    }
    lead.ifPresent(h -> assign(id, h, at, StaffEvent.Kind.ASSIGNED, Optional.empty()));
  }

  /** Chooses a person for a case at an office and logs it (or queues the case). */
  private void assign(
      CaseId id, String handlerId, Instant at, StaffEvent.Kind kind, Optional<PersonId> previous) {
    long region = regionOf(handlerId);
    String role = roleOf(handlerId).orElseThrow();
    List<PersonAssignmentRule.Candidate> candidates = new ArrayList<>();
    Map<PersonId, Long> via = new TreeMap<>();
    for (Assignment a : registry.coveringAssignments(region, at)) {
      if (a.roleCode().equals(role) && onDuty(a.person(), at)) {
        via.merge(a.person(), a.regionCode(), (x, y) -> x == region ? x : y);
      }
    }
    via.forEach(
        (p, r) ->
            candidates.add(new PersonAssignmentRule.Candidate(p, r, load.getOrDefault(p, 0))));
    PersonAssignmentRule.Request req =
        new PersonAssignmentRule.Request(
            id,
            handlerId,
            region,
            role,
            ImmutableList.copyOf(candidates),
            turns.getOrDefault(handlerId, 0L));
    Optional<PersonId> chosen = rule.choose(req);
    if (chosen.isPresent() && !via.containsKey(chosen.get())) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "assignment rule %s chose %s for case %s at %s, who is not a candidate %s",
              rule.name(),
              chosen.get(),
              id,
              handlerId,
              via.keySet()));
    }
    StaffEvent.Kind k =
        kind == StaffEvent.Kind.HANDED_BACK
            ? kind
            : chosen.isPresent() ? StaffEvent.Kind.ASSIGNED : StaffEvent.Kind.QUEUED;
    emit(new StaffEvent(at, id, k, handlerId, role, chosen, previous, rule.name()));
  }

  /** Whether a person is on shift at an instant: always, without a roster or when not rostered. */
  private boolean onDuty(PersonId person, Instant at) {
    return roster.isEmpty() || roster.get().onDuty(person, at);
  }

  /**
   * A shift change (交接班): every queued case whose office now has a person of its role on duty is
   * assigned by the rule. Cases a person already holds stay with them when their shift ends (the
   * roster decides who is given a case, not who keeps one).
   *
   * @param at the instant, not before the desk's last call
   * @return the staff events, in case order
   */
  @CanIgnoreReturnValue
  public ImmutableList<StaffEvent> assignQueued(Instant at) {
    Objects.requireNonNull(at, "at");
    int mark = log.size();
    for (Map.Entry<CaseId, Holding> e : new ArrayList<>(holdings.entrySet())) {
      Holding h = e.getValue();
      if (h.person().isEmpty() && anyoneOnDuty(h, at)) {
        assign(e.getKey(), h.handlerId(), at, StaffEvent.Kind.ASSIGNED, Optional.empty());
      }
    }
    return ImmutableList.copyOf(log.subList(mark, log.size()));
  }

  private boolean anyoneOnDuty(Holding h, Instant at) {
    for (PersonId p : registry.coverers(h.regionCode(), h.roleCode(), at)) {
      if (onDuty(p, at)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A person leaves a role in a region at an instant (调岗/离岗): a new registry edition ends the
   * assignment, and every open case the desk gave the person through it is handed back by the rule
   * (to another person covering the office in its role, or to the office's queue).
   *
   * @param person the person
   * @param roleCode the role
   * @param regionCode the assignment's region
   * @param at the instant the assignment ends
   * @param edition the new registry edition's date
   * @return the staff events, in case order
   * @throws IllegalArgumentException if the person holds no such active assignment
   */
  public ImmutableList<StaffEvent> leaveRole(
      PersonId person, String roleCode, long regionCode, Instant at, LocalDate edition) {
    registry = registry.withEnded(person, roleCode, regionCode, at, edition);
    int mark = log.size();
    for (Map.Entry<CaseId, Holding> e : new ArrayList<>(holdings.entrySet())) {
      Holding h = e.getValue();
      if (h.person().equals(Optional.of(person))
          && h.roleCode().equals(roleCode)
          && !registry.coverers(h.regionCode(), roleCode, at).contains(person)) {
        assign(e.getKey(), h.handlerId(), at, StaffEvent.Kind.HANDED_BACK, Optional.of(person));
      }
    }
    return ImmutableList.copyOf(log.subList(mark, log.size()));
  }

  /**
   * A person takes up a role (a new registry edition with the assignment, refused if it breaks the
   * policy); cases queued at offices the person now covers are assigned by the rule.
   *
   * @param assignment the new assignment
   * @param edition the new registry edition's date
   * @param policy the staff policy the assignment must keep
   * @param at the instant (at or after the assignment's start) queued cases are reconsidered
   * @return the staff events, in case order
   * @throws org.gridgov.people.StaffPolicyException if the policy refuses the assignment
   */
  public ImmutableList<StaffEvent> joinRole(
      Assignment assignment, LocalDate edition, StaffPolicy policy, Instant at) {
    registry = registry.withAssignment(assignment, edition, policy);
    int mark = log.size();
    for (Map.Entry<CaseId, Holding> e : new ArrayList<>(holdings.entrySet())) {
      Holding h = e.getValue();
      if (h.person().isEmpty()
          && h.roleCode().equals(assignment.roleCode())
          && registry.coverers(h.regionCode(), h.roleCode(), at).contains(assignment.person())
          && onDuty(assignment.person(), at)) {
        assign(e.getKey(), h.handlerId(), at, StaffEvent.Kind.ASSIGNED, Optional.empty());
      }
    }
    return ImmutableList.copyOf(log.subList(mark, log.size()));
  }

  private void emit(StaffEvent e) {
    apply(e);
    log.add(e);
  }

  /** Applies one event to the holdings, loads and turns; checks it fits. */
  private void apply(StaffEvent e) {
    Holding current = holdings.get(e.caseId());
    boolean fits =
        switch (e.kind()) {
          case ASSIGNED, QUEUED -> current == null || current.person().isEmpty();
          case HANDED_BACK, RELEASED ->
              current != null
                  && current.person().equals(e.previous())
                  && current.handlerId().equals(e.handlerId());
        };
    if (!fits) {
      throw new IllegalArgumentException(
          "staff event " + e + " does not follow the desk's state for case " + e.caseId());
    }
    if (current != null) {
      current.person().ifPresent(p -> load.merge(p, -1, Integer::sum));
    }
    if (e.kind() == StaffEvent.Kind.RELEASED) {
      holdings.remove(e.caseId());
      return;
    }
    holdings.put(
        e.caseId(), new Holding(e.handlerId(), regionOf(e.handlerId()), e.roleCode(), e.person()));
    e.person().ifPresent(p -> load.merge(p, 1, Integer::sum));
    if (e.person().isPresent()) {
      turns.merge(e.handlerId(), 1L, Long::sum);
    }
  }

  private Optional<String> roleOf(String handlerId) {
    if (!handlerId.startsWith(OFFICE_PREFIX)) {
      return Optional.empty();
    }
    int i = registry.tree().indexOf(regionOf(handlerId));
    return i < 0
        ? Optional.empty()
        : Optional.ofNullable(roleByLevel.get(registry.tree().region(i).level()));
  }

  private static long regionOf(String handlerId) {
    try {
      return Long.parseLong(handlerId.substring(OFFICE_PREFIX.length()));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      return -1;
    }
  }

  /**
   * Returns the current registry edition.
   *
   * @return the registry
   */
  public StaffRegistry registry() {
    return registry;
  }

  /**
   * Returns the person who has a case now.
   *
   * @param caseId the case
   * @return the person, or empty if the case is queued or not held by a staffed office
   */
  public Optional<PersonId> assignee(CaseId caseId) {
    Holding h = holdings.get(caseId);
    return h == null ? Optional.empty() : h.person();
  }

  /**
   * Returns the open cases per person, sorted by person id (persons with none left out).
   *
   * @return person → open cases
   */
  public ImmutableSortedMap<PersonId, Integer> loads() {
    TreeMap<PersonId, Integer> m = new TreeMap<>();
    load.forEach(
        (p, n) -> {
          if (n > 0) {
            m.put(p, n);
          }
        });
    return ImmutableSortedMap.copyOf(m);
  }

  /**
   * Returns the cases queued at offices (nobody covers them in the role).
   *
   * @return the case ids, in the order they were queued or handed back
   */
  public ImmutableList<CaseId> queued() {
    return holdings.entrySet().stream()
        .filter(e -> e.getValue().person().isEmpty())
        .map(Map.Entry::getKey)
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns the desk's log.
   *
   * @return every staff event, in order
   */
  public ImmutableList<StaffEvent> log() {
    return ImmutableList.copyOf(log);
  }

  /**
   * Returns a comparable image of the desk's state: per case (in desk order) its office and person,
   * and the turn counters.
   *
   * @return the state as text lines
   */
  public ImmutableList<String> stateImage() {
    ImmutableList.Builder<String> b = ImmutableList.builder();
    holdings.forEach(
        (id, h) ->
            b.add(
                id
                    + " "
                    + h.handlerId()
                    + " "
                    + h.person().map(PersonId::toString).orElse("queue")));
    new TreeMap<>(turns).forEach((h, n) -> b.add("turn " + h + " " + n));
    return b.build();
  }

  /** Configures a {@link StaffDesk}. */
  public static final class Builder {
    private final StaffRegistry registry;
    private PersonAssignmentRule rule = new OwnWorkerAssignmentRule();
    private final EnumMap<RegionLevel, String> roles = new EnumMap<>(RegionLevel.class);
    private Optional<ShiftRoster> roster = Optional.empty();

    private Builder(StaffRegistry registry) {
      this.registry = registry;
      roles.put(RegionLevel.GRID, "grid_worker");
    }

    /**
     * Sets the assignment rule.
     *
     * @param rule the rule
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder rule(PersonAssignmentRule rule) {
      this.rule = Objects.requireNonNull(rule, "rule");
      return this;
    }

    /**
     * Sets the staff role that serves the offices of a level (e.g. COMMUNITY → {@code
     * community_worker}).
     *
     * @param level the level
     * @param roleCode a role of the registry's role set
     * @return this builder
     * @throws IllegalArgumentException if the registry's role set lacks the role
     */
    @CanIgnoreReturnValue
    public Builder roleFor(RegionLevel level, String roleCode) {
      roles.put(Objects.requireNonNull(level, "level"), registry.roles().get(roleCode).code());
      return this;
    }

    /**
     * Sets the shift roster (排班): a case is given only to a person on duty at that instant (a
     * person the roster does not list is always on duty); a case nobody on duty covers is queued
     * until {@link StaffDesk#assignQueued} at a shift change.
     *
     * @param roster the roster, on the engine's calendar
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder roster(ShiftRoster roster) {
      this.roster = Optional.of(Objects.requireNonNull(roster, "roster"));
      return this;
    }

    /**
     * Builds an empty desk.
     *
     * @return the desk
     */
    public StaffDesk build() {
      return new StaffDesk(this);
    }
  }
}
