package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Every dotted key path a scenario file may hold ({@code staffing.workers-per-grid}), and the
 * nearest one to an unknown key: first among the keys of the map the key is in, then over all
 * paths, so that a key written at the wrong level is named with the path where it belongs.
 */
final class KeyPaths {
  private KeyPaths() {}

  /** The paths, {@code []} standing for a list index ({@code categories[].share}). */
  static final ImmutableList<String> ALL = all();

  private static ImmutableList<String> all() {
    ImmutableList.Builder<String> b = ImmutableList.builder();
    b.addAll(ScenarioFileReader.KEYS);
    ScenarioFileReader.CATEGORY_KEYS.forEach(k -> b.add("categories[]." + k));
    ScenarioFileReader.STAFFING_KEYS.forEach(k -> b.add("staffing." + k));
    ScenarioFileReader.TRAVEL_KEYS.forEach(k -> b.add("travel." + k));
    PatrolSectionReader.KEYS.forEach(k -> b.add("patrol." + k));
    StaffSectionReader.KEYS.forEach(k -> b.add("staff." + k));
    RosterSectionReader.KEYS.forEach(k -> b.add("roster." + k));
    MechanismsReader.KEYS.forEach(k -> b.add("mechanisms." + k));
    SummonsReader.KEYS.forEach(k -> b.add("mechanisms." + k));
    SupervisionReader.KEYS.forEach(k -> b.add("mechanisms." + k));
    ExperimentSectionReader.KEYS.forEach(k -> b.add("experiment." + k));
    CalibrationSectionReader.KEYS.forEach(k -> b.add("calibration." + k));
    b.add("city.putian.generator-seed", "city.single-grid.residents");
    b.add("routing-policy.file", "sla-policy.file");
    return b.build();
  }

  /**
   * Returns {@code "; did you mean 'path'?"} for an unknown key, or "" when no key is near.
   *
   * @param prefix the path of the map the key is in, with its trailing dot ("" at the top)
   * @param given the unknown key
   * @param known the keys that map may hold
   * @return the hint, or ""
   */
  static String suggestion(String prefix, String given, List<String> known) {
    String lower = given.toLowerCase(Locale.ROOT);
    int threshold = threshold(lower);
    @Nullable String local = closest(lower, known, threshold);
    @Nullable String global = closest(lower, leaves(), threshold);
    int localDistance = local == null ? Integer.MAX_VALUE : distance(lower, local);
    int globalDistance = global == null ? Integer.MAX_VALUE : distance(lower, leaf(global));
    if (Math.min(localDistance, globalDistance) <= threshold) {
      // the map's own key wins a tie: "horizn" in travel is travel's if travel had "horizon"
      return localDistance <= globalDistance
          ? "; did you mean '" + prefix + local + "'?"
          : "; did you mean '" + global + "'?";
    }
    @Nullable String shortened = ScenarioFileReader.sharedStart(lower, known);
    return shortened == null ? "" : "; did you mean '" + prefix + shortened + "'?";
  }

  private static List<String> leaves() {
    return ALL;
  }

  private static int distance(String given, String key) {
    return ScenarioFileReader.editDistance(given, key);
  }

  /**
   * The candidate (a key, or a path compared by its last part) nearest by edit distance among those
   * that may lie within {@code threshold} edits ({@link ScenarioFileReader#mayBeWithin}), or null;
   * the others could not be suggested, so their distance is not computed.
   */
  private static @Nullable String closest(String lower, List<String> candidates, int threshold) {
    @Nullable String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      String leaf = leaf(c);
      if (!ScenarioFileReader.mayBeWithin(lower, leaf, threshold)) {
        continue;
      }
      int d = distance(lower, leaf);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  private static String leaf(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  private static int threshold(String given) {
    return Math.max(2, given.length() / 3);
  }
}
