package org.gridgov.region;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A batch of edits of a {@link RegionTree}, applied all at once by {@link #apply()}, which returns
 * the new tree in a {@link RegionTreeDiff}. The old tree is never changed; if any edit is invalid,
 * {@code apply()} throws and nothing is returned.
 *
 * <p>Edits apply in the order they were added, and each sees the result of the earlier ones: codes
 * given to a later edit are codes as they are after the earlier edits. New codes are assigned
 * deterministically: a new grid or a moved unit gets the next free local number under its new
 * parent (one above the largest in use). Population and households are conserved by every edit
 * except {@link #retire}: units keep theirs, and the own population and households of a grid that
 * disappears go to the grid that takes over its units.
 *
 * <p>Cost: {@code apply()} rebuilds the tree, O(n) in the tree's size plus the edited regions.
 */
// "exports": JSpecify/Error Prone annotations are compile-time only (requires static);
// "EnumOrdinal": levels, classes and grid types are packed into one byte per region by ordinal, on
// purpose.
@SuppressWarnings({"exports", "EnumOrdinal"})
public final class RegionTreeEditor {
  private final RegionTree tree;
  private final LocalDate newEdition;
  private final List<String> descriptions = new ArrayList<>();
  private final List<Consumer<Model>> edits = new ArrayList<>();
  private boolean applied;

  RegionTreeEditor(RegionTree tree, LocalDate newEdition) {
    this.tree = tree;
    this.newEdition = Objects.requireNonNull(newEdition, "newEdition");
  }

  private RegionTreeEditor add(String description, Consumer<Model> edit) {
    checkState(!applied, "apply() was already called on this editor");
    descriptions.add(description);
    edits.add(edit);
    return this;
  }

  /**
   * Splits a grid by a partition of its units. The first group stays in the grid; each further
   * group becomes a new grid in the same community (named after the old one with {@code -2}, {@code
   * -3}, ...; same urban-rural class, grid type and tags), its units renumbered 1, 2, ... in the
   * group's order.
   *
   * @param gridCode the grid
   * @param unitGroups at least two non-empty groups of unit codes that together hold every unit of
   *     the grid exactly once
   * @return this editor
   */
  @CanIgnoreReturnValue
  public RegionTreeEditor splitGrid(long gridCode, List<? extends Collection<Long>> unitGroups) {
    List<ImmutableList<Long>> groups = new ArrayList<>();
    for (Collection<Long> g : unitGroups) {
      groups.add(ImmutableList.copyOf(g));
    }
    return add("splitGrid(" + gridCode + ")", m -> m.splitGrid(gridCode, groups));
  }

  /**
   * Merges grids of one community into the first of them, which keeps its code; the units of the
   * others move into it (appended, in order) and the others disappear.
   *
   * @param gridCodes at least two distinct grids with the same parent; the first survives
   * @return this editor
   */
  @CanIgnoreReturnValue
  public RegionTreeEditor mergeGrids(List<Long> gridCodes) {
    ImmutableList<Long> codes = ImmutableList.copyOf(gridCodes);
    return add("mergeGrids(" + codes + ")", m -> m.mergeGrids(codes));
  }

  /**
   * Moves a unit to another grid (anywhere in the tree), where it gets the next free local number.
   *
   * @param unitCode the unit
   * @param targetGridCode the grid to move it to, not its current grid
   * @return this editor
   */
  @CanIgnoreReturnValue
  public RegionTreeEditor moveUnit(long unitCode, long targetGridCode) {
    return add(
        "moveUnit(" + unitCode + " -> " + targetGridCode + ")",
        m -> m.moveUnit(unitCode, targetGridCode));
  }

  /**
   * Re-grids a community to a target number of households per grid. All units of the community, in
   * the order of their grids and codes, are cut into consecutive runs (units kept whole, each run
   * contiguous in that order); a run is closed before a unit when adding it would take the run
   * further from the target than leaving it out. The runs become grids {@code 1, 2, ...} named
   * {@code 第N网格} (urban-rural class, grid type and tags from the old grid of the run's first unit),
   * their units numbered 1, 2, .... Every old grid maps in the diff to the new grid that holds its
   * first unit.
   *
   * @param communityCode the community; it must have at least one unit
   * @param targetHouseholdsPerGrid the target, at least 1
   * @return this editor
   */
  @CanIgnoreReturnValue
  public RegionTreeEditor regrid(long communityCode, long targetHouseholdsPerGrid) {
    checkArgument(
        targetHouseholdsPerGrid >= 1,
        "targetHouseholdsPerGrid must be at least 1 but was %s",
        targetHouseholdsPerGrid);
    return add(
        "regrid(" + communityCode + ", " + targetHouseholdsPerGrid + ")",
        m -> m.regrid(communityCode, targetHouseholdsPerGrid));
  }

  /**
   * Renames a region; its code does not change.
   *
   * @param code the region
   * @param newName the new name, not blank, without control characters
   * @return this editor
   */
  @CanIgnoreReturnValue
  public RegionTreeEditor rename(long code, String newName) {
    Objects.requireNonNull(newName, "newName");
    return add("rename(" + code + ")", m -> m.rename(code, newName));
  }

  /**
   * Retires a region and its whole subtree. The only edit that does not conserve population and
   * households.
   *
   * @param code the region
   * @return this editor
   */
  @CanIgnoreReturnValue
  public RegionTreeEditor retire(long code) {
    return add("retire(" + code + ")", m -> m.retire(code));
  }

  /**
   * Applies every edit and builds the new tree.
   *
   * @return the diff, holding the old and the new tree
   * @throws IllegalArgumentException if an edit is invalid; the message names the edit (1-based)
   *     and why
   * @throws IllegalStateException if called twice
   */
  public RegionTreeDiff apply() {
    checkState(!applied, "apply() was already called on this editor");
    applied = true;
    Model m = new Model(tree);
    for (int k = 0; k < edits.size(); k++) {
      try {
        edits.get(k).accept(m);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "edit %d of %d, %s: %s",
                k + 1,
                edits.size(),
                descriptions.get(k),
                e.getMessage()),
            e);
      }
    }
    return m.finish(newEdition);
  }

  /** The mutable working copy of the tree. Rows 0..n-1 are the old tree's regions in its order. */
  private static final class Model {
    private static final RegionLevel[] LEVELS = RegionLevel.values();
    private final RegionTree tree;
    private final CodeScheme scheme;
    private final int oldSize;
    private int rows;
    private long[] code;
    private int[] parentRow;
    private byte[] depth;
    private int[] population;
    private int[] households;
    private float[] area;
    private byte[] urbanRural;
    private byte[] gridType;
    private boolean[] dead;
    private int[] forward;
    private byte[] kind; // 0 none, else Kind.ordinal()+1
    private final Map<Integer, String> names = new HashMap<>();
    private final Map<Integer, ImmutableSortedSet<String>> tags = new HashMap<>();
    private final Map<Long, Integer> byCode = new HashMap<>();
    private final Map<Integer, List<Integer>> kids = new HashMap<>();

    Model(RegionTree tree) {
      this.tree = tree;
      this.scheme = tree.codeScheme();
      int n = tree.size();
      this.oldSize = n;
      this.rows = n;
      int cap = n + 16;
      code = new long[cap];
      parentRow = new int[cap];
      depth = new byte[cap];
      population = new int[cap];
      households = new int[cap];
      area = new float[cap];
      urbanRural = new byte[cap];
      gridType = new byte[cap];
      dead = new boolean[cap];
      forward = new int[cap];
      kind = new byte[cap];
      for (int i = 0; i < n; i++) {
        code[i] = tree.codeAt(i);
        parentRow[i] = tree.parentAt(i);
        depth[i] = (byte) tree.depthAt(i);
        population[i] = tree.populationAt(i);
        households[i] = tree.householdsAt(i);
        area[i] = tree.areaAt(i);
        urbanRural[i] = (byte) tree.urbanRuralBits(i);
        gridType[i] = (byte) tree.gridTypeBits(i);
      }
      Arrays.fill(forward, -1);
    }

    private int newRow() {
      if (rows == code.length) {
        int cap = code.length * 2;
        code = Arrays.copyOf(code, cap);
        parentRow = Arrays.copyOf(parentRow, cap);
        depth = Arrays.copyOf(depth, cap);
        population = Arrays.copyOf(population, cap);
        households = Arrays.copyOf(households, cap);
        area = Arrays.copyOf(area, cap);
        urbanRural = Arrays.copyOf(urbanRural, cap);
        gridType = Arrays.copyOf(gridType, cap);
        dead = Arrays.copyOf(dead, cap);
        int old = forward.length;
        forward = Arrays.copyOf(forward, cap);
        Arrays.fill(forward, old, cap, -1);
        kind = Arrays.copyOf(kind, cap);
      }
      int r = rows++;
      kids.put(r, new ArrayList<>());
      return r;
    }

    private String name(int r) {
      String n = names.get(r);
      return n != null ? n : tree.nameAt(r);
    }

    private ImmutableSortedSet<String> tagsOf(int r) {
      ImmutableSortedSet<String> t = tags.get(r);
      return t != null ? t : (r < oldSize ? tree.tagsAt(r) : ImmutableSortedSet.of());
    }

    private int row(long c) {
      Integer r = byCode.get(c);
      if (r != null && !dead[r] && code[r] == c) {
        return r;
      }
      int i = tree.indexOf(c);
      return i >= 0 && !dead[i] && code[i] == c ? i : -1;
    }

    private int row(long c, RegionLevel level) {
      int r = row(c);
      checkArgument(r >= 0, "no region with code %s", c);
      checkArgument(depth[r] == level.depth(), "%s is a %s, not a %s", c, LEVELS[depth[r]], level);
      return r;
    }

    private List<Integer> kids(int r) {
      List<Integer> k = kids.get(r);
      if (k == null) {
        k = new ArrayList<>();
        int stop = tree.endAt(r);
        for (int c = r + 1; c < stop; c = tree.endAt(c)) {
          k.add(c);
        }
        kids.put(r, k);
      }
      return k;
    }

    private void recode(int r, long newCode, RegionTreeDiff.Kind k) {
      byCode.remove(code[r], r);
      code[r] = newCode;
      byCode.put(newCode, r);
      kind[r] = (byte) (k.ordinal() + 1);
      if (depth[r] < 4) {
        for (int c : kids(r)) {
          recode(c, scheme.childCode(newCode, scheme.localNumber(code[c])), k);
        }
      }
    }

    private long nextChildCode(int p) {
      long max = 0;
      for (int c : kids(p)) {
        max = Math.max(max, scheme.localNumber(code[c]));
      }
      RegionLevel childLevel = LEVELS[depth[p] + 1];
      checkArgument(
          max < scheme.maxLocalNumber(childLevel),
          "%s %s has no free %s number left (the largest is %s)",
          LEVELS[depth[p]],
          code[p],
          childLevel,
          max);
      return scheme.childCode(code[p], max + 1);
    }

    private void moveUnder(int r, int newParent, long newCode, RegionTreeDiff.Kind k) {
      kids(parentRow[r]).remove(Integer.valueOf(r));
      kids(newParent).add(r);
      parentRow[r] = newParent;
      recode(r, newCode, k);
    }

    private void mark(int r, RegionTreeDiff.Kind k) {
      kind[r] = (byte) (k.ordinal() + 1);
    }

    void splitGrid(long gridCode, List<ImmutableList<Long>> groups) {
      int g = row(gridCode, RegionLevel.GRID);
      checkArgument(
          groups.size() >= 2,
          "a split needs at least two groups of units but got %s",
          groups.size());
      Set<Integer> units = new HashSet<>(kids(g));
      Set<Integer> seen = new HashSet<>();
      List<List<Integer>> rowGroups = new ArrayList<>();
      for (ImmutableList<Long> group : groups) {
        checkArgument(!group.isEmpty(), "every group of a split must hold at least one unit");
        List<Integer> rg = new ArrayList<>();
        for (long u : group) {
          int r = row(u);
          checkArgument(r >= 0 && units.contains(r), "unit %s is not in grid %s", u, gridCode);
          checkArgument(seen.add(r), "unit %s appears twice in the split", u);
          rg.add(r);
        }
        rowGroups.add(rg);
      }
      checkArgument(
          seen.size() == units.size(),
          "the groups hold %s of the %s units of grid %s; a split must place every unit",
          seen.size(),
          units.size(),
          gridCode);
      int community = parentRow[g];
      mark(g, RegionTreeDiff.Kind.SPLIT);
      for (int j = 1; j < rowGroups.size(); j++) {
        long newGridCode = nextChildCode(community);
        int ng = newRow();
        code[ng] = newGridCode;
        byCode.put(newGridCode, ng);
        depth[ng] = (byte) RegionLevel.GRID.depth();
        parentRow[ng] = community;
        kids(community).add(ng);
        names.put(ng, name(g) + "-" + (j + 1));
        urbanRural[ng] = urbanRural[g];
        gridType[ng] = gridType[g];
        tags.put(ng, tagsOf(g));
        long local = 1;
        for (int u : rowGroups.get(j)) {
          moveUnder(u, ng, scheme.childCode(newGridCode, local++), RegionTreeDiff.Kind.SPLIT);
        }
      }
    }

    void mergeGrids(List<Long> gridCodes) {
      checkArgument(
          gridCodes.size() >= 2, "a merge needs at least two grids but got %s", gridCodes);
      checkArgument(
          new HashSet<>(gridCodes).size() == gridCodes.size(),
          "grids to merge must be distinct: %s",
          gridCodes);
      int survivor = row(gridCodes.get(0), RegionLevel.GRID);
      for (int k = 1; k < gridCodes.size(); k++) {
        int g = row(gridCodes.get(k), RegionLevel.GRID);
        checkArgument(
            parentRow[g] == parentRow[survivor],
            "grid %s is in community %s but grid %s is in %s; only grids of one community merge",
            gridCodes.get(k),
            code[parentRow[g]],
            gridCodes.get(0),
            code[parentRow[survivor]]);
      }
      mark(survivor, RegionTreeDiff.Kind.MERGED);
      for (int k = 1; k < gridCodes.size(); k++) {
        int g = row(gridCodes.get(k), RegionLevel.GRID);
        for (int u : new ArrayList<>(kids(g))) {
          moveUnder(u, survivor, nextChildCode(survivor), RegionTreeDiff.Kind.MERGED);
        }
        dissolve(g, survivor, RegionTreeDiff.Kind.MERGED);
      }
    }

    /** Removes an empty grid, handing its own population and households to {@code heir}. */
    private void dissolve(int g, int heir, RegionTreeDiff.Kind k) {
      population[heir] += population[g];
      households[heir] += households[g];
      population[g] = 0;
      households[g] = 0;
      kids(parentRow[g]).remove(Integer.valueOf(g));
      byCode.remove(code[g], g);
      dead[g] = true;
      forward[g] = heir;
      mark(g, k);
    }

    void moveUnit(long unitCode, long targetGridCode) {
      int u = row(unitCode, RegionLevel.UNIT);
      int g = row(targetGridCode, RegionLevel.GRID);
      checkArgument(parentRow[u] != g, "unit %s is already in grid %s", unitCode, targetGridCode);
      moveUnder(u, g, nextChildCode(g), RegionTreeDiff.Kind.MOVED);
    }

    void regrid(long communityCode, long target) {
      int c = row(communityCode, RegionLevel.COMMUNITY);
      List<Integer> oldGrids = new ArrayList<>(kids(c));
      oldGrids.sort((a, b) -> Long.compare(code[a], code[b]));
      List<Integer> units = new ArrayList<>();
      List<Integer> unitOldGrid = new ArrayList<>();
      for (int g : oldGrids) {
        List<Integer> us = new ArrayList<>(kids(g));
        us.sort((a, b) -> Long.compare(code[a], code[b]));
        for (int u : us) {
          units.add(u);
          unitOldGrid.add(g);
        }
      }
      checkArgument(!units.isEmpty(), "community %s has no units to re-grid", communityCode);
      // Cut into runs.
      List<Integer> runStart = new ArrayList<>();
      long h = 0;
      for (int k = 0; k < units.size(); k++) {
        long x = households[units.get(k)];
        if (k == 0 || (h + x > target && h + x - target > target - h)) {
          runStart.add(k);
          h = 0;
        }
        h += x;
      }
      checkArgument(
          runStart.size() <= scheme.maxLocalNumber(RegionLevel.GRID),
          "re-gridding community %s to %s households per grid needs %s grids; a community holds at most %s",
          communityCode,
          target,
          runStart.size(),
          scheme.maxLocalNumber(RegionLevel.GRID));
      // Detach everything first so that new codes cannot collide with old ones.
      for (int u : units) {
        byCode.remove(code[u], u);
      }
      int[] newGrid = new int[runStart.size()];
      for (int j = 0; j < runStart.size(); j++) {
        int first = runStart.get(j);
        int template = unitOldGrid.get(first);
        int ng = newRow();
        newGrid[j] = ng;
        depth[ng] = (byte) RegionLevel.GRID.depth();
        parentRow[ng] = c;
        names.put(ng, "第" + (j + 1) + "网格");
        urbanRural[ng] = urbanRural[template];
        gridType[ng] = gridType[template];
        tags.put(ng, tagsOf(template));
      }
      Map<Integer, Integer> heirOf = new HashMap<>();
      for (int j = 0; j < runStart.size(); j++) {
        int from = runStart.get(j);
        int to = j + 1 < runStart.size() ? runStart.get(j + 1) : units.size();
        for (int k = from; k < to; k++) {
          heirOf.putIfAbsent(unitOldGrid.get(k), newGrid[j]);
        }
      }
      for (int g : oldGrids) {
        kids(g).clear();
        dissolve(g, heirOf.getOrDefault(g, newGrid[0]), RegionTreeDiff.Kind.REGRIDDED);
      }
      for (int j = 0; j < runStart.size(); j++) {
        int ng = newGrid[j];
        long gc = scheme.childCode(communityCode, j + 1);
        code[ng] = gc;
        byCode.put(gc, ng);
        kids(c).add(ng);
        int from = runStart.get(j);
        int to = j + 1 < runStart.size() ? runStart.get(j + 1) : units.size();
        long local = 1;
        for (int k = from; k < to; k++) {
          int u = units.get(k);
          parentRow[u] = ng;
          kids(ng).add(u);
          recode(u, scheme.childCode(gc, local++), RegionTreeDiff.Kind.REGRIDDED);
        }
      }
    }

    void rename(long c, String newName) {
      int r = row(c);
      checkArgument(r >= 0, "no region with code %s", c);
      checkArgument(!newName.isBlank(), "the new name of %s must not be blank", c);
      String problem = RegionTree.Builder.nameProblem(newName);
      checkArgument(problem == null, "the new name of %s: %s", c, problem);
      names.put(r, newName);
    }

    void retire(long c) {
      int r = row(c);
      checkArgument(r >= 0, "no region with code %s", c);
      if (parentRow[r] >= 0) {
        kids(parentRow[r]).remove(Integer.valueOf(r));
      }
      kill(r);
    }

    private void kill(int r) {
      for (int k : kids(r)) {
        kill(k);
      }
      byCode.remove(code[r], r);
      dead[r] = true;
      forward[r] = -1;
      mark(r, RegionTreeDiff.Kind.RETIRED);
    }

    RegionTreeDiff finish(LocalDate edition) {
      RegionTree.Builder b = new RegionTree.Builder(scheme, edition, "RegionTreeEditor");
      for (int r = 0; r < rows; r++) {
        if (dead[r]) {
          continue;
        }
        int d = depth[r];
        if (d == 0) {
          b.addDistrict(code[r], name(r));
        } else {
          b.add(LEVELS[d], code[r], code[parentRow[r]], name(r));
        }
        b.population(population[r]).households(households[r]).area(area[r]);
        if (urbanRural[r] != 0) {
          b.urbanRural(UrbanRuralClass.values()[urbanRural[r] - 1]);
        }
        if (gridType[r] != 0) {
          b.gridType(GridType.values()[gridType[r] - 1]);
        }
        ImmutableSortedSet<String> t = tagsOf(r);
        if (!t.isEmpty()) {
          b.tags(t);
        }
      }
      RegionTree after = b.build();
      int changed = 0;
      for (int i = 0; i < oldSize; i++) {
        if (kind[i] != 0) {
          changed++;
        }
      }
      long[] oldCodes = new long[changed];
      long[] newCodes = new long[changed];
      boolean[] retired = new boolean[changed];
      RegionTreeDiff.Kind[] kinds = new RegionTreeDiff.Kind[changed];
      int k = 0;
      // Old rows are in pre-order, hence... not necessarily ascending code; sort below.
      Integer[] order = new Integer[changed];
      for (int i = 0; i < oldSize; i++) {
        if (kind[i] != 0) {
          order[k++] = i;
        }
      }
      Arrays.sort(order, (x, y) -> Long.compare(tree.codeAt(x), tree.codeAt(y)));
      for (int j = 0; j < changed; j++) {
        int i = order[j];
        oldCodes[j] = tree.codeAt(i);
        kinds[j] = RegionTreeDiff.Kind.values()[kind[i] - 1];
        int f = i;
        while (f >= 0 && dead[f]) {
          f = forward[f];
        }
        if (f < 0) {
          retired[j] = true;
        } else {
          newCodes[j] = code[f];
        }
      }
      return new RegionTreeDiff(tree, after, oldCodes, newCodes, retired, kinds);
    }
  }
}
