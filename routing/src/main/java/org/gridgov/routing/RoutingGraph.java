package org.gridgov.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Maps;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DirectedMultigraph;
import org.jspecify.annotations.Nullable;

/**
 * The immutable routing graph: handlers as vertices, typed {@link Link links} as edges.
 *
 * <p>Built once by a {@link Builder}, which derives every region's office (district, street,
 * community, grid; units have none) and their {@link LinkType#ESCALATE} chain grid → community →
 * street → district (→ city, if a city office is declared) from a {@link RegionTree}, then adds
 * declared departments, outside parties and links. A JGraphT {@link DirectedMultigraph} holds the
 * graph; {@link #asGraph()} gives an unmodifiable view of it, and the query methods here answer
 * from precomputed arrays. Handlers are ordered: offices in the tree's pre-order, then the city
 * office, then declared handlers in the order added. Thread-safe.
 */
public final class RoutingGraph {

  /**
   * A typed, directed link between two handlers.
   *
   * @param from the source handler id
   * @param to the target handler id
   * @param type the kind of link
   */
  public record Link(String from, String to, LinkType type) {
    /**
     * Validates.
     *
     * @param from the source handler id
     * @param to the target handler id
     * @param type the kind of link
     * @throws IllegalArgumentException if the link is a loop
     */
    public Link {
      Objects.requireNonNull(type, "type");
      checkArgument(!from.equals(to), "a %s link from %s to itself is not allowed", type, from);
    }

    @Override
    public String toString() {
      return from + " -" + type + "-> " + to;
    }
  }

  private final RegionTree tree;
  private final ImmutableList<Handler> handlers;
  private final ImmutableMap<String, Integer> indexById;
  private final ImmutableList<Link> links;
  private final Graph<String, Link> view;

  /** For each region index: the index of the handler of its office (a unit: its grid's office). */
  private final int[] officeByRegion;

  private final int cityOffice;

  /** targets.get(type).get(handler). */
  private final ImmutableMap<LinkType, ImmutableList<ImmutableList<String>>> targets;

  /** sources.get(type).get(handler). */
  private final ImmutableMap<LinkType, ImmutableList<ImmutableList<String>>> sources;

  private final ImmutableList<Handler> declared;

  /** For each declared handler, the region indexes of its jurisdiction roots. */
  private final int[][] jurisdictionIndexes;

  /** How many category codes {@link #owning} remembers (any code beyond is scanned each time). */
  private static final int OWNING_MEMO = 4096;

  /** Category code → {@link #owning}'s pairs; filled on demand, safely from any thread. */
  private final ConcurrentHashMap<String, int[]> owningByCategory = new ConcurrentHashMap<>();

  private RoutingGraph(Builder b) {
    this.tree = b.tree;
    List<Handler> all = new ArrayList<>(tree.size() + b.declared.size() + 1);
    officeByRegion = offices(tree, all);
    String cityName = b.cityName;
    cityOffice = cityName == null ? -1 : all.size();
    if (cityName != null) {
      all.add(Handler.cityOffice(cityName));
    }
    Map<String, Integer> ids = new HashMap<>(all.size() * 2);
    for (int i = 0; i < all.size(); i++) {
      ids.put(all.get(i).id(), i);
    }
    jurisdictionIndexes = declare(tree, b.declared.values(), all, ids);
    this.handlers = ImmutableList.copyOf(all);
    this.declared = ImmutableList.copyOf(b.declared.values());
    this.indexById = ImmutableMap.copyOf(ids);

    DirectedMultigraph<String, Link> g = new DirectedMultigraph<>(null, null, false);
    for (Handler h : handlers) {
      g.addVertex(h.id());
    }
    List<Link> linkList = escalationLinks();
    for (Link l : b.links) {
      checkArgument(ids.containsKey(l.from()), "link %s: unknown handler %s", l, l.from());
      checkArgument(ids.containsKey(l.to()), "link %s: unknown handler %s", l, l.to());
      linkList.add(l);
    }
    List<Link> kept = new ArrayList<>(linkList.size());
    for (Link l : linkList) {
      if (g.addEdge(l.from(), l.to(), l)) {
        kept.add(l);
      }
    }
    this.links = ImmutableList.copyOf(kept);
    this.view = new AsUnmodifiableGraph<>(g);
    targets = adjacency(kept, true);
    sources = adjacency(kept, false);
  }

  /**
   * One office per region but units (a unit is served by its grid's office), appended to {@code
   * all}; returns each region's office index.
   */
  private static int[] offices(RegionTree tree, List<Handler> all) {
    int n = tree.size();
    int[] officeByRegion = new int[n];
    for (int i = 0; i < n; i++) {
      Region r = tree.region(i);
      if (r.level() == RegionLevel.UNIT) {
        officeByRegion[i] = officeByRegion[tree.indexOf(r.parent().orElseThrow().code())];
      } else {
        officeByRegion[i] = all.size();
        all.add(Handler.office(r));
      }
    }
    return officeByRegion;
  }

  /**
   * Appends the declared handlers to {@code all} and {@code ids}, checked; returns each one's
   * jurisdiction roots as region indexes.
   */
  private static int[][] declare(
      RegionTree tree, Collection<Handler> declared, List<Handler> all, Map<String, Integer> ids) {
    int[][] jurisdictions = new int[declared.size()][];
    int d = 0;
    for (Handler h : declared) {
      checkArgument(
          !ids.containsKey(h.id()), "handler %s is already an office of the tree", h.id());
      checkArgument(
          h.kind() != Handler.Kind.OFFICE,
          "declare offices through the tree, not as handler %s",
          h.id());
      int[] roots = new int[h.jurisdiction().length()];
      for (int k = 0; k < roots.length; k++) {
        long code = h.jurisdiction().get(k);
        roots[k] = tree.indexOf(code);
        checkArgument(
            roots[k] >= 0, "handler %s: jurisdiction region %s is not in the tree", h.id(), code);
      }
      jurisdictions[d++] = roots;
      ids.put(h.id(), all.size());
      all.add(h);
    }
    return jurisdictions;
  }

  /** Each office's escalation to its parent region's office (the top's to the city office). */
  private List<Link> escalationLinks() {
    List<Link> linkList = new ArrayList<>();
    for (int i = 0; i < tree.size(); i++) {
      Region r = tree.region(i);
      if (r.level() == RegionLevel.UNIT) {
        continue;
      }
      String from = handlers.get(officeByRegion[i]).id();
      Optional<Region> parent = r.parent();
      if (parent.isPresent()) {
        linkList.add(
            new Link(
                from, handlers.get(officeByRegion[parent.get().index()]).id(), LinkType.ESCALATE));
      } else if (cityOffice >= 0) {
        linkList.add(new Link(from, Handler.CITY_OFFICE_ID, LinkType.ESCALATE));
      }
    }
    return linkList;
  }

  /** Per link type, per handler index: the handlers it links to ({@code out}) or from. */
  private ImmutableMap<LinkType, ImmutableList<ImmutableList<String>>> adjacency(
      List<Link> kept, boolean out) {
    Map<LinkType, ImmutableList<ImmutableList<String>>> byType = new EnumMap<>(LinkType.class);
    for (LinkType type : LinkType.values()) {
      List<List<String>> lists = new ArrayList<>(handlers.size());
      for (int i = 0; i < handlers.size(); i++) {
        lists.add(new ArrayList<>(0));
      }
      for (Link l : kept) {
        if (l.type() == type) {
          if (out) {
            lists.get(indexOrThrow(l.from())).add(l.to());
          } else {
            lists.get(indexOrThrow(l.to())).add(l.from());
          }
        }
      }
      byType.put(
          type, lists.stream().map(ImmutableList::copyOf).collect(ImmutableList.toImmutableList()));
    }
    return Maps.immutableEnumMap(byType);
  }

  /**
   * Returns a builder deriving the offices and their escalation chain from a tree.
   *
   * @param tree the region tree
   * @return a builder
   */
  public static Builder builder(RegionTree tree) {
    return new Builder(tree);
  }

  /**
   * Returns the region tree the offices were derived from.
   *
   * @return the tree
   */
  public RegionTree tree() {
    return tree;
  }

  /**
   * Returns every handler: offices in pre-order, the city office, then declared handlers in the
   * order added.
   *
   * @return the handlers
   */
  public ImmutableList<Handler> handlers() {
    return handlers;
  }

  /**
   * Returns the declared (non-office) handlers, in the order added.
   *
   * @return departments and outside parties
   */
  public ImmutableList<Handler> declaredHandlers() {
    return declared;
  }

  /**
   * Returns the number of handlers.
   *
   * @return the count
   */
  public int size() {
    return handlers.size();
  }

  /**
   * Returns a handler by id.
   *
   * @param id a handler id
   * @return the handler, or empty if the graph has none with that id
   */
  public Optional<Handler> handler(String id) {
    Integer i = indexById.get(id);
    return i == null ? Optional.empty() : Optional.of(handlers.get(i));
  }

  /**
   * Returns a handler by id.
   *
   * @param id a handler id
   * @return the handler
   * @throws IllegalArgumentException if the graph has no such handler
   */
  public Handler get(String id) {
    Integer i = indexById.get(id);
    checkArgument(i != null, "no handler %s in the routing graph", id);
    return handlers.get(i);
  }

  /**
   * Returns the handler id serving a region: its office, or for a unit its grid's office.
   *
   * @param regionIndex the region's index in {@link #tree()}
   * @return the office's id
   */
  public String officeIdAt(int regionIndex) {
    return handlers.get(officeByRegion[regionIndex]).id();
  }

  /**
   * Returns the office serving a region (a unit: its grid's office).
   *
   * @param regionCode a region code of the tree
   * @return the office
   * @throws IllegalArgumentException if the tree has no such region
   */
  public Handler officeFor(long regionCode) {
    int i = tree.indexOf(regionCode);
    checkArgument(i >= 0, "region %s is not in the routing graph's tree", regionCode);
    return handlers.get(officeByRegion[i]);
  }

  /**
   * Returns the office at a level above or at a region (the region's own office if it is at that
   * level).
   *
   * @param regionIndex the region's index in {@link #tree()}
   * @param level the level wanted
   * @return the office, or empty if the region lies above that level, or the level is {@link
   *     HandlerLevel#CITY} and there is no city office
   */
  public Optional<String> officeAt(int regionIndex, HandlerLevel level) {
    if (level == HandlerLevel.CITY) {
      return cityOffice < 0 ? Optional.empty() : Optional.of(Handler.CITY_OFFICE_ID);
    }
    RegionLevel rl = level.regionLevel().orElseThrow();
    Region r = tree.region(regionIndex);
    if (r.level().depth() < rl.depth()) {
      return Optional.empty();
    }
    Region at = r.level() == rl ? r : r.ancestorAt(rl).orElseThrow();
    return Optional.of(handlers.get(officeByRegion[at.index()]).id());
  }

  /**
   * Returns whether the graph has a city office.
   *
   * @return whether {@value Handler#CITY_OFFICE_ID} exists
   */
  public boolean hasCityOffice() {
    return cityOffice >= 0;
  }

  /**
   * Returns the targets of a handler's links of one type, in the order the links were added.
   *
   * @param from a handler id
   * @param type the link type
   * @return the target ids
   * @throws IllegalArgumentException for an unknown handler
   */
  public ImmutableList<String> targets(String from, LinkType type) {
    return Objects.requireNonNull(targets.get(type)).get(index(from));
  }

  /**
   * Returns the sources of links of one type into a handler.
   *
   * @param to a handler id
   * @param type the link type
   * @return the source ids
   * @throws IllegalArgumentException for an unknown handler
   */
  public ImmutableList<String> sources(String to, LinkType type) {
    return Objects.requireNonNull(sources.get(type)).get(index(to));
  }

  /**
   * Returns where a handler escalates to: its first {@link LinkType#ESCALATE} target.
   *
   * @param from a handler id
   * @return the target, or empty at the top or at a dead end
   */
  public Optional<String> escalationTarget(String from) {
    ImmutableList<String> t = targets(from, LinkType.ESCALATE);
    return t.isEmpty() ? Optional.empty() : Optional.of(t.get(0));
  }

  /**
   * Returns every link, derived ones first (in pre-order), then declared ones in the order added; a
   * declared link equal to an existing one is kept once.
   *
   * @return the links
   */
  public ImmutableList<Link> links() {
    return links;
  }

  /**
   * Returns the declared handlers (departments, outside parties) owning a category with a region in
   * their jurisdiction, the most local first: by the depth of their deepest jurisdiction root
   * containing the region (a housing estate's property management before a city-wide bureau), then
   * by the longest owned category prefix (the owner of {@code 0504} before the owner of {@code
   * 05}), then in declaration order.
   *
   * @param categoryCode a category code
   * @param regionIndex the region's index in {@link #tree()}
   * @return the owners
   */
  public ImmutableList<Handler> ownersOf(String categoryCode, int regionIndex) {
    List<Handler> out = new ArrayList<>(2);
    List<Integer> rank = new ArrayList<>(2);
    int[] owning = owning(categoryCode);
    for (int k = 0; k < owning.length; k += 2) {
      int d = owning[k];
      int deepest = deepestRoot(d, regionIndex);
      if (deepest >= 0) {
        int r = deepest * 64 + owning[k + 1];
        int pos = 0;
        while (pos < out.size() && rank.get(pos) >= r) {
          pos++;
        }
        out.add(pos, declared.get(d));
        rank.add(pos, r);
      }
    }
    return ImmutableList.copyOf(out);
  }

  /**
   * The declared handlers owning a category, in declaration order, as pairs (declared index,
   * longest owned prefix): a pure function of the code, remembered for the first {@value
   * #OWNING_MEMO} codes asked, so that a routing decision scans the category's few owners instead
   * of every declared handler's prefixes.
   */
  private int[] owning(String categoryCode) {
    int[] known = owningByCategory.get(categoryCode);
    if (known != null) {
      return known;
    }
    int[] pairs = new int[2 * declared.size()];
    int n = 0;
    for (int d = 0; d < declared.size(); d++) {
      int prefix = longestPrefix(declared.get(d).owns(), categoryCode);
      if (prefix >= 0) {
        pairs[n++] = d;
        pairs[n++] = prefix;
      }
    }
    int[] found = Arrays.copyOf(pairs, n);
    if (owningByCategory.size() < OWNING_MEMO) {
      owningByCategory.putIfAbsent(categoryCode, found);
    }
    return found;
  }

  private static int longestPrefix(List<String> prefixes, String code) {
    int best = -1;
    for (String p : prefixes) {
      if (code.startsWith(p)) {
        best = Math.max(best, p.length());
      }
    }
    return best;
  }

  /**
   * The depth of the deepest jurisdiction root of a declared handler containing the region, or -1.
   */
  private int deepestRoot(int declaredIndex, int regionIndex) {
    int best = -1;
    for (int root : jurisdictionIndexes[declaredIndex]) {
      if (tree.contains(root, regionIndex)) {
        best = Math.max(best, tree.region(root).level().depth());
      }
    }
    return best;
  }

  /**
   * Returns the declared handlers that assist with a category with a region in their jurisdiction,
   * in declaration order.
   *
   * @param categoryCode a category code
   * @param regionIndex the region's index in {@link #tree()}
   * @return the assisting handlers
   */
  public ImmutableList<Handler> assistantsOf(String categoryCode, int regionIndex) {
    ImmutableList.Builder<Handler> out = ImmutableList.builder();
    for (int d = 0; d < declared.size(); d++) {
      Handler h = declared.get(d);
      if (h.assistsWith(categoryCode) && inJurisdiction(d, regionIndex)) {
        out.add(h);
      }
    }
    return out.build();
  }

  /**
   * Tells whether a region lies in a declared handler's jurisdiction.
   *
   * @param handlerId a department or outside party id
   * @param regionIndex the region's index in {@link #tree()}
   * @return whether one of its jurisdiction roots contains the region
   * @throws IllegalArgumentException if the id is not a declared handler
   */
  public boolean inJurisdiction(String handlerId, int regionIndex) {
    int i = index(handlerId) - (handlers.size() - declared.size());
    checkArgument(i >= 0, "%s is not a declared department or outside party", handlerId);
    return inJurisdiction(i, regionIndex);
  }

  private boolean inJurisdiction(int declaredIndex, int regionIndex) {
    for (int root : jurisdictionIndexes[declaredIndex]) {
      if (tree.contains(root, regionIndex)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns an unmodifiable JGraphT view of the graph, for JGraphT's algorithms and exporters.
   *
   * @return the view; every mutator throws {@link UnsupportedOperationException}
   */
  public Graph<String, Link> asGraph() {
    return view;
  }

  private int indexOrThrow(String id) {
    return index(id);
  }

  private int index(String id) {
    Integer i = indexById.get(id);
    checkArgument(i != null, "no handler %s in the routing graph", id);
    return i;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "RoutingGraph[%d handlers, %d links]", handlers.size(), links.size());
  }

  /**
   * Collects departments, outside parties and links; {@link #build()} derives the offices. Not
   * thread-safe.
   */
  public static final class Builder {
    private final RegionTree tree;
    private final Map<String, Handler> declared = new LinkedHashMap<>();
    private final List<Link> links = new ArrayList<>();
    private @Nullable String cityName;
    private boolean built;

    private Builder(RegionTree tree) {
      this.tree = Objects.requireNonNull(tree, "tree");
    }

    /**
     * Adds a city office above every district: districts escalate to it.
     *
     * @param name its name
     * @return this builder
     * @throws IllegalStateException if a city office was already added
     */
    @CanIgnoreReturnValue
    public Builder cityOffice(String name) {
      checkState(cityName == null, "the city office was already added as %s", cityName);
      var unused = Handler.cityOffice(name);
      cityName = name;
      return this;
    }

    /**
     * Adds a department or outside party.
     *
     * @param handler the handler (not an office: offices come from the tree)
     * @return this builder
     * @throws IllegalArgumentException if its id was already added or it is an office
     */
    @CanIgnoreReturnValue
    public Builder add(Handler handler) {
      checkArgument(
          handler.kind() != Handler.Kind.OFFICE,
          "offices come from the tree; cannot add %s",
          handler.id());
      checkArgument(
          !declared.containsKey(handler.id()), "handler %s was already added", handler.id());
      declared.put(handler.id(), handler);
      return this;
    }

    /**
     * Adds a link; both ends must exist when {@link #build()} runs.
     *
     * @param from the source handler id
     * @param to the target handler id
     * @param type the link type
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder link(String from, String to, LinkType type) {
      links.add(new Link(from, to, type));
      return this;
    }

    /**
     * Builds the graph.
     *
     * @return the graph
     * @throws IllegalArgumentException if a link names an unknown handler, a jurisdiction names a
     *     region not in the tree, or a declared id collides with an office
     * @throws IllegalStateException if called twice
     */
    public RoutingGraph build() {
      checkState(!built, "build() was already called");
      built = true;
      return new RoutingGraph(this);
    }
  }
}
