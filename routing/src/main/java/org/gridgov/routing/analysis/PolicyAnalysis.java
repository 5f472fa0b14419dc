package org.gridgov.routing.analysis;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableLongArray;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridgov.casefile.CaseFacts;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseKind;
import org.gridgov.casefile.CaseSource;
import org.gridgov.casefile.Priority;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.Handler;
import org.gridgov.routing.HandlerLevel;
import org.gridgov.routing.LinkType;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingRequest;
import org.gridgov.routing.table.PolicyTable;
import org.gridgov.routing.table.TablePolicy;
import org.gridgov.sla.SlaLimit;
import org.gridgov.sla.SlaPolicy;
import org.gridgov.sla.SlaStage;
import org.gridgov.sla.TransferRule;

/**
 * Analyses a {@link TablePolicy} for the failures practice names: gaps (留白), overlaps (职责交叉),
 * escalation cycles and dead ends, ping-pong between handlers (推诿), unreachable handlers, the
 * longest escalation chain and the worst-case time from report to the top.
 *
 * <p><b>Equivalence classes.</b> Two regions are equivalent when they have the same level and lie
 * inside exactly the same set of "pattern roots": the region codes named by the table's rows and
 * the jurisdiction roots of the graph's departments and outside parties. No row condition and no
 * jurisdiction can tell two equivalent regions apart, so the analysis evaluates one representative
 * per class (the first in pre-order) and reports how many regions the class has. A Putian-size tree
 * of 150,000 regions has a few dozen classes.
 *
 * <p>For every class × category × priority it asks the policy, as a case engine would: a new case;
 * from the first lead, a breach, repeated until escalation stops (cycle, dead end, longest chain);
 * a return, and the return of whoever takes it (ping-pong); a check failure and a manual decision
 * (gaps). Overlaps come from all the rows whose conditions match a new case: two assign rows
 * written for the same priorities (the same priority column) with different leads overlap (the
 * later one can never win there), unless the earlier row is at least as narrow as the later one in
 * every column and narrower in one: that is a deliberate override (by category, region or priority,
 * e.g. 急事快议) or a catch-all fallback (属地兜底), not a crossing of duties. Rows with identical
 * conditions, or crossing conditions (one narrower by category, the other by region), are reported.
 * Offices are reached relative to a location, so unreachable handlers are reported for departments,
 * outside parties, the city office, and whole office levels that no case reaches.
 */
@SuppressWarnings("EnumOrdinal") // declaration order is the documented sort order
public final class PolicyAnalysis {
  private static final Instant AT = Instant.parse("2024-01-01T00:00:00Z");
  private static final int MAX_CHAIN = 64;
  private static final DecisionPoint[] OTHER_POINTS = {
    DecisionPoint.CHECK_FAILED, DecisionPoint.MANUAL
  };

  private final TablePolicy policy;
  private final RoutingGraph graph;
  private final RegionTree tree;
  private final List<Finding> findings = new ArrayList<>();
  private final Set<String> reached = new HashSet<>();
  private final EnumSet<HandlerLevel> officeLevelsReached = EnumSet.noneOf(HandlerLevel.class);
  private long evaluated;
  private List<String> longest = List.of();
  private String longestCategory = "";
  private Priority longestPriority = Priority.NORMAL;
  private int longestRegion = -1;

  private PolicyAnalysis(TablePolicy policy) {
    this.policy = policy;
    this.graph = policy.graph();
    this.tree = graph.tree();
  }

  /**
   * Analyses a policy over the given categories, without SLA figures.
   *
   * @param policy the compiled policy
   * @param categories the category codes to analyse (e.g. every minor class of a catalogue), not
   *     empty
   * @return the report
   */
  public static PolicyReport analyse(TablePolicy policy, List<String> categories) {
    return new PolicyAnalysis(policy).run(categories, Optional.empty());
  }

  /**
   * Analyses a policy over the given categories, with the worst-case time to the top from an SLA
   * policy (see {@link WorstCaseTime}; empty when the SLA policy's transfer rule {@code KEEP} stops
   * breaches from moving a case past its second handler short of the top, or no handling rule
   * applies).
   *
   * @param policy the compiled policy
   * @param categories the category codes to analyse, not empty
   * @param sla the SLA policy giving the register, dispatch and handling limits
   * @return the report
   */
  public static PolicyReport analyse(TablePolicy policy, List<String> categories, SlaPolicy sla) {
    return new PolicyAnalysis(policy).run(categories, Optional.of(sla));
  }

  /**
   * The equivalence classes: representative region index → class size, in pre-order of
   * representatives.
   */
  static Map<Integer, Integer> regionClasses(TablePolicy policy) {
    RoutingGraph graph = policy.graph();
    RegionTree tree = graph.tree();
    List<Integer> roots = new ArrayList<>();
    for (PolicyTable.Row r : policy.table().rows()) {
      for (int k = 0; k < r.regions().length(); k++) {
        roots.add(tree.indexOf(r.regions().get(k)));
      }
    }
    for (Handler h : graph.declaredHandlers()) {
      for (int k = 0; k < h.jurisdiction().length(); k++) {
        roots.add(tree.indexOf(h.jurisdiction().get(k)));
      }
    }
    int[] rootIdx = roots.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
    Map<BitSet, Integer> repOfSignature = new LinkedHashMap<>();
    Map<Integer, Integer> sizes = new LinkedHashMap<>();
    for (int i = 0; i < tree.size(); i++) {
      BitSet sig = new BitSet(rootIdx.length + 3);
      sig.set(tree.region(i).level().depth());
      for (int k = 0; k < rootIdx.length; k++) {
        if (tree.contains(rootIdx[k], i)) {
          sig.set(8 + k);
        }
      }
      Integer rep = repOfSignature.putIfAbsent(sig, i);
      int key = rep == null ? i : rep;
      sizes.merge(key, 1, Integer::sum);
    }
    return sizes;
  }

  private PolicyReport run(List<String> categories, Optional<SlaPolicy> sla) {
    if (categories.isEmpty()) {
      throw new IllegalArgumentException("analysis needs at least one category code");
    }
    Map<Integer, Integer> classes = regionClasses(policy);
    for (Map.Entry<Integer, Integer> c : classes.entrySet()) {
      int loc = c.getKey();
      for (String category : categories) {
        for (Priority priority : Priority.values()) {
          analyse(loc, c.getValue(), category, priority);
        }
      }
    }
    graphWide();
    findings.sort(
        Comparator.comparing(Finding::kind)
            .thenComparingInt(Finding::line)
            .thenComparing(Finding::category)
            .thenComparingLong(Finding::regionCode)
            .thenComparing(f -> f.priority().map(Enum::ordinal).orElse(-1))
            .thenComparing(f -> f.point().map(Enum::ordinal).orElse(-1)));
    Optional<WorstCaseTime> worst = Optional.empty();
    if (sla.isPresent() && !longest.isEmpty()) {
      worst = worstCase(sla.get());
    }
    return new PolicyReport(
        ImmutableList.copyOf(findings),
        classes.size(),
        evaluated,
        ImmutableList.copyOf(longest),
        longestCategory,
        worst);
  }

  private CaseFacts facts(int loc, String category, Priority priority) {
    return CaseFacts.builder()
        .id(CaseId.of("analysis"))
        .categoryCode(category)
        .priority(priority)
        .kind(CaseKind.COMMITTED)
        .locationCodes(ImmutableLongArray.of(tree.region(loc).code()))
        .source(CaseSource.GRID_PATROL)
        .build();
  }

  private RoutingDecision decide(RoutingRequest r) {
    evaluated++;
    return policy.decide(r);
  }

  private void add(
      Finding.Kind kind,
      int line,
      String category,
      int loc,
      int classSize,
      Optional<Priority> priority,
      Optional<DecisionPoint> point,
      List<String> handlers,
      String detail) {
    findings.add(
        new Finding(
            kind,
            line,
            category,
            loc < 0 ? 0 : tree.region(loc).code(),
            classSize,
            priority,
            point,
            ImmutableList.copyOf(handlers),
            detail));
  }

  private static int lineOf(RoutingDecision d) {
    String by = d.explanation().decidedBy();
    int colon = by.lastIndexOf(':');
    try {
      return colon < 0 ? 0 : Integer.parseInt(by.substring(colon + 1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private void markReached(RoutingDecision d) {
    switch (d.kind()) {
      case ASSIGN -> {
        RoutingDecision.Assign a = (RoutingDecision.Assign) d;
        reached.add(a.lead());
        reached.addAll(a.assists());
      }
      case ESCALATE -> reached.add(((RoutingDecision.Escalate) d).to());
      case SUMMON -> reached.addAll(((RoutingDecision.Summon) d).departments());
      case REJECT -> {}
    }
  }

  private void analyse(int loc, int classSize, String category, Priority priority) {
    CaseFacts facts = facts(loc, category, priority);
    Optional<Priority> p = Optional.of(priority);
    RoutingRequest first = RoutingRequest.newCase(facts, AT);
    RoutingDecision d = decide(first);
    markReached(d);
    if (!(d instanceof RoutingDecision.Assign assign)) {
      add(
          Finding.Kind.GAP,
          lineOf(d),
          category,
          loc,
          classSize,
          p,
          Optional.of(DecisionPoint.NEW_CASE),
          List.of(),
          "a new case is not assigned: " + describe(d));
      return;
    }
    overlaps(first, loc, classSize, category, p);
    String lead = assign.lead();
    chain(facts, loc, classSize, category, priority, lead);
    pingPong(facts, loc, classSize, category, p, lead);
    for (DecisionPoint point : OTHER_POINTS) {
      RoutingDecision o =
          decide(RoutingRequest.of(facts, point, AT, lead, List.of(lead), List.of(), 1));
      markReached(o);
      if (o.kind() == RoutingDecision.Kind.REJECT && lineOf(o) == 0) {
        add(
            Finding.Kind.GAP,
            0,
            category,
            loc,
            classSize,
            p,
            Optional.of(point),
            List.of(lead),
            "no row decides when " + lead + " holds the case");
      }
    }
  }

  private static String describe(RoutingDecision d) {
    return switch (d.kind()) {
      case REJECT -> "rejected (" + ((RoutingDecision.Reject) d).reason() + ")";
      default -> d.kind() + " by " + d.explanation().decidedBy();
    };
  }

  private void overlaps(
      RoutingRequest first, int loc, int classSize, String category, Optional<Priority> p) {
    PolicyTable.Row firstAssign = null;
    String firstLead = null;
    for (PolicyTable.Row row : policy.matchingRows(first)) {
      if (row.action().kind() != PolicyTable.ActionKind.ASSIGN) {
        continue;
      }
      Optional<RoutingDecision> d = policy.apply(row, first);
      if (d.isEmpty()) {
        continue;
      }
      String lead = ((RoutingDecision.Assign) d.get()).lead();
      if (firstAssign == null) {
        firstAssign = row;
        firstLead = lead;
      } else if (!lead.equals(firstLead)
          && firstAssign.priorities().equals(row.priorities())
          && !priorityOverride(firstAssign, row)) {
        add(
            Finding.Kind.OVERLAP,
            row.line(),
            category,
            loc,
            classSize,
            p,
            Optional.of(DecisionPoint.NEW_CASE),
            List.of(String.valueOf(firstLead), lead),
            "line "
                + row.line()
                + " assigns "
                + lead
                + " but line "
                + firstAssign.line()
                + " already assigns "
                + firstLead
                + " to the same case");
      }
    }
  }

  /**
   * Whether an earlier row is a deliberate specialisation of a later one: at least as narrow in
   * every column and narrower in one (a category, region or priority override before the general
   * row, or a catch-all fallback last).
   */
  private boolean priorityOverride(PolicyTable.Row earlier, PolicyTable.Row later) {
    boolean categories =
        later.categories().isEmpty()
            || (!earlier.categories().isEmpty()
                && earlier.categories().stream()
                    .allMatch(c -> later.categories().stream().anyMatch(c::startsWith)));
    boolean regions =
        later.regions().isEmpty()
            || (!earlier.regions().isEmpty()
                && earlier.regions().stream()
                    .allMatch(
                        r ->
                            later.regions().stream()
                                .anyMatch(l -> tree.get(l).contains(tree.get(r)))));
    boolean priorities =
        later.priorities().isEmpty()
            || (!earlier.priorities().isEmpty()
                && later.priorities().containsAll(earlier.priorities()));
    boolean points =
        later.points().isEmpty()
            || (!earlier.points().isEmpty() && later.points().containsAll(earlier.points()));
    boolean holders =
        later.holders().isEmpty()
            || (!earlier.holders().isEmpty() && later.holders().containsAll(earlier.holders()));
    boolean same =
        earlier.categories().equals(later.categories())
            && earlier.regions().equals(later.regions())
            && earlier.priorities().equals(later.priorities())
            && earlier.points().equals(later.points())
            && earlier.holders().equals(later.holders());
    return categories && regions && priorities && points && holders && !same;
  }

  private boolean isTop(String handler) {
    Handler h = graph.get(handler);
    if (h.level() == HandlerLevel.CITY) {
      return true;
    }
    return !graph.hasCityOffice()
        && h.kind() == Handler.Kind.OFFICE
        && h.level() == HandlerLevel.DISTRICT;
  }

  private void chain(
      CaseFacts facts, int loc, int classSize, String category, Priority priority, String lead) {
    Optional<Priority> p = Optional.of(priority);
    List<String> path = new ArrayList<>();
    path.add(lead);
    String holder = lead;
    while (path.size() <= MAX_CHAIN) {
      RoutingDecision d =
          decide(RoutingRequest.of(facts, DecisionPoint.BREACH, AT, holder, path, List.of(), 1));
      markReached(d);
      if (d instanceof RoutingDecision.Escalate e) {
        if (path.contains(e.to())) {
          List<String> cycle = new ArrayList<>(path.subList(path.indexOf(e.to()), path.size()));
          cycle.add(e.to());
          add(
              Finding.Kind.ESCALATION_CYCLE,
              lineOf(d),
              category,
              loc,
              classSize,
              p,
              Optional.of(DecisionPoint.BREACH),
              cycle,
              "escalation returns to " + e.to() + ": " + cycle);
          return;
        }
        path.add(e.to());
        holder = e.to();
        continue;
      }
      if (!graph.handler(holder).map(h -> isTop(h.id())).orElse(false)) {
        add(
            Finding.Kind.DEAD_END,
            lineOf(d),
            category,
            loc,
            classSize,
            p,
            Optional.of(DecisionPoint.BREACH),
            path,
            "a breach at " + holder + " goes nowhere higher: " + describe(d));
      }
      break;
    }
    if (path.size() > longest.size()) {
      longest = path;
      longestCategory = category;
      longestPriority = priority;
      longestRegion = loc;
    }
    for (String h : path) {
      graph
          .handler(h)
          .filter(x -> x.kind() == Handler.Kind.OFFICE)
          .ifPresent(x -> officeLevelsReached.add(x.level()));
    }
  }

  private void pingPong(
      CaseFacts facts, int loc, int classSize, String category, Optional<Priority> p, String a) {
    RoutingDecision first =
        decide(RoutingRequest.of(facts, DecisionPoint.RETURN, AT, a, List.of(a), List.of(a), 1));
    markReached(first);
    if (!(first instanceof RoutingDecision.Assign toB) || toB.lead().equals(a)) {
      return;
    }
    String b = toB.lead();
    RoutingDecision back =
        decide(
            RoutingRequest.of(facts, DecisionPoint.RETURN, AT, b, List.of(a, b), List.of(a, b), 1));
    markReached(back);
    if (back instanceof RoutingDecision.Assign toA && toA.lead().equals(a)) {
      add(
          Finding.Kind.PING_PONG,
          lineOf(back),
          category,
          loc,
          classSize,
          p,
          Optional.of(DecisionPoint.RETURN),
          List.of(a, b, a),
          "a return sends the case "
              + a
              + " → "
              + b
              + " (line "
              + lineOf(first)
              + ") and back to "
              + a
              + " (line "
              + lineOf(back)
              + ")");
    }
  }

  /**
   * Findings about the graph as a whole, after every case has been analysed: RETURN ping-pong
   * links, ESCALATE cycles, handlers no analysed case reaches, and office levels none reaches.
   */
  private void graphWide() {
    returnPingPongs();
    escalationCycles();
    unreachedHandlers();
    unreachedOfficeLevels();
  }

  /** RETURN links that form a two-handler loop. */
  private void returnPingPongs() {
    for (Handler h : graph.handlers()) {
      if (h.kind() == Handler.Kind.OFFICE) {
        continue;
      }
      for (String t : graph.targets(h.id(), LinkType.RETURN)) {
        if (h.id().compareTo(t) < 0 && graph.targets(t, LinkType.RETURN).contains(h.id())) {
          add(
              Finding.Kind.PING_PONG,
              0,
              "",
              -1,
              0,
              Optional.empty(),
              Optional.of(DecisionPoint.RETURN),
              List.of(h.id(), t, h.id()),
              "RETURN links " + h.id() + " → " + t + " → " + h.id());
        }
      }
    }
  }

  /** ESCALATE cycles in the graph itself (declared links). */
  private void escalationCycles() {
    Set<String> done = new HashSet<>();
    for (Handler h : graph.declaredHandlers()) {
      List<String> path = new ArrayList<>();
      String cur = h.id();
      Set<String> onPath = new LinkedHashSet<>();
      while (cur != null && !done.contains(cur)) {
        if (!onPath.add(cur)) {
          List<String> cyc = new ArrayList<>(path.subList(path.indexOf(cur), path.size()));
          cyc.add(cur);
          add(
              Finding.Kind.ESCALATION_CYCLE,
              0,
              "",
              -1,
              0,
              Optional.empty(),
              Optional.empty(),
              cyc,
              "ESCALATE links form a cycle: " + cyc);
          break;
        }
        path.add(cur);
        cur = graph.escalationTarget(cur).orElse(null);
      }
      done.addAll(onPath);
    }
  }

  /** Departments, parties and the city office that no analysed case ever reaches. */
  private void unreachedHandlers() {
    for (Handler h : graph.handlers()) {
      boolean global = h.kind() != Handler.Kind.OFFICE || h.id().equals(Handler.CITY_OFFICE_ID);
      if (global && !reached.contains(h.id())) {
        add(
            Finding.Kind.UNREACHABLE,
            0,
            "",
            -1,
            0,
            Optional.empty(),
            Optional.empty(),
            List.of(h.id()),
            h.id() + " never leads, assists, is summoned or escalated to for any analysed case");
      }
    }
  }

  /** Office levels present in the tree that no analysed case ever reaches. */
  private void unreachedOfficeLevels() {
    for (String id : reached) {
      graph
          .handler(id)
          .filter(x -> x.kind() == Handler.Kind.OFFICE)
          .ifPresent(x -> officeLevelsReached.add(x.level()));
    }
    for (RegionLevel rl :
        List.of(
            RegionLevel.GRID, RegionLevel.COMMUNITY, RegionLevel.STREET, RegionLevel.DISTRICT)) {
      HandlerLevel l = HandlerLevel.ofRegionLevel(rl);
      if (tree.count(rl) > 0 && !officeLevelsReached.contains(l)) {
        add(
            Finding.Kind.UNREACHABLE,
            0,
            "",
            -1,
            tree.count(rl),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            "no analysed case ever reaches a " + l + " office (" + tree.count(rl) + " offices)");
      }
    }
  }

  /**
   * How many full handling limits a case uses on the way up a chain of {@code chain} handlers, as
   * the case engine moves the lead clock on an escalation: {@code RESTART} gives every handler a
   * fresh budget; {@code FROM_CREATION} counts each new holder's clock from registration, so it is
   * breached on arrival and the case goes straight on to the top after the first handler's budget;
   * {@code KEEP} hands the second handler a breached clock that never breaches again, so no breach
   * moves the case past it: one budget for a chain of at most two handlers, else -1 (no time to the
   * top).
   */
  static int handlingBudgets(TransferRule transfer, int chain) {
    return switch (transfer) {
      case RESTART -> chain;
      case FROM_CREATION -> Math.min(1, chain);
      case KEEP -> chain <= 2 ? Math.min(1, chain) : -1;
    };
  }

  private Optional<WorstCaseTime> worstCase(SlaPolicy sla) {
    Region region = tree.region(longestRegion);
    var urbanRural = region.urbanRural().orElse(null);
    if (urbanRural == null) {
      urbanRural =
          region.ancestors().stream()
              .map(Region::urbanRural)
              .flatMap(Optional::stream)
              .findFirst()
              .orElse(org.gridgov.region.UrbanRuralClass.MAIN_URBAN);
    }
    List<SlaLimit> limits = new ArrayList<>();
    for (SlaStage stage : List.of(SlaStage.REGISTER, SlaStage.DISPATCH)) {
      sla.ruleFor(stage, longestCategory, longestPriority, urbanRural)
          .ifPresent(r -> limits.add(r.limit()));
    }
    Optional<SlaPolicy.Rule> handle =
        sla.ruleFor(SlaStage.HANDLE, longestCategory, longestPriority, urbanRural);
    if (handle.isEmpty()) {
      return Optional.empty();
    }
    int fullBudgets = handlingBudgets(sla.transferRule(), longest.size());
    if (fullBudgets < 0) {
      return Optional.empty();
    }
    for (int i = 0; i < fullBudgets; i++) {
      limits.add(handle.get().limit());
    }
    Duration natural = Duration.ZERO;
    Duration working = Duration.ZERO;
    int days = 0;
    for (SlaLimit l : limits) {
      switch (l.unit()) {
        case NATURAL -> natural = natural.plus(l.duration());
        case WORKING_TIME -> working = working.plus(l.duration());
        case WORKING_DAYS -> days += l.days();
      }
    }
    return Optional.of(new WorstCaseTime(ImmutableList.copyOf(limits), natural, working, days));
  }
}
