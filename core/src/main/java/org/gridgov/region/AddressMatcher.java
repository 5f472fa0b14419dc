package org.gridgov.region;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the region a written address names, by the names of a region tree's regions (地址匹配 against
 * the tree as the standard address list): "城厢区龙桥街道第1社区第3网格7号楼" names one unit.
 *
 * <p>The rule, in full:
 *
 * <ol>
 *   <li>The address is normalised by Unicode NFKC (full-width digits and letters become ASCII) and
 *       its white space removed.
 *   <li>Every occurrence of a region's name is a <em>hit</em>. A district's or street's name also
 *       hits without its generic suffix (区, 县, 市; 街道, 镇, 乡) when two or more characters remain
 *       ("龙桥" for 龙桥街道). A hit lying strictly inside a longer hit is dropped ("3号楼" inside "13号楼",
 *       "龙桥" inside "龙桥街道").
 *   <li>A <em>chain</em> is a sequence of hits, left to right and not overlapping, each naming a
 *       region below the one before (levels may be skipped: "龙桥街道7号楼" is a chain if that unit lies
 *       in that street).
 *   <li>The best chain ends at the deepest level; among those, it has the most links; among those,
 *       the most characters matched. Its last region is the match. Equally good chains ending at
 *       different regions make the address {@link AddressMatch.Outcome#AMBIGUOUS}.
 * </ol>
 *
 * <p>So a name that contradicts the rest ("霞林街道" before a community of another street) is outvoted
 * by a deeper chain, not an error; a caller that needs a grid checks the match's level. Chinese
 * numerals ("三号楼") are not read as digits. Pure and immutable: build once per tree, share between
 * threads.
 */
public final class AddressMatcher {

  /** The longest address accepted, in characters (after normalisation). */
  public static final int MAX_ADDRESS_LENGTH = 1_000;

  private static final String[] DISTRICT_SUFFIXES = {"区", "县", "市"};
  private static final String[] STREET_SUFFIXES = {"街道", "镇", "乡"};

  private final RegionTree tree;
  private final Map<String, int[]> regionsByName;
  private final int longestName;

  private AddressMatcher(RegionTree tree, Map<String, int[]> regionsByName, int longestName) {
    this.tree = tree;
    this.regionsByName = regionsByName;
    this.longestName = longestName;
  }

  /**
   * Indexes the names of every region of a tree.
   *
   * @param tree the tree whose names addresses use
   * @return a matcher for that tree
   */
  public static AddressMatcher of(RegionTree tree) {
    Objects.requireNonNull(tree, "tree");
    Map<String, List<Integer>> lists = new HashMap<>();
    for (int i = 0; i < tree.size(); i++) {
      String name = normalise(tree.nameAt(i));
      add(lists, name, i);
      String[] suffixes =
          switch (tree.depthAt(i)) {
            case 0 -> DISTRICT_SUFFIXES;
            case 1 -> STREET_SUFFIXES;
            default -> new String[0];
          };
      for (String suffix : suffixes) {
        if (name.endsWith(suffix) && name.length() - suffix.length() >= 2) {
          add(lists, name.substring(0, name.length() - suffix.length()), i);
        }
      }
    }
    Map<String, int[]> index = new HashMap<>(lists.size() * 2);
    int longest = 0;
    for (Map.Entry<String, List<Integer>> e : lists.entrySet()) {
      index.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).distinct().toArray());
      longest = Math.max(longest, e.getKey().length());
    }
    return new AddressMatcher(tree, index, longest);
  }

  private static void add(Map<String, List<Integer>> lists, String name, int index) {
    if (!name.isEmpty()) {
      lists.computeIfAbsent(name, k -> new ArrayList<>(1)).add(index);
    }
  }

  /**
   * Returns the tree this matcher reads names from.
   *
   * @return the tree
   */
  public RegionTree tree() {
    return tree;
  }

  /**
   * Finds the region an address names.
   *
   * @param address the written address (personal data: it appears in no message)
   * @return the match: one region, several equally good ones, or none
   * @throws IllegalArgumentException if the address is longer than {@link #MAX_ADDRESS_LENGTH}
   *     characters after normalisation
   */
  public AddressMatch match(String address) {
    Objects.requireNonNull(address, "address");
    String text = normalise(address);
    checkArgument(
        text.length() <= MAX_ADDRESS_LENGTH,
        "the address has %s characters: at most %s",
        text.length(),
        MAX_ADDRESS_LENGTH);
    List<Hit> hits = outermost(hits(text));
    Map<Integer, Score> scores = new Chains(tree, hits).score();
    return best(scores);
  }

  static String normalise(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
    StringBuilder b = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  private List<Hit> hits(String text) {
    List<Hit> hits = new ArrayList<>();
    for (int s = 0; s < text.length(); s++) {
      int max = Math.min(longestName, text.length() - s);
      for (int len = 1; len <= max; len++) {
        int[] regions = regionsByName.get(text.substring(s, s + len));
        if (regions != null) {
          hits.add(new Hit(s, s + len, regions));
        }
      }
    }
    return hits;
  }

  /**
   * Drops the hits that lie strictly inside a longer hit, unless another hit ends exactly where the
   * inner one starts, inside the longer one: then the longer one straddles two names ("专属网格1" then
   * "1号楼" also reads "11号楼") and the inner one stays.
   */
  private static List<Hit> outermost(List<Hit> hits) {
    List<Hit> kept = new ArrayList<>(hits.size());
    for (Hit h : hits) {
      boolean hidden = false;
      for (Hit o : hits) {
        if (o.start <= h.start
            && h.end <= o.end
            && o.length() > h.length()
            && !(o.start < h.start && endsAt(hits, h.start))) {
          hidden = true;
          break;
        }
      }
      if (!hidden) {
        kept.add(h);
      }
    }
    return kept;
  }

  private static boolean endsAt(List<Hit> hits, int position) {
    for (Hit x : hits) {
      if (x.end == position) {
        return true;
      }
    }
    return false;
  }

  private AddressMatch best(Map<Integer, Score> scores) {
    if (scores.isEmpty()) {
      return new AddressMatch(
          AddressMatch.Outcome.UNMATCHED, java.util.Optional.empty(), ImmutableList.of(), 0);
    }
    Comparator<Map.Entry<Integer, Score>> order =
        Comparator.comparingInt((Map.Entry<Integer, Score> e) -> tree.depthAt(e.getKey()))
            .thenComparing(Map.Entry::getValue);
    Map.Entry<Integer, Score> top = scores.entrySet().stream().max(order).orElseThrow();
    int[] tied =
        scores.entrySet().stream()
            .filter(e -> order.compare(e, top) == 0)
            .mapToInt(Map.Entry::getKey)
            .sorted()
            .toArray();
    if (tied.length == 1) {
      Region r = tree.region(tied[0]);
      return new AddressMatch(
          AddressMatch.Outcome.MATCHED, java.util.Optional.of(r), ImmutableList.of(r), 1);
    }
    List<Region> all = Arrays.stream(tied).mapToObj(tree::region).toList();
    return new AddressMatch(
        AddressMatch.Outcome.AMBIGUOUS,
        tree.lowestCommonAncestor(all),
        ImmutableList.copyOf(all.subList(0, Math.min(all.size(), AddressMatch.MAX_CANDIDATES))),
        tied.length);
  }

  /** One occurrence of a name: characters {@code [start, end)} of the address. */
  private static final class Hit {
    final int start;
    final int end;
    final int[] regions;
    int order;

    Hit(int start, int end, int[] regions) {
      this.start = start;
      this.end = end;
      this.regions = regions;
    }

    int start() {
      return start;
    }

    int end() {
      return end;
    }

    int length() {
      return end - start;
    }
  }

  /** The quality of the best chain ending at a region: links first, then characters matched. */
  private record Score(int links, int chars) implements Comparable<Score> {
    Score plus(int length) {
      return new Score(links + 1, chars + length);
    }

    @Override
    public int compareTo(Score o) {
      return links != o.links ? Integer.compare(links, o.links) : Integer.compare(chars, o.chars);
    }
  }

  /**
   * The best chain ending at each hit region, left to right: a hit extends the best chain of any
   * ancestor of its region among the hits that ended at or before its start.
   */
  private static final class Chains {
    private final RegionTree tree;
    private final List<Hit> byStart;
    private final List<Hit> byEnd;
    private final Map<Integer, Score> ended = new HashMap<>();
    private final Map<Integer, Score> best = new HashMap<>();

    Chains(RegionTree tree, List<Hit> hits) {
      this.tree = tree;
      this.byStart = hits.stream().sorted(Comparator.comparingInt(Hit::start)).toList();
      this.byEnd = hits.stream().sorted(Comparator.comparingInt(Hit::end)).toList();
    }

    Map<Integer, Score> score() {
      List<Map<Integer, Score>> atHit = new ArrayList<>(byStart.size());
      for (int i = 0; i < byStart.size(); i++) {
        byStart.get(i).order = i;
        atHit.add(Map.of());
      }
      int nextEnded = 0;
      for (Hit h : byStart) {
        while (nextEnded < byEnd.size() && byEnd.get(nextEnded).end <= h.start) {
          Hit done = byEnd.get(nextEnded++);
          atHit.get(done.order).forEach((r, s) -> ended.merge(r, s, Chains::max));
        }
        Map<Integer, Score> here = new HashMap<>();
        for (int r : h.regions) {
          Score s = bestAncestor(r).plus(h.length());
          here.merge(r, s, Chains::max);
          best.merge(r, s, Chains::max);
        }
        atHit.set(h.order, here);
      }
      return best;
    }

    private Score bestAncestor(int region) {
      Score s = new Score(0, 0);
      for (int a = tree.parentAt(region); a >= 0; a = tree.parentAt(a)) {
        Score e = ended.get(a);
        if (e != null && e.compareTo(s) > 0) {
          s = e;
        }
      }
      return s;
    }

    private static Score max(Score a, Score b) {
      return a.compareTo(b) >= 0 ? a : b;
    }
  }
}
