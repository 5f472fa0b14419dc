package org.gridgov.routing.table;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.primitives.ImmutableLongArray;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gridgov.internal.Problems;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.gridgov.routing.DecisionPoint;
import org.gridgov.routing.Handler;
import org.gridgov.routing.HandlerLevel;
import org.gridgov.routing.LinkType;
import org.gridgov.routing.RoutingDecision;
import org.gridgov.routing.RoutingGraph;
import org.gridgov.routing.RoutingPolicy;
import org.gridgov.routing.RoutingRequest;
import org.gridgov.routing.internal.Locations;
import org.jspecify.annotations.Nullable;

/**
 * A {@link PolicyTable} compiled against a {@link RoutingGraph}: the first row whose conditions
 * match and whose action finds a target decides; if none does, the policy rejects. Thread-safe.
 *
 * <p>Fast path: the rows that can match a category are found once per category code and cached with
 * the explanation each of them would give, so a decision checks only those rows with integer masks
 * and O(1) subtree tests, and allocates little more than the decision itself.
 *
 * <p>Explanations name the deciding row as {@code source:line} and list the earlier rows of the
 * same category that did not match (or matched but found no target for their action here).
 */
@SuppressWarnings("EnumOrdinal") // bit masks over small enums on the hot path; never persisted
public final class TablePolicy implements RoutingPolicy {
  /** {@code office@<LEVEL>} targets by their text, so that resolving one allocates nothing. */
  private static final ImmutableMap<String, HandlerLevel> OFFICE_TARGETS =
      java.util.Arrays.stream(HandlerLevel.values())
          .collect(ImmutableMap.toImmutableMap(l -> "office@" + l.name(), l -> l));

  private final PolicyTable table;
  private final RoutingGraph graph;
  private final RegionTree tree;
  private final PolicyTable.Row[] rows;
  private final int[][] regionIdx;
  private final int[] prioMask;
  private final int[] pointMask;
  private final boolean[] holderAny;
  private final boolean[] holderNone;
  private final int[] holderLevelMask;
  private final ImmutableList<ImmutableList<String>> holderIds;

  /** ancestor[depth][regionIndex]: the region's ancestor-or-self at that depth, or -1. */
  private final int[][] ancestor;

  private final ImmutableMap<String, HandlerLevel> levelById;
  private final Map<String, Plan> plans = new ConcurrentHashMap<>();
  // The "up" target of recent holders: a direct-mapped memo of immutable entries, shared by the
  // threads that use
  // this policy (a racy read sees null, an older or a newer entry, each right for its own holder).
  private static final int UP_MEMO = 1 << 14;
  private final @Nullable Up[] upMemo = new Up[UP_MEMO];

  /**
   * A holder and its first escalation target (null if it has none or is not a handler of the
   * graph).
   */
  private record Up(String holder, @Nullable String target) {}

  private static final class Plan {
    final int[] rows;
    final RoutingDecision.Explanation[] ifDecides;
    final RoutingDecision.Explanation none;

    Plan(int[] rows, RoutingDecision.Explanation[] ifDecides, RoutingDecision.Explanation none) {
      this.rows = rows;
      this.ifDecides = ifDecides;
      this.none = none;
    }
  }

  TablePolicy(PolicyTable table, RoutingGraph graph) {
    this.table = table;
    this.graph = graph;
    this.tree = graph.tree();
    int n = table.rows().size();
    rows = table.rows().toArray(new PolicyTable.Row[0]);
    regionIdx = new int[n][];
    prioMask = new int[n];
    pointMask = new int[n];
    holderAny = new boolean[n];
    holderNone = new boolean[n];
    holderLevelMask = new int[n];
    ImmutableList.Builder<ImmutableList<String>> ids = ImmutableList.builder();
    Problems problems = new Problems(table.source());
    for (int i = 0; i < n; i++) {
      ids.add(compileRow(i, problems));
    }
    holderIds = ids.build();
    problems.throwIfAny();
    ancestor = ancestors(tree);
    levelById = levelsOf(graph);
  }

  /**
   * Fills row {@code i}'s region indexes, priority and point masks and holder flags, and checks its
   * regions, holders and action against the tree and graph.
   *
   * @return the row's holder ids (the holders that are neither "none" nor a level)
   */
  private ImmutableList<String> compileRow(int i, Problems problems) {
    PolicyTable.Row r = rows[i];
    ImmutableLongArray codes = r.regions();
    regionIdx[i] = new int[codes.length()];
    for (int k = 0; k < codes.length(); k++) {
      regionIdx[i][k] = tree.indexOf(codes.get(k));
      if (regionIdx[i][k] < 0) {
        problems.add(
            r.line(),
            2,
            "region",
            Long.toString(codes.get(k)),
            "no region with this code in the tree");
      }
    }
    prioMask[i] =
        r.priorities().isEmpty()
            ? -1
            : r.priorities().stream().mapToInt(p -> 1 << p.ordinal()).sum();
    pointMask[i] =
        r.points().isEmpty() ? -1 : r.points().stream().mapToInt(p -> 1 << p.ordinal()).sum();
    holderAny[i] = r.holders().isEmpty();
    List<String> hid = new ArrayList<>();
    for (String h : r.holders()) {
      if (h.equals("none")) {
        holderNone[i] = true;
      } else if (PolicyTable.isLevel(h)) {
        holderLevelMask[i] |= 1 << HandlerLevel.valueOf(h).ordinal();
      } else {
        hid.add(h);
        checkHandler(problems, r.line(), 5, "holder", h);
      }
    }
    PolicyTable.Action a = r.action();
    checkTarget(problems, r.line(), a.target());
    for (String t : a.assists()) {
      checkTarget(problems, r.line(), t);
    }
    for (String t : a.summoned()) {
      checkHandler(problems, r.line(), 6, "action", t);
    }
    return ImmutableList.copyOf(hid);
  }

  /** The ancestor of every region at each depth ({@code [depth][index]}; -1 above the root). */
  private static int[][] ancestors(RegionTree tree) {
    int size = tree.size();
    int[][] ancestor = new int[4][size];
    for (int i = 0; i < size; i++) {
      Region reg = tree.region(i);
      int depth = reg.level().depth();
      int parent = reg.parent().map(Region::index).orElse(-1);
      for (int d = 0; d < 4; d++) {
        if (d == depth) {
          ancestor[d][i] = i;
        } else if (d > depth || parent < 0) {
          ancestor[d][i] = -1;
        } else {
          ancestor[d][i] = ancestor[d][parent];
        }
      }
    }
    return ancestor;
  }

  private static ImmutableMap<String, HandlerLevel> levelsOf(RoutingGraph graph) {
    Map<String, HandlerLevel> levels = new HashMap<>();
    for (Handler h : graph.handlers()) {
      levels.put(h.id(), h.level());
    }
    return ImmutableMap.copyOf(levels);
  }

  private void checkTarget(Problems problems, int line, String t) {
    if (t.isEmpty()
        || t.equals("up")
        || t.equals("office")
        || t.equals("owner")
        || t.equals("assistants")
        || t.equals("holder")) {
      return;
    }
    if (t.equals("office@CITY") && !graph.hasCityOffice()) {
      problems.add(line, 6, "action", t, "the routing graph has no city office");
    } else if (!t.startsWith("office@")) {
      checkHandler(problems, line, 6, "action", t);
    }
  }

  private void checkHandler(Problems problems, int line, int column, String field, String id) {
    if (graph.handler(id).isEmpty()) {
      problems.add(line, column, field, id, "no handler with this id in the routing graph");
    }
  }

  /**
   * Returns the table this policy was compiled from.
   *
   * @return the table
   */
  public PolicyTable table() {
    return table;
  }

  /**
   * Returns the graph this policy was compiled against.
   *
   * @return the graph
   */
  public RoutingGraph graph() {
    return graph;
  }

  private Plan plan(String category) {
    List<Integer> cand = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].matchesCategory(category)) {
        cand.add(i);
      }
    }
    int[] c = cand.stream().mapToInt(Integer::intValue).toArray();
    String others =
        String.format(
            Locale.ROOT, "%d rows of other categories were not considered", rows.length - c.length);
    RoutingDecision.Explanation[] ex = new RoutingDecision.Explanation[c.length];
    List<String> notes = new ArrayList<>();
    for (int k = 0; k < c.length; k++) {
      List<String> withOthers = new ArrayList<>(notes);
      withOthers.add(others);
      ex[k] = new RoutingDecision.Explanation(name(c[k]), ImmutableList.copyOf(withOthers));
      notes.add(name(c[k]) + ": conditions did not match or its action had no target here");
    }
    notes.add(others);
    return new Plan(c, ex, new RoutingDecision.Explanation("(none)", ImmutableList.copyOf(notes)));
  }

  private String name(int row) {
    return table.source() + ":" + rows[row].line();
  }

  @Override
  public RoutingDecision decide(RoutingRequest request) {
    ImmutableLongArray codes = request.facts().locationCodes();
    int loc = codes.length() == 1 ? tree.indexOf(codes.get(0)) : -2;
    if (loc < 0) {
      loc = Locations.regionIndex(tree, request);
    }
    String category = request.facts().categoryCode();
    Plan plan = plans.get(category);
    if (plan == null) {
      plan = plans.computeIfAbsent(category, this::plan);
    }
    String holder = request.currentHolder().orElse(null);
    HandlerLevel holderLevel = holder == null ? null : levelById.get(holder);
    int prio = 1 << request.facts().priority().ordinal();
    int point = 1 << request.point().ordinal();
    int[] cand = plan.rows;
    for (int k = 0; k < cand.length; k++) {
      int i = cand[k];
      if ((prioMask[i] & prio) == 0 || (pointMask[i] & point) == 0) {
        continue;
      }
      if (!matchesRest(i, request, loc, holder, holderLevel)) {
        continue;
      }
      RoutingDecision d = act(rows[i], request, loc, holder, plan.ifDecides[k]);
      if (d != null) {
        return d;
      }
    }
    return new RoutingDecision.Reject(
        "no row of " + table.source() + " places case " + request.facts().id().value(), plan.none);
  }

  private boolean matchesRest(
      int i,
      RoutingRequest request,
      int loc,
      @Nullable String holder,
      @Nullable HandlerLevel holderLevel) {
    if (request.point() == DecisionPoint.REPEAT_REPORT
        && request.reportCount() < rows[i].minReports()) {
      return false;
    }
    int[] ri = regionIdx[i];
    if (ri.length > 0) {
      boolean in = false;
      for (int r : ri) {
        if (loc >= 0 && tree.contains(r, loc)) {
          in = true;
          break;
        }
      }
      if (!in) {
        return false;
      }
    }
    if (holderAny[i]) {
      return true;
    }
    if (holder == null) {
      return holderNone[i];
    }
    if (holderLevel != null && (holderLevelMask[i] & (1 << holderLevel.ordinal())) != 0) {
      return true;
    }
    return holderIds.get(i).contains(holder);
  }

  /**
   * Returns every row whose conditions match a request, in table order, whether or not its action
   * finds a target. For analysis and for people asking "which rows see this case?".
   *
   * @param request a request
   * @return the matching rows
   * @throws IllegalArgumentException if a location is not in the tree
   */
  public ImmutableList<PolicyTable.Row> matchingRows(RoutingRequest request) {
    int loc = Locations.regionIndex(tree, request);
    String holder = request.currentHolder().orElse(null);
    HandlerLevel holderLevel = holder == null ? null : levelById.get(holder);
    int prio = 1 << request.facts().priority().ordinal();
    int point = 1 << request.point().ordinal();
    ImmutableList.Builder<PolicyTable.Row> out = ImmutableList.builder();
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].matchesCategory(request.facts().categoryCode())
          && (prioMask[i] & prio) != 0
          && (pointMask[i] & point) != 0
          && matchesRest(i, request, loc, holder, holderLevel)) {
        out.add(rows[i]);
      }
    }
    return out.build();
  }

  /**
   * Returns what one row's action decides for a request, ignoring its conditions.
   *
   * @param row a row of this policy's table
   * @param request a request
   * @return the decision, or empty if the action finds no target here (e.g. no owning department)
   */
  public Optional<RoutingDecision> apply(PolicyTable.Row row, RoutingRequest request) {
    int loc = Locations.regionIndex(tree, request);
    RoutingDecision.Explanation ex =
        new RoutingDecision.Explanation(table.source() + ":" + row.line(), ImmutableList.of());
    return Optional.ofNullable(act(row, request, loc, request.currentHolder().orElse(null), ex));
  }

  private @Nullable RoutingDecision act(
      PolicyTable.Row row,
      RoutingRequest request,
      int loc,
      @Nullable String holder,
      RoutingDecision.Explanation ex) {
    PolicyTable.Action a = row.action();
    switch (a.kind()) {
      case ASSIGN -> {
        String lead = resolve(a.target(), request, loc, holder);
        if (lead == null) {
          return null;
        }
        if (a.assists().isEmpty()) {
          return new RoutingDecision.Assign(lead, ImmutableList.of(), ex);
        }
        List<String> assists = new ArrayList<>();
        for (String t : a.assists()) {
          if (t.equals("assistants")) {
            if (loc >= 0) {
              for (Handler h : graph.assistantsOf(request.facts().categoryCode(), loc)) {
                addAssist(assists, lead, h.id());
              }
            }
          } else {
            String id = resolve(t, request, loc, holder);
            if (id != null) {
              addAssist(assists, lead, id);
            }
          }
        }
        return RoutingDecision.Assign.of(lead, assists, ex);
      }
      case ESCALATE -> {
        String to = resolve(a.target(), request, loc, holder);
        return to == null || to.equals(holder) ? null : new RoutingDecision.Escalate(to, ex);
      }
      case SUMMON -> {
        String summoner = holder != null ? holder : resolve("office@STREET", request, loc, null);
        return summoner == null
            ? null
            : new RoutingDecision.Summon(summoner, a.summoned(), a.within(), ex);
      }
      case REJECT -> {
        return new RoutingDecision.Reject(a.reason(), ex);
      }
    }
    throw new AssertionError(a.kind());
  }

  private static void addAssist(List<String> assists, String lead, String id) {
    if (!id.equals(lead) && !assists.contains(id)) {
      assists.add(id);
    }
  }

  private @Nullable String resolve(
      String target, RoutingRequest request, int loc, @Nullable String holder) {
    if (target.startsWith("office@")) {
      return resolveOffice(target, loc); // the common target, without hashing the text
    }
    switch (target) {
      case "up" -> {
        return holder == null ? null : up(holder);
      }
      case "holder" -> {
        return holder;
      }
      case "office" -> {
        return loc >= 0
            ? graph.officeIdAt(loc)
            : graph.hasCityOffice() ? Handler.CITY_OFFICE_ID : null;
      }
      case "owner" -> {
        if (loc < 0) {
          return null;
        }
        for (Handler h : graph.ownersOf(request.facts().categoryCode(), loc)) {
          if (!request.returnedBy().contains(h.id())) {
            return h.id();
          }
        }
        return null;
      }
      default -> {
        return target;
      }
    }
  }

  /**
   * The first escalation target of a holder, memoised: a pure function of the holder over the fixed
   * graph.
   */
  @SuppressWarnings(
      "ReferenceEquality") // identity first: holders are usually the graph's own id instances
  private @Nullable String up(String holder) {
    int slot = holder.hashCode() & (UP_MEMO - 1);
    Up m = upMemo[slot];
    if (m != null && (m.holder() == holder || m.holder().equals(holder))) {
      return m.target();
    }
    @Nullable String target = null;
    if (levelById.containsKey(holder)) {
      ImmutableList<String> up = graph.targets(holder, LinkType.ESCALATE);
      target = up.isEmpty() ? null : up.get(0);
    }
    upMemo[slot] = new Up(holder, target);
    return target;
  }

  private @Nullable String resolveOffice(String target, int loc) {
    HandlerLevel level = OFFICE_TARGETS.get(target);
    if (level == null) {
      level = HandlerLevel.valueOf(target.substring(7));
    }
    if (level == HandlerLevel.CITY) {
      return graph.hasCityOffice() ? Handler.CITY_OFFICE_ID : null;
    }
    if (loc < 0) {
      return null;
    }
    RegionLevel rl = level.regionLevel().orElseThrow();
    int at = ancestor[rl.depth()][loc];
    return graph.officeIdAt(at >= 0 ? at : loc);
  }

  @Override
  public String toString() {
    return "TablePolicy[" + table.source() + ", " + rows.length + " rows]";
  }
}
